"""Reading an untrusted workbook fast and safely: sniffing, size limits, python-calamine, legacy-text repair.

python-calamine reads .xlsx, .xlsm, .xls, .ods and .xlsb an order of magnitude faster than openpyxl
(STACK-FACTS.md), so it reads every cell. openpyxl is imported only when some text of an .xlsx looks like legacy
TCVN3/VNI mojibake, to learn the cells' fonts (a ``.VnTimeH`` font means capitals); calamine does not expose fonts,
so in the other formats legacy text is recognised by the text alone.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...models import db
from ...models.engine import is_database_file
from ..errors import DomainError
from ..legacy_text import decode_tcvn3, decode_vni, detect_legacy, encoding_for_font, repair
from ..vntext import nfc
from ..xml_safety import ensure_protected_xml
from .archive import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, column_letters, inspect_archive
from .containers import container_kind, inspect_ods, inspect_xlsb
from .issues import ENCODING_LABELS, Issue, Repair, WorkbookRefused

MAX_FILE_BYTES = 50 * 1024 * 1024
MAJORITY_EVIDENCE = 2  # legacy cells found by their text before the rest of a sheet is read the same way
MAJORITY_DOMINANCE = 4  # ...and at least this many times as many as the cells guessed as the other legacy encoding
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")

Cell = str | int | float | bool | date | datetime | None

_LATIN1_VIET = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")


def _cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


_CP1252 = frozenset(_cp1252(b) for b in range(256))
CP1252_CHARS = _CP1252  # what legacy (TCVN3/VNI) text read through cp1252 can be made of
# Characters legacy mojibake is made of but Vietnamese Unicode text never holds (§ ¸ µ ® ¨ ø ï ...).
_HINTS = frozenset(ch for ch in _CP1252 if not ch.isascii()) - _LATIN1_VIET - {"\xa0"}


def column_letter(index: int) -> str:
    """0 -> "A", 27 -> "AB"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@lru_cache(maxsize=65536)
def _detect_repair(text: str) -> tuple[str, str | None]:
    """Legacy text found by the text alone. Apostrophes split words for the guess, so that Unicode "H'Mông"
    (whose "H" is no Vietnamese syllable) is not read as TCVN3 "H'Mụng"."""
    text = unicodedata.normalize("NFC", text)
    probe = text.replace("'", " ").replace("\u2019", " ").replace("\u2018", " ")
    encoding = detect_legacy(probe)
    if encoding is None:
        return text, None
    if encoding == "vni":
        fixed = decode_vni(text)
    else:
        letters = [ch for ch in text if ch.isascii() and ch.isalpha()]
        capitals = len(letters) >= 2 and all(ch.isupper() for ch in letters)
        encoding = "tcvn3h" if capitals else "tcvn3"
        fixed = decode_tcvn3(text, capitals=capitals)
    return (fixed, encoding) if fixed != text else (text, None)


# Invisible characters (zero-width, bidi marks and overrides, BOM) and C0/C1 controls other than tab and line breaks:
# a right-to-left mark shows a name reversed in Excel, a zero-width space makes one cadre two. Not the soft hyphen
# U+00AD: it is how TCVN3's "ư" reads through cp1252.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
MAX_INVISIBLE_WARNINGS = 20  # cells named one by one per sheet; the rest are counted


def _invisible_names(text: str) -> str:
    return ", ".join(sorted({f"U+{ord(ch):04X}" for ch in INVISIBLE.findall(text)}))


@lru_cache(maxsize=65536)
def _clean_text(text: str) -> tuple[str, str | None, bool]:
    """A non-ASCII cell's text repaired and with single spaces, its legacy encoding if found by the text, and
    whether it may be legacy text all the same — once per distinct text (names, positions and units repeat)."""
    fixed, encoding = _detect_repair(text)
    return " ".join(fixed.split()), encoding, encoding is None and _looks_legacy(text)


_NOT_CP1252 = re.compile("[^" + re.escape("".join(sorted(_CP1252))) + "]")
_HINT = re.compile("[" + re.escape("".join(sorted(_HINTS))) + "]")


