"""Every edit a user can make and every import leaves an audit line saying who, when, and old → new."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from dean_desktop.models import AuditEntry
from dean_desktop.services import audit, checklist, offices, roster, rotations
from dean_desktop.services.history import search_audit
from dean_desktop.services.units import list_units
from tests.factories import district_return


def _first_task() -> int:
    return checklist.list_tasks()[0].id


def _office_return() -> int:
    return next(o.return_id for o in offices.list_offices() if o.return_id is not None)


EDITS: dict[str, Callable[[], object]] = {
    "add member": lambda: roster.add_member(roster.MemberInput(full_name="Hà Thị Mới")),
    "edit member": lambda: roster.update_member(
        roster.list_members()[0].id, roster.MemberInput(full_name="Lương Văn Sửa", role="Ủy viên")
    ),
    "move member": lambda: roster.move_member(roster.list_members()[1].id, -1),
    "assign units": lambda: roster.set_member_units(roster.list_members()[0].id, [list_units()[0].id]),
    "remove member": lambda: roster.remove_member(roster.list_members()[-1].id),
    "rename group": lambda: checklist.rename_group(checklist.list_groups()[0].id, "Nhóm giải pháp đổi tên"),
    "add task": lambda: checklist.add_task(checklist.list_groups()[0].id, checklist.TaskInput(title="Việc mới")),
    "edit task": lambda: checklist.update_task(_first_task(), checklist.TaskInput(title="Việc đã sửa")),
    "task status": lambda: checklist.set_task_status(_first_task(), "tam_dung"),
    "move task": lambda: checklist.move_task(_first_task(), checklist.list_groups()[1].id),
    "remove task": lambda: checklist.remove_task(_first_task()),
    "add rotation": lambda: rotations.add_rotation(rotations.RotationInput(full_name="Ma Văn Chuyển")),
    "edit rotation": lambda: rotations.update_rotation(
        rotations.list_rotations()[0].id, rotations.RotationInput(full_name="Ma Văn Chuyển", months=24)
    ),
    "remove rotation": lambda: rotations.remove_rotation(rotations.list_rotations()[0].id),
    "edit office": lambda: offices.update_office(_office_return(), "computers", 9),
    "import a return": lambda: district_return("Phòng Tư pháp", "Năm 2019", [("dai_hoc", "cao_cap")]),
    "replace a return": lambda: district_return("Phòng Tư pháp", "Năm 2018", [("thac_si", "cu_nhan")]),
}


def test_every_edit_is_audited_with_who_and_when(demo_store: Path) -> None:
    for edit, run in EDITS.items():
        newest = AuditEntry.select().order_by(AuditEntry.id.desc()).get().id
        started = datetime.now() - timedelta(seconds=1)
        run()
        added = list(AuditEntry.select().where(AuditEntry.id > newest))
        assert added, f"{edit} left no audit line"
        assert {a.who for a in added} == {audit.current_user()}, edit
        assert all(a.at >= started for a in added), edit
        assert all(a.old is not None or a.new is not None for a in added), edit
        shown = {row.id for row in search_audit(since=date.today())}
        assert {a.id for a in added} <= shown, f"{edit}: not in the audit view"
