"""Human names for the records the audit log points at: the commune, the person, the task — not a row id.

The audit table keeps ``(table, row_id)``; the name is looked up when the log is read, so entries written by
any earlier version are named too. A record deleted since is named by the audit trail itself: its creation
entry carries the name as the new value, its deletion entry as the old one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..models import (
    AuditEntry,
    Cadre,
    OfficeReadiness,
    Project,
    Rotation,
    SolutionGroup,
    SteeringMember,
    Target,
    Task,
    Unit,
    UnitReturn,
)
from .periods import PeriodError, period_from_code

CHUNK = 500  # ids per IN (…) query, well under every engine's parameter limit

Lookup = Callable[[list[int]], dict[int, str]]


def _period_text(code: str) -> str:
    try:
        return period_from_code(code).label
    except PeriodError:
        return code


def _members(ids: list[int]) -> dict[int, str]:
    query = SteeringMember.select(SteeringMember.id, SteeringMember.full_name).where(SteeringMember.id.in_(ids))
    return dict(query.tuples())


def _tasks(ids: list[int]) -> dict[int, str]:
    return dict(Task.select(Task.id, Task.title).where(Task.id.in_(ids)).tuples())


def _rotations(ids: list[int]) -> dict[int, str]:
    return dict(Rotation.select(Rotation.id, Rotation.full_name).where(Rotation.id.in_(ids)).tuples())


def _units(ids: list[int]) -> dict[int, str]:
    return dict(Unit.select(Unit.id, Unit.name).where(Unit.id.in_(ids)).tuples())


def _groups(ids: list[int]) -> dict[int, str]:
    query = (
        SolutionGroup.select(SolutionGroup.id, SolutionGroup.number, Project.short_name)
        .join(Project)
        .where(SolutionGroup.id.in_(ids))
        .tuples()
    )
    return {gid: f"Đề án {short} – Nhóm giải pháp {number}" for gid, number, short in query}


def _returns(ids: list[int]) -> dict[int, str]:
    query = (
        UnitReturn.select(UnitReturn.id, Unit.name, UnitReturn.period_code)
        .join(Unit)
        .where(UnitReturn.id.in_(ids))
        .tuples()
    )
    return {rid: f"{name} – {_period_text(code)}" for rid, name, code in query}


def _offices(ids: list[int]) -> dict[int, str]:
    """An office row is named as the return it belongs to."""
    query = OfficeReadiness.select(OfficeReadiness.id, OfficeReadiness.unit_return).where(OfficeReadiness.id.in_(ids))
    return_of = dict(query.tuples())
    names = _returns(sorted(set(return_of.values())))
    return {oid: names[rid] for oid, rid in return_of.items() if rid in names}


def _cadres(ids: list[int]) -> dict[int, str]:
    query = (
        Cadre.select(Cadre.id, Cadre.full_name, Unit.name).join(UnitReturn).join(Unit).where(Cadre.id.in_(ids)).tuples()
    )
    return {cid: f"{name} ({unit})" for cid, name, unit in query}


def _projects(ids: list[int]) -> dict[int, str]:
    query = Project.select(Project.id, Project.short_name).where(Project.id.in_(ids)).tuples()
    return {pid: f"Đề án {short}" for pid, short in query}


def _targets(ids: list[int]) -> dict[int, str]:
    return dict(Target.select(Target.id, Target.title).where(Target.id.in_(ids)).tuples())


LOOKUPS: dict[str, Lookup] = {
    "steering_member": _members,
    "member_unit": _members,  # an assignment is logged under the member; the unit is its old/new value
    "task": _tasks,
    "rotation": _rotations,
    "unit": _units,
    "solution_group": _groups,
    "unit_return": _returns,
    "office_readiness": _offices,
    "cadre": _cadres,
    "project": _projects,
    "target": _targets,
}
# Tables whose creation/deletion entries ("*") carry the record's name, for records deleted since.
_NAMED_BY_TRAIL = {
    "steering_member": "steering_member",
    "member_unit": "steering_member",
    "task": "task",
    "rotation": "rotation",
}


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _from_trail(table: str, ids: list[int]) -> dict[int, str]:
    """Names of deleted records, from the creation or deletion entry the audit log kept of them."""
    found: dict[int, str] = {}
    for part in _chunks(ids):
        query = (
            AuditEntry.select(AuditEntry.row_id, AuditEntry.old, AuditEntry.new)
            .where((AuditEntry.table == table) & (AuditEntry.field == "*") & AuditEntry.row_id.in_(part))
            .order_by(AuditEntry.id)
            .tuples()
        )
        for row_id, old, new in query:
            found.setdefault(row_id, new or old or "")
    return {k: v for k, v in found.items() if v}


def record_labels(keys: Iterable[tuple[str, int | None]]) -> dict[tuple[str, int], str]:
    """The human name of each ``(table, row_id)`` that still exists or that the audit trail named."""
    wanted: dict[str, set[int]] = {}
    for table, row_id in keys:
        if row_id is not None and table in LOOKUPS:
            wanted.setdefault(table, set()).add(row_id)
    labels: dict[tuple[str, int], str] = {}
    for table, id_set in wanted.items():
        ids = sorted(id_set)
        names: dict[int, str] = {}
        for part in _chunks(ids):
            names |= LOOKUPS[table](part)
        missing = [i for i in ids if i not in names]
        if missing and table in _NAMED_BY_TRAIL:
            names |= _from_trail(_NAMED_BY_TRAIL[table], missing)
        labels |= {(table, row_id): name for row_id, name in names.items()}
    return labels


def audited_labels(table: str) -> dict[int, str]:
    """Every record of ``table`` the audit log mentions, with its name (for searching the log by name)."""
    query = AuditEntry.select(AuditEntry.row_id).where(AuditEntry.table == table).distinct().tuples()
    labels = record_labels((table, row_id) for (row_id,) in query)
    return {row_id: name for (_table, row_id), name in labels.items()}
