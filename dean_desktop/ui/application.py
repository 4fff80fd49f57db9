"""Starting the window: QApplication, the database, the exception hook."""

from __future__ import annotations

import linecache
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow

from .. import APP_NAME, ORG_NAME, __version__
from ..paths import default_db_path, resource_dir
from ..targets import is_server_target, target_label
from . import startup_trace
from .qt_vietnamese import install_vietnamese
from .single_instance import DatabaseInUseError, hold_database, release_all
from .widgets import messages


def _log():  # type: ignore[no-untyped-def]
    """The app's logger; logging (≈9 ms to import) is set up after the window is on screen."""
    import logging

    return logging.getLogger("dean_desktop")


# The start-up benchmark's hooks (see startup_trace): quit once the frame, or the first tab's data, is painted.
QUIT_AFTER_SHOW_ENV = startup_trace.QUIT_AFTER_SHOW_ENV
QUIT_AFTER_LOAD_ENV = startup_trace.QUIT_AFTER_LOAD_ENV
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


def run_application(db_path: Path | str | None, argv: list[str]) -> int:
    """The window first (an empty frame is all a user waits for), then the store and the first tab's data."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_dir() / "icons" / "dean_desktop.png")))
    install_vietnamese(app)  # Qt's own words (context menus, standard buttons, print preview) in Vietnamese
    install_exception_hook()
    if db_path is None:  # the server the user chose to open at each start, if any (Tệp → Kết nối máy chủ…)
        from .server_actions import remembered_server

        db_path = remembered_server()
    server = is_server_target(db_path)
    path = db_path if server else Path(db_path) if db_path else default_db_path()
    try:
        if not server:  # a server database is shared by design; a file has one window
            hold_database(path)  # type: ignore[arg-type]
    except DatabaseInUseError as error:
        _log().warning("database already open elsewhere: %s", error)
        messages.show_error(None, str(error), "Cơ sở dữ liệu đang được mở")
        return 1
    from .main_window import MainWindow

    window = MainWindow(path, deferred=True)
    # The store opens once the frame has been painted (a zero timer from show() would run before the first paint).
    startup_trace.record_on_paint(window, startup_trace.FRAME, then=lambda: _after_frame(window, path, server))
    window.show()
    QTimer.singleShot(2000, lambda: open_store_in(window, path))  # a window never painted (minimised) still opens it
    smoke_ms = os.environ.get(SMOKE_QUIT_MS_ENV, "")
    if smoke_ms.isdigit():  # packaging/smoke_test.py: let the built program run N ms, then close as a user would
        QTimer.singleShot(int(smoke_ms), window.close)
    try:
        return int(app.exec())
    finally:
        release_all()


def _after_frame(window: QMainWindow, path: Path, server: bool) -> None:
    """The overview paints the figures and charts kept in a SQLite store first (read without loading the database
    layer), then the store opens; otherwise the store opens at once."""
    from ..services.indicator_cache import peek_kept

    opening = lambda: open_store_in(window, path)  # noqa: E731
    kept = None if server else peek_kept(path)
    if kept is None or not window.show_kept(kept, then=opening):  # type: ignore[attr-defined]
        opening()


def open_store_in(window: QMainWindow, path: Path) -> None:
    """Open (create, migrate, seed) the database behind a window already on screen, then fill its first tab."""
    if not window.isVisible() or getattr(window, "_store_open", False):
        return  # closed before it got this far (the start-up benchmark does that), or already open
    window._store_open = True  # type: ignore[attr-defined]
    from ..store import open_store

    try:
        opened = open_store(path)
    except Exception as error:  # noqa: BLE001 - shown to the user, not a traceback
        from ..log import setup_logging  # logging.handlers (≈25 ms) waits until the figures are painted

        setup_logging()
        _log().exception("cannot open database")
        messages.show_error(window, f"Không mở được cơ sở dữ liệu {target_label(path)}:\n{error}")
        window.close()
        return
    linecache.clearcache()  # PySide6 read the source of every module imported after it; none is needed (~5 MB)
    window.db_path = opened  # type: ignore[attr-defined]
    window.start()  # type: ignore[attr-defined]
    if os.environ.get(QUIT_AFTER_LOAD_ENV) and not window.loads_in_stages():  # type: ignore[attr-defined]
        QTimer.singleShot(0, window.close)  # a tab without painted milestones: loaded once built
    QTimer.singleShot(0, lambda: _after_start(window, opened))  # Qt paints the first tab's figures before this


def _after_start(window: QMainWindow, opened: Path | str) -> None:
    """What can wait until the first tab is painted: the log file, the network-share warning (once per start)."""
    from ..log import setup_logging

    linecache.clearcache()  # again: the first tab's modules were read in the meantime (see open_store_in)
    setup_logging()
    warn_if_on_network(window, opened)


def warn_if_on_network(parent: QMainWindow, db_path: Path | str) -> None:
    """Every place the window opens a database file tells the user when it sits on a network share."""
    from ..services.storage_checks import is_network_path, network_warning

    if not is_server_target(db_path) and is_network_path(db_path):
        messages.show_error(parent, network_warning(db_path), "Cơ sở dữ liệu trên mạng")
