"""The steering committee roster: members, their order, and the units each follows."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..models import MemberUnit, SteeringMember, Task, Unit, db
from . import audit
from .contacts import email_problem, phone_problem
from .errors import NotFoundError, ValidationError
from .rows import MemberRow
from .vntext import nfc


@dataclass(frozen=True, slots=True)
class MemberInput:
    full_name: str
    role: str = "Ủy viên"
    position: str = ""
    phone: str = ""
    email: str = ""


def _clean(data: MemberInput) -> dict[str, str]:
    values = {k: nfc(v or "") for k, v in asdict(data).items()}
    if not values["full_name"]:
        raise ValidationError("Chưa nhập họ và tên thành viên.")
    problem = phone_problem(values["phone"]) or email_problem(values["email"])
    if problem:
        raise ValidationError(problem)
    return values


def list_members() -> list[MemberRow]:
    assignments: dict[int, list[tuple[int, str]]] = {}
    query = (
        MemberUnit.select(MemberUnit.member, Unit.id, Unit.name)
        .join(Unit)
        .order_by(Unit.sort_order, Unit.code)
        .tuples()
    )
    for member_id, unit_id, unit_name in query:
        assignments.setdefault(member_id, []).append((unit_id, unit_name))
    rows = []
    for m in (
        SteeringMember.select().where(SteeringMember.active).order_by(SteeringMember.sort_order, SteeringMember.id)
    ):
        units = assignments.get(m.id, [])
        rows.append(
            MemberRow(
                id=m.id,
                full_name=m.full_name,
                role=m.role,
                position=m.position,
                phone=m.phone,
                email=m.email,
                sort_order=m.sort_order,
                unit_ids=tuple(u[0] for u in units),
                unit_names=tuple(u[1] for u in units),
            )
        )
    return rows


def get_member(member_id: int) -> MemberRow:
    for row in list_members():
        if row.id == member_id:
            return row
    raise NotFoundError("Không tìm thấy thành viên Ban Chỉ đạo này (có thể đã bị xóa).")


def add_member(data: MemberInput, unit_ids: list[int] | None = None, source: str = "ui") -> int:
    values = _clean(data)
    with db.atomic():
        last = SteeringMember.select(SteeringMember.sort_order).order_by(SteeringMember.sort_order.desc()).scalar()
        member = SteeringMember.create(sort_order=(last or 0) + 1, **values)
        audit.record("steering_member", member.id, "*", None, values["full_name"], source)
        if unit_ids:
            _assign(member.id, unit_ids, source)
    return int(member.id)


def update_member(member_id: int, data: MemberInput, source: str = "ui") -> list[str]:
    values = _clean(data)
    with db.atomic():
        member = SteeringMember.get_or_none(SteeringMember.id == member_id)
        if member is None:
            raise NotFoundError("Không tìm thấy thành viên Ban Chỉ đạo này (có thể đã bị xóa).")
        old = {k: getattr(member, k) for k in values}
        changed = audit.record_changes("steering_member", member_id, old, values, source)
        if changed:
            SteeringMember.update(**values).where(SteeringMember.id == member_id).execute()
    return changed


def remove_member(member_id: int, source: str = "ui") -> None:
    with db.atomic():
        member = SteeringMember.get_or_none(SteeringMember.id == member_id)
        if member is None:
            return
        audit.record("steering_member", member_id, "*", member.full_name, None, source)
        member.delete_instance(recursive=False)


def units_only_followed_by(member_id: int) -> list[str]:
    """Names of the units that no other active member follows: what deleting this member leaves unfollowed."""
    mine = MemberUnit.select(MemberUnit.unit).where(MemberUnit.member == member_id)
    others = (
        MemberUnit.select(MemberUnit.unit)
        .join(SteeringMember)
        .where((MemberUnit.member != member_id) & SteeringMember.active)
    )
    query = (
        Unit.select(Unit.name)
        .where(Unit.id.in_(mine) & Unit.id.not_in(others))
        .order_by(Unit.sort_order, Unit.code)
        .tuples()
    )
    return [name for (name,) in query]


def tasks_assigned_to(member_id: int) -> int:
    """How many checklist tasks name this member as responsible."""
    return Task.select().where(Task.responsible_member == member_id).count()


def move_member(member_id: int, offset: int, source: str = "ui") -> bool:
    """Move a member up (-1) or down (+1) in the roster; returns False at either end."""
    with db.atomic():
        ordered = list(
            SteeringMember.select().where(SteeringMember.active).order_by(SteeringMember.sort_order, SteeringMember.id)
        )
        index = next((i for i, m in enumerate(ordered) if m.id == member_id), None)
        if index is None or not 0 <= index + offset < len(ordered):
            return False
        ordered[index], ordered[index + offset] = ordered[index + offset], ordered[index]
        for position, member in enumerate(ordered, start=1):
            if member.sort_order != position:
                SteeringMember.update(sort_order=position).where(SteeringMember.id == member.id).execute()
        audit.record("steering_member", member_id, "sort_order", index + 1, index + 1 + offset, source)
    return True


def _assign(member_id: int, unit_ids: list[int], source: str) -> None:
    current = {r.unit_id for r in MemberUnit.select(MemberUnit.unit).where(MemberUnit.member == member_id)}
    wanted = set(unit_ids)
    names = {u.id: u.name for u in Unit.select(Unit.id, Unit.name).where(Unit.id.in_(list(current | wanted)))}
    for unit_id in sorted(wanted - current):
        MemberUnit.create(member=member_id, unit=unit_id)
        audit.record("member_unit", member_id, "unit", None, names.get(unit_id), source)
    removed = sorted(current - wanted)
    if removed:
        MemberUnit.delete().where((MemberUnit.member == member_id) & (MemberUnit.unit.in_(removed))).execute()
        for unit_id in removed:
            audit.record("member_unit", member_id, "unit", names.get(unit_id), None, source)


def set_member_units(member_id: int, unit_ids: list[int], source: str = "ui") -> None:
    """Replace the units a member follows."""
    with db.atomic():
        if SteeringMember.get_or_none(SteeringMember.id == member_id) is None:
            raise NotFoundError("Không tìm thấy thành viên Ban Chỉ đạo này (có thể đã bị xóa).")
        _assign(member_id, unit_ids, source)
