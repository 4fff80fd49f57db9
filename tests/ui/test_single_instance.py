"""One window per database file: a second one is refused with who holds it; a dead owner's lock is taken over."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSysInfo
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dean_desktop.ui.application import run_application
from dean_desktop.ui.main_window import MainWindow
from dean_desktop.ui.single_instance import DatabaseInUseError, DatabaseLock, hold_database, lock_path
from dean_desktop.ui.widgets import messages

# Takes the lock, says so, then waits: killed (SIGKILL-like) or left to exit without unlocking.
HOLDER = """
import os, sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
print(lock.tryLock(0), flush=True)
if sys.argv[2] == "exit":
    os._exit(0)  # dies holding it: the file stays behind
sys.stdin.readline()
"""


pytestmark = pytest.mark.usefixtures("application_run")  # every test here may start the window


def holder(db_path: Path, mode: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock_path(db_path)), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "True"
    return proc


def main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_a_second_window_is_refused_saying_which_machine_and_process(tmp_path: Path) -> None:
    path = tmp_path / "de_an.db"
    first = DatabaseLock(path)
    first.acquire()
    with pytest.raises(DatabaseInUseError) as refused:
        DatabaseLock(path).acquire()
    message = str(refused.value)
    assert f"Cơ sở dữ liệu {path} đang được mở bởi một cửa sổ Đề án Desktop khác" in message
    assert f"(máy {QSysInfo.machineHostName()}, tiến trình {os.getpid()})" in message
    first.release()
    second = DatabaseLock(path)
    second.acquire()  # free again once the first window closed
    assert second.held


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "de_an.db"
    proc = holder(path, "exit")
    proc.wait()
    assert lock_path(path).exists()  # the crashed window left its lock behind
    lock = DatabaseLock(path)
    lock.acquire()
    assert lock.held


def test_a_live_window_keeps_its_lock_however_long_it_has_been_open(tmp_path: Path) -> None:
    path = tmp_path / "de_an.db"
    proc = holder(path, "wait")
    try:
        hours_ago = time.time() - 8 * 3600
        os.utime(lock_path(path), (hours_ago, hours_ago))  # a whole working day
        with pytest.raises(DatabaseInUseError, match=f"tiến trình {proc.pid}"):
            DatabaseLock(path).acquire()
    finally:
        proc.kill()
        proc.wait()
    DatabaseLock(path).acquire()  # its process gone, the lock is free


def test_starting_the_app_on_a_database_in_use_refuses_politely(
    qapp: QApplication, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    other_window = DatabaseLock(store)
    other_window.acquire()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title="": shown.append((text, title)))
    windows_before = main_windows()
    assert run_application(store, []) == 1
    assert shown and "đang được mở bởi một cửa sổ Đề án Desktop khác" in shown[0][0]
    assert main_windows() == windows_before  # no window was opened
    other_window.release()


def test_switching_database_moves_the_lock(
    qtbot: QtBot, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title="": shown.append(text))
    hold_database(store)
    window = MainWindow(store)
    qtbot.addWidget(window)

    other = tmp_path / "khac" / "de_an_2017.db"
    window.switch_database(other)
    assert window.db_path == other and not shown
    DatabaseLock(store).acquire()  # the first file is free for another window now
    with pytest.raises(DatabaseInUseError):
        DatabaseLock(other).acquire()

    busy = tmp_path / "ban" / "de_an_2018.db"
    someone_else = DatabaseLock(busy)
    someone_else.acquire()
    window.switch_database(busy)
    assert window.db_path == other  # refused: the window stays on its database
    assert "đang được mở bởi một cửa sổ Đề án Desktop khác" in shown[0]
    someone_else.release()


def test_the_app_warns_once_about_a_network_share_and_frees_its_lock_on_exit(
    qapp: QApplication, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dean_desktop.services import storage_checks
    from dean_desktop.ui import application

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(storage_checks, "is_network_path", lambda path: True)  # as if opened from \\server\share
    monkeypatch.setenv(application.SMOKE_QUIT_MS_ENV, "300")  # the store opens after the window shows
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title="": shown.append((text, title)))
    assert run_application(store, []) == 0
    assert len(shown) == 1
    text, title = shown[0]
    assert title == "Cơ sở dữ liệu trên mạng" and str(store) in text
    assert "không được phép dùng chung qua mạng" in text
    DatabaseLock(store).acquire()  # the window closed: the database is free again
