"""The overview's figures and the charts' history, kept between starts: recomputed only when their data changed.

``indicator_history`` computes every target as of every reported period (one computation per period); with many
periods that is most of the time to the overview's charts. Its result is stored in the settings table under a key
naming everything it depends on — the app version (its rules), the schema and seed versions, the newest audit entry
and import record (every import and edit writes one), and the returns and rotations as counted — so any change
makes the next start compute it again, and an unchanged store costs one read.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import Any, TypeVar

from peewee import fn

from .. import __version__
from ..models import AuditEntry, ImportRecord, Rotation, Setting, UnitReturn
from ..models.schema import SCHEMA_VERSION
from .indicators import ChecklistFigure, IndicatorReport, IndicatorValue, indicator_history, indicator_report
from .periods import Period, period_from_code
from .snapshot import read_snapshot

HISTORY_KEY = "indicator_history"
REPORT_KEY = "indicator_report_latest"
CACHE_VERSION = 2  # 2: every kept entry is {"key", "value"}


def _max_and_count(model: type) -> str:
    count, newest = model.select(fn.COUNT(model.id), fn.MAX(model.id)).tuples().get()  # type: ignore[attr-defined]
    return f"{count}/{newest or 0}"


def data_key() -> str:
    """Names the stored data the history is computed from (changes whenever that data may have)."""
    from .seed import seed_version

    parts = [
        f"c{CACHE_VERSION}",
        __version__,
        f"s{SCHEMA_VERSION}",
        f"seed{seed_version()}",
        _max_and_count(AuditEntry),
        _max_and_count(ImportRecord),
        _max_and_count(UnitReturn),
        _max_and_count(Rotation),
    ]
    return "|".join(parts)


T = TypeVar("T")


def _kept(name: str, compute: Callable[[], T], encode: Callable[[T], object], decode: Callable[[Any], T]) -> T:
    """``compute()``, read from the setting ``name`` when the data key it was kept under is still the store's; an
    entry that is missing, stale or unreadable is computed again and kept. The key and the value are read in one
    snapshot, so a value is never kept under a key of other data."""
    with read_snapshot():
        key = data_key()
        row = Setting.get_or_none(Setting.key == name)
        if row is not None:
            try:
                stored = json.loads(row.value)
                if stored.get("key") == key:
                    return decode(stored["value"])
            except (ValueError, KeyError, TypeError, AttributeError):
                pass  # an unreadable entry is computed again
        value = compute()
    Setting.put(name, json.dumps({"key": key, "value": encode(value)}, ensure_ascii=False))
    return value


def cached_history() -> dict[str, list[tuple[Period, float | None]]]:
    """``indicator_history()``, read from the store when nothing it depends on changed since it was kept."""
    return _kept(
        HISTORY_KEY,
        indicator_history,
        lambda history: {code: [(p.code, v) for p, v in points] for code, points in history.items()},
        lambda stored: {
            code: [(period_from_code(period), value) for period, value in points] for code, points in stored.items()
        },
    )


def cached_report() -> IndicatorReport:
    """``indicator_report(None)`` (the latest data), read from the store when nothing it depends on changed since it
    was kept: the overview paints its figures at start-up from one read instead of the whole computation."""
    return _kept(REPORT_KEY, lambda: indicator_report(None), _report_to_json, _report_from_json)


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
