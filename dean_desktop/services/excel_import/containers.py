"""Checking LibreOffice `.ods` and Excel `.xlsb` archives before python-calamine sees them.

The same guards as archive.py gives .xlsx, for the two other zip containers calamine reads: true sizes (every entry
inflated in bounded chunks, CRC checked, a zip bomb that lies about its size refused), no DTD in any XML part, and
the real extent of the cells holding values in every sheet — calamine builds each sheet as a dense rectangle and
aborts the process when it does not fit in memory. An .ods keeps its sheets in `content.xml` (rows and cells with
repeat counts, so a few bytes can claim a million rows); an .xlsb in binary records (BrtRowHdr, then one record per
cell with its column).
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from .archive import (
    _BROKEN,
    _UNSAFE_XML,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ENTRY_RATIO,
    MAX_ROWS,
    MAX_UNCOMPRESSED,
    _check_entry,
    _inflate,
    _number,
    column_letters,
    refuse,
)

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


@dataclass
class ContainerReport:
    """What the checks found that the importer reports: formula cells without a saved result, per sheet."""

    unsaved_formulas: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


def container_kind(path: Path, data: bytes) -> str:
    """'ooxml', 'ods' or 'xlsb' for a zip file; raises WorkbookRefused for any other zip (Word, OpenDocument text,
    an ordinary archive)."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error) as error:
        raise refuse(path, _BROKEN) from error
    if "xl/workbook.xml" in names and "xl/workbook.bin" not in names:
        return "ooxml"
    if "xl/workbook.bin" in names and "xl/workbook.xml" not in names:
        return "xlsb"
    if "content.xml" in names and data[30:38] == b"mimetype":
        if data[38 : 38 + len(ODS_MIMETYPE)] == ODS_MIMETYPE:
            return "ods"
        raise refuse(path, "là tài liệu OpenDocument nhưng không phải bảng tính; hãy gửi tệp bảng tính.")
    if "content.xml" in names and "META-INF/manifest.xml" in names:
        return "ods"  # an .ods whose mimetype entry is not first: calamine still reads it
    what = "tệp Word" if "word/document.xml" in names else "tệp nén"
    raise refuse(path, f"không phải là bảng tính (đây là {what}); hãy gửi tệp .xlsx, .xls, .ods hoặc .xlsb.")


