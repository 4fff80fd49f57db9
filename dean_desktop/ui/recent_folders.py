"""Every file dialog of the app starts in the last folder the user chose for that kind of file (import, export,
backup, database), remembered in the window's settings file.

The dialogs themselves are opened by the four ``_get_*`` functions at the end, the one place that calls
``QFileDialog``; tests replace those.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ..paths import data_dir

# The kinds of file the app asks for; each remembers its own folder.
IMPORT = "nhap-bao-cao"  # returns and district workbooks to import
EXPORT = "xuat-tep"  # blank forms, the summary workbook, PDFs
BACKUP = "sao-luu"  # backups made and restored
DATABASE = "co-so-du-lieu"  # another database opened
KINDS = (IMPORT, EXPORT, BACKUP, DATABASE)
_KEY = "thu-muc-gan-nhat/{}"


def _settings() -> QSettings:
    """The window's INI file in the data folder (the same one the window state uses)."""
    return QSettings(str(data_dir() / "giao-dien.ini"), QSettings.Format.IniFormat)


def documents_dir() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def remembered_folder(kind: str) -> Path | None:
    """The folder last chosen for ``kind`` if it still exists."""
    value = _settings().value(_KEY.format(kind))
    if not value:
        return None
    folder = Path(str(value))
    return folder if folder.is_dir() else None


def last_folder(kind: str, fallback: Path | None = None) -> Path:
    """Where a dialog for ``kind`` starts: the remembered folder, else ``fallback``, else Documents."""
    return remembered_folder(kind) or (fallback if fallback is not None and fallback.is_dir() else documents_dir())


def remember(kind: str, chosen: str | Path, *, is_folder: bool = False) -> None:
    """Remember the folder of a chosen file (or a chosen folder itself) for the next dialog of ``kind``."""
    if not chosen:
        return
    path = Path(chosen)
    folder = path if is_folder or path.is_dir() else path.parent
    store = _settings()
    store.setValue(_KEY.format(kind), str(folder))
    store.sync()


def open_files(parent: QWidget | None, kind: str, title: str, filters: str) -> list[str]:
    files = _get_open_file_names(parent, title, str(last_folder(kind)), filters)
    if files:
        remember(kind, files[0])
    return list(files)


def open_file(parent: QWidget | None, kind: str, title: str, filters: str, fallback: Path | None = None) -> str:
    path = _get_open_file_name(parent, title, str(last_folder(kind, fallback)), filters)
    if path:
        remember(kind, path)
    return str(path)


def save_file(
    parent: QWidget | None,
    kind: str,
    title: str,
    file_name: str,
    filters: str,
    options: QFileDialog.Option | None = None,
) -> str:
    """A save dialog offering ``file_name`` in the remembered folder for ``kind``."""
    path = _get_save_file_name(parent, title, str(last_folder(kind) / file_name), filters, options)
    if path:
        remember(kind, path)
    return str(path)


def choose_folder(parent: QWidget | None, kind: str, title: str, start: str = "") -> str:
    folder = _get_existing_directory(parent, title, start or str(last_folder(kind)))
    if folder:
        remember(kind, folder, is_folder=True)
    return str(folder)


# --- the dialogs ----------------------------------------------------------------------------------------------
def _get_open_file_names(parent: QWidget | None, title: str, start: str, filters: str) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, title, start, filters)
    return list(files)


def _get_open_file_name(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
    return str(path)


def _get_save_file_name(
    parent: QWidget | None, title: str, start: str, filters: str, options: QFileDialog.Option | None
) -> str:
    if options is None:
        path, _ = QFileDialog.getSaveFileName(parent, title, start, filters)
    else:
        path, _ = QFileDialog.getSaveFileName(parent, title, start, filters, options=options)
    return str(path)


def _get_existing_directory(parent: QWidget | None, title: str, start: str) -> str:
    return str(QFileDialog.getExistingDirectory(parent, title, start))
