"""The "Mở cơ sở dữ liệu khác" file dialog: native on Windows, and on other systems one that never reads the files.

Qt's own file dialog (and GTK's, in the same process) read the first bytes of every file shown to guess its type; on
Linux and macOS any open()+close() of the open database by the app's process drops SQLite's POSIX locks, so another
process may then delete the WAL the window still uses (STACK-FACTS.md). There the dialog is Qt's, with an icon provider
that judges files by their extension only. Windows' locks are per handle: its native dialog is safe and familiar.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QFileInfo, QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QStyle, QWidget

DATABASE_FILTER = "Cơ sở dữ liệu (*.db *.sqlite)"


class ExtensionIconProvider(QFileIconProvider):
    """Icons and type names from the file name alone: nothing is opened to sniff its content."""

    def icon(self, what: object) -> QIcon:  # type: ignore[override]
        from PySide6.QtWidgets import QApplication

        style = QApplication.style()
        if isinstance(what, QFileInfo) and not what.isDir():
            return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        return style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Thư mục"
        suffix = info.suffix().lower()
        return "Cơ sở dữ liệu" if suffix in ("db", "sqlite") else (f"Tệp {suffix.upper()}" if suffix else "Tệp")


def database_dialog(parent: QWidget | None) -> QFileDialog:
    """Choose an existing database or name a new one; the button says "Mở" (also in Windows' native dialog)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    dialog = QFileDialog(parent, "Mở hoặc tạo cơ sở dữ liệu", documents, DATABASE_FILTER)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)  # a new name creates a new database
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)  # an existing file is opened, never replaced
    dialog.setDefaultSuffix("db")
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "Mở")
    dialog.setLabelText(QFileDialog.DialogLabel.FileName, "Tên tệp:")
    if sys.platform != "win32":
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setIconProvider(ExtensionIconProvider())
    return dialog


def ask_database_path(parent: QWidget | None) -> Path | None:
    """Ask in the folder last used for databases, and remember the folder chosen."""
    from . import recent_folders

    chosen = _choose(parent, str(recent_folders.last_folder(recent_folders.DATABASE)))
    if not chosen:
        return None
    recent_folders.remember(recent_folders.DATABASE, chosen)
    return Path(chosen)


def _choose(parent: QWidget | None, start: str) -> str:
    """The dialog itself, started in ``start``; the path chosen or "" (module-level so tests can answer it)."""
    dialog = database_dialog(parent)
    dialog.setDirectory(start)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]
