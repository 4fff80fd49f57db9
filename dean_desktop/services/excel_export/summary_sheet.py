"""A sheet of the summary workbook, written in openpyxl's write-only mode: title rows, a bold bordered header row
repeated on each printed page, frozen panes, A4 landscape fitted to the width, and data rows whose text stays text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList

from ..formatting import format_percent
from ..vocab import yes_no_label
from .safe import FORMULA_PREFIXES, clean_text, write_only_cell
from .text_width import (
    BODY_SIZE,
    FONT_NAME,
    LINE_POINTS,
    longest_word_width,
    text_width,
    widest_text_width,
    wrapped_lines,
)

PERCENT_FORMAT = "0.0 %"  # shows 16,4 % where the decimal separator is a comma (Vietnamese Windows)
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
HEADER_ROW = 4

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FONT = Font(name=FONT_NAME, size=BODY_SIZE, bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
_TITLE_FONT = Font(name=FONT_NAME, bold=True, size=14)
_SUBTITLE_FONT = Font(name=FONT_NAME, size=BODY_SIZE, italic=True)
_BODY_FONT = Font(name=FONT_NAME, size=BODY_SIZE, family=1)
_CENTER = Alignment(horizontal="center")
_TOP_WRAP = Alignment(vertical="top", wrap_text=True)
MIN_WIDTH = 5.0
WRAP_FROM = 24.0  # a column may grow to its given width or this, whichever is more; longer text wraps


def use_times_new_roman(wb: Workbook) -> None:
    """Times New Roman 12 as the workbook's Normal font, before any sheet is written: every cell without a font of
    its own, and Excel's unit of column width, follow it."""
    wb._fonts = IndexedList([_BODY_FONT])
    wb._named_styles["Normal"].font = _BODY_FONT


@dataclass(frozen=True, slots=True)
class Percent:
    """A share 0–100 to be written as a number with a percent format (``decimals`` from ``percent_decimals``)."""

    value: float | None
    decimals: int = 1

    @property
    def number_format(self) -> str:
        return PERCENT_FORMAT if self.decimals == 1 else f"0.{'0' * self.decimals} %"


def shown_text(value: Any) -> str:
    """The text a cell shows for ``value`` (what its printed width depends on)."""
    if value is None:
        return ""
    if isinstance(value, Percent):
        return format_percent(value.value) if value.value is not None else ""
    if isinstance(value, bool):
        return yes_no_label(value)
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value)


def _style_key(cell: Cell) -> tuple[int, ...]:
    """What style a cell already has (a number format, Excel's quote prefix), as a key."""
    return tuple(cell._style) if cell._style is not None else ()


