"""Tệp menu actions for a shared server: connect, move the desk data up to it, save a server's data as one file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from ..services.errors import DomainError
from ..targets import is_server_target, target_label, target_name
from .widgets import messages

if TYPE_CHECKING:
    from .main_window import MainWindow


# --- dialogs: module-level so tests replace them ------------------------------------------------------------------
def ask_server(window: MainWindow, title: str) -> str | None:
    from .dialogs.server_dialog import ServerDialog
    from .main_window import settings

    dialog = ServerDialog(settings(), window, title=title)
    return dialog.url() if messages.run_dialog(dialog) else None


def ask_copy_file(parent: QWidget, suggested: str) -> Path | None:
    from PySide6.QtCore import QStandardPaths

    from . import file_dialogs

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _ = file_dialogs.get_save_file_name(
        parent, "Lưu bản sao từ máy chủ", str(Path(documents) / suggested), "Cơ sở dữ liệu (*.db)"
    )
    return Path(path) if path else None


def remembered_server() -> str | None:
    """The server to open at start when the user chose so in Kết nối máy chủ…: its URL with the password from the
    keyring, or asked now when there is none; None to open the usual file instead."""
    from .main_window import settings

    store = settings()
    if str(store.value("server/open_at_start", "false")).lower() != "true":
        return None
    from ..services import server_connection as server

    address = server.ServerAddress(
        str(store.value("server/host", "") or ""),
        int(store.value("server/port", server.DEFAULT_PORT) or server.DEFAULT_PORT),
        str(store.value("server/database", "") or ""),
        str(store.value("server/user", "") or ""),
    )
    if server.check_address(address) is not None:
        return None
    password = server.saved_password(address)
    if password is not None:
        return address.url(password)
    from .dialogs.server_dialog import ServerDialog

    dialog = ServerDialog(store, None, title="Mật khẩu máy chủ cơ sở dữ liệu")
    return dialog.url() if messages.run_dialog(dialog) else None


@contextmanager
def _busy() -> Iterator[None]:
    from PySide6.QtCore import Qt  # here, not at import: the Qt namespace costs ≈27 ms, before the frame otherwise

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def _copy(window: MainWindow, target: str | Path) -> bool:
    from ..services.transfer import copy_database  # on use: the window starts without the store's modules

    try:
        with _busy():
            result = copy_database(target)
    except DomainError as error:
        messages.show_error(window, str(error))
        return False
    messages.show_info(
        window,
        f"Đã chép {result.rows} dòng dữ liệu vào {result.target}.\nSố dòng và các chỉ tiêu ở hai bên khớp nhau.",
        "Chép dữ liệu",
    )
    return True


# --- the actions ----------------------------------------------------------------------------------------------
def connect_server(window: MainWindow) -> None:
    url = ask_server(window, "Kết nối máy chủ cơ sở dữ liệu")
    if url:
        window.switch_database(url)


def move_to_server(window: MainWindow) -> None:
    if is_server_target(window.db_path):
        messages.show_error(window, "Dữ liệu đang mở đã nằm trên máy chủ.")
        return
    url = ask_server(window, "Chuyển dữ liệu lên máy chủ (cơ sở dữ liệu trống)")
    if not url or not _copy(window, url):
        return
    if messages.confirm(window, "Chuyển dữ liệu lên máy chủ", f"Làm việc trên máy chủ {target_label(url)} từ bây giờ?"):
        window.switch_database(url)


def save_server_copy(window: MainWindow) -> None:
    if not is_server_target(window.db_path):
        messages.show_error(window, "Dữ liệu đang mở là một tệp trên máy này; hãy dùng Tệp → Sao lưu dữ liệu….")
        return
    from datetime import date

    dest = ask_copy_file(window, f"{target_name(window.db_path)}-{date.today():%d-%m-%Y}.db")
    if dest is not None:
        _copy(window, dest if dest.suffix else dest.with_name(dest.name + ".db"))


def install_server_actions(window: MainWindow, menu: QMenu) -> None:
    for text, slot in (
        ("&Kết nối máy chủ…", connect_server),
        ("Chuyển dữ liệu lên &máy chủ…", move_to_server),
        ("Lưu bản sao từ má&y chủ…", save_server_copy),
    ):
        action = QAction(text, window)
        action.triggered.connect(lambda _checked=False, run=slot: run(window))
        menu.addAction(action)
