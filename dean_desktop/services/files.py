"""Telling workbooks by their names, without importing the importer (the window asks while a file is dragged).

Which files an import reads is decided in one place: ``services.excel_import.find_workbooks``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


def is_workbook_drop(paths: Iterable[Path]) -> bool:
    """Whether what is dragged over the window holds a workbook or a folder (that may hold some)."""
    return any(p.is_dir() or p.suffix.lower() in WORKBOOK_SUFFIXES for p in paths)
