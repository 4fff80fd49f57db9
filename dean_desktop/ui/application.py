"""Starting the window: QApplication, the database, the exception hook."""

from __future__ import annotations

import linecache
import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import APP_NAME, ORG_NAME, __version__
from ..log import setup_logging
from ..paths import default_db_path, resource_dir
from ..services.storage_checks import disk_full_message, is_disk_full, is_network_path, network_warning
from ..store import open_store
from .single_instance import DatabaseInUseError, hold_database, release_all
from .widgets import messages

log = logging.getLogger("dean_desktop")

# Set to 1 to quit as soon as the main window has been shown (start-up benchmark).
QUIT_AFTER_SHOW_ENV = "DEAN_DESKTOP_QUIT_AFTER_SHOW"
# Milliseconds after which the window closes itself (smoke test of the built program).
SMOKE_QUIT_MS_ENV = "DEAN_DESKTOP_SMOKE_QUIT_MS"


def install_exception_hook() -> None:
    """A bug is logged and shown in a dialog; the window stays up."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error("Lỗi không lường trước:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        if QApplication.instance() is not None and is_disk_full(value):  # not a bug: say what to do
            messages.show_error(QApplication.activeWindow(), disk_full_message(), "Ổ đĩa đã đầy")
        elif QApplication.instance() is not None:
            messages.show_error(
                QApplication.activeWindow(),
                f"Đã xảy ra lỗi không lường trước: {value}\n\nChi tiết đã được ghi vào tệp nhật ký; "
                "dữ liệu đã lưu không bị ảnh hưởng.",
                "Lỗi phần mềm",
            )

    sys.excepthook = hook


def run_application(db_path: Path | None, argv: list[str]) -> int:
    setup_logging()
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_dir() / "icons" / "dean_desktop.png")))
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    install_exception_hook()
    try:
        hold_database(db_path or default_db_path())  # one window per database file
    except DatabaseInUseError as error:
        log.warning("database already open elsewhere: %s", error)
        messages.show_error(None, str(error), "Cơ sở dữ liệu đang được mở")
        return 1
    try:
        path = open_store(db_path)
    except Exception as error:  # noqa: BLE001 - shown to the user, not a traceback
        log.exception("cannot open database")
        messages.show_error(None, f"Không mở được cơ sở dữ liệu: {error}")
        release_all()
        return 1
    from .main_window import MainWindow

    linecache.clearcache()  # PySide6 read every module's source on import; the window never needs it (~5 MB)
    window = MainWindow(path)
    window.show()
    if is_network_path(path):  # once per start, after the window is up
        QTimer.singleShot(0, lambda: messages.show_error(window, network_warning(path), "Cơ sở dữ liệu trên mạng"))
    if os.environ.get(QUIT_AFTER_SHOW_ENV):  # bench/bench_startup.py: measure start → window shown, then leave
        QTimer.singleShot(0, window.close)
    smoke_ms = os.environ.get(SMOKE_QUIT_MS_ENV, "")
    if smoke_ms.isdigit():  # packaging/smoke_test.py: let the built program run N ms, then close as a user would
        QTimer.singleShot(int(smoke_ms), window.close)
    try:
        return int(app.exec())
    finally:
        release_all()
