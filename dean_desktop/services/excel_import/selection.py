"""Which files an import reads: the files and folders a user named or dropped, with every file left out named."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..files import WORKBOOK_SUFFIXES

_SHOWN_SUFFIXES = ", ".join(WORKBOOK_SUFFIXES)
_OTHER_FILES = {
    ".csv": "tệp CSV không giữ được các trang tính của biểu mẫu; hãy mở bằng Excel, lưu thành .xlsx rồi nhập lại.",
    ".pdf": "tệp PDF không nhập được; hãy xin đơn vị gửi bản Excel của báo cáo.",
    ".doc": "tệp Word không nhập được; hãy xin đơn vị gửi bản Excel của báo cáo.",
    ".docx": "tệp Word không nhập được; hãy xin đơn vị gửi bản Excel của báo cáo.",
    ".odt": "tệp văn bản không nhập được; hãy xin đơn vị gửi bản bảng tính của báo cáo.",
}


@dataclass(frozen=True)
class SkippedFile:
    """A file an import did not read, and why (in Vietnamese)."""

    path: Path
    reason: str

    def text(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class FileSelection:
    files: list[Path] = field(default_factory=list)  # to analyse, in order
    skipped: list[SkippedFile] = field(default_factory=list)  # left out, each with its reason


def _lock_file_reason(name: str) -> str | None:
    if name.startswith("~$"):
        return "tệp tạm của Excel (có khi tệp gốc đang mở); bỏ qua, nhập tệp gốc."
    if name.startswith(".~lock.") and name.endswith("#"):
        return "tệp khóa của LibreOffice (tệp gốc đang mở); bỏ qua, nhập tệp gốc."
    return None


def _reason_in_folder(path: Path) -> str | None:
    """Why a file found in a folder is not read, or None when it is a workbook to read."""
    locked = _lock_file_reason(path.name)
    if locked:
        return locked
    suffix = path.suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES:
        return _OTHER_FILES.get(suffix) or (
            f"không phải bảng tính ({suffix or 'tệp không có đuôi'}); chỉ nhập các tệp {_SHOWN_SUFFIXES}."
        )
    if not os.access(path, os.R_OK):
        return "không mở được tệp (không có quyền đọc); hãy kiểm tra quyền truy cập rồi nhập lại."
    return None


def find_workbooks(paths: Iterable[Path]) -> FileSelection:
    """The one way the window and the command line turn what the user chose into files to import.

    A file named on its own is read whatever its name (the reader says why it is not a workbook), except a lock file;
    a folder gives its workbooks, recursively and sorted, and every other file in it is listed as skipped with why.
    """
    selection = FileSelection()
    seen: set[Path] = set()

    def add(path: Path) -> None:
        if path not in seen:
            seen.add(path)
            selection.files.append(path)

    for path in map(Path, paths):
        if not path.is_dir():
            locked = _lock_file_reason(path.name)
            if locked:
                selection.skipped.append(SkippedFile(path, locked))
            else:
                add(path)
            continue
        try:
            found = sorted(p for p in path.rglob("*") if not p.is_dir())
        except OSError as error:
            selection.skipped.append(SkippedFile(path, f"không đọc được thư mục ({error.strerror or error})."))
            continue
        for item in found:
            if not item.is_file():
                selection.skipped.append(
                    SkippedFile(item, "không phải tệp thông thường (liên kết hỏng hoặc thiết bị).")
                )
                continue
            reason = _reason_in_folder(item)
            if reason:
                selection.skipped.append(SkippedFile(item, reason))
            else:
                add(item)
    return selection
