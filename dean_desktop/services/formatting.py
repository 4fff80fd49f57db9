"""How numbers and dates look to users: dd/mm/yyyy and a decimal comma."""

from __future__ import annotations

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
    """``16.43`` → ``16,4 %``; empty when there is nothing to divide."""
    if value is None:
        return "—"
    return f"{format_number(value, 1)} %"


def parse_date_text(text: str) -> date | None:
    """Dates as people type them: 25/11/2016, 25-11-2016, 25.11.2016, 2016-11-25."""
    cleaned = text.strip()
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y"):
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None