def _looks_legacy(text: str) -> bool:
    return _NOT_CP1252.search(text) is None and _HINT.search(text) is not None


_NOTED = object()  # a text cell whose cleaning records something (hidden characters, legacy text)


class _PlainCells(dict[object, Cell]):
    """Cell values as read -> as stored, for the cells whose cleaning records nothing. A text is cleaned once per
    sheet (positions, levels and empty cells repeat) and kept, and so is a number (years, counts) other than 0 and 1
    (1.0, 1 and True are equal keys); a date is converted each time. A text with hidden characters or legacy letters
    gives ``_NOTED``, counted in ``noted``: ``_clean_noted`` cleans it where it stands, so that each such cell is
    reported."""

    __slots__ = ("noted",)

    def __init__(self) -> None:
        super().__init__()
        self.noted = 0

    def __missing__(self, value: object) -> Cell | object:
        kind = type(value)
        if kind is str:
            assert isinstance(value, str)
            if not value.isprintable() and INVISIBLE.search(value):
                self.noted += 1
                return _NOTED
            _, cleaned, encoding, legacy = _clean_str(value)
            if encoding is not None or legacy:
                self.noted += 1
                return _NOTED
            self[value] = cleaned
            return cleaned
        if kind is float or kind is int:
            assert isinstance(value, float | int)
            number = int(value) if kind is float and value.is_integer() and abs(value) < 1e15 else value  # type: ignore[union-attr]
            if value != 0 and value != 1 and abs(value) < 1e15:
                # Kept: an equal number of the other kind (1975 and 1975.0) is stored the same. Not 0 and 1, which
                # are also the keys of False and True; not past 1e15, where a float is kept as a float.
                self[value] = number
            return number
        if kind is bool or kind is date or kind is datetime or value is None:
            return value  # type: ignore[return-value]
        return str(value)  # time, timedelta: kept as text


def _clean_str(value: str) -> tuple[str, str | None, str | None, bool]:
    """(the text stripped, as stored, its legacy encoding if found by the text, whether it may be legacy text all
    the same)."""
    text = value.strip()
    if not text:
        return text, None, None, False
    if not text.isascii():
        fixed, encoding, legacy = _clean_text(text)
        return text, fixed, encoding, legacy
    if "  " in text or "\n" in text or "\t" in text:
        return text, " ".join(text.split()), None, False
    return text, text, None, False


def _clean_noted(
    raw_row: list[Any],
    r: int,
    c: int,
    invisible: list[tuple[int, int, str]],
    detected: dict[tuple[int, int], tuple[str, str, str]],
    suspicious: list[tuple[int, int]],
) -> Cell:
    """A text cell that ``_PlainCells`` would not clean alone: hidden characters removed (and noted, the raw row
    keeping the text without them), legacy text repaired or marked for the font pass."""
    value: str = raw_row[c]
    if not value.isprintable() and INVISIBLE.search(value):
        invisible.append((r, c, _invisible_names(value)))
        value = raw_row[c] = INVISIBLE.sub("", value)
    text, cleaned, encoding, legacy = _clean_str(value)
    if encoding is not None:
        assert cleaned is not None
        detected[(r, c)] = (text, cleaned, encoding)
    if encoding is not None or legacy:
        suspicious.append((r, c))
    return cleaned


# --------------------------------------------------------------------------------------------- sniffing


def _refuse(path: Path, why: str) -> WorkbookRefused:
    return WorkbookRefused(f'Tệp "{path.name}" {why}')


def open_database_refusal(path: Path) -> WorkbookRefused | None:
    """The open database is never read as a workbook: opening it outside SQLite drops its locks (STACK-FACTS.md)."""
    if is_database_file(path, db):
        return WorkbookRefused(
            f'Tệp "{path.name}" là cơ sở dữ liệu đang mở, không phải sổ tính Excel; không nhập tệp này.'
        )
    return None


def file_too_big(path: Path, size: int) -> WorkbookRefused | None:
    """The refusal of a file larger than any return, judged from its size before it is read."""
    if size <= MAX_FILE_BYTES:
        return None
    return _refuse(path, f"quá lớn ({size // (1024 * 1024)} MB; tối đa {MAX_FILE_BYTES // (1024 * 1024)} MB).")


