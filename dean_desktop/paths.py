"""Where resources and user data live, from source and inside a frozen (PyInstaller) build."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "DeanDesktop"
DB_FILE_NAME = "de_an.db"
SAMPLE_DB_FILE_NAME = "du-lieu-mau.db"  # sample data apart from the real database


def resource_dir() -> Path:
    """The ``resources/`` folder: beside the package from source, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """The per-user data folder, the same place Qt's AppLocalDataLocation would give (computed without Qt)."""
    override = os.environ.get("DEAN_DESKTOP_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def sample_db_path() -> Path:
    """The sample database that ``demo`` fills and the window's "Mở dữ liệu mẫu" opens; never the real one."""
    return data_dir() / SAMPLE_DB_FILE_NAME


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "sao-luu"


def log_dir() -> Path:
    return data_dir() / "logs"
