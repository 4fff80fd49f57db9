"""Tệp → Kết nối máy chủ… and moving the desk data up to a server, then back down as one file."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from dean_desktop.ui import server_actions
from dean_desktop.ui.dialogs.server_dialog import ServerDialog
from dean_desktop.ui.main_window import MainWindow
from dean_desktop.ui.widgets import messages


def test_the_dialog_tests_the_connection_and_remembers_the_address(
    qtbot: QtBot, pg_server: object, tmp_path: Path
) -> None:
    url = pg_server.create_database(f"hop_thoai_{os.getpid()}")  # type: ignore[attr-defined]
    parts = urlsplit(url)
    settings = QSettings(str(tmp_path / "giao-dien.ini"), QSettings.Format.IniFormat)
    dialog = ServerDialog(settings)
    qtbot.addWidget(dialog)
    dialog.host.setText(parts.hostname or "")
    dialog.port.setValue(parts.port or 5432)
    dialog.user.setText(parts.username or "")
    dialog.database.setText("khong_co_csdl_nay")
    assert not dialog.test() and "chưa có cơ sở dữ liệu" in dialog.status.text()
    dialog.database.setText(parts.path.lstrip("/"))
    assert dialog.test() and dialog.status.text() == "Kết nối được với máy chủ."
    dialog.accept()
    again = ServerDialog(settings)
    qtbot.addWidget(again)
    assert (again.host.text(), again.database.text()) == (parts.hostname, parts.path.lstrip("/"))


@pytest.mark.sqlite_only
def test_desk_data_moves_up_to_a_server_and_comes_back_as_a_file(
    qtbot: QtBot, demo_store: Path, pg_server: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = pg_server.create_database(f"len_may_chu_{os.getpid()}")  # type: ignore[attr-defined]
    shown: list[str] = []
    monkeypatch.setattr(server_actions, "ask_server", lambda window, title: url)
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text: True)
    monkeypatch.setattr(messages, "show_info", lambda parent, text, title="": shown.append(text))
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title="": pytest.fail(text))
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.show()
    before = window.overview.missing_list.count()

    server_actions.move_to_server(window)
    assert window.db_path == url and "khớp nhau" in shown[-1]
    assert window.windowTitle().endswith(f"len_may_chu_{os.getpid()}") and "@" not in window.windowTitle()
    window.tabs.setCurrentIndex(0)
    assert window.overview.missing_list.count() == before

    home = tmp_path / "tu-may-chu.db"
    monkeypatch.setattr(server_actions, "ask_copy_file", lambda parent, suggested: home)
    server_actions.save_server_copy(window)
    assert home.is_file() and "khớp nhau" in shown[-1]
    window.close()


def test_a_server_chosen_for_every_start_is_opened_with_the_keyrings_password(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dean_desktop.services import server_connection
    from dean_desktop.ui.main_window import settings

    assert server_actions.remembered_server() is None  # nothing chosen: the usual file
    store = settings()
    for key, value in (("host", "may-chu"), ("port", 5433), ("database", "de_an"), ("user", "ban_to_chuc")):
        store.setValue(f"server/{key}", value)
    store.setValue("server/open_at_start", "true")
    store.sync()
    monkeypatch.setattr(server_connection, "saved_password", lambda address: "mật khẩu")
    assert (
        server_actions.remembered_server() == "postgresql://ban_to_chuc:m%E1%BA%ADt%20kh%E1%BA%A9u@may-chu:5433/de_an"
    )
    asked: list[object] = []
    monkeypatch.setattr(server_connection, "saved_password", lambda address: None)  # no keyring: asked at start
    monkeypatch.setattr(messages, "run_dialog", lambda dialog: asked.append(dialog) or False)
    assert server_actions.remembered_server() is None and len(asked) == 1
