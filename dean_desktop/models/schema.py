"""Opening a database (SQLite file or PostgreSQL server): schema creation, versioned migrations, online backups."""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from .. import SCHEMA_VERSION
from . import ALL_MODELS
from . import migrations as migrations_pkg
from .base import db
from .engine import (
    DatabaseOpenError,
    SchemaTooNewError,
    create_server_functions,
    is_server,
    is_server_url,
    make_database,
    open_failure_message,
    probe_sqlite,
    read_only_sqlite,
    schema_version,
    set_schema_version,
    too_new_message,
    user_tables,
)

BACKUPS_KEPT = 10


# Tables every database of this app has had since schema version 1: a file without them belongs to another program.
CORE_TABLES = frozenset({"unit", "unit_return", "cadre", "setting"})


def user_version() -> int:
    """The schema version stored in the open database (PRAGMA user_version, or a table on PostgreSQL)."""
    return schema_version(db)


def _set_user_version(version: int) -> None:
    set_schema_version(db, version)


def _migrations(versions: range | None = None) -> dict[int, Callable[[object], None]]:
    """Migration steps shipped with the package, keyed by the version they produce (only ``versions``, if given).

    A step's module is imported only when that step is due: they import ``playhouse.migrate``, which imports
    psycopg and asyncio (≈0.3 s), a cost an up-to-date database must not pay at every start.
    """
    steps: dict[int, Callable[[object], None]] = {}
    for info in pkgutil.iter_modules(migrations_pkg.__path__):
        if info.name.startswith("v") and info.name[1:5].isdigit():
            version = int(info.name[1:5])
            if versions is not None and version not in versions:
                continue
            module = importlib.import_module(f"{migrations_pkg.__name__}.{info.name}")
            steps[version] = module.migrate
    return steps


def close_database() -> None:
    if db.obj is not None and not db.is_closed():
        db.close()


_opened: list[Path | str] = []


def opened_target() -> Path | str | None:
    """What ``open_database`` last opened: the file path or the server URL (with its password, for reopening)."""
    return _opened[0] if _opened else None


def _bind(target: Path | str) -> None:
    """Point the models at ``target`` and connect; a SQLite file is checked read-only first (engine.probe_sqlite)."""
    close_database()
    if not is_server_url(target) and str(target) != ":memory:":
        path = Path(target)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseOpenError(f"Không tạo được thư mục {path.parent} để chứa cơ sở dữ liệu ({error}).") from error
        probe_sqlite(path, SCHEMA_VERSION, CORE_TABLES)
    db.initialize(make_database(target))
    _opened[:] = [target]
    try:
        db.connect(reuse_if_open=True)
    except Exception as error:
        message = open_failure_message(error, target)
        if message is None:
            raise
        raise DatabaseOpenError(message) from error


def open_database(target: Path | str, *, backup_dir: Path | None = None) -> int:
    """Bind the models to ``target`` (a SQLite file or a ``postgresql://`` URL), create or migrate the schema, and
    return the schema version.

    Creating is safe when several processes open a new database at once: the check and the creation run under the
    write lock. A database from an older version is backed up before each migration step.
    """
    _bind(target)
    try:
        with db.atomic("IMMEDIATE"):  # re-read under the write lock: another process may have just created it
            version = user_version()
            if version > SCHEMA_VERSION:
                raise SchemaTooNewError(too_new_message(version, SCHEMA_VERSION))
            if version == 0 and not user_tables(db):
                db.create_tables(ALL_MODELS)
                _set_user_version(SCHEMA_VERSION)
                create_server_functions(db)
                return SCHEMA_VERSION
    except SchemaTooNewError:
        close_database()
        raise
    due = range(max(version, 1) + 1, SCHEMA_VERSION + 1)
    steps = _migrations(due) if due else {}
    for step_version in due:
        if backup_dir is not None and not is_server(db) and str(target) != ":memory:":
            backup_to(backup_dir / backup_name(Path(target), f"truoc-nang-cap-v{step_version}"))
        with db.atomic("IMMEDIATE"):
            if user_version() >= step_version:  # another process migrated meanwhile
                continue
            steps[step_version](db)
            _set_user_version(step_version)
    # Tables added by a newer model set but not by a migration are created here (safe: IF NOT EXISTS).
    with db.atomic("IMMEDIATE"):
        db.create_tables(ALL_MODELS, safe=True)
        create_server_functions(db)
    return SCHEMA_VERSION


def backup_name(db_path: Path, reason: str) -> str:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return f"{db_path.stem}-{stamp}-{reason}.db"


def backup_to(dest: Path) -> Path:
    """Copy the open SQLite database to ``dest`` with the online backup API (safe in WAL mode).

    The copy is written beside ``dest`` under a temporary name and checked with ``integrity_check`` before it takes
    its name: a backup that fails (a full disk…) leaves no file behind, only the error.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".dang-ghi")
    try:
        source: sqlite3.Connection = db.connection()
        target = sqlite3.connect(str(partial))
        try:
            source.backup(target)
            if not _passes_integrity_check(target):
                raise sqlite3.DatabaseError(f"the backup {dest.name} failed integrity_check")
        finally:
            target.close()
        os.replace(partial, dest)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    prune_backups(dest.parent, dest.name)
    return dest


def _passes_integrity_check(conn: sqlite3.Connection) -> bool:
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check(1)")] == ["ok"]
    except sqlite3.Error:
        return False


def is_usable_backup(path: Path) -> bool:
    """A backup file SQLite opens and that passes integrity_check (a 0-byte or truncated one does not)."""
    try:
        if path.stat().st_size == 0:
            return False
        with read_only_sqlite(path) as conn:
            return _passes_integrity_check(conn)
    except (OSError, sqlite3.Error):
        return False


# ``<database stem>-<YYYYmmdd-HHMMSS-ffffff>-<reason>.db``, as ``backup_name`` writes it.
BACKUP_NAME_PATTERN = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[^.]*)\.db$")


def prune_backups(folder: Path, name: str) -> None:
    """Keep the newest BACKUPS_KEPT automatic backups of the same database that are usable; other files are never
    touched. A damaged backup (e.g. the 0-byte file an older version left on a full disk) does not count among the
    kept ones, so failures can never push the good backups out."""
    match = BACKUP_NAME_PATTERN.match(name)
    if match is None:
        return
    stamped = sorted(
        (
            (found["stamp"], path)
            for path in folder.glob("*.db")
            if (found := BACKUP_NAME_PATTERN.match(path.name)) is not None and found["stem"] == match["stem"]
        ),
        reverse=True,
    )
    kept = 0
    for _stamp, path in stamped:
        if kept < BACKUPS_KEPT:
            if path.name == name or is_usable_backup(path):  # the new one was checked before it got its name
                kept += 1
            continue
        path.unlink(missing_ok=True)
