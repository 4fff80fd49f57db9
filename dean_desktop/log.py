"""Logging to a rotating file in the data folder."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from .paths import log_dir

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path:
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "dean_desktop.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger("dean_desktop")
    root.setLevel(level)
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    return path