def _check_ole(path: Path, data: bytes) -> None:
    if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
        raise password_refusal(path)
    if "Workbook".encode("utf-16-le") not in data and "Book".encode("utf-16-le") not in data:
        raise _refuse(path, "không phải là bảng tính Excel (.xlsx, .xlsm, .xls, .xlsb).")


def password_refusal(path: Path) -> WorkbookRefused:
    return _refuse(
        path,
        "được đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật "
        "khẩu, xóa mật khẩu), lưu lại rồi nhập lại.",
    )


def sniff(path: Path, data: bytes) -> str:
    """'ooxml', 'ods', 'xlsb' or 'xls' after the cheap checks; raises WorkbookRefused with a Vietnamese message."""
    if not data:
        raise _refuse(path, "rỗng (0 byte); hãy xin đơn vị gửi lại tệp báo cáo.")
    too_big = file_too_big(path, len(data))
    if too_big is not None:
        raise too_big
    if data.startswith(ZIP_MAGIC):
        return container_kind(path, data)
    if data.startswith(OLE_MAGIC):
        _check_ole(path, data)
        return "xls"
    if data.lstrip()[:1] == b"<" or data[:5] == b"%PDF-":
        raise _refuse(
            path, "không phải là bảng tính Excel (có thể là trang web, XML hoặc PDF đổi đuôi thành tệp Excel)."
        )
    raise _refuse(path, "không phải là bảng tính Excel (.xlsx, .xlsm, .xls, .xlsb, .ods) hoặc đã bị hỏng.")


# --------------------------------------------------------------------------------------------- the workbook


@dataclass
class SheetInfo:
    name: str  # repaired, NFC: what messages show
    raw_name: str  # as stored in the file
    visible: bool