def _entries(path: Path, data: bytes) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """The archive's entries after the size checks of archive.py: total, ratio, duplicates."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error) as error:
        raise refuse(path, _BROKEN) from error
    if len({e.filename for e in entries}) != len(entries):
        raise refuse(path, _BROKEN)
    total = sum(e.file_size for e in entries)
    if total > MAX_UNCOMPRESSED or any(
        e.file_size > 10 * 1024 * 1024 and e.file_size > MAX_ENTRY_RATIO * max(e.compress_size, 1) for e in entries
    ):
        raise refuse(
            path,
            f"có dung lượng giải nén bất thường ({total // (1024 * 1024)} MB); không đọc tệp này để bảo đảm an toàn.",
        )
    return archive, entries


class _Extent:
    """The rectangle of cells holding values in one sheet, refused once it passes the bounds."""

    def __init__(self, path: Path, sheet: str) -> None:
        self.path, self.sheet = path, sheet
        self.max_row = self.max_col = 0

    def cell(self, last_row: int, last_col: int) -> None:
        if last_row > MAX_ROWS:
            raise refuse(
                self.path,
                f'có trang tính "{self.sheet}" quá nhiều dòng (có dữ liệu ở dòng {_number(last_row)}; '
                f"tối đa {_number(MAX_ROWS)} dòng).",
            )
        if last_col > MAX_COLUMNS:
            raise refuse(
                self.path,
                f'có trang tính "{self.sheet}" quá nhiều cột (có dữ liệu ở cột {column_letters(last_col)}; '
                f"tối đa {MAX_COLUMNS} cột).",
            )
        self.max_row, self.max_col = max(self.max_row, last_row), max(self.max_col, last_col)
        if self.max_row * self.max_col > MAX_CELLS:
            raise refuse(
                self.path,
                f'có trang tính "{self.sheet}" quá lớn ({_number(self.max_row)} dòng × {_number(self.max_col)} cột; '
                f"tối đa {_number(MAX_CELLS)} ô).",
            )


class _OdsContent:
    """Walks `content.xml` with expat (no tree kept): rows and cells with their repeat counts."""

    def __init__(self, path: Path, report: ContainerReport) -> None:
        self.path, self.report = path, report
        self.extent: _Extent | None = None
        self.sheet = ""
        self.row = 0  # rows before the current one
        self.row_repeat = 1
        self.col = 0  # columns before the current cell
        self.cell: tuple[int, bool, bool] | None = None  # (repeat, has value, formula without value)
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.StartDoctypeDeclHandler = self.doctype
        self.parser.EntityDeclHandler = self.doctype

    def doctype(self, *_: object) -> None:
        raise refuse(self.path, _UNSAFE_XML)

    @staticmethod
    def _repeat(attrs: dict[str, str], name: str) -> int:
        raw = attrs.get(f"{_TABLE} {name}", "1")
        return int(raw) if raw.isdigit() and 0 < int(raw) < 10**9 else 1

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == f"{_TABLE} table":
            self.sheet = attrs.get(f"{_TABLE} name", "")
            self.extent, self.row = _Extent(self.path, self.sheet), 0
        elif name == f"{_TABLE} table-row":
            self.row_repeat, self.col = self._repeat(attrs, "number-rows-repeated"), 0
        elif name in (f"{_TABLE} table-cell", f"{_TABLE} covered-table-cell"):
            valued = f"{_OFFICE} value-type" in attrs
            unsaved = f"{_TABLE} formula" in attrs and not valued
            self.cell = (self._repeat(attrs, "number-columns-repeated"), valued, unsaved)
        elif name == f"{_TEXT} p" and self.cell is not None:
            self.cell = (self.cell[0], True, self.cell[2])

    def end(self, name: str) -> None:
        if name in (f"{_TABLE} table-cell", f"{_TABLE} covered-table-cell") and self.cell is not None:
            repeat, valued, unsaved = self.cell
            if (valued or unsaved) and self.extent is not None:
                self.extent.cell(self.row + self.row_repeat, self.col + repeat)
            if unsaved:
                cells = self.report.unsaved_formulas.setdefault(self.sheet, [])
                if len(cells) < 1000:
                    cells.append((self.row + 1, column_letters(self.col + 1)))
            self.col += repeat
            self.cell = None
        elif name == f"{_TABLE} table-row":
            self.row += self.row_repeat


def inspect_ods(path: Path, data: bytes) -> ContainerReport:
    """Check a LibreOffice .ods; raises WorkbookRefused with a Vietnamese message."""
    archive, entries = _entries(path, data)
    report = ContainerReport()
    names = {e.filename for e in entries}
    if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read("META-INF/manifest.xml"):
        raise refuse(
            path,
            "được đặt mật khẩu; hãy mở bằng LibreOffice, bỏ mật khẩu (Tệp > Thuộc tính > Bảo mật), lưu lại rồi nhập "
            "lại.",
        )
    for entry in entries:
        if entry.is_dir():
            continue
        if entry.filename != "content.xml":
            _check_entry(path, data, entry, entry.filename)  # sizes, CRC, no DTD
            continue
        walker = _OdsContent(path, report)
        try:
            for chunk in _inflate(path, data, entry):
                walker.parser.Parse(chunk, False)
            walker.parser.Parse(b"", True)
        except expat.ExpatError as error:
            raise refuse(path, _BROKEN) from error
    return report


def _varint(data: bytes, at: int, most: int) -> tuple[int, int]:
    value = shift = 0
    for index in range(most):
        if at + index >= len(data):
            raise ValueError("truncated record")
        byte = data[at + index]
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at + index + 1
    raise ValueError("record header too long")


_XLSB_ROW = 0x0000  # BrtRowHdr: the row (0-based, 4 bytes) of the cells that follow
_XLSB_CELLS = range(0x0002, 0x000C)  # BrtCellRk … BrtFmlaError: a value, column (0-based) first
_XLSB_SHARED = 0x0007  # BrtCellIsst: a shared string by its index (calamine panics on one out of range)
_XLSB_SST = 0x009F  # BrtBeginSst: total and unique counts of the shared strings


def _records(content: bytes) -> Iterator[tuple[int, int, int]]:
    """(type, payload offset, payload size) of each BIFF12 record; raises ValueError when one is cut short."""
    at = 0
    while at < len(content):
        kind, at = _varint(content, at, 2)
        size, at = _varint(content, at, 4)
        if at + size > len(content):
            raise ValueError("truncated record")
        yield kind, at, size
        at += size


def _shared_strings(content: bytes) -> int:
    for kind, at, size in _records(content):
        if kind == _XLSB_SST and size >= 8:
            return int(struct.unpack_from("<I", content, at + 4)[0])
    return 0


def _xlsb_sheet(path: Path, content: bytes, sheet: str, shared: int) -> None:
    extent = _Extent(path, sheet)
    row = 0
    for kind, at, size in _records(content):
        if kind == _XLSB_ROW and size >= 4:
            row = struct.unpack_from("<I", content, at)[0]
        elif kind in _XLSB_CELLS and size >= 4:
            extent.cell(row + 1, struct.unpack_from("<I", content, at)[0] + 1)
            if kind == _XLSB_SHARED and (size < 12 or struct.unpack_from("<I", content, at + 8)[0] >= shared):
                raise ValueError("shared string out of range")


def inspect_xlsb(path: Path, data: bytes) -> ContainerReport:
    """Check an Excel binary workbook (.xlsb); raises WorkbookRefused with a Vietnamese message."""
    _, entries = _entries(path, data)
    sheets = []
    shared = 0
    try:
        for entry in entries:
            if entry.is_dir():
                continue
            if not entry.filename.lower().endswith(".bin"):
                _check_entry(path, data, entry, entry.filename)  # .rels and [Content_Types].xml: sizes, CRC, no DTD
                continue
            content = b"".join(_inflate(path, data, entry))
            if entry.filename.startswith("xl/worksheets/"):
                sheets.append((entry.filename.rsplit("/", 1)[-1].removesuffix(".bin"), content))
            elif entry.filename == "xl/sharedStrings.bin":
                shared = _shared_strings(content)
        for name, content in sheets:
            _xlsb_sheet(path, content, name, shared)
    except (ValueError, struct.error) as error:
        raise refuse(path, _BROKEN) from error
    return ContainerReport()