class SummarySheet:
    """One write-only sheet: title rows, a bold bordered header row, then the data rows.

    Each column is as wide as its widest value and the longest word of its header, measured with Times New Roman's
    own metrics, up to its given width (or WRAP_FROM, whichever is more); longer values wrap within it and their row
    grows. ``boxed`` sheets (the short ones) get bordered, top-aligned cells; long registers stay plain cells (fast
    to write) and print with grid lines instead. Everything is written by :meth:`rows`, once the values are known:
    a write-only sheet takes its column widths before its first row.
    """

    def __init__(
        self,
        wb: Workbook,
        name: str,
        title: str,
        subtitle: str,
        columns: Sequence[tuple[str, float]],
        boxed: bool = True,
    ):
        self.ws = ws = wb.create_sheet(name)
        self.boxed = boxed
        self.title, self.subtitle = title, subtitle
        self.headers = [header for header, _ in columns]
        self.caps = [max(width, WRAP_FROM) for _, width in columns]
        self.widths = [width for _, width in columns]
        self.wrapping: list[bool] = []
        self._styles: dict[tuple[Any, ...], Any] = {}  # a style key -> the StyleArray set for it once
        self._wrap_columns: list[tuple[int, float]] = []  # (index, room) of the columns where some value wraps
        self.row_count = 0
        ws.freeze_panes = f"A{HEADER_ROW + 1}"
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.gridLines = not boxed
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.oddFooter.center.text = "Trang &P/&N"

    def _size_columns(self, rows: Sequence[Sequence[Any]]) -> None:
        """Every distinct value is measured (a short text in capitals can be wider than a long one)."""
        self.wrapping = []
        for index, header in enumerate(self.headers):
            values = {row[index] for row in rows if index < len(row)}
            values.discard(None)
            texts = {v if v.__class__ is str else shown_text(v) for v in values}
            content = widest_text_width(texts)
            header_word = longest_word_width(header, bold=True)
            width = round(max(MIN_WIDTH, header_word + 1, min(content + 1, self.caps[index])), 1)
            self.widths[index] = width
            self.wrapping.append(content > width - 0.5)  # some value of this column wraps within it
            self.ws.column_dimensions[get_column_letter(index + 1)].width = width

    def _write_heading(self) -> None:
        ws = self.ws
        last = get_column_letter(len(self.headers))
        ws.merged_cells.add(f"A1:{last}1")
        ws.merged_cells.add(f"A2:{last}2")
        lines = max(wrapped_lines(h, self.widths[i] - 0.5, bold=True) for i, h in enumerate(self.headers))
        ws.row_dimensions[HEADER_ROW].height = LINE_POINTS * max(lines, 2) + 4
        ws.append([self._styled(self.title, font=_TITLE_FONT, alignment=_CENTER)])
        ws.append([self._styled(self.subtitle, font=_SUBTITLE_FONT, alignment=_CENTER)])
        ws.append([])
        header = [
            self._styled(h, font=_HEADER_FONT, fill=_HEADER_FILL, border=_BORDER, alignment=_HEADER_ALIGN)
            for h in self.headers
        ]
        ws.append(header)

    def _styled(self, value: Any, **style: Any) -> Cell:
        cell = write_only_cell(self.ws, value)
        key = tuple((name, item if isinstance(item, str) else id(item)) for name, item in style.items())
        self._restyle(cell, (key, _style_key(cell)), style)
        return cell

    def _restyle(self, cell: Cell, key: tuple[Any, ...], style: dict[str, Any]) -> None:
        """Give ``cell`` ``style`` (``key``: the style and what the cell had): set once per distinct key, then
        copied — setting a style looks it up by hashing every part of it, which cost more than writing the cell
        (openpyxl copies ``_style`` the same way)."""
        known = self._styles.get(key)
        if known is not None:
            cell._style = copy(known)
            return
        for name, item in style.items():
            setattr(cell, name, item)
        self._styles[key] = copy(cell._style)

    def _plain(self, value: Any) -> Any:
        """A value for a plain row: a bare value where openpyxl writes it right, else a styled cell."""
        kind = value.__class__
        if value is None or kind is int or kind is float:  # the most common cells, written as they are
            return value
        if kind is str:
            return write_only_cell(self.ws, value) if value.startswith(FORMULA_PREFIXES) else clean_text(value)
        if isinstance(value, bool):
            return yes_no_label(value)
        if isinstance(value, Percent):
            return self._styled(None if value.value is None else value.value / 100, number_format=value.number_format)
        if isinstance(value, datetime):
            return self._styled(value, number_format=DATETIME_FORMAT)
        if isinstance(value, date):
            return self._styled(value, number_format=DATE_FORMAT)
        return value

    def _boxed(self, value: Any) -> Cell:
        plain = self._plain(value)
        cell = plain if isinstance(plain, Cell) else write_only_cell(self.ws, plain)
        self._restyle(cell, ("boxed", _style_key(cell)), {"border": _BORDER, "alignment": _TOP_WRAP})
        return cell

    def _row_lines(self, row: Sequence[Any]) -> dict[int, int]:
        """Lines each text cell that wraps takes in its column, by column index (only the columns where some value
        wraps are looked at; wrapped text does not grow its row everywhere: say so)."""
        lines = {}
        for index, room in self._wrap_columns:
            value = row[index] if index < len(row) else None
            if value.__class__ is str and text_width(value) > room:
                lines[index] = wrapped_lines(value, room)
        return lines

    def rows(self, rows: Iterable[Sequence[Any]]) -> None:
        ws = self.ws
        rows = list(rows)
        self._size_columns(rows)
        self._wrap_columns = [(i, self.widths[i] - 0.5) for i, wraps in enumerate(self.wrapping) if wraps]
        self._write_heading()
        plain = self._plain
        for row in rows:
            lines = self._row_lines(row)
            tallest = max(lines.values(), default=1)
            if tallest > 1:
                ws.row_dimensions[HEADER_ROW + 1 + self.row_count].height = LINE_POINTS * tallest + 2
            if self.boxed:
                ws.append([self._boxed(v) for v in row])
            else:
                cells = [plain(v) for v in row]
                for index, many in lines.items():
                    if many > 1:  # only the cells that wrap carry a style: the register stays fast to write
                        cell = cells[index] if isinstance(cells[index], Cell) else write_only_cell(ws, cells[index])
                        self._restyle(cell, ("wrap", _style_key(cell)), {"alignment": _TOP_WRAP})
                        cells[index] = cell
                ws.append(cells)
            self.row_count += 1
