"""Version 4: per-return cadre counts (``cadre_tally``), filled from the cadres already stored; an index for finding
each unit's latest return."""

from __future__ import annotations

from typing import Any

from ..tallies import CadreTally, tally_sql


def migrate(db: Any) -> None:
    db.create_tables([CadreTally])
    db.execute_sql(tally_sql())
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "unit_return_unit_id_period_end_period_start_id" '
        'ON "unit_return" ("unit_id", "period_end", "period_start", "id")'
    )
