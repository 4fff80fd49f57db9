"""Reporting completeness: for one period, which units have sent their return, when and by whom, and which have not.

The one rule for "unit U reported for period P" (``reported_unit_ids``): U has a return that covers P and ends with it
— a return for P itself, or for a longer period ending the same day (a "Năm 2016" return answers for "Quý IV/2016",
a "Quý IV/2016" return does not answer for "Năm 2016").
The overview, the roster panel, the urging lists, the summary and the report all ask it here. (``indicators``'
``missing_returns`` answers another question, PRODUCT.md §2's: which communes have no return at all up to the
reference date, so that their figures count as not met.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..models import Unit, UnitReturn
from ..models.units import COMMUNE_KINDS, KIND_DISTRICT
from .indicator_types import percent
from .indicators import latest_returns, project_window, reported_periods
from .periods import Period, PeriodError, period_containing, period_from_code


@dataclass(frozen=True, slots=True)
class UnitReport:
    """One unit expected to report for the period, and its return for exactly that period if any."""

    unit_id: int
    unit_code: str
    unit_name: str
    kind: str
    return_id: int | None = None
    imported_at: datetime | None = None
    imported_by: str = ""
    reported_on: date | None = None  # Ngày lập, as written in the return
    source_file: str = ""

    @property
    def sent(self) -> bool:
        return self.return_id is not None

    @property
    def is_commune(self) -> bool:
        return self.kind in COMMUNE_KINDS


@dataclass(frozen=True, slots=True)
class Rate:
    """x of y units have reported; ``percent`` is None when no unit is expected."""

    sent: int
    expected: int

    @property
    def percent(self) -> float | None:
        return percent(self.sent, self.expected)


@dataclass(frozen=True)
class Completeness:
    period: Period
    communes: tuple[UnitReport, ...]
    district: tuple[UnitReport, ...]

    @property
    def commune_rate(self) -> Rate:
        return Rate(sum(u.sent for u in self.communes), len(self.communes))

    @property
    def district_rate(self) -> Rate:
        return Rate(sum(u.sent for u in self.district), len(self.district))

    @property
    def rate(self) -> Rate:
        return Rate(self.commune_rate.sent + self.district_rate.sent, len(self.communes) + len(self.district))

    @property
    def missing_communes(self) -> list[UnitReport]:
        return [u for u in self.communes if not u.sent]

    @property
    def missing_district(self) -> list[UnitReport]:
        return [u for u in self.district if not u.sent]


def default_period() -> Period:
    """The period a "current" view means: the longest period ending on the latest end any return covers;
    with no return yet, the last year of the projects."""
    periods = reported_periods()
    if periods:
        return periods[0]  # newest first; periods ending the same day order shortest first, so this is the longest
    return period_containing(project_window()[1], "year")


def _expected_units(day: date) -> list[Unit]:
    units = Unit.select().where(Unit.active).order_by(Unit.sort_order, Unit.code)
    return [
        u
        for u in units
        if (u.valid_from is None or u.valid_from <= day)
        and (u.valid_to is None or day <= u.valid_to)
        and (u.kind in COMMUNE_KINDS or u.kind == KIND_DISTRICT)
    ]


def _period(period: Period | str | None) -> Period:
    if period is None:
        return default_period()
    return period_from_code(period) if isinstance(period, str) else period


def _returns_for(period: Period) -> Any:
    """The returns that count as "reported for ``period``" — the rule itself; per unit the closest one comes last
    (the return for exactly that period, when there is one)."""
    return (
        UnitReturn.select(
            UnitReturn.unit,
            UnitReturn.id,
            UnitReturn.imported_at,
            UnitReturn.imported_by,
            UnitReturn.reported_on,
            UnitReturn.source_file,
        )
        .where((UnitReturn.period_end == period.end) & (UnitReturn.period_start <= period.start))
        .order_by(UnitReturn.period_start, UnitReturn.id)
    )


def reported_unit_ids(period: Period | str | None = None) -> set[int]:
    """Units that reported for ``period`` (default: the current one): a return for exactly that period."""
    return {row[0] for row in _returns_for(_period(period)).tuples()}


def completeness(period: Period | str | None = None) -> Completeness:
    """Each active unit valid at the end of ``period``: has it sent a return for that period (``_returns_for``)?"""
    period = _period(period)
    returns = {row[0]: row for row in _returns_for(period).tuples()}
    communes: list[UnitReport] = []
    district: list[UnitReport] = []
    for unit in _expected_units(period.end):
        found = returns.get(unit.id)
        row = UnitReport(unit_id=unit.id, unit_code=unit.code, unit_name=unit.name, kind=unit.kind)
        if found is not None:
            row = UnitReport(
                unit_id=unit.id,
                unit_code=unit.code,
                unit_name=unit.name,
                kind=unit.kind,
                return_id=found[1],
                imported_at=found[2],
                imported_by=found[3] or "",
                reported_on=found[4],
                source_file=found[5] or "",
            )
        (communes if unit.kind in COMMUNE_KINDS else district).append(row)
    return Completeness(period=period, communes=tuple(communes), district=tuple(district))


@dataclass(frozen=True, slots=True)
class ReturnStatus:
    """The roster panel's view of one period: which units reported for it (``reported_unit_ids``'s rule), and the
    period of each unit's latest return up to its end, for display."""

    period_label: str = ""  # e.g. "Năm 2018"; "" when no return was ever imported
    unit_period: dict[int, str] = field(default_factory=dict)  # unit id -> label of its latest return's period
    reported: frozenset[int] = frozenset()

    def has_reported(self, unit_id: int) -> bool:
        return unit_id in self.reported


def _label(code: str) -> str:
    try:
        return period_from_code(code).label
    except PeriodError:
        return code


def return_status(period: Period | str | None = None) -> ReturnStatus:
    """Which units reported for ``period`` (default: the current one); cheap enough to call on every reload."""
    if UnitReturn.select().limit(1).count() == 0:
        return ReturnStatus()
    period = _period(period)
    latest = latest_returns(period.end)
    unit_period: dict[int, str] = {}
    if latest:
        query = UnitReturn.select(UnitReturn.unit, UnitReturn.period_code).where(
            UnitReturn.id.in_(list(latest.values()))
        )
        unit_period = {unit_id: _label(code) for unit_id, code in query.tuples()}
    return ReturnStatus(period.label, unit_period, frozenset(reported_unit_ids(period)))
