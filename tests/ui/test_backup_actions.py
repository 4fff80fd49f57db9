"""File menu: Back up…, Restore… (checked, confirmed, the window reloads) and the audit log, driven as a user would."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from dean_desktop.paths import backup_dir_for
from dean_desktop.services import backup, roster
from dean_desktop.services.formatting import format_datetime
from dean_desktop.ui import backup_actions
from dean_desktop.ui.dialogs.audit_dialog import AuditDialog
from dean_desktop.ui.main_window import MainWindow
from dean_desktop.ui.widgets import messages


@pytest.fixture
def window(qtbot: QtBot, demo_store: Path) -> MainWindow:
    win = MainWindow(demo_store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.tabs.setCurrentIndex(1)  # Ban Chỉ đạo: a roster the restore must bring back
    return win


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[tuple[object, ...]]]:
    """Record the message boxes instead of showing them; confirm answers yes."""
    seen: dict[str, list[tuple[object, ...]]] = {"info": [], "error": [], "confirm": []}
    monkeypatch.setattr(messages, "show_info", lambda parent, text, title="": seen["info"].append((text, title)))
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title="": seen["error"].append((text, title)))

    def confirm(parent: QWidget | None, title: str, text: str) -> bool:
        seen["confirm"].append((title, text))
        return True

    monkeypatch.setattr(messages, "confirm", confirm)
    return seen


def trigger(window: MainWindow, text: str) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    titles = [a.text() for a in file_menu.actions()]
    assert titles.index("&Mở cơ sở dữ liệu khác…") < titles.index(text)
    next(a for a in file_menu.actions() if a.text() == text).trigger()


def count(path: Path, table: str) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_back_up_suggests_a_dated_file_in_documents_and_writes_a_whole_copy(
    window: MainWindow, dialogs: dict[str, list[tuple[object, ...]]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    suggested: list[Path] = []
    chosen = tmp_path / "USB" / "sao-luu-de-an"

    def ask(parent: QWidget, start: Path) -> Path:
        suggested.append(start)
        return chosen

    monkeypatch.setattr(backup_actions, "ask_backup_file", ask)
    trigger(window, "&Sao lưu dữ liệu…")
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert suggested == [Path(documents) / f"test-sao-luu-{date.today().strftime('%d-%m-%Y')}.db"]
    written = chosen.with_name("sao-luu-de-an.db")  # the .db extension is added when the user typed none
    assert count(written, "unit_return") == count(window.db_path, "unit_return") > 0
    assert dialogs["info"] and str(written) in str(dialogs["info"][0][0])
    assert not dialogs["error"]


def test_restore_confirms_with_the_file_and_its_date_then_the_window_shows_the_restored_data(
    qtbot: QtBot, window: MainWindow, dialogs: dict[str, list[tuple[object, ...]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = backup.backup_now("thu-cong")
    made_at = backup.backup_info(saved).made_at
    roster.remove_member(roster.list_members()[-1].id)
    window.signals.roster_changed.emit()
    assert window.roster.model.rowCount() == 15
    starts: list[Path] = []
    monkeypatch.setattr(backup_actions, "ask_restore_file", lambda parent, start: starts.append(start) or saved)

    with qtbot.waitSignal(window.signals.database_switched):
        trigger(window, "&Khôi phục từ bản sao lưu…")

    assert starts == [backup_dir_for(window.db_path)]  # opens where the automatic backups are
    title, question = dialogs["confirm"][0]
    assert saved.name in str(question) and format_datetime(made_at) in str(question)
    assert window.roster.model.rowCount() == 16
    safety = [b for b in backup.list_backups() if b.reason == "truoc-khoi-phuc"]
    assert len(safety) == 1 and count(safety[0].path, "steering_member") == 15
    assert str(safety[0].path) in str(dialogs["info"][0][0])


def test_a_broken_file_is_refused_before_any_question_and_nothing_changes(
    window: MainWindow, dialogs: dict[str, list[tuple[object, ...]]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "bao-cao.db"
    broken.write_bytes(b"PK\x03\x04 not a database at all" * 40)
    monkeypatch.setattr(backup_actions, "ask_restore_file", lambda parent, start: broken)
    before = count(window.db_path, "steering_member")
    trigger(window, "&Khôi phục từ bản sao lưu…")
    assert "không phải là tệp cơ sở dữ liệu" in str(dialogs["error"][0][0])
    assert not dialogs["confirm"]
    assert count(window.db_path, "steering_member") == before
    assert backup.list_backups() == []


def test_saying_no_to_the_restore_changes_nothing(
    qtbot: QtBot, window: MainWindow, dialogs: dict[str, list[tuple[object, ...]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = backup.backup_now("thu-cong")
    roster.remove_member(roster.list_members()[-1].id)
    monkeypatch.setattr(backup_actions, "ask_restore_file", lambda parent, start: saved)
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text: False)
    with qtbot.assertNotEmitted(window.signals.database_switched):
        trigger(window, "&Khôi phục từ bản sao lưu…")
    assert count(window.db_path, "steering_member") == 15
    assert [b.path for b in backup.list_backups()] == [saved]


def test_the_audit_log_opens_from_the_menu(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[object] = []
    monkeypatch.setattr(messages, "run_dialog", lambda dialog: shown.append(dialog) or False)
    trigger(window, "Nhật ký &thay đổi…")
    assert isinstance(shown[0], AuditDialog)
    assert shown[0].model.rowCount() > 0
