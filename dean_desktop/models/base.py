"""The one peewee database object and the model base class."""

from __future__ import annotations

from peewee import Model, SqliteDatabase

# Declared once, bound to a file by ``schema.open_database``.
db = SqliteDatabase(None)

PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 10000,
    "cache_size": -64000,
}


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False
