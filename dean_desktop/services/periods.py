"""Reporting periods ("Kỳ báo cáo"): parsing, canonical codes and ordering.

District staff type reporting periods by hand in Excel, so :func:`parse_period`
accepts many spellings (any case, with or without diacritics, NFC or NFD,
extra spaces), for example::

    Năm 2017 / 2017                      -> year       (code "2017")
    6 tháng đầu năm 2017 / Sáu tháng ... -> half-year  (code "2017-H1" / "2017-H2")
    Quý III/2017 / Quý 3 năm 2017 / ...  -> quarter    (code "2017-Q3")
    Tháng 3/2017 / tháng 03 năm 2017     -> month      (code "2017-03")

The canonical codes produced by :attr:`Period.code` are also accepted, so a
period always round-trips through its code (and through its label).

Ordering rule: periods are ordered by their end date; periods ending on the
same day are ordered shortest first.  Within 2017 this gives
``Tháng 12 < Quý IV < 6 tháng cuối năm < Năm 2017`` and
``Quý I < 6 tháng đầu năm < Quý III < Năm 2017``.

Pure Python, no third-party or Qt dependencies.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import total_ordering

from .errors import DomainError

__all__ = [
    "KINDS",
    "MAX_YEAR",
    "MIN_YEAR",
    "Period",
    "PeriodError",
    "parse_period",
    "period_containing",
    "period_from_code",
]

MIN_YEAR = 1990
MAX_YEAR = 2100

#: Period kinds and the number of periods of that kind in one year.
KINDS: dict[str, int] = {"year": 1, "half": 2, "quarter": 4, "month": 12}

#: Number of months covered by one period of each kind.
_MONTHS_PER_PERIOD: dict[str, int] = {"year": 12, "half": 6, "quarter": 3, "month": 1}

_ROMAN_QUARTERS: dict[str, int] = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ROMAN_LABELS: tuple[str, ...] = ("I", "II", "III", "IV")

_EXAMPLES = '"Năm 2017", "6 tháng đầu năm 2017", "Quý I/2017", "Tháng 3/2017"'
_CODE_EXAMPLES = '"2017", "2017-H1", "2017-Q3", "2017-03"'


class PeriodError(DomainError, ValueError):
    """Invalid reporting period; the message is Vietnamese and shown to the user."""


# --------------------------------------------------------------------------- text helpers


def _fold(text: str) -> str:
    """Fold Vietnamese text for matching: strip diacritics, đ->d, lowercase, collapse spaces."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    lowered = stripped.lower().replace("đ", "d")
    return " ".join(lowered.split())


