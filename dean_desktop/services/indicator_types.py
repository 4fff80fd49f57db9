"""What the indicator engine answers, as plain values: a target's value, a project's checklist, a whole report.

Kept apart from the engine (``indicators``) so that what only shows or stores a report — the overview painting the
kept figures at start-up (``indicator_cache.peek_kept``), the charts — loads no database layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .periods import Period


def percent(part: float, whole: float) -> float | None:
    """``part`` as a percentage of ``whole`` (unrounded); None when there is no whole (nothing expected or counted)."""
    return 100.0 * part / whole if whole else None


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    code: str
    title: str
    project_code: str
    value: float | None
    numerator: int | None
    denominator: int | None
    unit: str
    target_min: float | None
    target_max: float | None
    deadline: int
    met: bool
    method: str = ""
    level: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "title": self.title,
            "value": self.value,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "unit": self.unit,
            "target_min": self.target_min,
            "target_max": self.target_max,
            "deadline": self.deadline,
            "met": self.met,
        }


@dataclass(frozen=True, slots=True)
class ChecklistFigure:
    project_code: str
    project_short: str
    done: int
    total: int

    @property
    def value(self) -> float | None:
        return percent(self.done, self.total)


@dataclass(frozen=True)
class IndicatorReport:
    as_of: Period | None
    reference_date: date
    indicators: list[IndicatorValue]
    # Communes with no return at all up to the reference date: their figures count as not met (PRODUCT.md §2).
    # Not "did not report for the period" — that is completeness.reported_unit_ids, which the screens use.
    missing_returns: list[str]
    checklists: list[ChecklistFigure]

    def as_json(self) -> dict[str, object]:
        return {
            "as_of": self.as_of.code if self.as_of else None,
            "indicators": [i.as_json() for i in self.indicators],
            "missing_returns": self.missing_returns,
        }


def target_text(item: IndicatorValue) -> str:
    """A target as people read it: ``≥ 15 %``, ``4–6 người``."""
    return limits_text(item.target_min, item.target_max, item.unit)


def limits_text(low: float | None, high: float | None, unit: str) -> str:
    """``≥ 15 %``, ``4–6 người``, ``≤ 10 %`` from a target's bounds (the target table shows it before any value)."""
    from .formatting import format_number

    suffix = " %" if unit == "%" else f" {unit}"
    if low is not None and high is not None:
        return f"{format_number(low, 0)}–{format_number(high, 0)}{suffix}"
    if low is not None:
        return f"≥ {format_number(low, 0)}{suffix}"
    return f"≤ {format_number(high, 0)}{suffix}" if high is not None else ""


def value_text(item: IndicatorValue) -> str:
    """``16,4 %`` for shares (more decimals near the target, see ``format_judged_percent``), ``5 người`` for counts."""
    from .formatting import format_judged_percent

    if item.unit == "%":
        return format_judged_percent(item.value, item.target_min, item.target_max)
    return f"{item.numerator} {item.unit}"