@dataclass
class Workbook:
    """The sheets of one workbook; rows are read on demand, normalised and repaired once."""

    path: Path
    data: bytes
    fmt: str
    sheets: list[SheetInfo]
    repairs: list[Repair] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    # sheet name (NFC) -> (row, column letters) of formulas whose result was never saved
    unsaved_formulas: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    _book: Any = None
    _rows: dict[str, list[list[Cell]]] = field(default_factory=dict)
    _merged: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = field(default_factory=dict)
    _fonts_book: Any = None
    _parsed: dict[str, Any] = field(default_factory=dict)  # raw sheet name -> calamine sheet parsed ahead

    def parse_ahead(self, sheets: list[SheetInfo]) -> None:
        """Let calamine parse ``sheets`` now, for ``rows`` to use later. calamine releases the GIL while it parses,
        so ``ReadAhead`` runs this on a background thread while the file before is checked and written. A sheet
        that fails is left for ``rows`` to parse again and report, with its name, as it always has."""
        for sheet in sheets:
            try:
                self._parsed[sheet.raw_name] = self._book.get_sheet_by_name(sheet.raw_name)
            except BaseException:  # noqa: BLE001 - a Rust panic too; reported when the sheet is read
                continue

    def rows(self, sheet: SheetInfo) -> list[list[Cell]]:
        cached = self._rows.get(sheet.raw_name)
        if cached is None:
            cached = self._load(sheet)
            self._rows[sheet.raw_name] = cached
        return cached

    def merged(self, sheet: SheetInfo) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        self.rows(sheet)
        return self._merged.get(sheet.raw_name, [])

    def _load(self, sheet: SheetInfo) -> list[list[Cell]]:
        try:
            calamine_sheet = self._parsed.pop(sheet.raw_name, None) or self._book.get_sheet_by_name(sheet.raw_name)
            if calamine_sheet.height > MAX_ROWS + 1000:
                raise _refuse(
                    self.path, f'có trang tính "{sheet.name}" quá nhiều dòng (tối đa {MAX_ROWS:,}).'.replace(",", ".")
                )
            height, width = calamine_sheet.height, calamine_sheet.width
            if height * width > MAX_CELLS or width > MAX_COLUMNS:  # an .xls sheet (.xlsx ones are bounded already)
                far = f"{column_letters(width)}{height}"
                raise _refuse(
                    self.path,
                    f'có trang tính "{sheet.name}" trải tới ô {far}, quá xa vùng biểu mẫu; hãy xóa các ô thừa '
                    "(hoặc lưu thành tệp .xlsx) rồi nhập lại.",
                )
            raw = calamine_sheet.to_python(skip_empty_area=False, nrows=MAX_ROWS + 1)
            self._merged[sheet.raw_name] = list(calamine_sheet.merged_cell_ranges or [])
        except (WorkbookRefused, KeyboardInterrupt, SystemExit):
            raise
        except BaseException as error:  # noqa: BLE001 - calamine's errors are private; a Rust panic is a BaseException
            raise _refuse(self.path, f'có trang tính "{sheet.name}" không đọc được ({error}).') from error
        if len(raw) > MAX_ROWS:
            raise _refuse(
                self.path, f'có trang tính "{sheet.name}" quá nhiều dòng (tối đa {MAX_ROWS:,}).'.replace(",", ".")
            )
        return self._clean(sheet, raw)

    def _clean(self, sheet: SheetInfo, raw: list[list[Any]]) -> list[list[Cell]]:
        suspicious: list[tuple[int, int]] = []
        detected: dict[tuple[int, int], tuple[str, str, str]] = {}
        rows: list[list[Cell]] = []
        invisible: list[tuple[int, int, str]] = []
        cells = _PlainCells()
        clean = cells.__getitem__
        for r, raw_row in enumerate(raw):
            row: list[Cell] = list(map(clean, raw_row))
            if cells.noted:  # texts with something to record, cleaned where they stand
                cells.noted = 0
                for c, value in enumerate(row):
                    if value is _NOTED:
                        row[c] = _clean_noted(raw_row, r, c, invisible, detected, suspicious)
            while row and row[-1] is None:
                row.pop()
            rows.append(row)
        while rows and not rows[-1]:
            rows.pop()
        fonts: dict[tuple[int, int], str] | None = None
        if suspicious and self.fmt == "ooxml":
            fonts = self._fonts(sheet, len(raw), max((len(r) for r in raw), default=0))
            if fonts is not None:
                detected = self._repair_by_font(raw, rows, detected, fonts)
        self._repair_by_majority(raw, rows, detected, fonts or {})
        self._record_repairs(sheet, rows, detected)
        self._record_invisible(sheet, invisible)
        return rows

    def _record_invisible(self, sheet: SheetInfo, cells: list[tuple[int, int, str]]) -> None:
        for r, c, names in cells[:MAX_INVISIBLE_WARNINGS]:
            self.warnings.append(
                Issue(
                    sheet.name,
                    r + 1,
                    column_letter(c),
                    f"đã xóa ký tự ẩn hoặc ký tự điều khiển ({names}) khỏi ô {column_letter(c)}{r + 1}.",
                )
            )
        if len(cells) > MAX_INVISIBLE_WARNINGS:
            self.warnings.append(
                Issue(
                    sheet.name,
                    None,
                    None,
                    f"đã xóa ký tự ẩn hoặc ký tự điều khiển khỏi {len(cells) - MAX_INVISIBLE_WARNINGS} ô khác.",
                )
            )

    @staticmethod
    def _repair_by_majority(
        raw: list[list[Any]],
        rows: list[list[Cell]],
        detected: dict[tuple[int, int], tuple[str, str, str]],
        fonts: dict[tuple[int, int], str],
    ) -> None:
        """Short legacy words ("Cã", "Ghi chó", VNI "ÑH") look like Unicode on their own; in a sheet clearly typed in
        one legacy encoding, every other cp1252-only cell without a telling font is read in it too. One clerk types
        a sheet in one encoding, so a few cells guessed as the other one ("Bí thö", VNI for "Bí thư", also reads as
        TCVN3) are outvoted by a clear majority and read again in the majority's encoding."""
        counts: dict[str, int] = {}
        for _, _, encoding in detected.values():
            family = "vni" if encoding == "vni" else "tcvn3"
            counts[family] = counts.get(family, 0) + 1
        if not counts:
            return
        family, count = max(counts.items(), key=lambda item: item[1])
        if count < MAJORITY_EVIDENCE or count < MAJORITY_DOMINANCE * (sum(counts.values()) - count):
            return
        decode = decode_vni if family == "vni" else decode_tcvn3
        for r, raw_row in enumerate(raw):
            for c, value in enumerate(raw_row):
                if type(value) is not str or encoding_for_font(fonts.get((r, c))):
                    continue
                prior = detected.get((r, c))
                if prior is not None and ("vni" if prior[2] == "vni" else "tcvn3") == family:
                    continue
                text = unicodedata.normalize("NFC", value.strip())
                if text.isascii() or not all(ch in _CP1252 for ch in text):
                    continue
                fixed = " ".join(decode(text).split())
                if fixed != " ".join(text.split()):
                    rows[r][c] = fixed
                    detected[(r, c)] = (text, fixed, family)
                elif prior is not None:  # plain text in the majority's encoding: undo the other guess
                    rows[r][c] = fixed
                    del detected[(r, c)]

    @staticmethod
    def _repair_by_font(
        raw: list[list[Any]],
        rows: list[list[Cell]],
        detected: dict[tuple[int, int], tuple[str, str, str]],
        fonts: dict[tuple[int, int], str],
    ) -> dict[tuple[int, int], tuple[str, str, str]]:
        """Re-read the sheet's non-ASCII text cells with their fonts: the font decides TCVN3, its capitals, or VNI."""
        result: dict[tuple[int, int], tuple[str, str, str]] = {}
        for r, row in enumerate(raw):
            for c, value in enumerate(row):
                if type(value) is not str:
                    continue
                text = value.strip()
                if not text or text.isascii():
                    continue
                font = fonts.get((r, c))
                if encoding_for_font(font) is None:
                    if (r, c) in detected:
                        result[(r, c)] = detected[(r, c)]
                    continue
                fixed, encoding = repair(text, font)
                fixed = " ".join(fixed.split())
                rows[r][c] = fixed if encoding else nfc(text)
                if encoding:
                    result[(r, c)] = (text, fixed, encoding)
        return result

    def _fonts(self, sheet: SheetInfo, nrows: int, ncols: int) -> dict[tuple[int, int], str] | None:
        if self._fonts_book is None:
            try:
                ensure_protected_xml()  # openpyxl reads the fonts of legacy text; never without defusedxml
            except DomainError as error:
                raise WorkbookRefused(str(error)) from error
        try:
            if self._fonts_book is None:
                import openpyxl  # lazy: ~125 ms to import, needed only for legacy text

                self._fonts_book = openpyxl.load_workbook(io.BytesIO(self.data), read_only=True, data_only=True)
            worksheet = self._fonts_book[sheet.raw_name]
            fonts: dict[tuple[int, int], str] = {}
            for r, cells in enumerate(worksheet.iter_rows(min_row=1, max_row=max(nrows, 1), max_col=max(ncols, 1))):
                for c, cell in enumerate(cells):
                    value = getattr(cell, "value", None)
                    if isinstance(value, str) and not value.isascii():
                        name = cell.font.name if cell.font is not None else None
                        if name:
                            fonts[(r, c)] = name
            return fonts
        except Exception:  # noqa: BLE001 - fonts are a refinement; text detection already ran
            return None

    def _record_repairs(
        self, sheet: SheetInfo, rows: list[list[Cell]], detected: dict[tuple[int, int], tuple[str, str, str]]
    ) -> None:
        by_encoding: dict[str, list[Repair]] = {}
        for (r, c), (before, after, encoding) in sorted(detected.items()):
            if r < len(rows) and c < len(rows[r]):
                rows[r][c] = after
            item = Repair(sheet.name, r + 1, column_letter(c), before, after, encoding)
            self.repairs.append(item)
            by_encoding.setdefault(encoding, []).append(item)
        for encoding, items in by_encoding.items():
            first = items[0]
            self.warnings.append(
                Issue(
                    sheet.name,
                    None,
                    None,
                    f"{len(items)} ô chữ gõ bằng bảng mã cũ {ENCODING_LABELS.get(encoding, encoding)} đã được chuyển "
                    f'sang Unicode (ví dụ ô {first.column}{first.row}: "{first.before}" → "{first.after}").',
                )
            )


