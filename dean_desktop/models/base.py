"""The one peewee database object and the model base class."""

from __future__ import annotations

from peewee import DatabaseProxy, Model, SqliteDatabase

from .engine import SQLITE_PRAGMAS

# Declared once; ``schema.open_database`` points it at a SQLite file or a PostgreSQL server (engine.py).
db = DatabaseProxy()
db.initialize(SqliteDatabase(None, pragmas=SQLITE_PRAGMAS))  # unbound until then

PRAGMAS = SQLITE_PRAGMAS  # kept for callers that open a SQLite file of their own the app's way


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False
