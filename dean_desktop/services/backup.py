"""Backups of the open database with SQLite's online backup API, and restoring one after checking it."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..models import ALL_MODELS, db
from ..models.engine import is_database_file, is_server, read_only_sqlite
from ..models.schema import BACKUP_NAME_PATTERN, SCHEMA_VERSION, backup_name, backup_to, open_database, prune_backups
from ..paths import backup_dir_for, data_dir
from . import audit
from .errors import DomainError
from .seed import seed_database
from .storage_checks import translate_disk_full

SQLITE_HEADER = b"SQLite format 3\x00"
_REASON = re.compile(r"^[a-z0-9-]+$")
REASON_LABELS = {
    "thu-cong": "Sao lưu thủ công",
    "truoc-nhap": "Trước khi nhập báo cáo",
    "truoc-khi-nhap": "Trước khi nhập báo cáo",
    "truoc-khoi-phuc": "Trước khi khôi phục",
}
# Tables every database of this app has had since schema version 1.
_CORE_TABLES = frozenset({"unit", "unit_return", "cadre", "setting"})


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime  # from the file name when the app made it, else the file's modification time
    reason: str  # the code in the file name ("truoc-nhap"…), empty for a file named by the user
    size: int

    @property
    def reason_label(self) -> str:
        if self.reason.startswith("truoc-nang-cap-v"):
            return f"Trước khi nâng cấp dữ liệu lên phiên bản {self.reason.removeprefix('truoc-nang-cap-v')}"
        return REASON_LABELS.get(self.reason, self.reason)


@dataclass(frozen=True)
class CheckedBackup:
    info: BackupInfo
    schema_version: int
    returns: int  # unit returns it holds, to tell the user what they are about to restore


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    safety_backup: Path  # the database as it was just before the restore
    schema_version: int


def current_db_path() -> Path:
    name = db.database
    if not name or name == ":memory:":
        raise DomainError("Chưa mở tệp cơ sở dữ liệu nào.")
    return Path(name)


def backup_info(path: Path) -> BackupInfo:
    stat = path.stat()
    match = BACKUP_NAME_PATTERN.match(path.name)
    if match is not None:
        made_at = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f")
        return BackupInfo(path, made_at, match["reason"], stat.st_size)
    return BackupInfo(path, datetime.fromtimestamp(stat.st_mtime), "", stat.st_size)


def list_backups(db_path: Path | None = None) -> list[BackupInfo]:
    """The automatic and manual backups kept beside the database (folder ``sao-luu``), newest first."""
    path = db_path or current_db_path()
    folder = backup_dir_for(path)
    if not folder.is_dir():
        return []
    found = []
    for candidate in folder.glob("*.db"):
        match = BACKUP_NAME_PATTERN.match(candidate.name)
        if match is not None and match["stem"] == path.stem:
            found.append(backup_info(candidate))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def _write_error(dest: Path, error: OSError | sqlite3.Error) -> DomainError:
    if isinstance(error, PermissionError):
        return DomainError(
            f"Không ghi được bản sao lưu {dest}: tệp đang được mở bởi chương trình khác "
            "hoặc thư mục không cho phép ghi. Hãy đóng tệp đó hoặc chọn nơi lưu khác."
        )
    return DomainError(f"Không ghi được bản sao lưu {dest} ({error}).")


def server_backup_dir() -> Path:
    """Where backups of a server database are kept on this PC: copy-db files in the user's data folder."""
    return data_dir() / "sao-luu-may-chu"


def _server_backup(reason: str) -> Path:
    """A server database is backed up as a copy-db file (the whole database as one SQLite file), the last ten kept."""
    from ..models.transfer import copy_to

    stand_in = Path(f"{db.database}.db")  # names the files after the server database
    dest = server_backup_dir() / backup_name(stand_in, reason)
    try:
        with translate_disk_full(dest):
            copy_to(dest)
    except (OSError, sqlite3.Error) as error:
        raise _write_error(dest, error) from error
    prune_backups(dest.parent, dest.name)
    return dest


def backup_now(reason: str = "thu-cong") -> Path:
    """Back the open database up into its ``sao-luu`` folder (online backup API), keeping the last ten.

    A server database is copied (copy-db) into ``sao-luu-may-chu`` in the user's data folder instead."""
    if not _REASON.match(reason):
        raise ValueError(f"bad backup reason {reason!r}")
    if is_server(db):
        return _server_backup(reason)
    path = current_db_path()
    dest = backup_dir_for(path) / backup_name(path, reason)
    try:
        with translate_disk_full(dest):
            return backup_to(dest)
    except (OSError, sqlite3.Error) as error:
        dest.unlink(missing_ok=True)
        raise _write_error(dest, error) from error
    except BaseException:
        dest.unlink(missing_ok=True)
        raise


