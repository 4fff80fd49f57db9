"""Checking an .xlsx/.xlsm archive before any parser sees it: true sizes, XML prologs, the extent of every sheet.

python-calamine builds each sheet as a dense rectangle and aborts the whole process (no exception) when that
rectangle does not fit in memory, so nothing reaches it before this module has:

- inflated every entry itself, in bounded chunks, refusing one that holds more than it declares (a zip bomb that
  lies about its size) and checking its CRC;
- looked at the prolog of every XML part, wherever the parser would (past comments, in UTF-16 too), refusing any
  DTD: entity bombs and external entities (XXE) need one;
- found the real extent of the cells holding values in every XML part, as the parser counts them (cells and rows
  without an ``r`` attribute too). A few cells far outside the form's bounds (a stray key press at XFD1048576)
  are left out of the copy the parsers read, with a warning; a sheet with more rows or cells than a return can hold
  is refused.
"""

from __future__ import annotations

import html
import io
import re
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .issues import WorkbookRefused

MAX_UNCOMPRESSED = 250 * 1024 * 1024
MAX_ENTRY_RATIO = 200  # a worksheet compresses ~10:1; bombs compress 1000:1
MAX_ROWS = 100_000
MAX_COLUMNS = 256  # column IV, the width of an old .xls sheet; returns use 5 to 20 columns
MAX_CELLS = 5_000_000  # calamine holds a sheet as a dense rectangle
MAX_STRAY_CELLS = 100  # cells beyond the bounds left out with a warning; more is a table too big, refused
MAX_PROLOG = 1024 * 1024  # Excel's prolog is one line; anything longer before the root element is an attack
MAX_TAG = 1024 * 1024  # the longest run between two "<" (a cell of 32,767 characters is ~130 KB)
CHUNK = 1024 * 1024

_BROKEN = "bị hỏng hoặc không đầy đủ (có thể tải về chưa xong); hãy mở bằng Excel, lưu lại rồi nhập lại."
_UNSAFE_XML = "chứa cấu trúc XML không an toàn (DOCTYPE/ENTITY); không đọc tệp này."
_LYING_SIZE = "có phần nén chứa nhiều dữ liệu hơn khai báo (kiểu “bom nén”); không đọc tệp này để bảo đảm an toàn."
_ODD_XML = "có phần dữ liệu XML bất thường (không như Excel vẫn lưu); hãy mở bằng Excel, lưu lại rồi nhập lại."

