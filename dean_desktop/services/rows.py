"""Plain rows the services hand to the window and the command line (never live peewee objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class UnitRow:
    id: int
    code: str
    name: str
    kind: str
    valid_from: date | None
    valid_to: date | None
    merged_into: str | None
    active: bool
    aliases: tuple[str, ...] = ()
    merged_into_id: int | None = None  # the unit named by ``merged_into``, for editing

    @property
    def is_commune(self) -> bool:
        return self.kind in ("xa", "thi_tran")

    def valid_on(self, day: date) -> bool:
        return (
            self.active
            and (self.valid_from is None or self.valid_from <= day)
            and (self.valid_to is None or day <= self.valid_to)
        )


@dataclass(frozen=True, slots=True)
class MemberRow:
    id: int
    full_name: str
    role: str
    position: str
    phone: str
    email: str
    sort_order: int
    unit_ids: tuple[int, ...] = ()
    unit_names: tuple[str, ...] = ()
    version: int = 0  # for an edit's check (audit.ensure_unchanged)


@dataclass(frozen=True, slots=True)
class OfficeRow:
    unit_id: int
    unit_code: str
    unit_name: str
    return_id: int | None
    period_code: str
    period_label: str
    has_office: bool | None
    floor_area: float | None
    computers: int | None
    printers: int | None
    scanners: int | None
    internet: bool | None
    staff: int | None
    procedures_posted: bool | None
    in_use_since: date | None
    notes: str
    edoc_yes: int
    edoc_total: int
    version: int = 0  # of the office row, for an edit's check (audit.ensure_unchanged)


class CadreRow(NamedTuple):
    """One line of the cadre register. A tuple, not a dataclass: 50,000 of them are built in one go, and tuples of
    plain values are cheap to make, small, and left alone by the garbage collector."""

    id: int
    unit_id: int
    unit_name: str
    level: str  # "huyen" or "xa"
    full_name: str
    birth_year: int | None
    gender: str
    ethnicity: str
    position: str
    education: str
    major: str
    political_theory: str
    state_mgmt: str
    it_skill: str
    language: str
    notes: str
    period_code: str
    name_folded: str


@dataclass(frozen=True, slots=True)
class RotationRow:
    id: int
    full_name: str
    from_position: str
    to_position: str
    decision_no: str
    decision_date: date | None
    months: int | None
    notes: str
    from_head: bool | None = None  # the register's "Cấp trưởng" column; None when it does not say
    from_unit: str = ""
    to_unit: str = ""
    version: int = 0  # for an edit's check (audit.ensure_unchanged)


@dataclass(frozen=True, slots=True)
class TaskRow:
    id: int
    project_code: str
    group_id: int
    group_number: int
    title: str
    member_id: int | None
    member_name: str
    unit_id: int | None
    unit_name: str
    deadline: date | None
    status: str
    completed_on: date | None
    evidence: str
    notes: str
    version: int = 0  # for an edit's check (audit.ensure_unchanged)

    def overdue(self, today: date) -> bool:
        return self.status != "hoan_thanh" and self.deadline is not None and self.deadline < today


@dataclass(frozen=True, slots=True)
class GroupRow:
    id: int
    project_id: int
    project_code: str
    project_short: str
    project_name: str
    number: int
    name: str
    total: int
    done: int


@dataclass(frozen=True, slots=True)
class ImportRow:
    id: int
    at: datetime
    who: str
    file_name: str
    file_hash: str
    kind: str
    status: str
    unit_name: str
    period_code: str
    counts: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime
    who: str
    table: str
    row_id: int | None
    field: str
    old: str | None
    new: str | None
    source: str
    label: str = ""  # the record's human name (unit, person, task…), "" when it cannot be named
