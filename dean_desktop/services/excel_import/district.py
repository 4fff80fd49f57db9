"""The district workbooks kept by the Organising Committee: `Luân chuyển` and `Ban Chỉ đạo`, upserted by natural key."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date

from ...models import Rotation, SteeringMember
from ..contacts import email_problem, phone_problem
from ..roster import MemberInput, add_member, set_member_units, update_member
from ..rotations import RotationInput, judge_rotations
from ..rows import RotationRow, UnitRow
from ..targets import TargetInput
from ..units import UnitNotFoundError
from ..vntext import fold, nfc
from . import vocabulary
from .identify import resolve_unit_loose
from .issues import Findings
from .matching import cell
from .reader import Cell
from .specs import ROSTER, ROTATIONS
from .tables import extra_column_warnings, iter_data_rows, locate_table
from .values import ValueProblem, is_blank, parse_count, parse_date, parse_yes_no, text

_DECISION_WITH_DATE = re.compile(r"^(?:s[oố]\s*:?\s*)?(?P<no>.+?)\s*,?\s*(?:ngay|ngày)\s+(?P<date>[\d/.\-]+)\s*$", re.I)
_MONTHS_YEARS = re.compile(r"^\s*(\d+(?:[.,]5)?)\s*(?:nam|năm)\s*$", re.I)


@dataclass
class MemberEntry:
    row: int
    data: MemberInput
    unit_ids: list[int] | None  # None: the workbook has no "Đơn vị phụ trách" column, keep the assignments
    columns: frozenset[str] = frozenset()


@dataclass
class DistrictPayload:
    rotations: list[tuple[int, RotationInput]] | None = None
    members: list[MemberEntry] | None = None
    targets: list[tuple[int, TargetInput]] | None = None
    notes: list[str] = field(default_factory=list)


def decision_key(decision_no: str, full_name: str) -> tuple[str, str]:
    """Natural key of a rotation: decision number without spaces, folded; the folded name."""
    return "".join(fold(decision_no).split()), fold(full_name)


def _months(value: Cell) -> int | None:
    if isinstance(value, str):
        match = _MONTHS_YEARS.match(fold(value))
        if match:
            return int(round(float(match.group(1).replace(",", ".")) * 12))
    months = parse_count(value, maximum=1000)
    if months is not None and not 0 < months <= 120:
        raise ValueProblem(f'thời gian luân chuyển "{text(value)}" tháng không hợp lệ (từ 1 đến 120 tháng)')
    return months


def _name_table(sheet: str, rows: Sequence[Sequence[Cell]], specs, found: Findings):  # type: ignore[no-untyped-def]
    """The table headed by "Họ và tên" (an error when there is none); unknown columns become warnings."""
    layout = locate_table(rows, specs, "full_name")
    if layout is None:
        found.error(
            sheet, None, None, 'không tìm thấy dòng tiêu đề có cột "Họ và tên" trong 20 dòng đầu của trang tính.'
        )
        return None
    found.warnings.extend(extra_column_warnings(sheet, layout))
    return layout


def parse_rotations(sheet: str, rows: Sequence[Sequence[Cell]], found: Findings) -> list[tuple[int, RotationInput]]:
    layout = _name_table(sheet, rows, ROTATIONS, found)
    if layout is None:
        return []
    col = layout.columns
    items: list[tuple[int, RotationInput]] = []
    seen: dict[tuple[str, str], int] = {}
    for data in iter_data_rows(rows, layout, sheet, col["full_name"], found.warnings, col.get("stt")):
        values, number = data.values, data.number
        before = len(found.errors)
        name = vocabulary.person_name(cell(values, col["full_name"]))
        if not name:
            found.error(sheet, number, "Họ và tên", "chưa nhập họ và tên.")
        decision_no = text(cell(values, col.get("decision_no")))
        decision_date: date | None = None
        raw_date = cell(values, col.get("decision_date"))
        if is_blank(raw_date) and decision_no:
            match = _DECISION_WITH_DATE.match(decision_no)
            if match:
                decision_no, raw_date = match.group("no").strip(" ,"), match.group("date")
        try:
            decision_date, note = parse_date(raw_date, allow_partial=False)
        except ValueProblem as problem:
            found.error(sheet, number, "Ngày quyết định", str(problem))
        try:
            months = _months(cell(values, col.get("months")))
        except ValueProblem as problem:
            found.error(sheet, number, "Thời gian (tháng)", str(problem))
            months = None
        try:
            from_head = parse_yes_no(cell(values, col.get("from_head")))
        except ValueProblem as problem:
            found.error(sheet, number, "Cấp trưởng", str(problem))
            from_head = None
        if len(found.errors) != before:
            continue
        key = decision_key(decision_no, name)
        if key in seen:
            found.warn(
                sheet, number, "Họ và tên", f'"{name}" theo quyết định "{decision_no}" trùng với dòng {seen[key]}.'
            )
        seen.setdefault(key, number)
        items.append(
            (
                number,
                RotationInput(
                    full_name=name,
                    from_position=text(cell(values, col.get("from_position"))),
                    to_position=text(cell(values, col.get("to_position"))),
                    decision_no=nfc(decision_no),
                    decision_date=decision_date,
                    months=months,
                    notes=text(cell(values, col.get("notes"))),
                    from_head=from_head,
                    from_unit=text(cell(values, col.get("from_unit"))),
                    to_unit=text(cell(values, col.get("to_unit"))),
                ),
            )
        )
    return items


def explain_rotations(
    sheet: str, items: list[tuple[int, RotationInput]], units: list[UnitRow], found: Findings
) -> None:
    """For each row that does not state "Cấp trưởng" or "Đơn vị đến", what the rotation rule infers from the posts'
    text and whether the row will count (a warning, so the preview and the command line show it)."""
    from ..indicators import project_window

    rows = [RotationRow(id=number, **asdict(item)) for number, item in items]
    communes = [u for u in units if u.is_commune]
    judged = judge_rotations(rows, communes, project_window())
    for row in rows:
        if row.from_head is None or not row.to_unit:
            found.warn(sheet, row.id, "Cấp trưởng", f"không ghi rõ cấp trưởng/đơn vị đến, suy ra từ chức vụ — "
                       f"{judged.verdicts[row.id].reason}")  # fmt: skip


def _split_units(raw: str) -> list[str]:
    return [part.strip(" .") for part in re.split(r"[;,\n]+", raw) if part.strip(" .")]


def parse_roster(
    sheet: str, rows: Sequence[Sequence[Cell]], units: list[UnitRow], found: Findings
) -> list[MemberEntry]:
    layout = _name_table(sheet, rows, ROSTER, found)
    if layout is None:
        return []
    col = layout.columns
    entries: list[MemberEntry] = []
    seen: dict[str, int] = {}
    for data in iter_data_rows(rows, layout, sheet, col["full_name"], found.warnings, col.get("stt")):
        values, number = data.values, data.number
        before = len(found.errors)
        name = vocabulary.person_name(cell(values, col["full_name"]))
        if not name:
            found.error(sheet, number, "Họ và tên", "chưa nhập họ và tên.")
            continue
        phone_value = cell(values, col.get("phone"))
        phone = (
            f"0{phone_value}" if isinstance(phone_value, int) and 10**8 <= phone_value < 10**10 else text(phone_value)
        )
        email = text(cell(values, col.get("email")))
        for column, problem in (
            ("Điện thoại", phone_problem(phone, "số điện thoại")),
            ("Email", email_problem(email, "địa chỉ email")),
        ):
            if problem:
                found.error(sheet, number, column, problem)
        unit_ids: list[int] | None = None
        if "units" in col:
            unit_ids = []
            for part in _split_units(text(cell(values, col["units"]))):
                try:
                    unit_ids.append(resolve_unit_loose(part, units).id)
                except UnitNotFoundError as error:
                    found.error(sheet, number, "Đơn vị phụ trách", str(error))
        if fold(name) in seen:
            found.warn(sheet, number, "Họ và tên", f'"{name}" trùng với dòng {seen[fold(name)]}.')
        seen.setdefault(fold(name), number)
        if len(found.errors) != before:
            continue
        role = vocabulary.committee_role(cell(values, col.get("role"))) or "Ủy viên"
        entries.append(
            MemberEntry(
                row=number,
                data=MemberInput(
                    full_name=name,
                    role=role,
                    position=text(cell(values, col.get("position"))),
                    phone=phone,
                    email=email,
                ),
                unit_ids=sorted(set(unit_ids)) if unit_ids is not None else None,
                columns=frozenset(col),
            )
        )
    return entries


# --------------------------------------------------------------------------------------------- diff and apply


def _rotation_index() -> dict[tuple[str, str], Rotation]:
    return {decision_key(r.decision_no, r.full_name): r for r in Rotation.select()}


def diff_rotations(items: list[tuple[int, RotationInput]]) -> tuple[int, int]:
    """(added, changed) against the stored rotation records."""
    index = _rotation_index()
    added = changed = 0
    for _, item in items:
        stored = index.get(decision_key(item.decision_no, item.full_name))
        if stored is None:
            added += 1
        elif any(getattr(stored, k) != v for k, v in asdict(item).items()):
            changed += 1
    return added, changed


def _member_index() -> dict[str, SteeringMember]:
    return {fold(m.full_name): m for m in SteeringMember.select().where(SteeringMember.active)}


def _member_units(member_id: int) -> list[int]:
    from ...models import MemberUnit

    return sorted(r.unit_id for r in MemberUnit.select(MemberUnit.unit).where(MemberUnit.member == member_id))


def _member_changes(stored: SteeringMember, entry: MemberEntry) -> bool:
    fields_changed = any(
        getattr(stored, k) != v for k, v in asdict(entry.data).items() if k == "full_name" or k in entry.columns
    )
    return fields_changed or (entry.unit_ids is not None and _member_units(stored.id) != entry.unit_ids)


def diff_members(entries: list[MemberEntry]) -> tuple[int, int]:
    index = _member_index()
    added = changed = 0
    for entry in entries:
        stored = index.get(fold(entry.data.full_name))
        if stored is None:
            added += 1
        elif _member_changes(stored, entry):
            changed += 1
    return added, changed


def apply_rotations(items: list[tuple[int, RotationInput]], source: str = "import") -> None:
    """Add new records, update changed ones; never delete. Call inside the import's transaction."""
    from ..rotations import add_rotation, update_rotation

    index = _rotation_index()
    for _, item in items:
        stored = index.get(decision_key(item.decision_no, item.full_name))
        if stored is None:
            add_rotation(item, source)
        elif any(getattr(stored, k) != v for k, v in asdict(item).items()):
            update_rotation(int(stored.id), item, source)


def apply_members(entries: list[MemberEntry], source: str = "import") -> None:
    index = _member_index()
    for entry in entries:
        stored = index.get(fold(entry.data.full_name))
        if stored is None:
            member_id = add_member(entry.data, entry.unit_ids or [], source)
            index[fold(entry.data.full_name)] = SteeringMember.get_by_id(member_id)
            continue
        keep = {k: getattr(stored, k) for k in ("role", "position", "phone", "email") if k not in entry.columns}
        data = MemberInput(**{**asdict(entry.data), **keep})
        update_member(int(stored.id), data, source)
        if entry.unit_ids is not None:
            set_member_units(int(stored.id), entry.unit_ids, source)
