"""Writing values into openpyxl cells so that text always stays text (never a live formula)."""

from __future__ import annotations

import math
import unicodedata
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, WriteOnlyCell
from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["FORMULA_PREFIXES", "MAX_TEXT", "clean_text", "set_value", "write", "write_only_cell"]

#: Characters that make Excel or LibreOffice treat typed text as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@")
#: Excel's limit on the characters of one cell.
MAX_TEXT = 32767


@lru_cache(maxsize=65536)  # a sheet repeats its units, posts and labels thousands of times
def clean_text(text: str) -> str:
    """NFC text without the control characters an .xlsx cannot hold, cut to Excel's cell limit."""
    text = ILLEGAL_CHARACTERS_RE.sub("", unicodedata.normalize("NFC", text))
    return text[:MAX_TEXT]


def set_value(cell: Cell, value: Any) -> Cell:
    """Put ``value`` into ``cell``; strings are always stored as text, whatever they start with.

    Numbers, booleans, dates and times keep their type; NaN and infinities become empty cells; anything else is
    written as its text. A string starting with ``= + - @`` also gets Excel's quote prefix, so re-editing the
    cell in Excel keeps it text.
    """
    if value is None:
        cell.value = None
    elif isinstance(value, str):
        text = clean_text(value)
        cell.value = text
        cell.data_type = "s"
        if text.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True
    elif isinstance(value, bool | int | Decimal | datetime | date | time):
        cell.value = value
    elif isinstance(value, float):
        cell.value = value if math.isfinite(value) else None
    else:
        return set_value(cell, str(value))
    return cell


def write(ws: Worksheet, row: int, column: int, value: Any) -> Cell:
    """Write ``value`` at (row, column) of a normal worksheet through :func:`set_value`; returns the cell."""
    return set_value(ws.cell(row=row, column=column), value)


def write_only_cell(ws: Any, value: Any) -> Cell:
    """A cell for ``ws.append([...])`` on a write-only worksheet, holding ``value`` safely."""
    cell = WriteOnlyCell(ws)
    set_value(cell, value)
    return cell
