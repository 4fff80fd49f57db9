"""An uncaught error inside a slot is logged to the data folder, shown in a dialog, and the window stays usable."""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from dean_desktop.log import setup_logging
from dean_desktop.paths import log_dir
from dean_desktop.services import roster
from dean_desktop.ui.application import install_exception_hook
from dean_desktop.ui.main_window import MainWindow
from dean_desktop.ui.widgets import messages

pytestmark = pytest.mark.qt_no_exception_capture  # the app's own hook is under test, not pytest-qt's


@pytest.fixture
def log_file(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's logging set up afresh in this test's data folder, and the app's exception hook installed."""
    logger = logging.getLogger("dean_desktop")
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = setup_logging()
    install_exception_hook()
    yield path
    for handler in logger.handlers:
        handler.close()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title="": seen.append((text, title)))
    return seen


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def raise_later(error: Exception) -> None:
    def broken_slot() -> None:
        raise error

    QTimer.singleShot(0, broken_slot)


def test_a_bug_in_a_slot_is_logged_shown_and_the_window_carries_on(
    qtbot: QtBot, demo_store: Path, log_file: Path, shown: list[tuple[str, str]]
) -> None:
    window = open_window(qtbot, demo_store)
    raise_later(RuntimeError("lỗi thử trong một slot"))
    qtbot.waitUntil(lambda: bool(shown))

    text, title = shown[0]
    assert title == "Lỗi phần mềm"
    assert "lỗi thử trong một slot" in text and "tệp nhật ký" in text
    assert log_file.parent == log_dir()  # the data folder's logs/
    for handler in logging.getLogger("dean_desktop").handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "RuntimeError: lỗi thử trong một slot" in logged and "broken_slot" in logged  # with the traceback

    # the window is still up and still does its work
    assert window.isVisible()
    window.tabs.setCurrentIndex(1)
    roster.remove_member(roster.list_members()[-1].id)
    window.signals.roster_changed.emit()
    assert window.roster.model.rowCount() == 15


def test_a_full_disk_in_a_slot_says_what_to_do_instead_of_reporting_a_bug(
    qtbot: QtBot, store: Path, log_file: Path, shown: list[tuple[str, str]]
) -> None:
    open_window(qtbot, store)
    raise_later(sqlite3.OperationalError("database or disk is full"))
    qtbot.waitUntil(lambda: bool(shown))
    text, title = shown[0]
    assert title == "Ổ đĩa đã đầy"
    assert "ổ đĩa chứa cơ sở dữ liệu đã đầy" in text and "giải phóng dung lượng" in text
