"""Version 2: the audit log records the PC name beside the OS user, and finds a row's changes by an index.

Several staff now share one store (PRODUCT.md §8): "who" alone no longer says where a change came from, and an edit
is checked against the row's latest change (services/audit.py, ``ensure_unchanged``), a lookup by table and row.
"""

from __future__ import annotations

from peewee import CharField
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run_operations


def migrate(db: object) -> None:
    real = getattr(db, "obj", db)  # the models' DatabaseProxy, or a database
    migrator = SchemaMigrator.from_database(real)
    run_operations(
        migrator.add_column("audit_entry", "host", CharField(default="")),
        migrator.add_index("audit_entry", ("table", "row_id"), False),
    )
