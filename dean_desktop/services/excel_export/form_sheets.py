"""Building blocks of the blank forms: styles, dropdowns and checks, label sheets, table sheets, hidden sheets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.dimensions import ColumnDimension
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from .safe import write

FONT_NAME = "Times New Roman"
TITLE_ROW, NOTE_ROW = 1, 2
LABEL_FIRST_ROW = 4  # label sheets: labels from this row, one row per label
HEADER_ROW = 3  # table sheets: the header row; data start right below
MAX_COLUMN = 16384

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_LOCKED = Protection(locked=True)
_UNLOCKED = Protection(locked=False)
_LABEL_FILL = PatternFill("solid", fgColor="EDEDED")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")

#: Number format of the input cells of each kind of field ("@" keeps leading zeros and stops formulas).
NUMBER_FORMATS = {
    "date": "dd/mm/yyyy",
    "whole": "0",
    "birth_year": "0",
    "decimal": "General",
    "seq": "General",
}
TEXT_FORMAT = "@"

_ERROR_TITLE = "Giá trị không hợp lệ"
_DATE_MIN, _DATE_MAX = date(1990, 1, 1), date(2100, 12, 31)


@dataclass(frozen=True, slots=True)
class Field:
    """One label of a label sheet and the kind of value it takes."""

    label: str
    kind: str = "text"
    prompt: str = ""


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table sheet."""

    header: str
    kind: str = "text"
    width: float = 12


@dataclass(frozen=True, slots=True)
class ListSpec:
    """A dropdown list kept on the hidden lists sheet behind a defined name."""

    name: str
    values: tuple[str, ...]


# kind -> (defined name, error style, error text); every list validation refers to a defined name on `_lists`.
_LIST_KINDS: dict[str, tuple[str, str, str]] = {
    "yesno": ("DS_COKHONG", "stop", "Chỉ chọn Có hoặc Không trong danh sách."),
    "gender": ("DS_GIOITINH", "stop", "Chỉ chọn Nam hoặc Nữ trong danh sách."),
    "education": ("DS_CHUYENMON", "stop", "Chọn trình độ chuyên môn trong danh sách."),
    "theory": ("DS_LLCT", "stop", "Chọn trình độ lý luận chính trị trong danh sách."),
    "state": ("DS_QLNN", "stop", "Chọn trình độ quản lý nhà nước trong danh sách."),
    "ethnic": ("DS_DANTOC", "warning", "Dân tộc này không có trong danh mục 54 dân tộc. Vẫn giữ giá trị đã nhập?"),
    "period": ("DS_KYBAOCAO", "warning", "Kỳ báo cáo nên ghi như: Năm 2017, 6 tháng đầu năm 2017, Quý I/2017."),
    "commune": ("DS_XA", "warning", "Đơn vị này không phải xã, thị trấn của huyện: luân chuyển không được tính."),
}
_PROMPTS: dict[str, str] = {
    "date": "Nhập ngày dạng dd/mm/yyyy, ví dụ 25/11/2016.",
    "birth_year": "Nhập năm sinh 4 chữ số, ví dụ 1975.",
    "decimal": "Nhập một số, ví dụ 34,5 (m²).",
}


def _new_validation(kind: str) -> DataValidation | None:
    if kind in _LIST_KINDS:
        name, style, error = _LIST_KINDS[kind]
        dv = DataValidation(type="list", formula1=name, errorStyle=style)  # OOXML formulas carry no "="
    elif kind == "whole":
        dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
        error = "Nhập số nguyên không âm (0, 1, 2…)."
    elif kind == "decimal":
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
        dv.errorStyle = "warning"  # "34,5" typed on a machine with a decimal point stays text; the importer reads it
        error = "Nhập một số không âm, ví dụ 34,5."
    elif kind == "birth_year":
        dv = DataValidation(type="whole", operator="between", formula1="1930", formula2="2010")
        error = "Năm sinh phải là số nguyên từ 1930 đến 2010."
    elif kind == "date":
        low, high = int(to_excel(_DATE_MIN)), int(to_excel(_DATE_MAX))
        dv = DataValidation(type="date", operator="between", formula1=str(low), formula2=str(high))
        dv.errorStyle = "warning"  # a date typed as text in a non-Vietnamese locale must still be accepted
        error = "Nhập ngày dạng dd/mm/yyyy (từ năm 1990), ví dụ 25/11/2016."
    else:
        return None
    dv.allow_blank = True
    dv.showErrorMessage = True
    dv.showDropDown = False  # in OOXML "showDropDown" true *hides* the arrow
    dv.errorTitle = _ERROR_TITLE
    dv.error = error
    prompt = _PROMPTS.get(kind)
    if prompt:
        dv.showInputMessage = True
        dv.prompt = prompt
    return dv


