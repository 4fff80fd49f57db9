"""Logging to a rotating file in the data folder."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from .paths import log_dir

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path:
    """Log to ``dean_desktop.log`` in the data folder; calling it again is cheap and follows a changed folder."""
    folder = folder or log_dir()
    path = folder / "dean_desktop.log"
    root = logging.getLogger("dean_desktop")
    root.setLevel(level)
    for existing in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        if Path(existing.baseFilename) == path.resolve():
            return path
        root.removeHandler(existing)
        existing.close()
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    return path
