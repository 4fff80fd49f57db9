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


def _back_to_version_1() -> None:
    """Undo what steps 2-5 added, leaving the store in the shape a version-1 app wrote (on either engine)."""
    statements = [
        'DROP INDEX IF EXISTS "auditentry_table_row_id"',
        'DROP INDEX IF EXISTS "audit_entry_table_row_id"',
        'ALTER TABLE "audit_entry" DROP COLUMN "host"',  # v0002
        *(f'ALTER TABLE "rotation" DROP COLUMN "{c}"' for c in ("from_head", "from_unit", "to_unit")),  # v0003
        'DROP INDEX IF EXISTS "unit_return_unit_id_period_end_period_start_id"',  # v0004
        'DROP TABLE "cadre_tally"',
        *(
            f'ALTER TABLE "target" DROP COLUMN "{c}"'
            for c in ("method", "level", "criterion", "counted_values", "retired")
        ),  # v0005
    ]
    with db.atomic():
        for sql in statements:
            db.execute_sql(sql)
        set_schema_version(db, 1)


def test_a_version_1_database_is_migrated_step_by_step_on_either_engine(store: object) -> None:
    """Every step from version 1, on either engine: the audit log's host column, the rotation columns, the cadre
    counts (filled from the stored cadres) and the targets' computing rows."""
    target = opened_target()
    targets = db.execute_sql('SELECT code, title FROM "target" ORDER BY code').fetchall()
    _back_to_version_1()
    db.close()
    assert open_database(target) == SCHEMA_VERSION  # type: ignore[arg-type]
    assert user_version() == SCHEMA_VERSION
    AuditEntry.create(at="2020-01-01 00:00:00", who="x", table="task", row_id=1, host="MAY-01")
    assert AuditEntry.select().where(AuditEntry.host == "MAY-01").count() == 1
    assert db.execute_sql('SELECT code, title FROM "target" ORDER BY code').fetchall() == targets
    methods = dict(db.execute_sql('SELECT code, method FROM "target"').fetchall())
    assert methods["cadre.rotations"] == "rotation_count" and methods["reform.edoc_orgs"] == "edoc_share"
    assert db.execute_sql('SELECT count(*) FROM "rotation" WHERE from_unit IS NULL').fetchone()[0] == 0