class Validations:
    """One validation per kind of field on a sheet, collecting the ranges it covers."""

    def __init__(self, ws: Worksheet) -> None:
        self._ws = ws
        self._by_kind: dict[str, DataValidation | None] = {}

    def add(self, kind: str, ref: str) -> None:
        if kind not in self._by_kind:
            dv = _new_validation(kind)
            self._by_kind[kind] = dv
            if dv is not None:
                self._ws.add_data_validation(dv)
        dv = self._by_kind[kind]
        if dv is not None:
            dv.add(ref)


def wrapped_lines(text: str, width: float) -> int:
    """Lines a header takes when word-wrapped into a column ``width`` characters wide (bold: ~1.15 × wider)."""
    usable = max(1.0, width - 1)
    lines, current = 1, 0.0
    for word in text.split():
        size = len(word) * 1.15
        if current and current + 1 + size > usable:
            lines += 1
            current = size
        else:
            current = current + 1 + size if current else size
    return lines


# --------------------------------------------------------------------------- cell styles


def _font(size: int = 12, bold: bool = False, italic: bool = False, color: str | None = None) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, color=color)


def style_title(ws: Worksheet, last_column: int, text: str, note: str) -> None:
    """Merged title and instruction rows at the top of a sheet."""
    end = get_column_letter(last_column)
    title = write(ws, TITLE_ROW, 1, text)
    title.font = _font(14, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells(f"A{TITLE_ROW}:{end}{TITLE_ROW}")
    ws.row_dimensions[TITLE_ROW].height = 40
    line = write(ws, NOTE_ROW, 1, note)
    line.font = _font(11, italic=True, color="404040")
    line.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
    ws.merge_cells(f"A{NOTE_ROW}:{end}{NOTE_ROW}")
    ws.row_dimensions[NOTE_ROW].height = 32


def _input_alignment(kind: str) -> Alignment:
    horizontal = "center" if kind in ("seq", "birth_year", "gender", "yesno", "date") else None
    return Alignment(horizontal=horizontal, vertical="center", wrap_text=kind not in NUMBER_FORMATS)


def style_input(cell: Any, kind: str, bordered: bool = True) -> None:
    cell.font = _font()
    cell.number_format = NUMBER_FORMATS.get(kind, TEXT_FORMAT)
    cell.alignment = _input_alignment(kind)
    cell.protection = _UNLOCKED
    if bordered:
        cell.border = _BORDER


def _style_fixed(cell: Any, fill: PatternFill, center: bool) -> None:
    cell.font = _font(bold=True)
    cell.fill = fill
    cell.border = _BORDER
    cell.protection = _LOCKED
    cell.alignment = Alignment(horizontal="center" if center else "left", vertical="center", wrap_text=True)


# --------------------------------------------------------------------------- sheets


def _select(ws: Worksheet, coordinate: str) -> None:
    """Put the cursor on ``coordinate`` (in the scrolling pane when panes are frozen)."""
    view = ws.sheet_view
    active = view.pane.activePane if view.pane is not None else None
    for selection in view.selection:
        if selection.pane == active:
            selection.activeCell = selection.sqref = coordinate


def protect(ws: Worksheet, allow_rows: bool) -> None:
    """Sheet protection without a password; table sheets let users insert, delete and format rows."""
    p = ws.protection
    p.sheet = True
    p.formatColumns = False  # False = allowed: users may widen columns
    p.formatRows = False
    p.formatCells = False
    p.insertRows = not allow_rows
    p.deleteRows = not allow_rows
    p.autoFilter = not allow_rows
    p.selectLockedCells = False
    p.selectUnlockedCells = False


def print_setup(ws: Worksheet, landscape: bool, title_rows: str | None) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "Trang &P/&N"
    if title_rows:
        ws.print_title_rows = title_rows


def label_sheet(
    wb: Workbook, name: str, title: str, note: str, fields: Sequence[Field], values: dict[str, Any]
) -> Worksheet:
    """Labels in column A (locked), values in column B (unlocked, validated)."""
    ws = wb.create_sheet(name)
    ws.column_dimensions["A"].width = max(30, max(len(f.label) for f in fields) * 1.15 + 4)
    ws.column_dimensions["B"].width = 44
    style_title(ws, 2, title, note)
    validations = Validations(ws)
    for offset, field in enumerate(fields):
        row = LABEL_FIRST_ROW + offset
        _style_fixed(write(ws, row, 1, field.label), _LABEL_FILL, center=False)
        cell = write(ws, row, 2, values.get(field.label))
        style_input(cell, field.kind)
        validations.add(field.kind, cell.coordinate)
        ws.row_dimensions[row].height = 48 if field.kind == "note" else 21
    empty = [i for i, f in enumerate(fields) if values.get(f.label) is None]
    _select(ws, f"B{LABEL_FIRST_ROW + (empty[0] if empty else 0)}")
    protect(ws, allow_rows=False)
    print_setup(ws, landscape=False, title_rows=None)
    return ws


def table_sheet(
    wb: Workbook,
    name: str,
    title: str,
    note: str,
    columns: Sequence[Column],
    prefill: Sequence[Sequence[Any]] = (),
    bordered_rows: int = 20,
    validated_rows: int = 300,
    landscape: bool = False,
    frozen_columns: int = 0,
) -> Worksheet:
    """Title, instruction, one header row, then an open block of input rows.

    Every column is unlocked and formatted at column level, so rows typed below the bordered block (or inserted)
    are inputs too; dropdowns and checks cover ``validated_rows`` rows.
    """
    ws = wb.create_sheet(name)
    last = len(columns)
    style_title(ws, last, title, note)
    first, last_row = HEADER_ROW + 1, HEADER_ROW + validated_rows
    header_lines = 1
    validations = Validations(ws)
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        dim = ws.column_dimensions[letter]
        dim.width = column.width
        style_input(dim, column.kind, bordered=False)
        _style_fixed(write(ws, HEADER_ROW, index, column.header), _HEADER_FILL, center=True)
        header_lines = max(header_lines, wrapped_lines(column.header, column.width))
        validations.add(column.kind, f"{letter}{first}:{letter}{last_row}")
    rest = get_column_letter(last + 1)
    ws.column_dimensions[rest] = ColumnDimension(ws, index=rest, min=last + 1, max=MAX_COLUMN, width=9)
    ws.column_dimensions[rest].protection = _UNLOCKED
    ws.row_dimensions[HEADER_ROW].height = 16 * header_lines + 6
    for offset in range(max(bordered_rows, len(prefill))):
        values = prefill[offset] if offset < len(prefill) else ()
        for index, column in enumerate(columns, start=1):
            cell = write(ws, first + offset, index, values[index - 1] if index <= len(values) else None)
            style_input(cell, column.kind)
    ws.freeze_panes = f"{get_column_letter(frozen_columns + 1)}{first}"
    _select(ws, f"{get_column_letter(frozen_columns + 1)}{first}")
    protect(ws, allow_rows=True)
    print_setup(ws, landscape=landscape, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    return ws


def lists_sheet(wb: Workbook, name: str, lists: Sequence[ListSpec]) -> Worksheet:
    """Hidden sheet holding the dropdown values, one column per list, each behind a workbook-level defined name."""
    ws = wb.create_sheet(name)
    for index, spec in enumerate(lists, start=1):
        letter = get_column_letter(index)
        write(ws, 1, index, spec.name).font = _font(bold=True)
        for row, value in enumerate(spec.values, start=2):
            write(ws, row, index, value)
        ref = f"{quote_sheetname(name)}!${letter}$2:${letter}${len(spec.values) + 1}"
        wb.defined_names[spec.name] = DefinedName(spec.name, attr_text=ref)
        ws.column_dimensions[letter].width = max(14, max(len(v) for v in spec.values) + 2)
    ws.sheet_state = "hidden"
    protect(ws, allow_rows=False)
    return ws


def meta_sheet(wb: Workbook, name: str, pairs: Sequence[tuple[str, str]]) -> Worksheet:
    """Very hidden sheet with the form's identity (key in A, value in B, all text)."""
    ws = wb.create_sheet(name)
    for row, (key, value) in enumerate(pairs, start=1):
        write(ws, row, 1, key)
        write(ws, row, 2, value).number_format = TEXT_FORMAT
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 28
    ws.sheet_state = "veryHidden"
    protect(ws, allow_rows=False)
    return ws
