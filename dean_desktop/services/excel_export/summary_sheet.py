"""A sheet of the summary workbook, written in openpyxl's write-only mode: title rows, a bold bordered header row
repeated on each printed page, frozen panes, A4 landscape fitted to the width, and data rows whose text stays text."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ..vocab import yes_no_label
from .safe import FORMULA_PREFIXES, clean_text, write_only_cell

PERCENT_FORMAT = "0.0 %"  # shows 16,4 % where the decimal separator is a comma (Vietnamese Windows)
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
HEADER_ROW = 4

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
_TITLE_FONT = Font(bold=True, size=14)
_SUBTITLE_FONT = Font(italic=True)
_CENTER = Alignment(horizontal="center")
_TOP_WRAP = Alignment(vertical="top", wrap_text=True)


@dataclass(frozen=True, slots=True)
class Percent:
    """A share 0–100 to be written as a number with a percent format (``decimals`` from ``percent_decimals``)."""

    value: float | None
    decimals: int = 1

    @property
    def number_format(self) -> str:
        return PERCENT_FORMAT if self.decimals == 1 else f"0.{'0' * self.decimals} %"


class SummarySheet:
    """One write-only sheet: title rows, a bold bordered header row, then the data rows.

    ``boxed`` sheets (the short ones) get bordered, top-aligned, wrapped data cells; long registers stay plain cells
    (fast to write) and print with grid lines instead.
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
        self.widths = [width for _, width in columns]
        self.row_count = 0
        last = get_column_letter(len(columns))
        for index, (_, width) in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
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
        ws.merged_cells.add(f"A1:{last}1")
        ws.merged_cells.add(f"A2:{last}2")
        lines = max(math.ceil(len(header) / max(width - 1.5, 1.0)) for header, width in columns)
        ws.row_dimensions[HEADER_ROW].height = 15 * max(lines, 2) + 3
        ws.append([self._styled(title, font=_TITLE_FONT, alignment=_CENTER)])
        ws.append([self._styled(subtitle, font=_SUBTITLE_FONT, alignment=_CENTER)])
        ws.append([])
        ws.append(
            [
                self._styled(header, font=_HEADER_FONT, fill=_HEADER_FILL, border=_BORDER, alignment=_HEADER_ALIGN)
                for header, _ in columns
            ]
        )

    def _styled(self, value: Any, **style: Any) -> Cell:
        cell = write_only_cell(self.ws, value)
        for key, item in style.items():
            setattr(cell, key, item)
        return cell

    def _plain(self, value: Any) -> Any:
        """A value for a plain row: a bare value where openpyxl writes it right, else a styled cell."""
        if value is None:
            return None
        if isinstance(value, str):
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
        cell.border = _BORDER
        cell.alignment = _TOP_WRAP
        return cell

    def _row_height(self, row: Sequence[Any]) -> float | None:
        """Wrapped text does not grow its row when the file is opened everywhere; estimate the lines it takes."""
        lines = 1
        for value, width in zip(row, self.widths, strict=False):
            if isinstance(value, str) and len(value) > width:
                lines = max(lines, math.ceil(len(value) / max(width * 1.2 - 1, 1.0)))
        return 15.0 * lines if lines > 1 else None

    def rows(self, rows: Iterable[Sequence[Any]]) -> None:
        ws = self.ws
        if not self.boxed:
            append, plain = ws.append, self._plain
            for row in rows:
                append([plain(v) for v in row])
                self.row_count += 1
            return
        for row in rows:
            height = self._row_height(row)
            if height is not None:
                ws.row_dimensions[HEADER_ROW + 1 + self.row_count].height = height
            ws.append([self._boxed(v) for v in row])
            self.row_count += 1
