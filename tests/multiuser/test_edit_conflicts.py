"""Two people editing the same row: the later edit, made on what was shown before, is refused with who and when."""

from __future__ import annotations

import platform

import pytest

from dean_desktop.models import AuditEntry
from dean_desktop.services import checklist, offices
from dean_desktop.services.audit import EditConflictError
from dean_desktop.services.checklist import TaskInput


def _task() -> checklist.TaskRow:
    return checklist.list_tasks()[0]


def test_an_edit_on_a_task_changed_since_it_was_shown_is_refused(demo_store: object) -> None:
    shown_to_me = _task()
    shown_to_colleague = _task()
    checklist.update_task(
        shown_to_colleague.id, TaskInput(title="Sửa bởi đồng nghiệp"), seen=shown_to_colleague.version
    )
    with pytest.raises(EditConflictError, match=r"đã được .* sửa lúc .*; đã tải lại"):
        checklist.set_task_status(shown_to_me.id, "hoan_thanh", seen=shown_to_me.version)
    fresh = _task()
    assert fresh.title == "Sửa bởi đồng nghiệp" and fresh.status != "hoan_thanh"  # the colleague's edit, whole
    assert fresh.version > shown_to_me.version
    checklist.set_task_status(fresh.id, "hoan_thanh", seen=fresh.version)  # after the reload it goes through
    assert _task().status == "hoan_thanh"


def test_an_edit_on_an_office_row_changed_since_it_was_shown_is_refused(demo_store: object) -> None:
    shown = next(row for row in offices.list_offices() if row.return_id is not None)
    offices.update_office(shown.return_id, "computers", 7, seen=shown.version)
    with pytest.raises(EditConflictError):
        offices.update_office(shown.return_id, "printers", 3, seen=shown.version)
    fresh = next(row for row in offices.list_offices() if row.unit_id == shown.unit_id)
    assert (fresh.computers, fresh.printers) == (7, shown.printers)


def test_the_audit_log_records_the_os_user_and_the_pc(demo_store: object) -> None:
    task = _task()
    checklist.update_task(task.id, TaskInput(title="Ghi máy"))
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert entry.who and entry.host == platform.node()


def test_rotation_and_member_edits_carry_their_version_too(demo_store: object) -> None:
    from dean_desktop.services import roster, rotations

    shown = rotations.list_rotations()[0]
    rotations.update_rotation(
        shown.id, rotations.RotationInput(full_name=shown.full_name, months=11), seen=shown.version
    )
    with pytest.raises(EditConflictError):
        rotations.update_rotation(
            shown.id, rotations.RotationInput(full_name=shown.full_name, months=12), seen=shown.version
        )
    member = roster.list_members()[0]
    data = roster.MemberInput(full_name=member.full_name, role=member.role, position="Chức vụ mới")
    roster.update_member(member.id, data, seen=member.version)
    with pytest.raises(EditConflictError):
        roster.update_member(member.id, data, seen=member.version)
