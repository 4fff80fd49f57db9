"""What others wrote to the store: the aggregates changed since the last look, for windows to refresh.

Every change is written with an audit line naming its table, and every import with an import record; a window asks
``ChangeFeed.poll()`` about once a second and gets the aggregates ("returns", "tasks"…) that changed — cheaply: the
engine's change signal (SQLite's data_version, PostgreSQL's LISTEN/NOTIFY) says whether to look at all.
"""

from __future__ import annotations

from peewee import fn

from ..models import AuditEntry, ImportRecord, db
from ..models.engine import ChangeSignal

# Aggregates the window knows how to refresh.
RETURNS, OFFICES, TASKS, ROTATIONS, ROSTER, UNITS, TARGETS, DATABASE = (
    "returns", "offices", "tasks", "rotations", "roster", "units", "targets", "database",
)  # fmt: skip
TABLE_AGGREGATES: dict[str, str] = {
    "unit_return": RETURNS,
    "cadre": RETURNS,
    "edoc_org": RETURNS,
    "office_readiness": OFFICES,
    "task": TASKS,
    "solution_group": TASKS,
    "rotation": ROTATIONS,
    "steering_member": ROSTER,
    "member_unit": ROSTER,
    "unit": UNITS,
    "target": TARGETS,
    "project": TARGETS,
    "database": DATABASE,  # a restore: everything
}
# An import may bring returns, a roster or rotations.
IMPORT_AGGREGATES = frozenset({RETURNS, ROSTER, ROTATIONS})


def aggregates_of_tables(tables: set[str]) -> frozenset[str]:
    return frozenset(TABLE_AGGREGATES.get(table, DATABASE) for table in tables)


class ChangeFeed:
    """Aggregates changed by other connections since the feed was made or last polled. Use on one thread."""

    def __init__(self) -> None:
        self._signal = ChangeSignal(db)
        self._audit, self._imports = self._marks()

    @staticmethod
    def _marks() -> tuple[int, int]:
        audit = AuditEntry.select(fn.MAX(AuditEntry.id)).scalar() or 0
        imports = ImportRecord.select(fn.MAX(ImportRecord.id)).scalar() or 0
        return int(audit), int(imports)

    def poll(self) -> frozenset[str]:
        if not self._signal.changed():
            return frozenset()
        tables = {
            table
            for (table,) in AuditEntry.select(AuditEntry.table).where(AuditEntry.id > self._audit).distinct().tuples()
        }
        imported = ImportRecord.select().where(ImportRecord.id > self._imports).exists()
        self._audit, self._imports = self._marks()
        return aggregates_of_tables(tables) | (IMPORT_AGGREGATES if imported else frozenset())

    def close(self) -> None:
        self._signal.close()
