"""Finding workbooks among the files and folders a user chose or dropped."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")


def expand_workbook_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders replaced by the workbooks inside them (recursively, sorted), Excel lock files skipped."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in WORKBOOK_SUFFIXES and not p.name.startswith("~$")
            )
        elif not path.name.startswith("~$"):
            found.append(path)
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path, None)
    return list(unique)


def is_workbook_drop(paths: Iterable[Path]) -> bool:
    """Whether what is dragged over the window holds a workbook or a folder (that may hold some)."""
    return any(p.is_dir() or p.suffix.lower() in WORKBOOK_SUFFIXES for p in paths)
