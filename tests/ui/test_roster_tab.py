"""The "Ban Chỉ đạo" tab driven as a user would: the member dialog, Delete, Enter, Ctrl+Up/Down."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem

from dean_desktop.services import roster
from dean_desktop.services.roster import MemberInput
from dean_desktop.ui.dialogs.member_dialog import MemberDialog
from dean_desktop.ui.signals import AppSignals
from dean_desktop.ui.table_models.roster_model import COL_NAME, COL_NUMBER, COL_PHONE, COL_UNITS, RosterModel
from dean_desktop.ui.tabs.roster import RosterTab
from dean_desktop.ui.widgets import messages
from tests.ui.helpers import type_text

LINH_THONG, LAM_VY = 2, 3  # seeded unit ids (GSO order): 05539 Linh Thông, 05542 Lam Vỹ


@pytest.fixture
def signals() -> AppSignals:
    return AppSignals()


def _make_tab(qtbot, signals: AppSignals) -> RosterTab:
    tab = RosterTab(signals)
    qtbot.addWidget(tab)
    tab.resize(1200, 760)
    tab.show()
    qtbot.waitExposed(tab)
    with qtbot.waitActive(tab):  # shortcuts need the focus inside the tab
        tab.activateWindow()
    assert tab.table.hasFocus()
    return tab


@pytest.fixture
def tab(qtbot, store: Path, signals: AppSignals) -> RosterTab:
    return _make_tab(qtbot, signals)


@pytest.fixture
def three_members(store: Path) -> list[int]:
    return [
        roster.add_member(MemberInput("Nguyễn Văn An", "Trưởng ban", "Bí thư Huyện ủy", "0912 111 111")),
        roster.add_member(
            MemberInput("Trần Thị Bình", "Phó Trưởng ban", "Trưởng Ban Tổ chức", "0912 222 222"), [LINH_THONG]
        ),
        roster.add_member(MemberInput("Lê Văn Cường", "Ủy viên", "Trưởng phòng Nội vụ", "0912 333 333")),
    ]


def _names(tab: RosterTab) -> list[str]:
    model = tab.model
    return [model.data(model.index(row, COL_NAME)) for row in range(model.rowCount())]


def _click_cell(qtbot, tab: RosterTab, row: int, column: int = COL_NAME) -> None:
    rect = tab.table.visualRect(tab.model.index(row, column))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _toggle_unit(qtbot, dialog: MemberDialog, unit_id: int) -> None:
    """Make the unit's row current with a click, then press Space, as a keyboard user ticks a box."""
    item = dialog.item_for_unit(unit_id)
    assert item is not None
    dialog.unit_list.scrollToItem(item)
    rect = dialog.unit_list.visualItemRect(item)
    qtbot.mouseClick(dialog.unit_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(dialog.unit_list, Qt.Key.Key_Space)


def _replace_text(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    type_text(widget, text)


def _patch_dialog(qtbot, monkeypatch: pytest.MonkeyPatch, fill: Callable[[MemberDialog], None]) -> list[MemberDialog]:
    """Replace the modal loop: show the real dialog, let ``fill`` use its widgets, then click "Lưu"."""
    seen: list[MemberDialog] = []

    def fake_run(dialog: QDialog) -> bool:
        assert isinstance(dialog, MemberDialog)
        seen.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        fill(dialog)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        accepted = dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
        if not accepted:
            dialog.hide()
        return accepted

    monkeypatch.setattr(messages, "run_dialog", fake_run)
    return seen


def test_add_member_with_two_communes(qtbot, tab: RosterTab, signals: AppSignals, monkeypatch) -> None:
    assert tab.model.rowCount() == 0

    def fill(dialog: MemberDialog) -> None:
        assert dialog.windowTitle() == "Thêm thành viên Ban Chỉ đạo"
        type_text(dialog.name_edit, "Hoàng Thị Lan")
        _replace_text(qtbot, dialog.role_combo.lineEdit(), "Phó Trưởng ban")
        type_text(dialog.position_edit, "Trưởng phòng Nội vụ")
        qtbot.keyClicks(dialog.phone_edit, "0912 345 678")
        qtbot.keyClicks(dialog.email_edit, "lan@dinhhoa.example.vn")
        _toggle_unit(qtbot, dialog, LINH_THONG)
        _toggle_unit(qtbot, dialog, LAM_VY)
        assert dialog.count_label.text() == "Đã chọn 2 đơn vị"

    _patch_dialog(qtbot, monkeypatch, fill)
    with qtbot.waitSignal(signals.roster_changed):
        qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    members = roster.list_members()
    assert len(members) == 1
    member = members[0]
    assert (member.full_name, member.role, member.position, member.phone, member.email) == (
        "Hoàng Thị Lan",
        "Phó Trưởng ban",
        "Trưởng phòng Nội vụ",
        "0912 345 678",
        "lan@dinhhoa.example.vn",
    )
    assert set(member.unit_ids) == {LINH_THONG, LAM_VY}
    model = tab.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, COL_NUMBER)) == "1"
    assert model.data(model.index(0, COL_NAME)) == "Hoàng Thị Lan"
    assert model.data(model.index(0, COL_UNITS)) == "2: Linh Thông, Lam Vỹ"
    assert "• Lam Vỹ" in model.data(model.index(0, COL_UNITS), Qt.ItemDataRole.ToolTipRole)
    assert tab.selected_id() == member.id
    assert tab.panel.unit_tree.topLevelItemCount() == 2
    assert tab.panel.units_box.title() == "Đơn vị theo dõi (2)"
    assert tab.panel.status_label.text() == "Chưa nhập báo cáo nào của các đơn vị."


