"""The schema version, a newer database refused and a migration — the same on both engines."""

from __future__ import annotations

import pytest

from dean_desktop.models import AuditEntry, db
from dean_desktop.models.engine import SchemaTooNewError, set_schema_version
from dean_desktop.models.schema import SCHEMA_VERSION, open_database, opened_target, user_version
from dean_desktop.store import open_store


def test_reopening_keeps_the_version_and_the_data(store: object) -> None:
    units = db.execute_sql('SELECT count(*) FROM "unit"').fetchone()[0]
    assert user_version() == SCHEMA_VERSION
    open_store(store)
    assert user_version() == SCHEMA_VERSION
    assert db.execute_sql('SELECT count(*) FROM "unit"').fetchone()[0] == units


def test_a_database_of_a_newer_version_is_refused_unchanged(store: object) -> None:
    with db.atomic():
        set_schema_version(db, SCHEMA_VERSION + 1)
    db.close()
    with pytest.raises(SchemaTooNewError, match="phiên bản mới hơn"):
        open_database(store)  # type: ignore[arg-type]
    db.connect(reuse_if_open=True)
    assert user_version() == SCHEMA_VERSION + 1
    with db.atomic():
        set_schema_version(db, SCHEMA_VERSION)


def test_a_version_1_database_is_migrated_to_the_pc_name_column(store: object) -> None:
    """What v0002 does, on either engine: the audit log's host column and its (table, row) index."""
    target = opened_target()
    with db.atomic():
        db.execute_sql('DROP INDEX IF EXISTS "auditentry_table_row_id"')
        db.execute_sql('DROP INDEX IF EXISTS "audit_entry_table_row_id"')
        db.execute_sql('ALTER TABLE "audit_entry" DROP COLUMN "host"')
        set_schema_version(db, 1)
    db.close()
    assert open_database(target) == SCHEMA_VERSION  # type: ignore[arg-type]
    assert user_version() == SCHEMA_VERSION
    AuditEntry.create(at="2020-01-01 00:00:00", who="x", table="task", row_id=1, host="MAY-01")
    assert AuditEntry.select().where(AuditEntry.host == "MAY-01").count() == 1
