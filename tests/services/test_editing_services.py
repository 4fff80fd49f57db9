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
    changed = roster.update_member(member_id, roster.MemberInput("Lương Văn Lành", role="Trưởng ban", phone="0912"))
    assert changed == ["phone"]
    entry = list_audit(table="steering_member")[0]
    assert (entry.field, entry.old, entry.new) == ("phone", "", "0912")
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
    assert roster.list_members() == []


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


def test_a_tasks_content_and_group_change_together_or_not_at_all(store: Path) -> None:
    first, second = checklist.list_groups()[:2]
    task_id = checklist.add_task(first.id, checklist.TaskInput("Ban hành kế hoạch"))
    changed = checklist.update_task(task_id, checklist.TaskInput("Ban hành kế hoạch (sửa)"), group_id=second.id)
    assert "group" in changed and "title" in changed
    assert [t.title for t in checklist.list_tasks(second.id)] == ["Ban hành kế hoạch (sửa)"]

    from dean_desktop.services.errors import NotFoundError

    with pytest.raises(NotFoundError):
        checklist.update_task(task_id, checklist.TaskInput("Không được lưu"), group_id=999_999)
    assert [t.title for t in checklist.list_tasks(second.id)] == ["Ban hành kế hoạch (sửa)"]  # nothing half-done


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        ("internet", "x", True),
        ("internet", "Không", False),
        ("internet", "", None),
        ("floor_area", "34,5", 34.5),
        ("floor_area", "30 m2", 30.0),
        ("computers", "02", 2),
        ("in_use_since", "25.11.2016", date(2016, 11, 25)),
        ("in_use_since", "2016-11-25", date(2016, 11, 25)),
    ],
)
def test_the_office_table_reads_a_typed_value_as_the_importer_does(field: str, typed: str, stored: object) -> None:
    assert offices.parse_office_value(field, typed) == stored


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("has_office", "có lẽ"),  # a guess is not an answer, in the window as in a return
        ("internet", "chưa rõ"),
        ("has_office", ""),
        ("computers", "3,5"),
        ("in_use_since", "31/02/2018"),
        ("in_use_since", "2018"),  # a year alone is not a date the user meant
    ],
)
def test_the_office_table_refuses_what_the_importer_refuses(field: str, typed: str) -> None:
    from dean_desktop.services.excel_import.values import ValueProblem, parse_count, parse_date, parse_yes_no

    with pytest.raises(ValidationError):
        offices.parse_office_value(field, typed)
    if field in offices.YES_NO_FIELDS and typed:
        with pytest.raises(ValueProblem):
            parse_yes_no(typed)  # the importer's reading of the same cell
    elif field == "computers":
        with pytest.raises(ValueProblem):
            parse_count(typed)
    elif field == "in_use_since":
        with pytest.raises(ValueProblem):
            parse_date(typed, allow_partial=False)