# A row or cell start tag (attribute values may hold ">"), or its end tag.
_TAG = re.compile(rb"""<(/?)(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_R_ATTR = re.compile(rb"""(?:^|(?<=[\s"']))(?:[\w.-]+:)?r\s*=\s*["']([^"']*)["']""")  # also r= right after a quote
_CELL_REF = re.compile(rb"([A-Za-z]+)([0-9]+)")
_ENCODING = re.compile(r"""encoding\s*=\s*["']([^"']*)["']""")
_BYTE_ENCODINGS = {"utf8", "usascii", "ascii", "iso88591", "latin1"}
# The fast pass: cells as Excel and openpyxl write them, elements whose names start with "c" (cols, cfRule…), and
# a cell tag with a second r attribute (also after ">" inside a quoted value, or without a blank before it).
_FAST_REF = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
_OTHER_C = re.compile(rb"<c[\w.:-]")
_SECOND_R = re.compile(rb"""<c r="[^"]*"(?:(?:[^>"']|"[^"]*"|'[^']*')*?[\s"':])?r\s*=""")
# A cell start tag as Excel and openpyxl write it, whole: its reference, then only attributes that are not ``r``
# (style, type, metadata) with plain values. When every cell tag of a part is one of these, none can hold a second
# ``r`` and ``_SECOND_R`` need not be asked.
_PLAIN_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"(?: (?:s|t|cm|vm|ph)="[\w.-]*")*\s?/?>')
_PREFIXED_TAG = re.compile(rb"</?[A-Za-z_][\w.-]*:(?:row|c)(?=[\s/>])")  # what _TAG matches with a prefix
_LARGE_REF = re.compile(rb'<c r="(?:[A-Z]{2}|[A-Z][0-9]{6})')  # a reference past column Z or with 6+ digits
# A cell tag that is not a ``_PLAIN_CELL`` within column Z and row 99,999. When one search finds none, every cell of
# the part is plain and inside every bound: what the counts, ``_PLAIN_CELL`` and ``_LARGE_REF`` would conclude, in a
# single pass that builds nothing.
_NOT_PLAIN_SMALL = re.compile(rb'<c(?![\w.:-])(?! r="[A-Z][0-9]{1,5}"(?: (?:s|t|cm|vm|ph)="[\w.-]*")*\s?/?>)')
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*/>")
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
_CELL = re.compile(
    rb"""<(?:[A-Za-z_][\w.-]*:)?c\b((?:[^>"'/]|"[^"]*"|'[^']*')*)>(.*?)</(?:[A-Za-z_][\w.-]*:)?c\s*>""", re.S
)
_VALUE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v>\s*[^<\s]")
_STR_TYPE = re.compile(rb"""\bt\s*=\s*["']str["']""")
_RECALC = re.compile(rb"""<(?:[A-Za-z_][\w.-]*:)?calcPr\b[^>]*\bfullCalcOnLoad\s*=\s*["'](?:1|true)["']""")
_CELL_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?c\s*>")


def refuse(path: Path, why: str) -> WorkbookRefused:
    return WorkbookRefused(f'Tệp "{path.name}" {why}')


def column_letters(index: int) -> str:
    """1 -> "A", 16384 -> "XFD"."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_index(letters: bytes) -> int:
    value = 0
    for ch in letters.upper():
        value = value * 26 + (ch - 64)
    return value


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


@dataclass
class Stray:
    """Cells with values outside the form's bounds in one sheet."""

    sheet: str
    count: int = 0
    refs: list[str] = field(default_factory=list)


@dataclass
class ArchiveReport:
    """What the parsers may read: the file itself, or a copy without the stray far-away cells."""

    data: bytes
    has_macros: bool = False
    strays: list[Stray] = field(default_factory=list)
    # sheet name -> (row, column letters) of formula cells whose result was never saved (a program wrote the file)
    unsaved_formulas: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


class _Extent:
    """The cells holding values in one XML part, counted as calamine counts them, or more.

    calamine moves to the next row at each ``</row>``, jumps to ``r`` at ``<row r=…>``, and puts a cell without
    ``r`` one column right of the previous cell (the column starts over at ``</row>``). Where its behaviour is not
    pinned down (cells outside rows, a cell without ``r`` after one whose ``r`` names another row), the larger
    position is taken, so the extent found is never smaller than the one it allocates.
    """

    def __init__(self, path: Path, sheet: str) -> None:
        self.path, self.sheet = path, sheet
        self.row, self.last_row = 1, 0  # the row a cell without ``r`` goes to; the row of the previous cell
        self.col = self.max_row = self.max_col = 0
        self.stray = Stray(sheet)
        self.stray_spans: list[tuple[int, int]] = []
        self.has_formula = False
        self._unmeasured = b""  # a chunk whose cells feed_fast vouched for without measuring them

    def feed(self, text: bytes, spans: bool = False) -> None:
        self._settle()
        for match in _TAG.finditer(text):
            attrs = match.group(3)
            closed = attrs.rstrip().endswith(b"/")
            if match.group(2) == b"row":
                if not match.group(1):
                    numbers = [int(v) for v in _R_ATTR.findall(attrs) if v.isdigit()]
                    if numbers:
                        self.row = max(numbers)
                if match.group(1) or closed:
                    self.row, self.col = self.row + 1, 0
                continue
            if match.group(1):
                continue
            refs = [m for m in map(_CELL_REF.fullmatch, _R_ATTR.findall(attrs)) if m is not None]
            if refs:  # several r attributes: calamine takes the last; the largest is never smaller
                self.col = max(_column_index(ref.group(1)) for ref in refs)
                row = max(int(ref.group(2)) for ref in refs)
            else:
                self.col, row = self.col + 1, max(self.row, self.last_row)
            self.last_row = row
            if closed:
                continue  # a formatted empty cell holds no value; the parser leaves it out
            if row > MAX_ROWS or self.col > MAX_COLUMNS:
                self._outside(row)
                if spans:
                    end = _CELL_END.search(text, match.end())
                    self.stray_spans.append((match.start(), end.end() if end else match.end()))
                continue
            self.max_row = max(self.max_row, row)
            self.max_col = max(self.max_col, self.col)
            if self.max_row * self.max_col > MAX_CELLS:
                raise refuse(
                    self.path,
                    f'có trang tính "{self.sheet}" quá lớn ({_number(self.max_row)} dòng × {_number(self.max_col)} '
                    f"cột; tối đa {_number(MAX_CELLS)} ô).",
                )

    def feed_fast(self, text: bytes) -> bool:
        """Measure at C speed when every cell tag starts with its only ``r`` (cells beyond the bounds, which may be
        formatted empty cells, are then measured exactly); False when that cannot vouch for the part."""
        if (b":c" in text or b":row" in text) and _PREFIXED_TAG.search(text):
            return False  # prefixed row or cell tags (a theme's <a:clrScheme> is neither)
        pristine = not (self.max_row or self.max_col or self._unmeasured)
        if pristine and _NOT_PLAIN_SMALL.search(text) is None:
            # Every cell within column Z and row 99,999 lies inside every bound, whatever the exact extent; that is
            # measured only if a later chunk of the part needs it (most parts are one chunk).
            self._unmeasured = text
            return True
        cells = text.count(b"<c") - len(_OTHER_C.findall(text))
        refs = _PLAIN_CELL.findall(text)
        if len(refs) != cells:  # some cell tag is written otherwise: the general checks
            refs = _FAST_REF.findall(text)
            if len(refs) != cells:
                return False  # a cell without a plain reference
            if refs and _SECOND_R.search(text):
                return False  # a cell with a second r attribute: calamine would take the last one
        if not refs:
            return True  # no cell at all: rows alone hold nothing
        if pristine and _LARGE_REF.search(text) is None:
            self._unmeasured = text  # as above, for cells written otherwise (every one found by _FAST_REF)
            return True
        self._settle()
        max_row, max_col = self._extent_of(refs)
        if max_row > MAX_ROWS or max_col > MAX_COLUMNS or max_row * max_col > MAX_CELLS:
            self.feed(text)  # every cell here names its place: the exact pass needs no earlier state
        else:
            self.max_row, self.max_col = max_row, max_col
        return True

    def _extent_of(self, refs: list[tuple[bytes, bytes]]) -> tuple[int, int]:
        columns, rows = zip(*refs, strict=True)
        widest = max(set(columns), key=lambda letters: (len(letters), letters))
        return max(self.max_row, max(map(int, rows))), max(self.max_col, _column_index(widest))

    def _settle(self) -> None:
        """Measure the cells ``feed_fast`` vouched for without measuring them."""
        if self._unmeasured:
            refs = _FAST_REF.findall(self._unmeasured)
            if refs:
                self.max_row, self.max_col = self._extent_of(refs)
            self._unmeasured = b""

    def _outside(self, row: int) -> None:
        stray = self.stray
        stray.count += 1
        if len(stray.refs) < 5:
            stray.refs.append(f"{column_letters(self.col)}{row}")
        if stray.count <= MAX_STRAY_CELLS:
            return
        if row > MAX_ROWS:
            raise refuse(
                self.path,
                f'có trang tính "{self.sheet}" quá nhiều dòng (có dữ liệu ở dòng {_number(row)}; '
                f"tối đa {_number(MAX_ROWS)} dòng).",
            )
        raise refuse(
            self.path,
            f'có trang tính "{self.sheet}" quá nhiều cột (có dữ liệu ở cột {column_letters(self.col)}; '
            f"tối đa {MAX_COLUMNS} cột).",
        )


def _inflate(path: Path, data: bytes, entry: zipfile.ZipInfo) -> Iterator[bytes]:
    """The entry's bytes in chunks, read from its local header on; never more than it declares, CRC checked."""
    offset = entry.header_offset
    if data[offset : offset + 4] != b"PK\x03\x04" or entry.flag_bits & 0x1:
        raise refuse(path, _BROKEN)
    name_length, extra_length = struct.unpack_from("<HH", data, offset + 26)
    start = offset + 30 + name_length + extra_length
    if start + entry.compress_size > len(data):
        raise refuse(path, _BROKEN)
    packed = memoryview(data)[start : start + entry.compress_size]
    produced = crc = 0
    if entry.compress_type == zipfile.ZIP_STORED:
        if entry.compress_size != entry.file_size:
            raise refuse(path, _BROKEN)
        for at in range(0, len(packed), CHUNK):
            chunk = bytes(packed[at : at + CHUNK])
            crc = zlib.crc32(chunk, crc)
            yield chunk
    elif entry.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-15)
        at = 0
        while not inflater.eof:
            if inflater.unconsumed_tail:
                source: bytes | memoryview = inflater.unconsumed_tail
            elif at < len(packed):
                source, at = packed[at : at + CHUNK], at + CHUNK
            else:
                break
            try:
                chunk = inflater.decompress(source, CHUNK)
            except zlib.error as error:
                raise refuse(path, _BROKEN) from error
            produced += len(chunk)
            if produced > entry.file_size:
                raise refuse(path, _LYING_SIZE)
            crc = zlib.crc32(chunk, crc)
            yield chunk
        if not inflater.eof or produced != entry.file_size:
            raise refuse(path, _BROKEN)
    else:
        raise refuse(path, "được nén theo cách Excel không dùng; hãy mở bằng Excel, lưu lại rồi nhập lại.")
    if crc != entry.CRC:
        raise refuse(path, _BROKEN)


def _prolog(head: bytes) -> str | None:
    """ "ok" when the root element comes with no DTD before it, "dtd", "utf16" (a DTD-free part in an encoding
    byte scans cannot read, which Excel never writes), "broken", or None when more bytes are needed."""
    wide = head[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(head) > 1 and b"\0" in head[:4])
    if wide:
        big = head[:2] == b"\xfe\xff" or head[:1] == b"\0"
        usable = head[: len(head) // 2 * 2]
        text = usable.decode("utf-16-be" if big else "utf-16-le", errors="replace").lstrip("\ufeff")
    else:
        text = head.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    at = 0
    while True:
        while at < len(text) and text[at] in " \t\r\n":
            at += 1
        if at >= len(text):
            return None
        if text.startswith("<?", at) or text.startswith("<!--", at):
            closing = "?>" if text[at + 1] == "?" else "-->"
            end = text.find(closing, at + 2)
            if end < 0:
                return None
            declared = _ENCODING.search(text, at, end) if text.startswith("<?xml", at) and not wide else None
            if declared and declared.group(1).lower().replace("-", "").replace("_", "") not in _BYTE_ENCODINGS:
                return "utf16"
            at = end + len(closing)
        elif text.startswith("<!", at):
            return "dtd"
        elif text.startswith("<", at) and len(text) > at + 1:
            return "utf16" if wide else "ok"
        elif text.startswith("<", at):
            return None
        else:
            return "broken"


def _sheet_names(archive: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Part name -> sheet name, from the workbook and its relationships (read after their checks)."""
    if "xl/_rels/workbook.xml.rels" not in names:
        return {}
    attr = re.compile(rb"""([\w:]+)\s*=\s*["']([^"']*)["']""")
    targets = {}
    for tag in re.findall(rb"<(?:\w+:)?Relationship\b[^>]*>", archive.read("xl/_rels/workbook.xml.rels")):
        values = dict(attr.findall(tag))
        target = html.unescape(values.get(b"Target", b"").decode("utf-8", "replace"))
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        targets[values.get(b"Id", b"")] = re.sub(r"[^/]+/\.\./", "", part)
    result = {}
    for tag in re.findall(rb"<(?:\w+:)?sheet\b[^>]*>", archive.read("xl/workbook.xml")):
        values = {k.split(b":")[-1]: v for k, v in attr.findall(tag)}
        part = targets.get(values.get(b"id", b""))
        if part:
            result[part] = unicodedata.normalize(
                "NFC", html.unescape(values.get(b"name", b"").decode("utf-8", "replace"))
            )
    return result


def _may_hold_formula(text: bytes, end: int) -> bool:
    """False only when ``_FORMULA`` cannot match before ``end``: its tag starts ``<f`` or, with a prefix, ``:f``
    (two scans at C speed instead of trying the pattern at every ``<``)."""
    return text.find(b"<f", 0, end) >= 0 or text.find(b":f", 0, end) >= 0


def _check_entry(path: Path, data: bytes, entry: zipfile.ZipInfo, sheet: str, fast: bool = True) -> _Extent | None:
    """Inflate one entry; for XML, check its prolog and measure its cells. Returns the extent of an XML part.

    The fast pass vouches for parts whose every cell carries its reference and lies within the bounds (what
    Excel and openpyxl write); anything else is measured again, cell by cell."""
    is_xml = entry.filename.lower().endswith((".xml", ".rels"))
    extent = _Extent(path, sheet) if is_xml else None
    head = b""
    verdict: str | None = "skip" if not is_xml else None
    carry = b""
    for chunk in _inflate(path, data, entry):
        if extent is None:
            continue
        if verdict is None:
            head += chunk
            verdict = _prolog(head[:MAX_PROLOG])
            if verdict is None and len(head) >= MAX_PROLOG:
                verdict = "broken"
            if verdict == "dtd":
                raise refuse(path, _UNSAFE_XML)
            if verdict in ("broken", "utf16"):
                raise refuse(path, _ODD_XML)
        text = carry + chunk
        cut = text.rfind(b"<")
        if cut < 0:
            carry = b""
            continue
        carry = text[cut:]
        if len(carry) > MAX_TAG:
            raise refuse(path, _ODD_XML)
        if not extent.has_formula and _may_hold_formula(text, cut) and _FORMULA.search(text, 0, cut):
            extent.has_formula = True
        if not fast:
            extent.feed(text[:cut])
        elif not extent.feed_fast(text[:cut]):
            return _check_entry(path, data, entry, sheet, fast=False)
    if extent is not None:
        if verdict is None and head.strip():
            raise refuse(path, _ODD_XML)
        if not fast:
            extent.feed(carry)
        elif not extent.feed_fast(carry):
            return _check_entry(path, data, entry, sheet, fast=False)
    return extent


def _without_strays(path: Path, data: bytes, entry: zipfile.ZipInfo, sheet: str) -> bytes:
    """The part with its stray cells cut out; measured again, it must lie within the bounds."""
    content = b"".join(_inflate(path, data, entry))
    extent = _Extent(path, sheet)
    extent.feed(content, spans=True)
    kept, at = [], 0
    for start, end in extent.stray_spans:
        kept.append(content[at:start])
        at = end
    kept.append(content[at:])
    bounded = _DIMENSION.sub(b"", b"".join(kept), count=1)  # the declared size no longer holds
    again = _Extent(path, sheet)
    again.feed(bounded)
    if again.stray.count:
        raise refuse(path, _ODD_XML)
    return bounded


def unsaved_formulas(content: bytes, recalculated: bool) -> list[tuple[int, str]]:
    """(row, column letters) of the formula cells of a sheet part whose result was never saved: no value (openpyxl
    and other programs write none), or any value at all when the workbook asks to be recalculated on opening (the
    values such programs write are placeholders). Excel's own empty text result (``t="str"``) is a saved result."""
    found = []
    for match in _CELL.finditer(content):
        attrs, body = match.group(1), match.group(2)
        if not _FORMULA.search(body):
            continue
        if not recalculated and (_VALUE.search(body) or _STR_TYPE.search(attrs)):
            continue
        ref = next((m for m in map(_CELL_REF.fullmatch, _R_ATTR.findall(attrs)) if m is not None), None)
        if ref is not None:
            found.append((int(ref.group(2)), ref.group(1).decode("ascii").upper()))
    return found


def inspect_archive(path: Path, data: bytes) -> ArchiveReport:
    """Check an OOXML archive (see the module docstring); raises WorkbookRefused with a Vietnamese message."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error) as error:
        raise refuse(path, _BROKEN) from error
    names = {e.filename for e in entries}
    if "xl/workbook.xml" not in names or "xl/workbook.bin" in names:
        what = "tệp Word" if "word/document.xml" in names else "tệp nén"
        raise refuse(path, f"không phải là bảng tính Excel (đây là {what}); hãy gửi tệp .xlsx, .xlsm hoặc .xls.")
    if len(names) != len(entries):
        raise refuse(path, _BROKEN)
    total = sum(e.file_size for e in entries)
    if total > MAX_UNCOMPRESSED or any(
        e.file_size > 10 * 1024 * 1024 and e.file_size > MAX_ENTRY_RATIO * max(e.compress_size, 1) for e in entries
    ):
        raise refuse(
            path,
            f"có dung lượng giải nén bất thường ({total // (1024 * 1024)} MB); không đọc tệp này để bảo đảm an toàn.",
        )
    # Relationships and the workbook first: their prologs are checked before the sheet names are read from them.
    order = sorted(entries, key=lambda e: (not e.filename.endswith(".rels"), e.filename != "xl/workbook.xml"))
    sheets: dict[str, str] = {}
    report = ArchiveReport(data=data, has_macros=any(n.lower().endswith("vbaproject.bin") for n in names))
    bounded: dict[str, bytes] = {}
    with_formulas: list[tuple[zipfile.ZipInfo, str]] = []
    try:
        for entry in order:
            name = sheets.get(entry.filename) or entry.filename.rsplit("/", 1)[-1]
            extent = _check_entry(path, data, entry, name)
            if entry.filename == "xl/workbook.xml":
                sheets = _sheet_names(archive, names)
            if extent is not None and extent.stray.count:
                bounded[entry.filename] = _without_strays(path, data, entry, name)
                report.strays.append(extent.stray)
            if extent is not None and extent.has_formula and entry.filename in sheets:
                with_formulas.append((entry, name))
        if with_formulas:
            recalculated = bool(_RECALC.search(b"".join(_inflate(path, data, archive.getinfo("xl/workbook.xml")))))
            for entry, name in with_formulas:
                content = bounded.get(entry.filename) or b"".join(_inflate(path, data, entry))
                cells = unsaved_formulas(content, recalculated)
                if cells:
                    report.unsaved_formulas[name] = cells
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, struct.error) as error:
        raise refuse(path, _BROKEN) from error
    if bounded:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy:
            for entry in entries:
                content = bounded.get(entry.filename)
                copy.writestr(entry.filename, content if content is not None else archive.read(entry))
        report.data = buffer.getvalue()
    return report
