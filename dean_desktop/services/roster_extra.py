"""Return status of units for the roster tab: which units sent a return for the latest period."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..models import UnitReturn
from .indicators import latest_returns, reference_date
from .periods import PeriodError, period_from_code


@dataclass(frozen=True, slots=True)
class ReturnStatus:
    """The latest period any return covers, and each unit's latest return up to it."""

    latest_end: date | None = None
    latest_label: str = ""  # e.g. "Năm 2018"; "" when no return was ever imported
    unit_period: dict[int, str] = field(default_factory=dict)  # unit id -> label of its latest return's period
    up_to_date: frozenset[int] = frozenset()  # units whose latest return ends with the latest period

    def has_latest(self, unit_id: int) -> bool:
        return unit_id in self.up_to_date


def _label(code: str) -> str:
    try:
        return period_from_code(code).label
    except PeriodError:
        return code


def return_status() -> ReturnStatus:
    """Which units have a return for the latest period; cheap enough to call on every reload."""
    if UnitReturn.select().limit(1).count() == 0:
        return ReturnStatus()
    ref = reference_date(None)
    latest = latest_returns(ref)
    longest = (
        UnitReturn.select(UnitReturn.period_code)
        .where(UnitReturn.period_end == ref)
        .order_by(UnitReturn.period_start, UnitReturn.id)
        .limit(1)
        .scalar()
    )
    unit_period: dict[int, str] = {}
    current: set[int] = set()
    if latest:
        query = UnitReturn.select(UnitReturn.unit, UnitReturn.period_code, UnitReturn.period_end).where(
            UnitReturn.id.in_(list(latest.values()))
        )
        for unit_id, code, end in query.tuples():
            unit_period[unit_id] = _label(code)
            if end == ref:
                current.add(unit_id)
    return ReturnStatus(
        latest_end=ref,
        latest_label=_label(longest) if longest else "",
        unit_period=unit_period,
        up_to_date=frozenset(current),
    )