def test_add_button_and_unit_search(qtbot, tab: RosterTab, monkeypatch) -> None:
    def fill(dialog: MemberDialog) -> None:
        type_text(dialog.name_edit, "Đinh Văn Hùng")
        qtbot.keyClicks(dialog.search_edit, "linh thong")  # no diacritics: found by folded text
        visible = [dialog.unit_list.item(i) for i in range(dialog.unit_list.count())]
        shown = [item.text() for item in visible if not item.isHidden()]
        assert shown == ["Xã, thị trấn", "Linh Thông"]
        _toggle_unit(qtbot, dialog, LINH_THONG)
        dialog.search_edit.clear()
        type_text(dialog.search_edit, "Phòng Nội")
        shown = [
            dialog.unit_list.item(i).text()
            for i in range(dialog.unit_list.count())
            if not dialog.unit_list.item(i).isHidden()
        ]
        assert shown == ["Cơ quan, đơn vị cấp huyện", "Phòng Nội vụ"]
        dialog.search_edit.clear()
        assert dialog.checked_unit_ids() == [LINH_THONG]

    _patch_dialog(qtbot, monkeypatch, fill)
    assert "Ctrl+N" in tab.buttons["add"].toolTip()
    qtbot.mouseClick(tab.buttons["add"], Qt.MouseButton.LeftButton)
    [member] = roster.list_members()
    assert member.full_name == "Đinh Văn Hùng"
    assert member.unit_ids == (LINH_THONG,)
    assert member.role == "Ủy viên"


def test_select_all_communes_and_clear(qtbot, store: Path) -> None:
    from dean_desktop.services.units import list_units

    units = list_units()
    dialog = MemberDialog(units)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.select_communes_button, Qt.MouseButton.LeftButton)
    assert set(dialog.checked_unit_ids()) == {u.id for u in units if u.is_commune}
    assert dialog.count_label.text() == "Đã chọn 24 đơn vị"
    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert dialog.checked_unit_ids() == []
    dialog.set_checked_units([LAM_VY])
    assert dialog.checked_unit_ids() == [LAM_VY]
    kim_son = next(u for u in units if u.name == "Kim Sơn")
    item = dialog.item_for_unit(kim_son.id)
    assert isinstance(item, QListWidgetItem)
    assert item.text() == "Kim Sơn (đến 31/12/2019, nay thuộc Kim Phượng)"


def test_empty_name_is_refused(qtbot, tab: RosterTab, monkeypatch) -> None:
    def fill(dialog: MemberDialog) -> None:
        qtbot.keyClicks(dialog.phone_edit, "0912 000 000")
        _toggle_unit(qtbot, dialog, LAM_VY)

    seen = _patch_dialog(qtbot, monkeypatch, fill)
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    [dialog] = seen
    assert dialog.error_label.text() == "Chưa nhập họ và tên thành viên."
    assert not dialog.error_label.isHidden()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert roster.list_members() == []
    assert tab.model.rowCount() == 0


def test_bad_email_is_refused(qtbot, tab: RosterTab, monkeypatch) -> None:
    seen = _patch_dialog(
        qtbot,
        monkeypatch,
        lambda d: (type_text(d.name_edit, "Hà Thu Trang"), qtbot.keyClicks(d.email_edit, "trang.dinhhoa")),
    )
    qtbot.mouseClick(tab.buttons["add"], Qt.MouseButton.LeftButton)
    assert seen[0].error_label.text() == 'Địa chỉ email "trang.dinhhoa" không hợp lệ.'
    assert roster.list_members() == []


