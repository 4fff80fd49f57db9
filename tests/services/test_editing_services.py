"""Roster, rotations, offices and checklist edits: validated, saved in a transaction, audited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dean_desktop.models import AuditEntry
from dean_desktop.services import checklist, offices, roster, rotations
from dean_desktop.services.errors import ValidationError
from dean_desktop.services.history import list_audit
from dean_desktop.services.units import list_units
from tests.factories import commune_return


def test_member_lifecycle_is_audited(store: Path) -> None:
    communes = [u.id for u in list_units(communes_only=True)][:2]
    member_id = roster.add_member(roster.MemberInput("Lương Văn Lành", role="Trưởng ban"), communes)
    row = roster.get_member(member_id)
    assert row.unit_ids == tuple(communes) and row.role == "Trưởng ban"
    changed = roster.update_member(
        member_id, roster.MemberInput("Lương Văn Lành", role="Trưởng ban", phone="0912 345 678")
    )
    assert changed == ["phone"]
    entry = list_audit(table="steering_member")[0]
    assert (entry.field, entry.old, entry.new) == ("phone", "", "0912 345 678")
    roster.set_member_units(member_id, communes[:1])
    assert roster.get_member(member_id).unit_ids == (communes[0],)
    roster.remove_member(member_id)
    assert roster.list_members() == []
    assert AuditEntry.select().where(AuditEntry.table == "member_unit").count() == 3


def test_member_needs_a_name_and_a_valid_email(store: Path) -> None:
    with pytest.raises(ValidationError, match="họ và tên"):
        roster.add_member(roster.MemberInput("  "))
    with pytest.raises(ValidationError, match="email"):
        roster.add_member(roster.MemberInput("Hà Văn A", email="khong-hop-le"))
    with pytest.raises(ValidationError, match='Địa chỉ email "huong@" không hợp lệ'):
        roster.add_member(roster.MemberInput("Hà Văn A", email="huong@"))
    with pytest.raises(ValidationError, match='Số điện thoại "abc-123" không hợp lệ'):
        roster.add_member(roster.MemberInput("Hà Văn A", phone="abc-123"))
    assert roster.list_members() == []
    member_id = roster.add_member(roster.MemberInput("Hà Văn A", phone="+84 912 345 678", email="a@dinhhoa.gov.vn"))
    with pytest.raises(ValidationError, match="Số điện thoại"):
        roster.update_member(member_id, roster.MemberInput("Hà Văn A", phone="0912"))
    assert roster.get_member(member_id).phone == "+84 912 345 678"


def test_members_reorder(store: Path) -> None:
    ids = [roster.add_member(roster.MemberInput(name)) for name in ("A", "B", "C")]
    assert roster.move_member(ids[2], -1)
    assert [m.full_name for m in roster.list_members()] == ["A", "C", "B"]
    assert not roster.move_member(ids[0], -1)


def test_rotation_duplicate_refused(store: Path) -> None:
    data = rotations.RotationInput("Nguyễn Văn B", decision_no="12-QĐ/HU", decision_date=date(2018, 5, 2), months=36)
    rotations.add_rotation(data)
    with pytest.raises(ValidationError, match="12-QĐ/HU"):
        rotations.add_rotation(data)
    assert len(rotations.list_rotations()) == 1


def test_office_correction(store: Path) -> None:
    saved = commune_return("Bảo Linh", "Năm 2018", has_office=False)
    assert offices.update_office(saved.return_id, "has_office", True)
    assert offices.update_office(saved.return_id, "floor_area", 32.5)
    assert not offices.update_office(saved.return_id, "floor_area", 32.5)
    row = next(r for r in offices.list_offices() if r.unit_name == "Bảo Linh")
    assert row.has_office is True and row.floor_area == 32.5
    with pytest.raises(ValidationError):
        offices.update_office(saved.return_id, "computers", -1)
    assert [a.field for a in list_audit(table="office_readiness")][:2] == ["floor_area", "has_office"]


def test_task_done_sets_completion_date(store: Path) -> None:
    group = checklist.list_groups()[0]
    task_id = checklist.add_task(group.id, checklist.TaskInput("Ban hành kế hoạch", deadline=date(2017, 6, 30)))
    checklist.set_task_status(task_id, "hoan_thanh")
    task = checklist.list_tasks(group.id)[0]
    assert task.status == "hoan_thanh" and task.completed_on == date.today()
    assert checklist.list_groups()[0].done == 1
    checklist.set_task_status(task_id, "dang_thuc_hien")
    assert checklist.list_tasks(group.id)[0].completed_on is None


def test_reimport_replaces_the_units_data(store: Path) -> None:
    first = commune_return("Bảo Linh", "Năm 2018", has_office=False, edoc=[True, False])
    second = commune_return("Bảo Linh", "Năm 2018", has_office=True, edoc=[True])
    assert second.replaced and not first.replaced
    row = next(r for r in offices.list_offices() if r.unit_name == "Bảo Linh")
    assert (row.has_office, row.edoc_yes, row.edoc_total) == (True, 1, 1)
