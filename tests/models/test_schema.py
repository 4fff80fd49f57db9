"""The store: pragmas, schema version, refusing databases from a newer version."""

from __future__ import annotations

from pathlib import Path

import pytest

from dean_desktop.models import db
from dean_desktop.models.schema import SCHEMA_VERSION, SchemaTooNewError, backup_to, open_database, user_version

pytestmark = pytest.mark.sqlite_only  # pragmas, PRAGMA user_version, the online backup of a file


def test_pragmas_and_version(store: Path) -> None:
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert user_version() == SCHEMA_VERSION


def test_newer_database_is_refused(store: Path) -> None:
    db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(SchemaTooNewError, match="phiên bản mới hơn"):
        open_database(store)


def test_online_backup_holds_committed_data(demo_store: Path, tmp_path: Path) -> None:
    import sqlite3

    copy = backup_to(tmp_path / "sao-luu" / "test-1.db")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM unit_return").fetchone()[0] > 0