def open_workbook(path: Path) -> Workbook:
    """Sniff, check limits and open the workbook; raises WorkbookRefused (Vietnamese message) on anything unsafe."""
    try:
        too_big = open_database_refusal(path) or file_too_big(path, path.stat().st_size)
        if too_big is not None:
            raise too_big
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise WorkbookRefused(f'Không tìm thấy tệp "{path}".') from error
    except OSError as error:
        raise WorkbookRefused(f'Không đọc được tệp "{path.name}" ({error.strerror or error}).') from error
    return open_workbook_bytes(path, data)


MACROS_IGNORED = "Tệp có macro (VBA); phần mềm không chạy macro, chỉ đọc số liệu trong các trang tính."


def open_workbook_bytes(path: Path, data: bytes) -> Workbook:
    """Sniff and check ``data`` (see archive.py for .xlsx/.xlsm), then open it; raises WorkbookRefused."""
    fmt = sniff(path, data)
    try:
        ensure_protected_xml(full=False)  # a broken installation refuses every workbook (openpyxl not imported)
    except DomainError as error:
        raise WorkbookRefused(str(error)) from error
    warnings: list[Issue] = []
    unsaved: dict[str, list[tuple[int, str]]] = {}
    has_macros = False
    if fmt in ("ods", "xlsb"):
        unsaved = (inspect_ods if fmt == "ods" else inspect_xlsb)(path, data).unsaved_formulas
        has_macros = fmt == "xlsb" and b"vbaProject.bin" in data
    elif fmt == "ooxml":
        report = inspect_archive(path, data)
        data, has_macros, unsaved = report.data, report.has_macros, report.unsaved_formulas
        for stray in report.strays:
            shown = ", ".join(stray.refs) + (", …" if stray.count > len(stray.refs) else "")
            warnings.append(
                Issue(
                    stray.sheet,
                    None,
                    None,
                    f"đã bỏ qua {stray.count} ô có dữ liệu nằm ngoài vùng biểu mẫu ({MAX_ROWS:_} dòng, "
                    f"{MAX_COLUMNS} cột đầu): {shown}; hãy xóa các ô này trong tệp gốc.".replace("_", "."),
                )
            )
    else:
        has_macros = "_VBA_PROJECT_CUR".encode("utf-16-le") in data
    if has_macros:
        warnings.append(Issue(None, None, None, MACROS_IGNORED))
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        metadata = list(book.sheets_metadata)
    except python_calamine.PasswordError as error:
        raise password_refusal(path) from error
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # noqa: BLE001 - calamine's errors are private; a Rust panic is a BaseException
        if "password" in str(error).lower() or "encrypt" in str(error).lower():
            raise password_refusal(path) from error
        raise _refuse(
            path, "bị hỏng hoặc không phải là bảng tính Excel; hãy mở bằng Excel, lưu lại rồi nhập lại."
        ) from error
    book_obj = Workbook(path=path, data=data, fmt=fmt, sheets=[], warnings=warnings, _book=book)
    book_obj.unsaved_formulas = {unicodedata.normalize("NFC", name): cells for name, cells in unsaved.items()}
    for meta in metadata:
        raw_name = meta.name
        shown = unicodedata.normalize("NFC", INVISIBLE.sub("", raw_name).strip())
        fixed, encoding = repair(shown)
        if encoding:
            book_obj.repairs.append(Repair(fixed, None, None, shown, fixed, encoding))
            book_obj.warnings.append(
                Issue(
                    None,
                    None,
                    None,
                    f'Tên trang tính "{shown}" gõ bằng bảng mã cũ '
                    f'{ENCODING_LABELS.get(encoding, encoding)}, đọc là "{fixed}".',
                )
            )
        visible = str(getattr(meta, "visible", "")).endswith("Visible")
        book_obj.sheets.append(SheetInfo(name=fixed, raw_name=raw_name, visible=visible))
    return book_obj
