"""The district workbook's `Chỉ tiêu` sheet: the target table, upserted by `Mã chỉ tiêu` (never deleting a target)."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import ValidationError
from ..projects import ProjectRow, find_project, list_projects
from ..target_rules import (
    CADRE_SHARE,
    METHODS,
    TargetRuleError,
    check_code,
    counted_codes,
    criterion_code,
    level_code,
    levels_for,
    method_code,
)
from ..targets import TargetInput, check_target, save_target, target_changes
from ..vntext import nfc
from .issues import Findings
from .matching import cell, fields
from .reader import Cell
from .tables import extra_column_warnings, iter_data_rows, locate_table
from .values import ValueProblem, is_blank, parse_number, text

TARGETS = fields(
    ("stt", "Số thứ tự", ["stt", "tt", "so tt", "so thu tu"]),
    ("code", "Mã chỉ tiêu", ["ma chi tieu", "ma", "ma so", "ma ct", "ma so chi tieu"], True),
    ("project", "Đề án", ["de an", "ten de an", "thuoc de an", "de an chuong trinh"]),
    ("title", "Nội dung chỉ tiêu", ["noi dung chi tieu", "noi dung", "chi tieu", "ten chi tieu"]),
    ("method", "Cách tính", ["cach tinh", "phuong phap tinh", "cach xac dinh", "phuong phap"]),
    ("level", "Cấp", ["cap", "cap tinh", "pham vi", "cap don vi"]),
    ("criterion", "Tiêu chí", ["tieu chi", "tieu chi tinh", "cot tinh"]),
    ("values", "Giá trị được tính", ["gia tri duoc tinh", "gia tri tinh", "gia tri", "cac gia tri duoc tinh"]),
    ("target_min", "Tối thiểu", ["toi thieu", "muc toi thieu", "min", "tu"]),
    ("target_max", "Tối đa", ["toi da", "muc toi da", "max", "den"]),
    ("deadline_year", "Năm hạn", ["nam han", "thoi han", "han", "nam hoan thanh", "han hoan thanh"]),
)  # fmt: skip

REQUIRED_COLUMNS = ("code", "project", "title", "method", "deadline_year")
COLUMN_LABELS = {f.name: f.label for f in TARGETS}


def _message(error: Exception) -> str:
    message = str(error)
    return message[:1].lower() + message[1:] if message[:2] != "Mã" else message


class _RowReader:
    """One data row: each problem becomes an error naming the row and the column."""

    def __init__(self, sheet: str, number: int, values: Sequence[Cell], col: dict[str, int], found: Findings):
        self.sheet, self.number, self.values, self.col, self.found = sheet, number, values, col, found
        self.failed = False

    def raw(self, name: str) -> Cell:
        return cell(self.values, self.col.get(name))

    def fail(self, name: str | None, message: str) -> None:
        self.found.error(self.sheet, self.number, COLUMN_LABELS.get(name or "", None), message)
        self.failed = True


def _read_row(row: _RowReader, projects: list[ProjectRow]) -> TargetInput | None:
    try:
        code = check_code(text(row.raw("code")))
    except TargetRuleError as error:
        row.fail("code", _message(error))
        code = ""
    project_raw = text(row.raw("project"))
    project = find_project(project_raw, projects) if project_raw else None
    if project is None:
        choices = "; ".join(f"{p.short_name} hoặc {p.name}" for p in projects)
        shown = f'"{project_raw}" không có' if project_raw else "chưa ghi đề án;"
        row.fail("project", f"đề án {shown} (chọn một trong: {choices}).")
    title = " ".join(nfc(text(row.raw("title"))).split())
    if not title:
        row.fail("title", "chưa ghi nội dung chỉ tiêu.")
    method = level = criterion = ""
    codes: list[str] = []
    try:
        method = _method(text(row.raw("method")))
    except TargetRuleError as error:
        row.fail("method", _message(error))
    if method:
        level = _level(row, method)
        try:
            criterion = criterion_code(method, text(row.raw("criterion")))
        except TargetRuleError as error:
            row.fail("criterion", _message(error))
        raw_values = text(row.raw("values"))
        if method == CADRE_SHARE and criterion:
            try:
                codes = counted_codes(criterion, raw_values)
            except TargetRuleError as error:
                row.fail("values", _message(error))
        elif method != CADRE_SHARE and raw_values:
            row.fail("values", f'cách tính "{METHODS[method]}" không dùng giá trị được tính (để trống ô này).')
    low, high = _number(row, "target_min"), _number(row, "target_max")
    year = _number(row, "deadline_year")
    if year is None and is_blank(row.raw("deadline_year")):
        row.fail("deadline_year", "chưa ghi năm hạn.")
    elif year is not None and year != int(year):
        row.fail("deadline_year", f'năm hạn "{text(row.raw("deadline_year"))}" không hợp lệ.')
    if row.failed or project is None:
        return None
    data = TargetInput(code, project.code, title, method, level, criterion, tuple(codes), low, high, int(year or 0))
    try:
        return check_target(data)
    except ValidationError as error:
        row.fail(None, _message(error))
        return None


def _method(raw: str) -> str:
    if not raw:
        raise TargetRuleError(f"chưa ghi cách tính (chọn một trong: {', '.join(METHODS.values())}).")
    return method_code(raw)


def _level(row: _RowReader, method: str) -> str:
    allowed = levels_for(method)
    raw = text(row.raw("level"))
    if not raw and len(allowed) == 1:
        return next(iter(allowed))
    try:
        code = level_code(raw) if raw else ""
    except TargetRuleError as error:
        row.fail("level", _message(error))
        return ""
    if code not in allowed:
        shown = f'cấp "{raw}" không dùng được' if raw else "chưa ghi cấp"
        row.fail("level", f'{shown} với cách tính "{METHODS[method]}" (chọn một trong: {", ".join(allowed.values())}).')
        return ""
    return code


def _number(row: _RowReader, name: str) -> float | None:
    value = row.raw(name)
    if is_blank(value):
        return None
    try:
        return parse_number(value)
    except ValueProblem as problem:
        row.fail(name, f"{problem}.")
        return None


def parse_targets(sheet: str, rows: Sequence[Sequence[Cell]], found: Findings) -> list[tuple[int, TargetInput]]:
    """Every row of the sheet as a checked target; errors name the row and the column (nothing is written)."""
    layout = locate_table(rows, TARGETS, "code")
    if layout is None or "code" not in layout.columns:
        message = 'không tìm thấy dòng tiêu đề có cột "Mã chỉ tiêu" trong 20 dòng đầu của trang tính.'
        found.error(sheet, None, None, message)
        return []
    missing = [COLUMN_LABELS[name] for name in REQUIRED_COLUMNS if name not in layout.columns]
    if "target_min" not in layout.columns and "target_max" not in layout.columns:
        missing.append("Tối thiểu hoặc Tối đa")
    if missing:
        found.error(sheet, layout.header_rows[0] + 1, None, f"thiếu cột {', '.join(missing)}.")
        return []
    found.warnings.extend(extra_column_warnings(sheet, layout))
    col = layout.columns
    projects = list_projects()
    items: list[tuple[int, TargetInput]] = []
    seen: dict[str, int] = {}
    for data in iter_data_rows(rows, layout, sheet, col["code"], found.warnings, col.get("stt")):
        reader = _RowReader(sheet, data.number, data.values, col, found)
        item = _read_row(reader, projects)
        if item is None:
            continue
        if item.code in seen:
            found.error(sheet, data.number, "Mã chỉ tiêu", f'mã "{item.code}" trùng với dòng {seen[item.code]}.')
            continue
        seen[item.code] = data.number
        items.append((data.number, item))
    if not items and not found.errors:
        found.error(sheet, None, None, "trang tính không có chỉ tiêu nào.")
    return items


def diff_targets(items: list[tuple[int, TargetInput]]) -> tuple[int, int]:
    """(added, changed) against the target table."""
    from ...models import Target

    known = {code for (code,) in Target.select(Target.code).tuples()}
    added = sum(1 for _, item in items if item.code not in known)
    changed = sum(1 for _, item in items if item.code in known and target_changes(item))
    return added, changed


def apply_targets(items: list[tuple[int, TargetInput]], source: str = "import") -> None:
    """Add new targets, change the ones whose code exists (audited); never delete. Inside the import's transaction."""
    for _, item in items:
        save_target(item, source)
