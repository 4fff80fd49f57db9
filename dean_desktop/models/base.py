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
    # SQLite's own default (2 MB). The OS caches the file anyway; a bigger page cache only kept a copy of every
    # page read (a 50,000-cadre register read grew the window by ~10 MB) without making anything measurably faster.
    "cache_size": -2000,
}


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False