def save_copy(dest: Path) -> Path:
    """Back the open database up to a file the user chose; an existing file there is replaced only when done."""
    current = current_db_path()
    if dest.exists() and _same_file(dest, current):
        raise DomainError("Không thể sao lưu đè lên chính tệp cơ sở dữ liệu đang mở; hãy chọn tên tệp khác.")
    partial = dest.with_name(dest.name + ".dang-ghi")
    try:
        with translate_disk_full(dest):
            dest.parent.mkdir(parents=True, exist_ok=True)
            target = sqlite3.connect(str(partial))
            try:
                db.connection().backup(target)
            finally:
                target.close()
            os.replace(partial, dest)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise _write_error(dest, error) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return dest


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _check_open(conn: sqlite3.Connection, name: str) -> tuple[int, int]:
    """(schema version, returns) of a candidate, or a DomainError saying why it cannot be restored."""
    if [row[0] for row in conn.execute("PRAGMA integrity_check(5)")] != ["ok"]:
        raise DomainError(
            f"Tệp {name} bị hỏng nên không thể khôi phục (không qua được bước kiểm tra toàn vẹn). "
            "Dữ liệu hiện tại được giữ nguyên; hãy chọn bản sao lưu khác."
        )
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version > SCHEMA_VERSION:
        raise DomainError(
            f"Tệp {name} được tạo bởi phiên bản mới hơn của Đề án Desktop (dữ liệu phiên bản {version}, "
            f"phần mềm này đọc được đến phiên bản {SCHEMA_VERSION}). Hãy cập nhật phần mềm rồi khôi phục lại."
        )
    wanted = {m._meta.table_name for m in ALL_MODELS} if version == SCHEMA_VERSION else set(_CORE_TABLES)
    missing = sorted(wanted - tables)
    if version < 1 or missing:
        raise DomainError(f"Tệp {name} không phải là cơ sở dữ liệu của Đề án Desktop nên không thể khôi phục.")
    returns = int(conn.execute("SELECT count(*) FROM unit_return").fetchone()[0])
    return version, returns


def check_backup(path: Path) -> CheckedBackup:
    """Verify a file before restoring it: a SQLite database that passes integrity_check, ours, not from a newer app."""
    if not path.is_file():
        raise DomainError(f"Không tìm thấy tệp {path}.")
    if is_database_file(path, db):  # reading it with open() would release SQLite's locks (STACK-FACTS.md)
        raise DomainError("Tệp được chọn chính là cơ sở dữ liệu đang mở; hãy chọn một bản sao lưu.")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DomainError(f"Không đọc được tệp {path}: {error}") from error
    if header != SQLITE_HEADER:
        raise DomainError(f"Tệp {path.name} không phải là tệp cơ sở dữ liệu nên không thể khôi phục.")
    try:
        with read_only_sqlite(path) as conn:
            version, returns = _check_open(conn, path.name)
    except sqlite3.Error as error:
        raise DomainError(
            f"Tệp {path.name} bị hỏng hoặc không đọc được nên không thể khôi phục. Dữ liệu hiện tại được giữ nguyên."
        ) from error
    return CheckedBackup(backup_info(path), version, returns)


def restore_from(path: Path, source: str = "ui") -> RestoreResult:
    """Replace the open database's content with a verified backup, after backing the current content up.

    The copy goes INTO the open database through SQLite's backup API, so its WAL stays consistent; then the
    database is opened again (migrated if the backup is older) and the restore is written to the audit log.
    """
    current = current_db_path()
    if _same_file(path, current):
        raise DomainError("Tệp được chọn chính là cơ sở dữ liệu đang mở; hãy chọn một bản sao lưu.")
    checked = check_backup(path)
    if db.in_transaction():
        raise RuntimeError("restore_from inside a transaction")
    staged = sqlite3.connect(":memory:")  # hold the checked content: pruning old backups may remove the file itself
    try:
        try:
            with read_only_sqlite(path) as candidate:
                candidate.backup(staged)
        except sqlite3.Error as error:
            raise DomainError(f"Không đọc được tệp {path.name} nên không thể khôi phục.") from error
        safety = backup_now("truoc-khoi-phuc")
        try:
            with translate_disk_full(current):
                staged.backup(db.connection())
        except sqlite3.Error as error:
            raise DomainError(
                f"Không khôi phục được từ tệp {path.name}: {error}. Dữ liệu hiện tại được giữ nguyên "
                f"(bản sao lưu trước khi khôi phục: {safety.name})."
            ) from error
    finally:
        staged.close()
    version = open_database(current, backup_dir=backup_dir_for(current))
    seed_database()
    with db.atomic():
        audit.record("database", None, "khôi phục", None, f"{path.name} ({checked.returns} báo cáo)", source)
    return RestoreResult(source=path, safety_backup=safety, schema_version=version)


LAST_BACKUP_KEY = "last_backup"  # "<data fingerprint>|<backup file name>" of the last automatic pre-import backup


def data_fingerprint() -> str | None:
    """What the user's data has been through: the newest audit entry and import record (every import and edit writes
    one). None for a database holding only what the app seeds itself."""
    from ..models import AuditEntry, ImportRecord

    audited = AuditEntry.select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1).scalar()
    imported = ImportRecord.select(ImportRecord.id).order_by(ImportRecord.id.desc()).limit(1).scalar()
    if audited is None and imported is None:
        return None
    return f"v{SCHEMA_VERSION}:audit{audited or 0}:import{imported or 0}"


def backup_before_import() -> Path | None:
    """The automatic backup before an import, skipped when there is nothing to lose: a database with only its seed,
    or one unchanged since the last such backup (which is still there). Returns the backup written, if any."""
    from ..models import Setting

    fingerprint = data_fingerprint()
    if fingerprint is None:
        return None
    last = Setting.get_or_none(Setting.key == LAST_BACKUP_KEY)
    if last is not None:
        seen, _, name = last.value.partition("|")
        if seen == fingerprint and name and (backup_dir_for(current_db_path()) / name).exists():
            return None
    dest = backup_now("truoc-khi-nhap")
    Setting.put(LAST_BACKUP_KEY, f"{fingerprint}|{dest.name}")
    return dest
