"""Checklist operations the window needs beyond checklist.py: moving a task to another solution group."""

from __future__ import annotations

from ..models import Project, SolutionGroup, Task, db
from . import audit
from .errors import NotFoundError


def move_task(task_id: int, group_id: int, source: str = "ui") -> bool:
    """Put a task at the end of another solution group; False when it already belongs there."""
    with db.atomic():
        task = Task.get_or_none(Task.id == task_id)
        if task is None:
            raise NotFoundError("Không tìm thấy nhiệm vụ này (có thể đã bị xóa).")
        group = SolutionGroup.get_or_none(SolutionGroup.id == group_id)
        if group is None:
            raise NotFoundError("Không tìm thấy nhóm giải pháp.")
        if task.group_id == group_id:
            return False
        last = Task.select(Task.sort_order).where(Task.group == group_id).order_by(Task.sort_order.desc()).scalar()
        audit.record("task", task_id, "group", _label(task.group_id), _label(group_id), source)
        Task.update(group=group_id, sort_order=(last or 0) + 1).where(Task.id == task_id).execute()
    return True


def _label(group_id: int) -> str:
    group = SolutionGroup.select(SolutionGroup, Project).join(Project).where(SolutionGroup.id == group_id).get()
    return f"{group.project.short_name} – nhóm {group.number}"
