"""The main window as a whole: six tabs in order, cross-tab refresh through app signals, remembered state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dean_desktop.services.checklist import list_tasks
from dean_desktop.ui.main_window import MainWindow

TAB_TITLES = ["Tổng quan", "Ban Chỉ đạo", "Một cửa cấp xã", "Trình độ cán bộ", "Nhóm giải pháp", "Nhật ký nhập"]


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_six_tabs_in_order_each_showing_demo_data(qtbot: QtBot, demo_store: Path) -> None:
    window = open_window(qtbot, demo_store)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TAB_TITLES
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    assert len(window.overview.cards) == 5
    assert window.roster.model.rowCount() == 16
    assert window.offices.model.rowCount() == 24
    assert window.cadres.cadre_model.rowCount() > 300
    assert window.checklist.model.rowCount() > 0
    assert window.windowTitle().startswith("Đề án Desktop")


def test_marking_a_task_done_updates_the_overview(qtbot: QtBot, demo_store: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dean_desktop.ui.widgets import messages

    monkeypatch.setattr(messages, "run_dialog", lambda dialog: True)  # the completion dialog, accepted as offered
    window = open_window(qtbot, demo_store)
    window.tabs.setCurrentIndex(0)
    label, _bar = window.overview.checklist_labels["cb"]
    before = label.text()
    window.tabs.setCurrentIndex(4)
    tab = window.checklist
    row = next(i for i in range(tab.model.rowCount()) if tab.model.row_at(i).status != "hoan_thanh")
    task_id = tab.model.row_at(row).id
    tab.table.selectRow(row)
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    assert next(t for t in list_tasks() if t.id == task_id).status == "hoan_thanh"
    window.tabs.setCurrentIndex(0)
    assert label.text() != before
    done_before = int(before.split(": ")[1].split("/")[0])
    assert label.text().startswith(f"Đề án CB: {done_before + 1}/")


def test_window_state_is_remembered(qtbot: QtBot, demo_store: Path) -> None:
    window = open_window(qtbot, demo_store)
    window.tabs.setCurrentIndex(3)
    window.resize(900, 520)
    qtbot.waitUntil(lambda: window.height() == 520)
    window.close()
    again = open_window(qtbot, demo_store)
    assert again.tabs.currentIndex() == 3
    # the offscreen screen is 800 px wide, so restoreGeometry clamps the width; the height is kept
    assert again.height() == 520
