"""Per-return counts of cadres, stored when a return is written so the figures never scan the cadre table."""

from __future__ import annotations

from peewee import CharField, ForeignKeyField, IntegerField

from .base import BaseModel
from .returns import UnitReturn

TALLY_TOTAL = "*"  # field of the row holding a return's number of cadres (code "")
TALLIED_FIELDS = ("education", "political_theory", "state_mgmt")


class CadreTally(BaseModel):
    """How many cadres of one return have ``code`` in ``field`` (one of TALLIED_FIELDS), or in all (TALLY_TOTAL)."""

    unit_return = ForeignKeyField(UnitReturn, backref="cadre_tallies", on_delete="CASCADE")
    field = CharField()
    code = CharField()
    count = IntegerField()

    class Meta:
        indexes = ((("unit_return", "field", "code"), True),)


def tally_sql(where: str = "") -> str:
    """SQL filling the tallies from the cadre table (the backfill of existing databases and bulk loaders)."""
    parts = [f"SELECT unit_return_id, '{TALLY_TOTAL}', '', COUNT(*) FROM \"cadre\" {where} GROUP BY unit_return_id"]
    parts += [
        f"SELECT unit_return_id, '{field}', {field}, COUNT(*) FROM \"cadre\" {where} GROUP BY unit_return_id, {field}"
        for field in TALLIED_FIELDS
    ]
    return 'INSERT INTO "cadre_tally" (unit_return_id, field, code, count) ' + " UNION ALL ".join(parts)
