"""Version 2: a rotation record states whether the post left was a head (cấp trưởng) and the units before and after.

Existing records get "not stated" (NULL, ''), so the rotation rule infers from the posts' text as before the columns.
"""

from __future__ import annotations

from peewee import BooleanField, Database, TextField
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run


def migrate(db: Database) -> None:
    migrator = SchemaMigrator.from_database(db)
    run(
        migrator.add_column("rotation", "from_head", BooleanField(null=True)),
        migrator.add_column("rotation", "from_unit", TextField(default="")),
        migrator.add_column("rotation", "to_unit", TextField(default="")),
    )
