"""Version 6: the cadre table drops its indexes on the folded name, education and political theory.

No query used them: every read of the table goes by return (``unit_return_id``, the foreign key's index), and the
counts behind the figures come from ``cadre_tally``. Each index was written with every cadre imported: the three
took half the time of inserting a period's 7,200 cadres (137 -> 60 ms) and their share of the file.
"""

from __future__ import annotations

from typing import Any

UNUSED = ("cadre_name_folded", "cadre_education", "cadre_political_theory")


def migrate(db: Any) -> None:
    for name in UNUSED:
        db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
