"""How numbers and dates look to users: dd/mm/yyyy and a decimal comma."""

from __future__ import annotations

import math
from datetime import date, datetime


def format_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y")


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y %H:%M")


def format_number(value: float | int | None, decimals: int = 1) -> str:
    """``34.5`` → ``34,5``; thousands separated with dots as Vietnamese writes them."""
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer() and decimals == 0:
        return f"{int(round(value)):,}".replace(",", ".")
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(value: float | None) -> str:
    """``16.43`` → ``16,4 %``; empty when there is nothing to divide. A share judged against a target goes through
    ``format_judged_percent`` instead."""
    if value is None:
        return "—"
    return f"{format_number(value, 1)} %"


MAX_DECIMALS = 4
_TOLERANCE = 1e-9  # as the indicators judge a value (indicators._met)


def _within(value: float, low: float | None, high: float | None) -> bool:
    return (low is None or value >= low - _TOLERANCE) and (high is None or value <= high + _TOLERANCE)


def percent_decimals(value: float | None, low: float | None = None, high: float | None = None) -> int:
    """How many decimals a share needs so that what is shown is judged as the value itself is: one as a rule
    (``16,4 %``), more near a bound (14.96 against ≥ 15 shows ``14,96 %``, never ``15,0 %``)."""
    if value is None:
        return 1
    met = _within(value, low, high)
    for decimals in range(1, MAX_DECIMALS + 1):
        if _within(round(value, decimals), low, high) == met:
            return decimals
    return MAX_DECIMALS


def format_judged_percent(value: float | None, low: float | None = None, high: float | None = None) -> str:
    """A share shown beside a met/not-met mark against ``low``…``high``: it never reads as meeting a target it does
    not meet, nor the reverse. The one function the overview, report, summary, urging and command line use."""
    if value is None:
        return "—"
    decimals = percent_decimals(value, low, high)
    shown = round(value, decimals)
    if _within(shown, low, high) != _within(value, low, high):
        # Still on the wrong side after MAX_DECIMALS: cut towards the value's own side instead of rounding.
        step = 10**decimals
        below = low is not None and value < low
        shown = (math.floor if below else math.ceil)(value * step) / step
    return f"{format_number(shown, decimals)} %"
