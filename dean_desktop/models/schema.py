"""Opening a database file: pragmas, schema creation, versioned migrations, online backups."""

from __future__ import annotations

import importlib
import pkgutil
import re
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from . import ALL_MODELS
from . import migrations as migrations_pkg
from .base import PRAGMAS, db

# Bump with every migration module added under ``migrations/`` (named ``v0002_…`` for version 2).
SCHEMA_VERSION = 3
BACKUPS_KEPT = 10


class SchemaTooNewError(RuntimeError):
    """The file was written by a newer version of the app."""


def user_version() -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def _set_user_version(version: int) -> None:
    db.execute_sql(f"PRAGMA user_version = {int(version)}")


def _migrations() -> dict[int, Callable[[object], None]]:
    """Migration steps shipped with the package, keyed by the version they produce."""
    steps: dict[int, Callable[[object], None]] = {}
    for info in pkgutil.iter_modules(migrations_pkg.__path__):
        if info.name.startswith("v") and info.name[1:5].isdigit():
            module = importlib.import_module(f"{migrations_pkg.__name__}.{info.name}")
            steps[int(info.name[1:5])] = module.migrate
    return steps


def open_database(path: Path | str, *, backup_dir: Path | None = None) -> int:
    """Bind the models to ``path``, create or migrate the schema, and return the schema version.

    A database from an older version is backed up (online backup API) before each migration step.
    """
    if not db.is_closed():
        db.close()
    target = str(path)
    if target != ":memory:":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    db.init(target, pragmas=PRAGMAS)
    db.connect(reuse_if_open=True)
    version = user_version()
    if version == 0 and not db.get_tables():
        with db.atomic():
            db.create_tables(ALL_MODELS)
            _set_user_version(SCHEMA_VERSION)
        return SCHEMA_VERSION
    if version > SCHEMA_VERSION:
        raise SchemaTooNewError(
            f"Cơ sở dữ liệu được tạo bởi phiên bản mới hơn (lược đồ {version}, "
            f"phần mềm này hỗ trợ đến {SCHEMA_VERSION})."
        )
    steps = _migrations()
    for step_version in range(max(version, 1) + 1, SCHEMA_VERSION + 1):
        if backup_dir is not None and target != ":memory:":
            backup_to(backup_dir / backup_name(Path(target), f"truoc-nang-cap-v{step_version}"))
        with db.atomic():
            steps[step_version](db)
            _set_user_version(step_version)
    # Tables added by a newer model set but not by a migration are created here (safe: IF NOT EXISTS).
    db.create_tables(ALL_MODELS, safe=True)
    return SCHEMA_VERSION


def backup_name(db_path: Path, reason: str) -> str:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return f"{db_path.stem}-{stamp}-{reason}.db"


def backup_to(dest: Path) -> Path:
    """Copy the open database to ``dest`` with SQLite's online backup API (safe in WAL mode)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    source: sqlite3.Connection = db.connection()
    target = sqlite3.connect(str(dest))
    try:
        source.backup(target)
    finally:
        target.close()
    _prune_backups(dest.parent, dest.name)
    return dest


# ``<database stem>-<YYYYmmdd-HHMMSS-ffffff>-<reason>.db``, as ``backup_name`` writes it.
BACKUP_NAME_PATTERN = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[^.]*)\.db$")


def _prune_backups(folder: Path, name: str) -> None:
    """Keep the newest BACKUPS_KEPT automatic backups of the same database; other files are never touched."""
    match = BACKUP_NAME_PATTERN.match(name)
    if match is None:
        return
    stamped = [
        (found["stamp"], path)
        for path in folder.glob("*.db")
        if (found := BACKUP_NAME_PATTERN.match(path.name)) is not None and found["stem"] == match["stem"]
    ]
    for _stamp, old in sorted(stamped)[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
