"""Starting the window: QApplication, the database, the exception hook."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from .. import APP_NAME, ORG_NAME, __version__
from ..log import setup_logging
from ..store import open_store
from .widgets import messages

log = logging.getLogger("dean_desktop")


def install_exception_hook() -> None:
    """A bug is logged and shown in a dialog; the window stays up."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error("Lỗi không lường trước:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        if QApplication.instance() is not None:
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
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    install_exception_hook()
    try:
        path = open_store(db_path)
    except Exception as error:  # noqa: BLE001 - shown to the user, not a traceback
        log.exception("cannot open database")
        messages.show_error(None, f"Không mở được cơ sở dữ liệu: {error}")
        return 1
    from .main_window import MainWindow

    window = MainWindow(path)
    window.show()
    return int(app.exec())
