"""Version 5: a target states how it is computed (method, level, criterion, counted values) and can be retired.

The five targets the app used to compute in code get the rows that compute them the same way; every other column of
theirs (title, thresholds, deadline) keeps what the office edited.
"""

from __future__ import annotations

import json

from peewee import BooleanField, CharField, Database, TextField
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run

BUILT_IN: dict[str, tuple[str, str, str, list[str]]] = {
    "cadre.postgrad_district": ("cadre_share", "huyen", "education", ["thac_si", "tien_si"]),
    "cadre.senior_theory_district": ("cadre_share", "huyen", "political_theory", ["cao_cap", "cu_nhan"]),
    "cadre.rotations": ("rotation_count", "huyen", "", []),
    "reform.edoc_orgs": ("edoc_share", "xa", "", []),
    "reform.commune_offices": ("commune_share", "xa", "has_office", []),
}


def migrate(db: Database) -> None:
    migrator = SchemaMigrator.from_database(getattr(db, "obj", db))  # a DatabaseProxy holds the database in .obj
    run(
        migrator.add_column("target", "method", CharField(default="")),
        migrator.add_column("target", "level", CharField(default="")),
        migrator.add_column("target", "criterion", CharField(default="")),
        migrator.add_column("target", "counted_values", TextField(default="[]")),
        migrator.add_column("target", "retired", BooleanField(default=False)),
    )
    for code, (method, level, criterion, values) in BUILT_IN.items():
        mark = db.param  # "?" on SQLite, "%s" on PostgreSQL
        db.execute_sql(
            f"UPDATE target SET method = {mark}, level = {mark}, criterion = {mark}, counted_values = {mark} "
            f"WHERE code = {mark}",
            (method, level, criterion, json.dumps(values), code),
        )
