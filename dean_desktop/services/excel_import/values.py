"""Cell values as communes type them: numbers as text with a decimal comma, dates in several forms, Có/Không, x."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ..formatting import format_date
from ..vntext import fold, nfc
from .reader import Cell

MIN_BIRTH_YEAR = 1930
MAX_BIRTH_YEAR = 2010
_EXCEL_EPOCH = date(1899, 12, 30)


class ValueProblem(ValueError):
    """A cell value that cannot be stored; the message is Vietnamese and names the value."""


def show(value: Cell) -> str:
    """A cell value as the user typed it, for messages."""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M") if (value.hour, value.minute) != (0, 0) else format_date(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return "" if value is None else str(value)


def text(value: Cell) -> str:
    """Free text, NFC with single spaces; numbers lose a spurious ``.0``; dates show as dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, str):
        return nfc(value)
    return show(value)


def is_blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --------------------------------------------------------------------------------------------- numbers

_UNIT_SUFFIX = re.compile(
    r"\s*(m2|m²|m 2|met vuong|mét vuông|may|máy|chiec|chiếc|cai|cái|bo|bộ|nguoi|người|thang|tháng|nam|năm|cong chuc|"
    r"công chức|ng|đ|dong|đồng)\.?$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*$")


def _number_from_text(raw: str) -> float:
    cleaned = raw.strip().replace("\xa0", " ").replace("²", "2")
    while True:
        stripped = _UNIT_SUFFIX.sub("", cleaned)
        if stripped == cleaned:
            break
        cleaned = stripped
    cleaned = cleaned.replace(" ", "")
    if not _NUMBER.match(cleaned):
        raise ValueProblem(f'giá trị "{raw}" không phải là số')
    commas, dots = cleaned.count(","), cleaned.count(".")
    if commas and dots:  # 1.234,5 (Vietnamese) or 1,234.5 (English)
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif commas == 1:
        cleaned = cleaned.replace(",", ".")  # decimal comma: 34,5
    elif commas > 1 or dots > 1:
        cleaned = cleaned.replace(",", "").replace(".", "")  # thousands: 1.234.567
    return float(cleaned)


