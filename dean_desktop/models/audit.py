"""The audit trail of every change, and the import history."""

from __future__ import annotations

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from .base import BaseModel
from .units import Unit


class AuditEntry(BaseModel):
    at = DateTimeField(index=True)
    who = CharField()
    table = CharField()
    row_id = IntegerField(null=True)
    field = CharField(default="")
    old = TextField(null=True)
    new = TextField(null=True)
    source = CharField(default="ui")  # ui, import, cli, seed, demo
    host = CharField(default="")  # the PC the change came from (schema version 2)

    class Meta:
        indexes = ((("table", "row_id"), False),)


class ImportRecord(BaseModel):
    at = DateTimeField(index=True)
    who = CharField()
    file_name = TextField()
    file_hash = CharField(index=True)
    kind = CharField(default="return")  # return, rotations, roster
    status = CharField()  # imported, unchanged, rejected
    unit = ForeignKeyField(Unit, null=True, on_delete="SET NULL")
    period_code = CharField(default="")
    counts = TextField(default="{}")  # JSON
    warnings = TextField(default="[]")  # JSON list of messages
    errors = TextField(default="[]")


class Setting(BaseModel):
    key = CharField(primary_key=True)
    value = TextField()

    @classmethod
    def put(cls, key: str, value: str) -> None:
        """Store ``value`` under ``key``, replacing what was there (an upsert both engines accept; PostgreSQL has
        no INSERT OR REPLACE)."""
        cls.insert(key=key, value=value).on_conflict(conflict_target=[cls.key], update={cls.value: value}).execute()
