"""File menu actions that guard the data: back up the database, restore a backup, see the audit log."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ..paths import backup_dir_for
from ..services.errors import DomainError
from ..services.formatting import format_datetime
from . import recent_folders
from .widgets import messages

if TYPE_CHECKING:
    from .main_window import MainWindow

DB_FILTER = "Cơ sở dữ liệu (*.db);;Tất cả các tệp (*)"


# --- file dialogs: module-level so tests replace them -----------------------------------------------------------
def ask_backup_file(parent: QWidget, suggested: Path) -> Path | None:
    path = recent_folders.save_file(parent, recent_folders.BACKUP, "Sao lưu dữ liệu vào tệp", suggested.name, DB_FILTER)
    return Path(path) if path else None


def ask_restore_file(parent: QWidget, start: Path) -> Path | None:
    path = recent_folders.open_file(
        parent, recent_folders.BACKUP, "Chọn bản sao lưu để khôi phục", DB_FILTER, fallback=start
    )
    return Path(path) if path else None


def suggested_backup_file(db_path: Path, today: date) -> Path:
    return recent_folders.documents_dir() / f"{db_path.stem}-sao-luu-{today.strftime('%d-%m-%Y')}.db"


@contextmanager
def _busy() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def _import_running(window: MainWindow) -> bool:
    imports = getattr(window, "imports", None)
    return getattr(imports, "job", None) is not None


# --- the actions ---------------------------------------------------------------------------------------------
def back_up(window: MainWindow) -> None:
    dest = ask_backup_file(window, suggested_backup_file(window.db_path, date.today()))
    if dest is None:
        return
    if not dest.suffix:
        dest = dest.with_name(dest.name + ".db")
    try:
        with _busy():
            from ..services import backup  # imported on use: the window starts without the store's modules

            backup.save_copy(dest)
    except DomainError as error:
        messages.show_error(window, str(error))
        return
    messages.show_info(
        window,
        f"Đã sao lưu toàn bộ dữ liệu vào tệp:\n{dest}\n\nHãy cất bản sao lưu ở nơi an toàn (ổ USB, máy khác).",
        "Sao lưu dữ liệu",
    )


def restore(window: MainWindow) -> None:
    if _import_running(window):
        messages.show_error(window, "Đang nhập báo cáo; hãy đợi nhập xong rồi mới khôi phục dữ liệu.")
        return
    folder = backup_dir_for(window.db_path)
    path = ask_restore_file(window, folder if folder.is_dir() else recent_folders.documents_dir())
    if path is None:
        return
    try:
        with _busy():
            from ..services import backup

            checked = backup.check_backup(path)
    except DomainError as error:
        messages.show_error(window, str(error))
        return
    question = (
        f"Khôi phục dữ liệu từ tệp «{path.name}» (sao lưu lúc {format_datetime(checked.info.made_at)}, "
        f"gồm {checked.returns} báo cáo)?\n\n"
        "Toàn bộ dữ liệu đang dùng sẽ được thay bằng nội dung của bản sao lưu này. Trước khi khôi phục, "
        "phần mềm tự sao lưu dữ liệu hiện tại vào thư mục sao-luu để có thể lấy lại."
    )
    if not messages.confirm(window, "Khôi phục từ bản sao lưu", question):
        return
    try:
        with _busy():
            from ..services import backup

            result = backup.restore_from(path)
    except DomainError as error:
        messages.show_error(window, str(error))
        return
    window.signals.database_switched.emit()
    messages.show_info(
        window,
        f"Đã khôi phục dữ liệu từ tệp {path.name}.\n\n"
        f"Dữ liệu trước khi khôi phục được lưu tại:\n{result.safety_backup}",
        "Khôi phục dữ liệu",
    )


def show_audit_log(window: MainWindow) -> None:
    from .dialogs.audit_dialog import AuditDialog

    messages.run_dialog(AuditDialog(window))
