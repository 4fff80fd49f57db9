"""File dialogs that never open the files they list (so they cannot release SQLite's locks on the open database).

On Linux and macOS, any ``open()`` + ``close()`` of the database file by this process drops every POSIX lock SQLite
holds on it; the next process that closes the database then believes it is the last one and deletes the ``-wal`` and
``-shm`` files this window still uses (STACK-FACTS.md). Qt's own file dialog reads the first bytes of every file in the
folder shown to guess its type (``QFileIconProvider`` → ``QMimeDatabase``). These dialogs use an icon provider that
decides by the name alone. Windows' locks are per handle, so there the native dialog is used as before.

Use these functions instead of ``QFileDialog``'s static ones (tests/ui/test_file_locks.py checks the package).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

Options = QFileDialog.Option
NO_OPTIONS = Options(0)


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file name and kind (folder or file); never reads a file's content."""

    def icon(self, which: object) -> QIcon:  # type: ignore[override]
        if isinstance(which, QFileInfo):
            kind = QFileIconProvider.IconType.Folder if which.isDir() else QFileIconProvider.IconType.File
            return super().icon(kind)
        return super().icon(which)  # type: ignore[call-overload]

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Thư mục"
        suffix = info.suffix()
        return f"Tệp {suffix.upper()}" if suffix else "Tệp"


_provider: NameOnlyIconProvider | None = None


def _dialog(parent: QWidget | None, caption: str, directory: str, filters: str, options: Options) -> QFileDialog:
    global _provider
    dialog = QFileDialog(parent, caption, directory, filters)
    if sys.platform != "win32":
        # The Qt dialog (not a platform one, which may sniff files in this very process) with a provider that
        # looks at names only.
        if _provider is None:
            _provider = NameOnlyIconProvider()
        dialog.setOptions(options | Options.DontUseNativeDialog)
        dialog.setIconProvider(_provider)
    else:
        dialog.setOptions(options)
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    try:
        return list(dialog.selectedFiles()) if dialog.exec() == QFileDialog.DialogCode.Accepted else []
    finally:
        dialog.deleteLater()


def get_open_file_names(
    parent: QWidget | None, caption: str, directory: str = "", filters: str = "", options: Options = NO_OPTIONS
) -> tuple[list[str], str]:
    dialog = _dialog(parent, caption, directory, filters, options)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    files = _run(dialog)
    return files, dialog.selectedNameFilter() if files else ""


def get_open_file_name(
    parent: QWidget | None, caption: str, directory: str = "", filters: str = "", options: Options = NO_OPTIONS
) -> tuple[str, str]:
    dialog = _dialog(parent, caption, directory, filters, options)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    files = _run(dialog)
    return (files[0], dialog.selectedNameFilter()) if files else ("", "")


def get_save_file_name(
    parent: QWidget | None, caption: str, directory: str = "", filters: str = "", options: Options = NO_OPTIONS
) -> tuple[str, str]:
    dialog = _dialog(parent, caption, directory, filters, options)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    files = _run(dialog)
    return (files[0], dialog.selectedNameFilter()) if files else ("", "")


def get_existing_directory(
    parent: QWidget | None, caption: str, directory: str = "", options: Options = Options.ShowDirsOnly
) -> str:
    dialog = _dialog(parent, caption, directory, "", options)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    files = _run(dialog)
    return files[0] if files else ""
