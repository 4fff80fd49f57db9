"""Starting the window: QApplication, the database, the exception hook."""

from __future__ import annotations

import linecache
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow

from .. import APP_NAME, ORG_NAME, __version__
from ..paths import default_db_path, resource_dir
from .single_instance import DatabaseInUseError, hold_database, release_all
from .widgets import messages


def _log():  # type: ignore[no-untyped-def]
    """The app's logger; logging (≈9 ms to import) is set up after the window is on screen."""
    import logging

    return logging.getLogger("dean_desktop")


# Set to 1 to quit as soon as the main window has been shown (start-up benchmark).
QUIT_AFTER_SHOW_ENV = "DEAN_DESKTOP_QUIT_AFTER_SHOW"
# Set to 1 to quit once the store is open and the first tab shows its data (reported beside the start-up ratio).
QUIT_AFTER_LOAD_ENV = "DEAN_DESKTOP_QUIT_AFTER_LOAD"
# Milliseconds after which the window closes itself (smoke test of the built program).
SMOKE_QUIT_MS_ENV = "DEAN_DESKTOP_SMOKE_QUIT_MS"


def install_exception_hook() -> None:
    """A bug is logged and shown in a dialog; the window stays up."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        from ..log import setup_logging
        from ..services.storage_checks import disk_full_message, is_disk_full

        setup_logging()  # a bug before the window was up still reaches the log file
        _log().error("Lỗi không lường trước:\n%s", "".join(traceback.format_exception(kind, value, tb)))
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
    """The window first (an empty frame is all a user waits for), then the store and the first tab's data."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_dir() / "icons" / "dean_desktop.png")))
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    install_exception_hook()
    path = Path(db_path) if db_path else default_db_path()
    try:
        hold_database(path)  # one window per database file
    except DatabaseInUseError as error:
        _log().warning("database already open elsewhere: %s", error)
        messages.show_error(None, str(error), "Cơ sở dữ liệu đang được mở")
        return 1
    from .main_window import MainWindow

    window = MainWindow(path, deferred=True)
    window.show()
    if os.environ.get(QUIT_AFTER_SHOW_ENV):  # bench/bench_startup.py: measure start → window shown, then leave
        QTimer.singleShot(0, window.close)
    QTimer.singleShot(0, lambda: open_store_in(window, path))
    smoke_ms = os.environ.get(SMOKE_QUIT_MS_ENV, "")
    if smoke_ms.isdigit():  # packaging/smoke_test.py: let the built program run N ms, then close as a user would
        QTimer.singleShot(int(smoke_ms), window.close)
    try:
        return int(app.exec())
    finally:
        release_all()


def open_store_in(window: QMainWindow, path: Path) -> None:
    """Open (create, migrate, seed) the database behind a window already on screen, then fill its first tab."""
    if not window.isVisible():
        return  # closed before it got this far (the start-up benchmark does that)
    from ..log import setup_logging
    from ..store import open_store

    setup_logging()
    try:
        opened = open_store(path)
    except Exception as error:  # noqa: BLE001 - shown to the user, not a traceback
        _log().exception("cannot open database")
        messages.show_error(window, f"Không mở được cơ sở dữ liệu {path}:\n{error}")
        window.close()
        return
    linecache.clearcache()  # PySide6 read the source of every module imported after it; none is needed (~5 MB)
    window.db_path = opened  # type: ignore[attr-defined]
    window.start()  # type: ignore[attr-defined]
    if os.environ.get(QUIT_AFTER_LOAD_ENV):
        QTimer.singleShot(0, window.close)
    warn_if_on_network(window, opened)  # once per start, after the window is up


def warn_if_on_network(parent: QMainWindow, db_path: Path) -> None:
    """Every place the window opens a database tells the user when it sits on a network share."""
    from ..services.storage_checks import is_network_path, network_warning

    if is_network_path(db_path):
        messages.show_error(parent, network_warning(db_path), "Cơ sở dữ liệu trên mạng")
