"""One window per database file: a QLockFile beside it (``<db>.lock``), taken over when its owner process died."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QSysInfo

# A lock file with no readable owner is only ever that way for the instant it is being written.
UNREADABLE_LOCK_AGE = 30.0


class DatabaseInUseError(Exception):
    """Another window holds the database; ``str(error)`` is the Vietnamese message for the user."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _key(db_path: Path) -> str:
    return os.path.normcase(os.path.abspath(db_path))


def in_use_message(db_path: Path, host: str, pid: int) -> str:
    text = (
        f"Cơ sở dữ liệu {db_path} đang được mở bởi một cửa sổ Đề án Desktop khác (máy {host}, tiến trình {pid}).\n\n"
        "Hãy dùng cửa sổ đang mở đó, hoặc đóng nó rồi mở lại."
    )
    if host and host != QSysInfo.machineHostName():
        text += (
            f" Nếu chắc chắn không còn cửa sổ nào mở tệp này (ví dụ máy {host} đã tắt), "
            f"hãy xóa tệp {lock_path(db_path).name} bên cạnh cơ sở dữ liệu rồi mở lại."
        )
    return text


class DatabaseLock:
    """The lock of one database file, held for as long as a window works on it."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._lock = QLockFile(str(lock_path(db_path)))
        # Never stale by age: a session that runs all day keeps its lock (on a local disk the OS file lock also
        # guards it; on a network share it may not). A lock whose process is gone (same machine) is still
        # recognised as stale and taken over by tryLock.
        self._lock.setStaleLockTime(0)

    def acquire(self) -> None:
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        if self._lock.tryLock(0):
            return
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            raise DatabaseInUseError(
                f"Không tạo được tệp khóa {lock_path(self.db_path)}: thư mục chứa cơ sở dữ liệu không ghi được. "
                "Hãy chọn cơ sở dữ liệu ở thư mục có quyền ghi."
            )
        info = self._lock.getLockInfo()
        if not info and self._unreadable_lock_is_old():
            # An empty lock file left by a crash while it was being written: nobody owns it.
            self._lock.removeStaleLockFile()
            if self._lock.tryLock(0):
                return
            info = self._lock.getLockInfo()
        pid, host = (int(info[0]), str(info[1])) if info else (0, "")
        raise DatabaseInUseError(in_use_message(self.db_path, host or "không rõ", pid))

    def _unreadable_lock_is_old(self) -> bool:
        try:
            return time.time() - lock_path(self.db_path).stat().st_mtime > UNREADABLE_LOCK_AGE
        except OSError:
            return False

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    @property
    def held(self) -> bool:
        return self._lock.isLocked()


_held: dict[str, DatabaseLock] = {}


def hold_database(db_path: Path) -> bool:
    """Lock ``db_path`` for this process; False when it already held it. Raises DatabaseInUseError."""
    key = _key(db_path)
    if key in _held:
        return False
    lock = DatabaseLock(db_path)
    lock.acquire()
    _held[key] = lock
    return True


def release_database(db_path: Path) -> None:
    lock = _held.pop(_key(db_path), None)
    if lock is not None:
        lock.release()


def release_all() -> None:
    for key in list(_held):
        _held.pop(key).release()