def _display(text: str) -> str:
    """Clean user text for inclusion in an error message (NFC, collapsed spaces)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _invalid(text: str) -> PeriodError:
    return PeriodError(f'Kỳ báo cáo "{_display(text)}" không hợp lệ (ví dụ hợp lệ: {_EXAMPLES})')


def _year_out_of_range(year: int, text: str | None = None) -> PeriodError:
    where = f' trong kỳ báo cáo "{_display(text)}"' if text is not None else ""
    return PeriodError(f"Năm {year}{where} nằm ngoài khoảng cho phép ({MIN_YEAR}–{MAX_YEAR})")


# --------------------------------------------------------------------------- Period


@total_ordering
@dataclass(frozen=True)
class Period:
    """One reporting period.

    ``index`` is 1 for a year, 1–2 for a half-year, 1–4 for a quarter and 1–12 for a month.
    Instances are immutable, hashable and totally ordered (see the module docstring).
    """

    kind: str
    year: int
    index: int = 1

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise PeriodError(f'Loại kỳ báo cáo "{self.kind}" không hợp lệ (chỉ dùng: {", ".join(KINDS)})')
        if isinstance(self.year, bool) or not isinstance(self.year, int):
            raise PeriodError(f'Năm "{self.year}" không hợp lệ')
        if isinstance(self.index, bool) or not isinstance(self.index, int):
            raise PeriodError(f'Số thứ tự kỳ "{self.index}" không hợp lệ')
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise _year_out_of_range(self.year)
        count = KINDS[self.kind]
        if not 1 <= self.index <= count:
            raise PeriodError(f'Số thứ tự kỳ {self.index} không hợp lệ cho loại "{self.kind}" (phải từ 1 đến {count})')

    # -- dates -------------------------------------------------------------------------

    @property
    def _first_month(self) -> int:
        return (self.index - 1) * _MONTHS_PER_PERIOD[self.kind] + 1

    @property
    def _last_month(self) -> int:
        return self.index * _MONTHS_PER_PERIOD[self.kind]

    @property
    def start(self) -> date:
        """First day of the period."""
        return date(self.year, self._first_month, 1)

    @property
    def end(self) -> date:
        """Last day of the period (inclusive)."""
        month = self._last_month
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def contains(self, d: date) -> bool:
        """Whether the date ``d`` falls within the period (bounds inclusive)."""
        day = date(d.year, d.month, d.day)  # accept datetime too
        return self.start <= day <= self.end

    # -- representations ---------------------------------------------------------------

    @property
    def code(self) -> str:
        """Canonical, stable code: "2017", "2017-H1", "2017-Q3", "2017-03"."""
        if self.kind == "year":
            return f"{self.year:04d}"
        if self.kind == "half":
            return f"{self.year:04d}-H{self.index}"
        if self.kind == "quarter":
            return f"{self.year:04d}-Q{self.index}"
        return f"{self.year:04d}-{self.index:02d}"

    @property
    def label(self) -> str:
        """Canonical Vietnamese label (NFC), e.g. "Quý III/2017"."""
        if self.kind == "year":
            text = f"Năm {self.year}"
        elif self.kind == "half":
            text = f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {self.year}"
        elif self.kind == "quarter":
            text = f"Quý {_ROMAN_LABELS[self.index - 1]}/{self.year}"
        else:
            text = f"Tháng {self.index}/{self.year}"
        return unicodedata.normalize("NFC", text)

    def __str__(self) -> str:
        return self.label

    # -- ordering ----------------------------------------------------------------------

    @property
    def sort_key(self) -> tuple[date, int]:
        """Order by end date; for equal end dates the shorter period (later start) comes first."""
        return (self.end, -self.start.toordinal())

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key < other.sort_key


# --------------------------------------------------------------------------- parsing

_YEAR = r"(?P<year>[0-9]{4})"
# Separator between the period number and the year: punctuation and/or spaces, optionally "năm".
_SEP = r"(?:\s*[-/.,:]\s*|\s+)(?:nam\s*)?"

_CODE_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("year", re.compile(r"(?P<year>[0-9]{4})", re.ASCII)),
    ("half", re.compile(r"(?P<year>[0-9]{4})-H(?P<index>[0-9])", re.ASCII)),
    ("quarter", re.compile(r"(?P<year>[0-9]{4})-Q(?P<index>[0-9])", re.ASCII)),
    ("month", re.compile(r"(?P<year>[0-9]{4})-(?P<index>[0-9]{2})", re.ASCII)),
)

_YEAR_RE = re.compile(rf"(?:nam\s*)?{_YEAR}", re.ASCII)
_HALF_RE = re.compile(rf"(?:0?6|sau)\s*thang\s+(?P<part>dau|cuoi){_SEP}{_YEAR}", re.ASCII)
_QUARTER_RE = re.compile(rf"(?:quy|qui)\s*(?P<token>[0-9]+|[ivx]+){_SEP}{_YEAR}", re.ASCII)
_MONTH_RE = re.compile(rf"thang\s*(?P<token>[0-9]+){_SEP}{_YEAR}", re.ASCII)


def _checked_year(raw: str, text: str) -> int:
    year = int(raw)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _year_out_of_range(year, text)
    return year


def _quarter_index(token: str, text: str) -> int:
    if token.isdigit():
        value = int(token)
        if 1 <= value <= 4:
            return value
    elif token in _ROMAN_QUARTERS:
        return _ROMAN_QUARTERS[token]
    shown = token.upper()
    raise PeriodError(f'Quý "{shown}" trong kỳ báo cáo "{_display(text)}" không hợp lệ (quý phải từ I đến IV)')


def _month_index(token: str, text: str) -> int:
    value = int(token)
    if 1 <= value <= 12:
        return value
    raise PeriodError(f'Tháng "{token}" trong kỳ báo cáo "{_display(text)}" không hợp lệ (tháng phải từ 1 đến 12)')


def parse_period(text: str) -> Period:
    """Parse a reporting period typed by a user (see the module docstring for accepted forms).

    A plain ``int`` (e.g. an Excel cell holding 2017) is accepted as a year.
    Raises :class:`PeriodError` with a Vietnamese message naming the bad text.
    """
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str) or not text.strip():
        raise PeriodError(f"Chưa nhập kỳ báo cáo (ví dụ hợp lệ: {_EXAMPLES})")

    folded = _fold(text)

    # Canonical codes ("2017-H1", "2017-Q3", "2017-03"); folding lowercased them.
    upper = folded.upper()
    for kind, pattern in _CODE_RES[1:]:
        m = pattern.fullmatch(upper)
        if m:
            year = _checked_year(m["year"], text)
            token = m["index"]
            if kind == "month":
                return Period("month", year, _month_index(token, text))
            if kind == "quarter":
                return Period("quarter", year, _quarter_index(token, text))
            if token not in ("1", "2"):
                raise PeriodError(
                    f'Nửa năm "H{token}" trong kỳ báo cáo "{_display(text)}" không hợp lệ (chỉ có H1, H2)'
                )
            return Period("half", year, int(token))

    m = _YEAR_RE.fullmatch(folded)
    if m:
        return Period("year", _checked_year(m["year"], text))

    m = _HALF_RE.fullmatch(folded)
    if m:
        return Period("half", _checked_year(m["year"], text), 1 if m["part"] == "dau" else 2)

    m = _QUARTER_RE.fullmatch(folded)
    if m:
        year = _checked_year(m["year"], text)
        return Period("quarter", year, _quarter_index(m["token"], text))

    m = _MONTH_RE.fullmatch(folded)
    if m:
        year = _checked_year(m["year"], text)
        return Period("month", year, _month_index(m["token"], text))

    raise _invalid(text)


def period_from_code(code: str) -> Period:
    """Parse a strict canonical code as produced by :attr:`Period.code`.

    No folding or whitespace trimming is done: ``"2017"``, ``"2017-H1"``, ``"2017-Q3"`` and
    ``"2017-03"`` are valid, ``"2017-q3"`` or ``"2017-3"`` are not.
    """
    if isinstance(code, str):
        for kind, pattern in _CODE_RES:
            m = pattern.fullmatch(code)
            if m:
                year = int(m["year"])
                if not MIN_YEAR <= year <= MAX_YEAR:
                    raise _year_out_of_range(year, code)
                index = int(m["index"]) if kind != "year" else 1
                if not 1 <= index <= KINDS[kind]:
                    break
                return Period(kind, year, index)
    raise PeriodError(f'Mã kỳ báo cáo "{code}" không hợp lệ (ví dụ hợp lệ: {_CODE_EXAMPLES})')


def period_containing(d: date, kind: str = "year") -> Period:
    """The period of the given ``kind`` ("year", "half", "quarter", "month") that contains ``d``."""
    if kind not in KINDS:
        raise PeriodError(f'Loại kỳ báo cáo "{kind}" không hợp lệ (chỉ dùng: {", ".join(KINDS)})')
    index = (d.month - 1) // _MONTHS_PER_PERIOD[kind] + 1
    return Period(kind, d.year, index)


def implausible_period(
    period: Period, project_years: Sequence[tuple[int, int]], today: date | None = None
) -> str | None:
    """Why nothing can be reported for this period: it has not begun yet, or it lies more than a year outside every
    project's span (a return for ``Năm 2099`` would move the reference date and every commune denominator); else
    None. The reason only: each caller adds what to do."""
    from .formatting import format_date

    today = today or date.today()
    if period.start > today:
        return f"kỳ báo cáo {period.label} chưa bắt đầu (hôm nay là {format_date(today)})"
    if project_years and not any(first - 1 <= period.year <= last + 1 for first, last in project_years):
        spans = ", ".join(f"{first}–{last}" for first, last in sorted(set(project_years)))
        return f"kỳ báo cáo {period.label} nằm ngoài thời gian của các Đề án ({spans}) hơn một năm"
    return None