def parse_number(value: Cell) -> float | None:
    """A number typed as a number or as text (``34,5``, ``34.5``, ``30 m2``, ``30m²``); blank -> None."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValueProblem(f'giá trị "{show(value)}" không phải là số')
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        folded = fold(value)
        if folded in ("khong", "khong co", "chua co", "0"):
            return 0.0
        if folded in ("-", "--", "x"):
            return None
        return _number_from_text(value)
    raise ValueProblem(f'giá trị "{show(value)}" không phải là số')


def parse_count(value: Cell, maximum: int = 100_000) -> int | None:
    """A whole number ≥ 0 (``2``, ``"02"``, ``"2 máy"``, ``2,0``)."""
    number = parse_number(value)
    if number is None:
        return None
    if number < 0 or not float(number).is_integer():
        raise ValueProblem(f'giá trị "{show(value)}" phải là số nguyên không âm')
    if number > maximum:
        raise ValueProblem(f'giá trị "{show(value)}" quá lớn (tối đa {maximum})')
    return int(number)


def parse_area(value: Cell) -> float | None:
    number = parse_number(value)
    if number is None:
        return None
    if number < 0 or number > 100_000:
        raise ValueProblem(f'diện tích "{show(value)}" không hợp lệ')
    return number


# --------------------------------------------------------------------------------------------- dates

_DATE_TEXT = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_ISO_TEXT = re.compile(r"^(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})$")
_WORDS_DATE = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
_MONTH_YEAR = re.compile(r"^(?:thang\s*)?(\d{1,2})\s*[/.\-]\s*(\d{4})$|^thang\s*(\d{1,2})\s*(?:nam\s*)?(\d{4})$")
_YEAR_ONLY = re.compile(r"^(?:nam\s*)?(\d{4})$")


def _make_date(day: int, month: int, year: int) -> date | None:
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(value: Cell, *, allow_partial: bool = True) -> tuple[date | None, str | None]:
    """(date, note) from an Excel date or text: 25/11/2016, 25-11-2016, 25.11.2016, 2016-11-25, 25/11/16,
    "ngày 25 tháng 11 năm 2016"; with ``allow_partial`` also "11/2016" and "2016" (first day, with a note)."""
    if is_blank(value):
        return None, None
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1900 <= value <= 2100 and float(value).is_integer() and allow_partial:
            return date(int(value), 1, 1), f'chỉ ghi năm "{int(value)}", lấy ngày 01/01/{int(value)}'
        if 20000 <= value <= 80000:  # an Excel serial number shown as a number
            return _EXCEL_EPOCH + timedelta(days=int(value)), None
        raise ValueProblem(f'giá trị "{show(value)}" không phải là ngày (dd/mm/yyyy)')
    raw = str(value).strip()
    folded = fold(raw)
    match = _DATE_TEXT.match(folded)
    if match:
        day, month, year = (int(g) for g in match.groups())
        found = _make_date(day, month, year) or (_make_date(month, day, year) if day <= 12 < month else None)
        if found:
            return found, None
        raise ValueProblem(f'ngày "{raw}" không tồn tại')
    match = _ISO_TEXT.match(folded)
    if match:
        year, month, day = (int(g) for g in match.groups())
        found = _make_date(day, month, year)
        if found:
            return found, None
        raise ValueProblem(f'ngày "{raw}" không tồn tại')
    match = _WORDS_DATE.search(folded)
    if match:
        found = _make_date(int(match[1]), int(match[2]), int(match[3]))
        if found:
            return found, None
    if allow_partial:
        match = _MONTH_YEAR.match(folded)
        if match:
            month = int(match[1] or match[3])
            year = int(match[2] or match[4])
            if 1 <= month <= 12:
                return date(year, month, 1), f'chỉ ghi tháng/năm "{raw}", lấy ngày 01/{month:02d}/{year}'
        match = _YEAR_ONLY.match(folded)
        if match:
            year = int(match[1])
            return date(year, 1, 1), f'chỉ ghi năm "{raw}", lấy ngày 01/01/{year}'
    raise ValueProblem(f'giá trị "{raw}" không phải là ngày (dd/mm/yyyy)')


_YEAR_IN_TEXT = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")


def parse_birth_year(value: Cell) -> int | None:
    """A 4-digit year 1930–2010 from a year, a date of birth, or text holding one ("12/5/1975", "1975")."""
    if is_blank(value):
        return None
    year: int | None = None
    if isinstance(value, datetime | date):
        year = value.year
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 1000 <= value <= 9999:
            year = int(value)
        elif 10000 <= value <= 50000:  # a date of birth stored as an Excel serial number
            year = (_EXCEL_EPOCH + timedelta(days=int(value))).year
    elif isinstance(value, str):
        raw = value.strip()
        if re.fullmatch(r"\d{4}(?:[.,]0+)?", raw):
            year = int(raw[:4])
        else:
            try:
                found, _ = parse_date(raw, allow_partial=False)
                year = found.year if found else None
            except ValueProblem:
                years = _YEAR_IN_TEXT.findall(raw)
                year = int(years[0]) if len(years) == 1 and re.fullmatch(r"[\d\s/.\-]+", raw) else None
    if year is None:
        raise ValueProblem(f'giá trị "{show(value)}" không phải là năm sinh (4 chữ số, ví dụ 1975)')
    if not MIN_BIRTH_YEAR <= year <= MAX_BIRTH_YEAR:
        raise ValueProblem(f"năm sinh {year} không hợp lệ (phải từ {MIN_BIRTH_YEAR} đến {MAX_BIRTH_YEAR})")
    return year


# --------------------------------------------------------------------------------------------- yes / no

_YES = {"co", "x", "v", "yes", "y", "1", "dat", "da co", "co phong", "co phong rieng", "da", "ok", "true",
        "co ket noi", "da ket noi", "co niem yet", "da niem yet", "co trao doi", "da trao doi", "co su dung",
        "da thuc hien", "thuc hien", "dung", "xx"}  # fmt: skip
# A dash in a Có/Không cell is how clerks write "no, none" (as in the optional counts, where "-" means nothing).
_NO = {"khong", "k", "ko", "no", "n", "0", "chua", "chua co", "khong co", "false", "chua ket noi",
       "chua niem yet", "chua trao doi", "khong trao doi", "chua thuc hien", "chua su dung", "dung chung",
       "dung chung phong", "chung", "-", "--", "–", "—"}  # fmt: skip
_TICKS = {"✓", "✔", "☑", "√", "✗", "✘", "⊠"}
YES_NO_CHOICES = "Có, Không"
# Words that make an answer a guess ("có lẽ", "có thể", "chưa rõ", "không biết", "hình như có"): a tolerant reader
# is not a guessing one (PRODUCT.md §4), so such a cell is refused instead of being read by its first word.
_HEDGE_PAIRS = ("co le", "co the", "chua ro", "khong ro", "chua biet", "khong biet", "chua chac", "khong chac",
                "hinh nhu", "chua xac dinh", "khong xac dinh", "du kien", "co ve", "chac co", "chac khong")  # fmt: skip


def is_hedge(value: Cell) -> bool:
    """Whether a Có/Không answer is only a guess or an "I don't know": ``có lẽ``, ``có thể``, ``chưa rõ``, ``?``."""
    if not isinstance(value, str):
        return False
    if "?" in value:
        return True
    folded = " ".join(re.sub(r"[^0-9a-z]+", " ", fold(value)).split())
    return any(f" {pair} " in f" {folded} " for pair in _HEDGE_PAIRS)


def parse_yes_no(value: Cell) -> bool | None:
    """Có/Không as typed: ``Có``, ``x``, ``X``, ``✓``, ``Không``, ``-``, ``0``/``1``, TRUE/FALSE; blank -> None."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        raise ValueProblem(f'giá trị "{show(value)}" không hợp lệ (chọn một trong: {YES_NO_CHOICES})')
    raw = str(value).strip()
    if raw in _TICKS:
        return raw in {"✓", "✔", "☑", "√"}
    if is_hedge(raw):
        raise ValueProblem(
            f'giá trị "{raw}" không phải là câu trả lời chắc chắn; hãy hỏi lại đơn vị và ghi rõ Có hoặc Không'
        )
    folded = " ".join(fold(raw).replace(".", " ").replace("(", " ").replace(")", " ").split())
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    first = re.split(r"[\s,;:/\-]+", folded)[0] if folded else ""  # "Không, dùng chung" -> "khong"
    if first in ("co", "da") and not folded.startswith(("co the", "da het")):
        return True
    if first in ("khong", "chua"):
        return False
    raise ValueProblem(f'giá trị "{raw}" không hợp lệ (chọn một trong: {YES_NO_CHOICES})')


def is_mark(value: Cell) -> bool:
    """An x-style tick in a two-column Có | Không or Nam | Nữ layout."""
    if is_blank(value):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value == 1
    raw = str(value).strip()
    return raw in _TICKS - {"✗", "✘"} or fold(raw) in {"x", "xx", "v", "co", "1", "dung"}


def is_tick(value: Cell) -> bool:
    """Only an x-style tick (``x``, ``X``, ``✓``), not the word Có: a column of ticks leaves Không blank."""
    if not isinstance(value, str):
        return False
    raw = value.strip()
    return raw in _TICKS - {"✗", "✘"} or fold(raw) in {"x", "xx", "v"}
