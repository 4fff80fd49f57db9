"""Reading the sheets of a unit return into ReturnData parts; no database here (see plan.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..periods import Period
from ..returns import EdocData, OfficeData
from ..vntext import fold
from . import vocabulary
from .issues import Findings
from .labels import LabelValue, read_horizontal, read_labels
from .matching import Field, cell, looks_like_heading
from .reader import Cell
from .specs import EDOC, INFO, OFFICE
from .tables import Layout, extra_column_warnings, iter_data_rows, locate_table
from .values import (
    ValueProblem,
    date_problem,
    is_blank,
    is_mark,
    is_tick,
    parse_area,
    parse_count,
    parse_date,
    parse_yes_no,
    text,
)


@dataclass
class InfoPart:
    unit: LabelValue | None
    period: LabelValue | None
    reported_on: date | None = None
    reporter: str = ""
    phone: str = ""


def _label_value(sheet: str, item: LabelValue | None, parse: object, found: Findings) -> object:
    if item is None or is_blank(item.value):
        return None
    try:
        return parse(item.value)  # type: ignore[operator]
    except ValueProblem as problem:
        found.error(sheet, item.row, item.label, str(problem))
        return None


def _date_value(sheet: str, item: LabelValue | None, found: Findings, latest: date | None = None) -> date | None:
    """A dated label; a date before 1945 or after ``latest`` is an error."""
    if item is None or is_blank(item.value):
        return None
    try:
        day, note = parse_date(item.value)
    except ValueProblem as problem:
        found.error(sheet, item.row, item.label, str(problem))
        return None
    if note:
        found.warn(sheet, item.row, item.label, note)
    why = date_problem(day, latest) if day is not None else None
    if why:
        found.error(sheet, item.row, item.label, why)
        return None
    return day


def _optional_flag(sheet: str, item: LabelValue | None, found: Findings) -> bool | None:
    """An optional Có/Không: a blank next to its label means Không (communes mark only the "Có" with an x)."""
    if item is None:
        return None
    if is_blank(item.value):
        return False
    return _label_value(sheet, item, parse_yes_no, found)  # type: ignore[return-value]


def _phone(value: Cell) -> str:
    if isinstance(value, int) and 100_000_000 <= value <= 999_999_999:
        return f"0{value}"  # Excel dropped the leading zero of a mobile number
    return text(value)


def parse_info(sheet: str, rows: Sequence[Sequence[Cell]], found: Findings) -> InfoPart:
    labels = read_labels(rows, INFO)
    part = InfoPart(unit=labels.get("unit"), period=labels.get("period"))
    part.reported_on = _date_value(sheet, labels.get("reported_on"), found)
    part.reporter = vocabulary.person_name(labels["reporter"].value) if "reporter" in labels else ""
    part.phone = _phone(labels["phone"].value) if "phone" in labels else ""
    return part


def parse_office(
    sheet: str, rows: Sequence[Sequence[Cell]], found: Findings, period: Period | None = None
) -> OfficeData | None:
    labels = read_labels(rows, OFFICE)
    if "has_office" not in labels:
        labels = read_horizontal(rows, OFFICE, "has_office") or labels
    if not labels:
        if any(any(v is not None for v in row) for row in rows):
            found.warn(
                sheet, None, None, "không tìm thấy các mục của mẫu (Có phòng làm việc riêng, …); bỏ qua trang này."
            )
        return None
    before = len(found.errors)
    has_office_item = labels.get("has_office")
    has_office = _label_value(sheet, has_office_item, parse_yes_no, found)
    if has_office is None and len(found.errors) == before:
        row = has_office_item.row if has_office_item else None
        found.error(sheet, row, "Có phòng làm việc riêng", "chưa nhập (bắt buộc; ghi Có hoặc Không).")
    office = OfficeData(
        has_office=bool(has_office),
        floor_area=_label_value(sheet, labels.get("floor_area"), parse_area, found),  # type: ignore[arg-type]
        computers=_label_value(sheet, labels.get("computers"), parse_count, found),  # type: ignore[arg-type]
        printers=_label_value(sheet, labels.get("printers"), parse_count, found),  # type: ignore[arg-type]
        scanners=_label_value(sheet, labels.get("scanners"), parse_count, found),  # type: ignore[arg-type]
        internet=_optional_flag(sheet, labels.get("internet"), found),
        staff=_label_value(sheet, labels.get("staff"), parse_count, found),  # type: ignore[arg-type]
        procedures_posted=_optional_flag(sheet, labels.get("procedures_posted"), found),
        in_use_since=_date_value(sheet, labels.get("in_use_since"), found, period.end if period else None),
        notes=text(labels["notes"].value) if "notes" in labels else "",
    )
    return office if len(found.errors) == before else None


def _require_columns(sheet: str, layout: Layout, specs: Sequence[Field], found: Findings, also: set[str]) -> bool:
    ok = True
    for spec in specs:
        if spec.required and spec.name not in layout.columns and spec.name not in also:
            found.error(sheet, layout.header_rows[0] + 1, spec.label, "thiếu cột bắt buộc trong dòng tiêu đề.")
            ok = False
    return ok


def _no_header(sheet: str, key_label: str, found: Findings) -> None:
    found.error(
        sheet, None, None, f'không tìm thấy dòng tiêu đề có cột "{key_label}" trong 20 dòng đầu của trang tính.'
    )


def parse_edoc(
    sheet: str, rows: Sequence[Sequence[Cell]], found: Findings, period: Period | None = None
) -> list[EdocData] | None:
    layout = locate_table(rows, EDOC, "org_name")
    if layout is None:
        _no_header(sheet, "Tổ chức", found)
        return None
    found.warnings.extend(extra_column_warnings(sheet, layout))
    two_columns = "co" in layout.split or "khong" in layout.split
    if not _require_columns(sheet, layout, EDOC, found, {"exchanges"} if two_columns else set()):
        return None
    col = layout.columns
    data_rows = list(iter_data_rows(rows, layout, sheet, col["org_name"], found.warnings, col.get("stt")))
    # An "x" for Có with Không left blank: when the column holds only marks, blank means Không.
    marks_only = (
        not two_columns
        and any(is_tick(cell(r.values, col["exchanges"])) for r in data_rows)
        and all(is_blank(v) or is_tick(v) for v in (cell(r.values, col["exchanges"]) for r in data_rows))
    )
    before = len(found.errors)
    items: list[EdocData] = []
    seen: dict[str, int] = {}
    others = [i for i in set(col.values()) | set(layout.split.values()) if i not in (col["org_name"], col.get("stt"))]
    for data in data_rows:
        values = data.values
        name = text(cell(values, col["org_name"]))
        if name and _is_group_heading(cell(values, col.get("stt")), name, [cell(values, i) for i in others]):
            continue
        if not name:
            found.error(sheet, data.number, "Tổ chức", "chưa nhập tên tổ chức.")
            continue
        exchanges = _edoc_flag(sheet, data.number, values, layout, two_columns, marks_only, found)
        since: date | None = None
        if "since" in col:
            try:
                since, note = parse_date(cell(values, col["since"]))
                if note:
                    found.warn(sheet, data.number, "Từ ngày", note)
                why = date_problem(since, period.end if period else None) if since is not None else None
                if why:
                    found.error(sheet, data.number, "Từ ngày", why)
            except ValueProblem as problem:
                found.error(sheet, data.number, "Từ ngày", str(problem))
        if fold(name) in seen:
            found.warn(sheet, data.number, "Tổ chức", f'tổ chức "{name}" trùng với dòng {seen[fold(name)]}.')
        seen.setdefault(fold(name), data.number)
        if exchanges is not None:
            notes = text(cell(values, col.get("notes")))
            items.append(EdocData(org_name=name, exchanges=exchanges, since=since, notes=notes, seq=len(items) + 1))
    return items if len(found.errors) == before else None


def _is_group_heading(stt: Cell, name: str, rest: list[Cell]) -> bool:
    """A block heading between organisations ("II | Khối Chính quyền", "III. KHỐI ĐOÀN THỂ") with nothing else."""
    if any(not is_blank(v) for v in rest):
        return False
    return looks_like_heading(stt, name) or fold(name).startswith("khoi ")


def _edoc_flag(
    sheet: str, row: int, values: Sequence[Cell], layout: Layout, two_columns: bool, marks_only: bool, found: Findings
) -> bool | None:
    label = "Trao đổi văn bản điện tử"
    if two_columns:
        yes, no = is_mark(cell(values, layout.split.get("co"))), is_mark(cell(values, layout.split.get("khong")))
        if yes != no:
            return yes
        found.error(sheet, row, label, "đánh dấu cả Có và Không." if yes else "chưa đánh dấu Có hoặc Không.")
        return None
    raw = cell(values, layout.columns["exchanges"])
    if is_blank(raw):
        # The indicator is the share of organisations marked "Có" (PRODUCT.md §2): a blank is not a "Có". Refusing
        # the whole return over it would also drop the commune's office and every other row, so it counts as Không.
        if not marks_only:
            found.warn(sheet, row, label, "để trống; tính là Không (chưa trao đổi văn bản điện tử).")
        return False
    try:
        return parse_yes_no(raw)
    except ValueProblem as problem:
        found.error(sheet, row, label, str(problem))
        return None
