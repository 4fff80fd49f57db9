"""Where the database lives and what the disk does to it: network paths, a full disk."""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import DomainError

DRIVE_REMOTE = 4  # GetDriveTypeW: a network (mapped) drive
SQLITE_FULL = 13
_DISK_FULL_TEXT = "database or disk is full"


class DiskFullError(DomainError):
    """The disk holding the database is full; nothing of the failed change was written."""


# --- network paths -------------------------------------------------------------------------------------------------
def _is_unc(text: str) -> bool:
    """``\\\\server\\share\\…`` (or with forward slashes), including the long form ``\\\\?\\UNC\\server\\share``."""
    unified = text.replace("/", "\\")
    if unified.upper().startswith("\\\\?\\UNC\\"):
        return True
    if unified.startswith(("\\\\?\\", "\\\\.\\")):  # long local paths and devices
        return False
    return unified.startswith("\\\\") and len(unified) > 2 and unified[2] != "\\"


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def is_network_path(path: Path | str, *, drive_type: Callable[[str], int] | None = None) -> bool:
    """True for a UNC path (``\\\\server\\share``) or, on Windows, a drive letter mapped to a network share.

    ``drive_type`` (given a root such as ``Z:\\``) defaults to Windows' GetDriveTypeW; tests pass their own.
    """
    text = str(path)
    if _is_unc(text):
        return True
    if drive_type is None:
        if sys.platform != "win32":
            return False
        drive_type = _windows_drive_type
        text = os.path.abspath(text)
    drive = text.replace("/", "\\")[:2]
    if len(drive) == 2 and drive[1] == ":" and drive[0].isalpha():
        return drive_type(drive.upper() + "\\") == DRIVE_REMOTE
    return False


_ON_NETWORK = "Cơ sở dữ liệu {path} đang nằm trên ổ mạng hoặc thư mục dùng chung."
_WHY = (
    "Tệp cơ sở dữ liệu SQLite không được phép dùng chung qua mạng: nếu hai máy cùng mở tệp này, "
    "hoặc mạng bị ngắt khi đang ghi, dữ liệu có thể bị hỏng."
)
_WHAT_TO_DO = "Hãy chép tệp về ổ đĩa của máy này (ví dụ thư mục Tài liệu) và mở từ đó."


def network_warning(path: Path | str) -> str:
    """What to tell the user when the database sits on a network share (a dialog's text)."""
    return (
        f"{_ON_NETWORK.format(path=path)}\n\n{_WHY}\n\n{_WHAT_TO_DO} Muốn chuyển dữ liệu cho máy khác, "
        "hãy dùng Tệp → Sao lưu dữ liệu… rồi gửi tệp sao lưu."
    )


def network_warning_line(path: Path | str) -> str:
    """The same warning as one line, for the command line's standard error."""
    return f"Cảnh báo: {_ON_NETWORK.format(path=path)} {_WHY} {_WHAT_TO_DO}"


# --- a full disk ---------------------------------------------------------------------------------------------------
def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def is_disk_full(error: BaseException) -> bool:
    """True when SQLite reported a full disk anywhere in the error's chain.

    SQLite rolls the transaction back itself on SQLITE_FULL, so peewee's own ROLLBACK then fails with
    "cannot rollback - no transaction is active" and hides the real cause in ``__context__``.
    """
    for item in _chain(error):
        if isinstance(item, DiskFullError):
            return True
        if getattr(item, "sqlite_errorcode", None) == SQLITE_FULL:
            return True
        if type(item).__name__ == "DiskFull" and type(item).__module__.startswith("psycopg"):  # the server's disk
            return True
        if isinstance(item, (sqlite3.Error, OSError)) or type(item).__module__ == "peewee":
            if _DISK_FULL_TEXT in str(item).lower() or (isinstance(item, OSError) and item.errno == errno.ENOSPC):
                return True
    return False


def disk_full_message(db_path: Path | str | None = None) -> str:
    where = f" ({Path(db_path).parent})" if db_path else ""
    return (
        f"Không ghi được dữ liệu vì ổ đĩa chứa cơ sở dữ liệu đã đầy{where}. "
        "Thay đổi vừa rồi chưa được lưu; dữ liệu đã lưu trước đó vẫn nguyên vẹn.\n"
        "Hãy giải phóng dung lượng ổ đĩa (xóa tệp không cần, dọn Thùng rác) rồi thực hiện lại."
    )


@contextmanager
def translate_disk_full(db_path: Path | str | None = None) -> Iterator[None]:
    """Turn SQLite's "database or disk is full" into a DiskFullError with the Vietnamese message.

    Put it outside the transaction (``with translate_disk_full(), db.atomic(): …``) so the rollback happens first.
    """
    try:
        yield
    except DiskFullError:
        raise
    except Exception as error:
        if is_disk_full(error):
            raise DiskFullError(disk_full_message(db_path)) from error
        raise


def failure_message(error: BaseException, target: object) -> str | None:
    """One Vietnamese sentence for a database or disk failure met while opening or using ``target``, or None for a
    bug (which keeps its traceback): what the command line prints instead of a traceback."""
    from ..models.engine import open_failure_message

    message = open_failure_message(error, target)
    if message is None and is_disk_full(error):
        is_file = isinstance(target, Path) or (isinstance(target, str) and "://" not in target)
        message = disk_full_message(target if is_file else None)  # type: ignore[arg-type]
    return message