def test_edit_phone_with_enter(qtbot, three_members: list[int], signals: AppSignals, monkeypatch) -> None:
    tab = _make_tab(qtbot, signals)
    _click_cell(qtbot, tab, 1)
    assert tab.selected_id() == three_members[1]

    def fill(dialog: MemberDialog) -> None:
        assert dialog.windowTitle() == "Sửa thông tin thành viên"
        assert dialog.name_edit.text() == "Trần Thị Bình"
        assert dialog.role_combo.currentText() == "Phó Trưởng ban"
        assert dialog.checked_unit_ids() == [LINH_THONG]
        dialog.phone_edit.selectAll()
        qtbot.keyClicks(dialog.phone_edit, "0987 654 321")

    _patch_dialog(qtbot, monkeypatch, fill)
    with qtbot.waitSignal(signals.roster_changed):
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    member = roster.get_member(three_members[1])
    assert member.phone == "0987 654 321"
    assert member.unit_ids == (LINH_THONG,)
    assert tab.model.data(tab.model.index(1, COL_PHONE)) == "0987 654 321"
    assert tab.selected_id() == three_members[1]


def test_edit_units_by_double_click(qtbot, three_members: list[int], signals: AppSignals, monkeypatch) -> None:
    tab = _make_tab(qtbot, signals)

    def fill(dialog: MemberDialog) -> None:
        _toggle_unit(qtbot, dialog, LINH_THONG)  # untick
        _toggle_unit(qtbot, dialog, LAM_VY)

    _patch_dialog(qtbot, monkeypatch, fill)
    rect = tab.table.visualRect(tab.model.index(1, COL_NAME))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double click's 1st press
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert roster.get_member(three_members[1]).unit_ids == (LAM_VY,)
    assert tab.model.data(tab.model.index(1, COL_UNITS)) == "1: Lam Vỹ"
    assert tab.panel.unit_tree.topLevelItem(0).text(0) == "Lam Vỹ"


def test_reorder_with_ctrl_down_and_up(qtbot, three_members: list[int], signals: AppSignals) -> None:
    tab = _make_tab(qtbot, signals)
    first = three_members[0]
    _click_cell(qtbot, tab, 0)
    assert not tab.up_action.isEnabled()
    with qtbot.waitSignal(signals.roster_changed):
        qtbot.keyClick(tab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _names(tab) == ["Trần Thị Bình", "Nguyễn Văn An", "Lê Văn Cường"]
    assert [m.id for m in roster.list_members()][1] == first
    assert tab.selected_id() == first
    assert tab.model.data(tab.model.index(1, COL_NUMBER)) == "2"
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _names(tab)[2] == "Nguyễn Văn An"
    assert not tab.down_action.isEnabled()
    qtbot.mouseClick(tab.buttons["up"], Qt.MouseButton.LeftButton)
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _names(tab) == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
    assert tab.selected_id() == first


def test_delete_asks_and_cancel_keeps(qtbot, three_members: list[int], signals: AppSignals, monkeypatch) -> None:
    tab = _make_tab(qtbot, signals)
    asked: list[str] = []
    answer = [False]

    def fake_confirm(parent, title: str, text: str) -> bool:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(messages, "confirm", fake_confirm)
    _click_cell(qtbot, tab, 1)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert "Trần Thị Bình" in asked[0]
    assert len(roster.list_members()) == 3
    assert tab.model.rowCount() == 3

    answer[0] = True
    with qtbot.waitSignal(signals.roster_changed):
        qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert [m.full_name for m in roster.list_members()] == ["Nguyễn Văn An", "Lê Văn Cường"]
    assert _names(tab) == ["Nguyễn Văn An", "Lê Văn Cường"]
    assert tab.selected_id() == three_members[2]  # the next member is selected
    assert tab.count_label.text() == "2 thành viên"


def test_reloads_on_outside_changes(qtbot, tab: RosterTab, signals: AppSignals) -> None:
    roster.add_member(MemberInput("Vũ Thị Hằng"), [LAM_VY])
    signals.roster_changed.emit()
    assert _names(tab) == ["Vũ Thị Hằng"]
    assert tab.panel.title_label.text() == "Vũ Thị Hằng"
    roster.add_member(MemberInput("Ma Văn Long"))
    signals.units_changed.emit()
    assert _names(tab) == ["Vũ Thị Hằng", "Ma Văn Long"]


def test_demo_panel_shows_return_status(qtbot, demo_store: Path, signals: AppSignals) -> None:
    tab = _make_tab(qtbot, signals)
    assert tab.model.rowCount() == 16
    _click_cell(qtbot, tab, 1)
    member = tab.selected_member()
    assert member is not None and len(member.unit_ids) == 3
    tree = tab.panel.unit_tree
    assert tree.topLevelItemCount() == 3
    assert all(tree.topLevelItem(i).text(1) for i in range(3))
    assert tab.panel.status_label.text().startswith("Kỳ Năm ")


def test_roster_model(qtmodeltester, demo_store: Path) -> None:
    model = RosterModel()
    model.set_rows(roster.list_members())
    qtmodeltester.check(model)
    assert model.data(model.index(0, COL_NUMBER)) == "1"
    empty = RosterModel()
    qtmodeltester.check(empty)
