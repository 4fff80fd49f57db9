"""The overview's figures and the charts' history, kept between starts: recomputed only when their data changed.

``indicator_history`` computes every target as of every reported period (one computation per period); with many
periods that is most of the time to the overview's charts. Its result is stored in the settings table under a key
naming everything it depends on — the app version (its rules), the schema and seed versions, the newest audit entry
and import record (every import and edit writes one), and the returns and rotations as counted — so any change
makes the next start compute it again, and an unchanged store costs one read.

At start-up the window paints what was kept before the database layer is even loaded: ``peek_kept`` reads the key
and both entries from a SQLite file with the standard ``sqlite3`` module, read-only, in one snapshot, with the same
statement ``data_key`` runs through peewee — so what it shows is exactly what ``cached_report``/``cached_history``
would return. This module therefore imports no peewee at load time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from .. import SCHEMA_VERSION, SEED_KEY, __version__
from ..targets import sqlite_uri
from .indicator_types import ChecklistFigure, IndicatorReport, IndicatorValue
from .periods import Period, period_from_code

HISTORY_KEY = "indicator_history"
REPORT_KEY = "indicator_report_latest"
CACHE_VERSION = 2  # 2: every kept entry is {"key", "value"}

History = dict[str, list[tuple[Period, float | None]]]

_COUNTED = ("audit_entry", "import_record", "unit_return", "rotation")
# What the key is made of, in one engine-neutral statement (peewee runs it on either engine, peek_kept on SQLite).
KEY_SQL = "SELECT " + ", ".join(
    [f"(SELECT value FROM setting WHERE key = '{SEED_KEY}')"]
    + [f"(SELECT COUNT(id) FROM {table}), (SELECT MAX(id) FROM {table})" for table in _COUNTED]
)
KEPT_SQL = f"SELECT key, value FROM setting WHERE key IN ('{REPORT_KEY}', '{HISTORY_KEY}')"


def _key_from_row(row: Sequence[Any]) -> str:
    seed, counted = row[0], row[1:]
    parts = [f"c{CACHE_VERSION}", __version__, f"s{SCHEMA_VERSION}", f"seed{int(seed) if seed else 0}"]
    parts += [f"{counted[i]}/{counted[i + 1] or 0}" for i in range(0, len(counted), 2)]
    return "|".join(parts)


def data_key() -> str:
    """Names the stored data the kept entries are computed from (changes whenever that data may have)."""
    from ..models import db

    return _key_from_row(db.execute_sql(KEY_SQL).fetchone())


T = TypeVar("T")


def _decode_kept(text: str | None, key: str, decode: Callable[[Any], T]) -> T | None:
    """The value kept in ``text`` if it was kept under ``key``; None when missing, stale or unreadable."""
    if text is None:
        return None
    try:
        stored = json.loads(text)
        return decode(stored["value"]) if stored.get("key") == key else None
    except (ValueError, KeyError, TypeError, AttributeError, AssertionError):
        return None  # an unreadable entry is computed again


def _kept(name: str, compute: Callable[[], T], encode: Callable[[T], object], decode: Callable[[Any], T]) -> T:
    """``compute()``, read from the setting ``name`` when the data key it was kept under is still the store's; an
    entry that is missing, stale or unreadable is computed again and kept. The key and the value are read in one
    snapshot, so a value is never kept under a key of other data."""
    from ..models import Setting
    from .snapshot import read_snapshot

    with read_snapshot():
        key = data_key()
        row = Setting.get_or_none(Setting.key == name)
        value = _decode_kept(row.value if row is not None else None, key, decode)
        if value is not None:
            return value
        value = compute()
    Setting.put(name, json.dumps({"key": key, "value": encode(value)}, ensure_ascii=False))
    return value


def cached_history() -> History:
    """``indicator_history()``, read from the store when nothing it depends on changed since it was kept."""
    from .indicators import indicator_history

    return _kept(HISTORY_KEY, indicator_history, _history_to_json, _history_from_json)


def cached_report() -> IndicatorReport:
    """``indicator_report(None)`` (the latest data), read from the store when nothing it depends on changed since it
    was kept: the overview paints its figures at start-up from one read instead of the whole computation."""
    from .indicators import indicator_report

    return _kept(REPORT_KEY, lambda: indicator_report(None), _report_to_json, _report_from_json)


@dataclass(frozen=True)
class KeptFigures:
    """The latest report and the history, as kept in a store whose data has not changed since."""

    report: IndicatorReport
    history: History


def peek_kept(path: Path) -> KeptFigures | None:
    """The kept report and history of the SQLite file ``path``, read without peewee and without writing; None when
    either is missing or stale, or the file cannot be read this way (the window then opens the store as usual)."""
    import sqlite3

    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(sqlite_uri(path), uri=True, isolation_level=None)
    except (sqlite3.Error, ValueError):
        return None
    try:
        conn.execute("BEGIN")  # the key and the entries from one snapshot, as _kept reads them
        key = _key_from_row(conn.execute(KEY_SQL).fetchone())
        kept = dict(conn.execute(KEPT_SQL).fetchall())
        conn.execute("COMMIT")
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    report = _decode_kept(kept.get(REPORT_KEY), key, _report_from_json)
    history = _decode_kept(kept.get(HISTORY_KEY), key, _history_from_json)
    return KeptFigures(report, history) if report is not None and history is not None else None


def _history_to_json(history: History) -> dict[str, list[tuple[str, float | None]]]:
    return {code: [(p.code, v) for p, v in points] for code, points in history.items()}


def _history_from_json(stored: dict[str, list[list[Any]]]) -> History:
    return {code: [(period_from_code(period), value) for period, value in points] for code, points in stored.items()}


def _report_to_json(report: IndicatorReport) -> dict[str, object]:
    return {
        "reference_date": report.reference_date.isoformat(),
        "indicators": [asdict(item) for item in report.indicators],
        "missing_returns": report.missing_returns,
        "checklists": [asdict(figure) for figure in report.checklists],
    }


def _report_from_json(stored: dict[str, object]) -> IndicatorReport:
    indicators, checklists, missing = stored["indicators"], stored["checklists"], stored["missing_returns"]
    assert isinstance(indicators, list) and isinstance(checklists, list) and isinstance(missing, list)
    return IndicatorReport(
        as_of=None,
        reference_date=date.fromisoformat(str(stored["reference_date"])),
        indicators=[IndicatorValue(**item) for item in indicators],
        missing_returns=[str(name) for name in missing],
        checklists=[ChecklistFigure(**figure) for figure in checklists],
    )
