"""The solution-group checklist: project → group → tasks, with status and completion."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from ..models import Project, SolutionGroup, SteeringMember, Task, Unit, db
from . import audit
from .errors import NotFoundError, ValidationError
from .rows import GroupRow, TaskRow
from .vntext import nfc
from .vocab import TASK_DONE, TASK_STATUS


@dataclass(frozen=True, slots=True)
class TaskInput:
    title: str
    member_id: int | None = None
    unit_id: int | None = None
    deadline: date | None = None
    status: str = "chua_bat_dau"
    completed_on: date | None = None
    evidence: str = ""
    notes: str = ""


def list_groups() -> list[GroupRow]:
    counts: dict[int, list[int]] = {}
    for group_id, status in Task.select(Task.group, Task.status).tuples():
        pair = counts.setdefault(group_id, [0, 0])
        pair[0] += 1
        pair[1] += status == TASK_DONE
    query = (
        SolutionGroup.select(SolutionGroup, Project).join(Project).order_by(Project.sort_order, SolutionGroup.number)
    )
    return [
        GroupRow(
            id=g.id,
            project_id=g.project.id,
            project_code=g.project.code,
            project_short=g.project.short_name,
            project_name=g.project.name,
            number=g.number,
            name=g.name,
            total=counts.get(g.id, [0, 0])[0],
            done=counts.get(g.id, [0, 0])[1],
        )
        for g in query
    ]


def rename_group(group_id: int, name: str, source: str = "ui") -> None:
    name = nfc(name)
    if not name:
        raise ValidationError("Tên nhóm giải pháp không được để trống.")
    with db.atomic():
        group = SolutionGroup.get_by_id(group_id)
        if group.name != name:
            audit.record("solution_group", group_id, "name", group.name, name, source)
            SolutionGroup.update(name=name).where(SolutionGroup.id == group_id).execute()


def list_tasks(group_id: int | None = None) -> list[TaskRow]:
    members = dict(SteeringMember.select(SteeringMember.id, SteeringMember.full_name).tuples())
    units = dict(Unit.select(Unit.id, Unit.name).tuples())
    query = Task.select(Task, SolutionGroup, Project).join(SolutionGroup).join(Project)
    if group_id is not None:
        query = query.where(Task.group == group_id)
    query = query.order_by(Project.sort_order, SolutionGroup.number, Task.sort_order, Task.id)
    versions = audit.row_versions("task")
    return [
        TaskRow(
            id=t.id,
            project_code=t.group.project.code,
            group_id=t.group.id,
            group_number=t.group.number,
            title=t.title,
            member_id=t.responsible_member_id,
            member_name=members.get(t.responsible_member_id, ""),
            unit_id=t.responsible_unit_id,
            unit_name=units.get(t.responsible_unit_id, ""),
            deadline=t.deadline,
            status=t.status,
            completed_on=t.completed_on,
            evidence=t.evidence,
            notes=t.notes,
            version=versions.get(t.id, 0),
        )
        for t in query
    ]


def _clean(data: TaskInput) -> dict[str, object]:
    if not nfc(data.title):
        raise ValidationError("Chưa nhập nội dung nhiệm vụ.")
    if data.status not in TASK_STATUS:
        raise ValidationError(f'Trạng thái "{data.status}" không hợp lệ.')
    values: dict[str, object] = {
        "title": nfc(data.title),
        "responsible_member": data.member_id,
        "responsible_unit": data.unit_id,
        "deadline": data.deadline,
        "status": data.status,
        "completed_on": data.completed_on,
        "evidence": nfc(data.evidence),
        "notes": nfc(data.notes),
    }
    if data.completed_on is not None and data.completed_on > date.today():
        raise ValidationError("Ngày hoàn thành không được sau ngày hôm nay.")
    if data.status == TASK_DONE and data.completed_on is None:
        values["completed_on"] = date.today()
    if data.status != TASK_DONE:
        values["completed_on"] = None
    return values


def add_task(group_id: int, data: TaskInput, source: str = "ui") -> int:
    values = _clean(data)
    with db.atomic():
        if SolutionGroup.get_or_none(SolutionGroup.id == group_id) is None:
            raise NotFoundError("Không tìm thấy nhóm giải pháp.")
        last = Task.select(Task.sort_order).where(Task.group == group_id).order_by(Task.sort_order.desc()).scalar()
        task = Task.create(group=group_id, sort_order=(last or 0) + 1, **values)
        audit.record("task", task.id, "*", None, values["title"], source)
    return int(task.id)


def update_task(
    task_id: int, data: TaskInput, source: str = "ui", *, group_id: int | None = None, seen: int | None = None
) -> list[str]:
    """Change a task's content and, when ``group_id`` is another group, move it there — in one transaction, so the
    task never shows the new content in the old group (or the reverse). ``seen`` is the version the user was shown
    (refused if someone changed it since). Returns the fields changed ("group" too)."""
    values = _clean(data)
    with db.atomic("IMMEDIATE"):
        task = Task.get_or_none(Task.id == task_id)
        if task is None:
            raise NotFoundError("Không tìm thấy nhiệm vụ này (có thể đã bị xóa).")
        audit.ensure_unchanged("task", task_id, seen)
        moved = group_id is not None and _move(task, group_id, source)
        old = {
            "title": task.title,
            "responsible_member": task.responsible_member_id,
            "responsible_unit": task.responsible_unit_id,
            "deadline": task.deadline,
            "status": task.status,
            "completed_on": task.completed_on,
            "evidence": task.evidence,
            "notes": task.notes,
        }
        changed = audit.record_changes("task", task_id, old, values, source)
        if changed:
            Task.update(**values).where(Task.id == task_id).execute()
    return changed + ["group"] if moved else changed


def move_task(task_id: int, group_id: int, source: str = "ui") -> bool:
    """Put a task at the end of another solution group; False when it already belongs there."""
    with db.atomic():
        task = Task.get_or_none(Task.id == task_id)
        if task is None:
            raise NotFoundError("Không tìm thấy nhiệm vụ này (có thể đã bị xóa).")
        return _move(task, group_id, source)


def _move(task: Task, group_id: int, source: str) -> bool:
    group = SolutionGroup.get_or_none(SolutionGroup.id == group_id)
    if group is None:
        raise NotFoundError("Không tìm thấy nhóm giải pháp.")
    if task.group_id == group_id:
        return False
    last = Task.select(Task.sort_order).where(Task.group == group_id).order_by(Task.sort_order.desc()).scalar()
    audit.record("task", task.id, "group", _group_label(task.group_id), _group_label(group_id), source)
    Task.update(group=group_id, sort_order=(last or 0) + 1).where(Task.id == task.id).execute()
    return True


def _group_label(group_id: int) -> str:
    group = SolutionGroup.select(SolutionGroup, Project).join(Project).where(SolutionGroup.id == group_id).get()
    return f"{group.project.short_name} – nhóm {group.number}"


def set_task_status(task_id: int, status: str, source: str = "ui", seen: int | None = None) -> list[str]:
    row = next((t for t in list_tasks() if t.id == task_id), None)
    if row is None:
        raise NotFoundError("Không tìm thấy nhiệm vụ này (có thể đã bị xóa).")
    data = TaskInput(**{**_input_of(row), "status": status, "completed_on": row.completed_on})
    return update_task(task_id, data, source, seen=seen)


def complete_task(
    task_id: int, completed_on: date, evidence: str, source: str = "ui", seen: int | None = None
) -> list[str]:
    """Mark a task done on the given date with its evidence document; the fields that changed. ``seen``: as in
    ``update_task``."""
    row = next((t for t in list_tasks() if t.id == task_id), None)
    if row is None:
        raise NotFoundError("Không tìm thấy nhiệm vụ này (có thể đã bị xóa).")
    data = TaskInput(**{**_input_of(row), "status": TASK_DONE, "completed_on": completed_on, "evidence": evidence})
    return update_task(task_id, data, source, seen=seen)


def _input_of(row: TaskRow) -> dict[str, object]:
    return asdict(
        TaskInput(
            title=row.title,
            member_id=row.member_id,
            unit_id=row.unit_id,
            deadline=row.deadline,
            status=row.status,
            completed_on=row.completed_on,
            evidence=row.evidence,
            notes=row.notes,
        )
    )


def remove_task(task_id: int, source: str = "ui") -> None:
    with db.atomic():
        task = Task.get_or_none(Task.id == task_id)
        if task is not None:
            audit.record("task", task_id, "*", task.title, None, source)
            task.delete_instance()
