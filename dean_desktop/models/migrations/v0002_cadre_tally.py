"""Version 2: per-return cadre counts (``cadre_tally``), filled from the cadres already stored."""

from __future__ import annotations

from typing import Any

from ..tallies import CadreTally, tally_sql


def migrate(db: Any) -> None:
    db.create_tables([CadreTally])
    db.execute_sql(tally_sql())
