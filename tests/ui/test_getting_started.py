"""A clerk can start alone: first steps on an empty overview, the user guide (F1), sample data kept apart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from dean_desktop.paths import resource_dir, sample_db_path
from dean_desktop.services.demo import is_sample_database
from dean_desktop.ui import getting_started, import_flow, window_actions
from dean_desktop.ui.dialogs.help_dialog import HelpDialog, guide_path
from dean_desktop.ui.main_window import MainWindow
from tests.services.excel_import.builders import build_return, cadre, office


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_an_empty_database_shows_the_four_steps_whose_buttons_run_the_menu_actions(
    qtbot: QtBot, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[str] = []
    monkeypatch.setattr(window_actions, "export_forms", lambda _window: ran.append("forms"))
    monkeypatch.setattr(window_actions, "print_report", lambda _window, mode: ran.append(f"report {mode}"))
    monkeypatch.setattr(import_flow, "ask_open_files", lambda _parent: ran.append("import") or [])
    monkeypatch.setattr(getting_started, "show_user_guide", lambda _window: ran.append("guide"))
    window = open_window(qtbot, store)
    panel = window.first_start
    assert panel.isVisible() and not window.sample_banner.isVisible()
    text = " ".join(label.text() for label in panel.findChildren(QLabel))
    for step in ("Tải mẫu biểu", "Gửi xã", "Nhập báo cáo", "In báo cáo"):
        assert step in text
    for key in ("export_forms", "import", "report_preview", "guide"):
        panel.buttons[key].click()
    assert ran == ["forms", "import", "report preview", "guide"]


def test_the_steps_go_once_a_return_is_imported(qtbot: QtBot, store: Path, tmp_path: Path) -> None:
    from dean_desktop.services.excel_import import import_files

    window = open_window(qtbot, store)
    assert window.first_start.isVisible()
    workbook = build_return(
        tmp_path / "lt.xlsx", office=office(True), cadres=[cadre("Nguyễn Văn An", 1975, "Đại học", "Cao cấp")]
    )
    import_files([workbook])
    window.signals.returns_changed.emit()  # what the import flow emits when it is done
    assert not window.first_start.isVisible()
    assert not window.sample_banner.isVisible()  # real data: no sample banner


def test_a_sample_database_shows_the_banner(qtbot: QtBot, demo_store: Path) -> None:
    window = open_window(qtbot, demo_store)
    assert window.sample_banner.isVisible()
    assert "DỮ LIỆU MẪU" in window.sample_banner.label.text()
    assert not window.first_start.isVisible()
    # the bar sits under the menu, above the tabs
    assert (
        window.sample_banner.mapTo(window, window.sample_banner.rect().topLeft()).y()
        < window.tabs.mapTo(window, window.tabs.rect().topLeft()).y()
    )


def test_open_sample_data_then_back_to_my_data(qtbot: QtBot, store: Path) -> None:
    window = open_window(qtbot, store)
    action = window.help_actions["sample"]
    assert action.text().replace("&", "") == "Mở dữ liệu mẫu"
    action.trigger()
    assert window.db_path == sample_db_path()
    qtbot.waitUntil(window.sample_banner.isVisible, timeout=60_000)  # filled in the background the first time
    assert is_sample_database()
    assert window.db_path.name in window.windowTitle()
    window.sample_banner.back_button.click()
    assert window.db_path == store
    assert not window.sample_banner.isVisible() and not is_sample_database()
    assert window.first_start.isVisible()  # the user's own database is as empty as it was


def test_f1_opens_the_user_guide_with_its_pictures(qtbot: QtBot, store: Path) -> None:
    window = open_window(qtbot, store)
    action = window.help_actions["guide"]
    assert action.shortcuts() == [QKeySequence("F1")]
    action.trigger()
    action.trigger()  # pressed twice: still one guide
    (dialog,) = window.findChildren(HelpDialog)
    assert dialog.isVisible()
    text = dialog.browser.toPlainText()
    assert "Hướng dẫn sử dụng" in text and "DỮ LIỆU MẪU" in text and "Nhập báo cáo" in text
    pictures = re.findall(r'<img src="([^"]+)"', guide_path().read_text(encoding="utf-8"))
    assert len(pictures) >= 3
    for picture in pictures:
        image = dialog.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(picture))
        assert image is not None and not image.isNull(), picture


def test_the_guide_ships_with_the_resources() -> None:
    assert guide_path().is_relative_to(resource_dir())
    assert guide_path().read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
