"""The audit log view: every edit and import listed newest first, filtered by kind, user, date and text."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dean_desktop.models import AuditEntry
from dean_desktop.services import checklist, roster
from dean_desktop.services.rotations import RotationInput, add_rotation
from dean_desktop.ui.dialogs.audit_dialog import AuditDialog
from tests.factories import district_return
from tests.ui.helpers import type_text


@pytest.fixture
def edited(demo_store: Path) -> Path:
    """Sample data plus a few edits a user makes, and an old edit by another person."""
    member = roster.list_members()[0]
    roster.update_member(
        member.id, roster.MemberInput(full_name=member.full_name, role=member.role, phone="0208 3878 123")
    )
    add_rotation(RotationInput(full_name="Nguyễn Thị Hồng Nhung", decision_no="777-QĐ/HU"))
    task = checklist.list_tasks()[0]
    checklist.set_task_status(task.id, "tam_dung" if task.status != "tam_dung" else "hoan_thanh")
    district_return("Phòng Nội vụ", "Năm 2019", [("thac_si", "cao_cap")])
    AuditEntry.create(
        at=datetime(2017, 3, 2, 8, 15), who="nguyenvana", table="rotation", row_id=1, field="notes", old="", new="cũ"
    )
    return demo_store


def open_dialog(qtbot: QtBot) -> AuditDialog:
    dialog = AuditDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def rows(dialog: AuditDialog) -> list:  # type: ignore[type-arg]
    return dialog.model.rows()


def choose(combo, data: object) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(data))


def test_everything_is_listed_newest_first_in_vietnamese(qtbot: QtBot, edited: Path, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    qtmodeltester.check(dialog.model)
    listed = rows(dialog)
    assert len(listed) == AuditEntry.select().count()
    assert [r.at for r in listed] == sorted((r.at for r in listed), reverse=True)
    newest = dialog.model
    # the return just imported is on top, labelled for people, not with table and field names
    assert newest.index(0, 2).data() == "Báo cáo đơn vị"
    assert newest.index(0, 4).data() == "(cả bản ghi)"
    assert newest.index(0, 7).data() == "Nhập tệp"
    status_row = next(i for i, r in enumerate(listed) if r.field == "status")
    assert newest.index(status_row, 4).data() == "Trạng thái"
    assert newest.index(status_row, 6).data() in ("Tạm dừng", "Hoàn thành")
    assert "mới nhất ở trên" in dialog.summary.text()


def test_filters_by_kind_user_and_date(qtbot: QtBot, edited: Path) -> None:
    dialog = open_dialog(qtbot)
    choose(dialog.table_combo, "rotation")
    assert dialog.table_combo.currentText() == "Luân chuyển cán bộ"
    assert {r.table for r in rows(dialog)} == {"rotation"}
    assert len(rows(dialog)) == AuditEntry.select().where(AuditEntry.table == "rotation").count()

    choose(dialog.user_combo, "nguyenvana")
    assert [(r.who, r.new) for r in rows(dialog)] == [("nguyenvana", "cũ")]

    choose(dialog.user_combo, None)
    dialog.use_since.setChecked(True)
    dialog.since.setDate(date(2018, 1, 1))
    assert rows(dialog) and all(r.at >= datetime(2018, 1, 1) for r in rows(dialog))
    assert "nguyenvana" not in {r.who for r in rows(dialog)}


def search(qtbot: QtBot, dialog: AuditDialog, text: str) -> list:  # type: ignore[type-arg]
    dialog.search.clear()
    type_text(dialog.search, text)
    assert dialog.search_timer.isActive()  # typing waits for a pause before searching
    qtbot.waitUntil(lambda: not dialog.search_timer.isActive())
    return rows(dialog)


def test_text_search_ignores_case_and_diacritics(qtbot: QtBot, edited: Path) -> None:
    dialog = open_dialog(qtbot)
    assert [r.new for r in search(qtbot, dialog, "HONG NHUNG")] == ["Nguyễn Thị Hồng Nhung"]
    assert [(r.field, r.new) for r in search(qtbot, dialog, "3878")] == [("phone", "0208 3878 123")]
    assert search(qtbot, dialog, "không có ai như thế") == []
    assert dialog.summary.text() == "Không có thay đổi nào khớp với bộ lọc."


def record_column(dialog: AuditDialog, entry: AuditEntry) -> str:
    row = next(i for i, r in enumerate(rows(dialog)) if r.id == entry.id)
    return str(dialog.model.index(row, 3).data())


def test_entries_name_the_commune_person_and_task_not_a_row_id(qtbot: QtBot, edited: Path) -> None:
    from dean_desktop.services.offices import list_offices, update_office

    office = next(o for o in list_offices() if o.unit_name == "Linh Thông")
    update_office(office.return_id, "computers", 7)
    task = checklist.list_tasks()[1]
    checklist.remove_task(task.id)  # deleted since: named from the trail
    member = roster.list_members()[0]
    dialog = open_dialog(qtbot)
    assert dialog.model.headerData(3, Qt.Orientation.Horizontal) == "Bản ghi"

    office_entry = AuditEntry.get((AuditEntry.table == "office_readiness") & (AuditEntry.field == "computers"))
    assert record_column(dialog, office_entry).startswith("Linh Thông – ")
    phone_entry = AuditEntry.get((AuditEntry.table == "steering_member") & (AuditEntry.field == "phone"))
    assert record_column(dialog, phone_entry) == member.full_name
    deleted = AuditEntry.select().where((AuditEntry.table == "task") & (AuditEntry.row_id == task.id)).first()
    assert record_column(dialog, deleted) == task.title
    assert not any(str(r.row_id) == record_column(dialog, AuditEntry.get_by_id(r.id)) for r in rows(dialog)[:50])

    found = search(qtbot, dialog, "linh thong")
    assert office_entry.id in {r.id for r in found}  # the commune's name finds its edits, though no value holds it
