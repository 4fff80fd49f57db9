"""Reporting completeness: for one period, which units have sent their return, when and by whom, and which have not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..models import Unit, UnitReturn
from ..models.units import COMMUNE_KINDS, KIND_DISTRICT
from .indicators import project_window, reported_periods
from .periods import Period, period_containing, period_from_code


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
        return 100.0 * self.sent / self.expected if self.expected else None


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


def completeness(period: Period | str | None = None) -> Completeness:
    """Each active unit valid at the end of ``period``: has it sent a return for exactly that period?"""
    if period is None:
        period = default_period()
    elif isinstance(period, str):
        period = period_from_code(period)
    returns = {
        row[0]: row
        for row in UnitReturn.select(
            UnitReturn.unit,
            UnitReturn.id,
            UnitReturn.imported_at,
            UnitReturn.imported_by,
            UnitReturn.reported_on,
            UnitReturn.source_file,
        )
        .where(UnitReturn.period_code == period.code)
        .tuples()
    }
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
