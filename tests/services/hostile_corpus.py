"""A corpus of hostile and broken workbooks, generated on demand (nothing large is committed).

Every builder writes one file into a folder and returns its path. Big contents (a zip bomb, a million rows) are
streamed through ``zipfile`` in chunks, so making them needs neither the RAM nor the time of the real size.
"""

from __future__ import annotations

import io
import itertools
import random
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from .excel_import.builders import build_return, cadre, office

CADRE_SHEET = "xl/worksheets/sheet4.xml"  # build_return writes Thông tin chung, Một cửa, Văn bản điện tử, Cán bộ
SECRET_FILE = "/etc/passwd"
_DATE = (2017, 12, 10, 0, 0, 0)
_SPREADSHEET = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def valid_return(path: Path) -> Path:
    """A clean return of Linh Thông for Năm 2017 with every sheet filled."""
    return build_return(
        path,
        unit="Linh Thông",
        period="Năm 2017",
        office=office(True, floor_area=34.5, computers=3),
        edoc=[("Đảng ủy", True), ("UBND", True), ("Hội Nông dân", False)],
        cadres=[
            cadre("Nguyễn Văn An", 1975, "Thạc sĩ", "Cao cấp"),
            cadre("Hoàng Thị Bình", 1980, "Đại học", "Cử nhân"),
        ],
    )


def rewrite(
    source: bytes, replace: dict[str, bytes | None] | None = None, add: dict[str, bytes] | None = None
) -> bytes:
    """The archive ``source`` with entries replaced (None drops one) and entries added, all deflated."""
    replace = replace or {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as original, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in original.infolist():
            data = replace.get(item.filename, original.read(item))
            if data is not None:
                out.writestr(item.filename, data)
        for name, data in (add or {}).items():
            out.writestr(name, data)
    return buffer.getvalue()


def _with_entry(base: Path, path: Path, name: str, chunks: Iterator[bytes]) -> Path:
    """A copy of ``base`` whose entry ``name`` is streamed from ``chunks`` (zip64, deflated at level 9)."""
    with zipfile.ZipFile(base) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for item in original.infolist():
            if item.filename != name:
                out.writestr(item.filename, original.read(item))
        info = zipfile.ZipInfo(name, _DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        with out.open(info, "w", force_zip64=True) as handle:
            for chunk in chunks:
                handle.write(chunk)
    return path


# --------------------------------------------------------------------------------------------- not a workbook


def text_file(path: Path) -> Path:
    path.write_text("Đơn vị: Linh Thông\nKỳ báo cáo: Năm 2017\nSố cán bộ: 12\n", encoding="utf-8")
    return path


def pdf_file(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    return path


def png_file(path: Path) -> Path:
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + bytes(4) + bytes(64))
    return path


def random_bytes(path: Path) -> Path:
    data = random.Random(2016).randbytes(64 * 1024)
    path.write_bytes(b"\x13" + data[1:])  # never a zip, OLE, PDF or XML start by chance
    return path


def empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def ole_document(path: Path) -> Path:
    """A real OLE2 compound file (what Word 97–2003 writes) holding a ``WordDocument`` stream, not a workbook."""
    end, free, fat_sector, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    stream = b"Bao cao nam 2017 - van ban Word".ljust(4096, b"\0")  # 4096 bytes: regular sectors, no mini stream
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<109I", 0, *([free] * 108))
    fat = [fat_sector, end, 3, 4, 5, 6, 7, 8, 9, end] + [free] * 118

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", no_stream, no_stream, child)
            + bytes(16 + 4 + 16)
            + struct.pack("<IQ", start, size)
        )

    directory = entry("Root Entry", 5, 1, end, 0) + entry("WordDocument", 2, no_stream, 2, len(stream))
    directory += entry("", 0, no_stream, 0, 0) * 2
    path.write_bytes(header + struct.pack("<128I", *fat) + directory + stream)
    return path


# --------------------------------------------------------------------------------------------- broken archives


def truncated(path: Path, base: Path) -> Path:
    data = base.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def garbage_central_directory(path: Path, base: Path) -> Path:
    """The archive's central directory overwritten with random bytes; the end record still points at it."""
    data = bytearray(base.read_bytes())
    end = data.rindex(b"PK\x05\x06")
    size, offset = struct.unpack_from("<II", data, end + 12)
    data[offset : offset + size] = random.Random(7).randbytes(size)
    path.write_bytes(bytes(data))
    return path


def encrypted(path: Path, base: Path, password: str = "matkhau2017") -> Path:
    """A real password-protected workbook, as Excel writes it (ECMA-376 agile encryption in an OLE2 file)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    with base.open("rb") as plain, path.open("wb") as out:
        OOXMLFile(plain).encrypt(password, out)
    return path


# --------------------------------------------------------------------------------------------- XML attacks


def _billion_laughs() -> bytes:
    """The classic DTD: lol9 expands to 10**9 "lol"s (3 GB) in a parser that expands entities."""
    entities = [b'<!ENTITY lol0 "lol">']
    entities += [b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10)]
    return b"<!DOCTYPE lolz [" + b"".join(entities) + b"]>"


_LAUGHS = _billion_laughs()


def _shared_strings(prolog: bytes, text: bytes) -> bytes:
    head = b'<?xml version="1.0" encoding="UTF-8"?>' + prolog
    return head + b"<sst " + _SPREADSHEET + b' count="1" uniqueCount="1"><si><t>' + text + b"</t></si></sst>"


def _add_shared_strings(base: Path, path: Path, xml: bytes) -> Path:
    """``base`` with a sharedStrings part (declared in the content types and the workbook's relationships)."""
    source = base.read_bytes()
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        types = archive.read("[Content_Types].xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    types = types.replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.sharedStrings+xml"/></Types>',
    )
    rels = rels.replace(
        b"</Relationships>",
        b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        b'Target="sharedStrings.xml" Id="rId99"/></Relationships>',
    )
    replace: dict[str, bytes | None] = {"[Content_Types].xml": types, "xl/_rels/workbook.xml.rels": rels}
    path.write_bytes(rewrite(source, replace, {"xl/sharedStrings.xml": xml}))
    return path


def laughs_in_shared_strings(path: Path, base: Path) -> Path:
    return _add_shared_strings(base, path, _shared_strings(_LAUGHS, b"&lol9;"))


def laughs_in_sheet(path: Path, base: Path) -> Path:
    """The billion laughs in the cadre sheet itself, expanded inside an inline-string cell."""
    source = base.read_bytes()
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        sheet = archive.read(CADRE_SHEET)
    sheet = sheet.replace(b"<is><t>Nguy", b"<is><t>&lol9;Nguy", 1)
    path.write_bytes(rewrite(source, {CADRE_SHEET: b'<?xml version="1.0"?>' + _LAUGHS + sheet}))
    return path


def external_entity(path: Path, base: Path) -> Path:
    """XXE: a shared string that would pull in a local file's content."""
    prolog = b'<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file://' + SECRET_FILE.encode() + b'">]>'
    return _add_shared_strings(base, path, _shared_strings(prolog, b"&xxe;"))


def padded_prolog(path: Path, base: Path) -> Path:
    """The DTD pushed 100 KB down the file behind a comment, past any look at the first bytes only."""
    prolog = b"<!--" + b" " * 100_000 + b"-->" + _LAUGHS
    return _add_shared_strings(base, path, _shared_strings(prolog, b"&lol9;"))


def utf16_entity(path: Path, base: Path) -> Path:
    """The XXE again, in a part encoded in UTF-16 (a byte search for ``<!DOCTYPE`` in UTF-8 misses it)."""
    xml = _shared_strings(b'<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file://' + SECRET_FILE.encode() + b'">]>', b"&xxe;")
    text = xml.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return _add_shared_strings(base, path, text.encode("utf-16"))


# --------------------------------------------------------------------------------------------- size attacks

BOMB_BYTES = 300 * 1024 * 1024  # above the importer's limit on the archive's whole uncompressed size


def _blank_sheet(total: int) -> Iterator[bytes]:
    yield b"<worksheet " + _SPREADSHEET + b"><sheetData>"
    chunk = b" " * (4 * 1024 * 1024)
    for _ in range(total // len(chunk)):
        yield chunk
    yield b"</sheetData></worksheet>"


def zip_bomb(path: Path, base: Path) -> Path:
    """The cadre sheet made of 300 MB of blanks: an honest archive of ~300 KB declaring what it holds."""
    return _with_entry(base, path, CADRE_SHEET, _blank_sheet(BOMB_BYTES))


def _find_central(data: bytes, name: str) -> int:
    at = data.rindex(b"PK\x05\x06")
    offset = struct.unpack_from("<I", data, at + 16)[0]
    while data[offset : offset + 4] == b"PK\x01\x02":
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, offset + 28)
        if data[offset + 46 : offset + 46 + name_len] == name.encode():
            return offset
        offset += 46 + name_len + extra_len + comment_len
    raise KeyError(name)


def declared_huge(path: Path, base: Path) -> Path:
    """A small cadre sheet whose central-directory entry claims 4 GB uncompressed."""
    data = bytearray(base.read_bytes())
    struct.pack_into("<I", data, _find_central(bytes(data), CADRE_SHEET) + 24, 0xFFFFFFF0)
    path.write_bytes(bytes(data))
    return path


def declared_tiny(path: Path, base: Path) -> Path:
    """A 300 MB cadre sheet whose directory claims 2 KB, with the checksum of those 2 KB: a reader that trusts
    the declared size (and checks the CRC only over what it declared) would let the rest through."""
    _with_entry(base, path, CADRE_SHEET, _blank_sheet(BOMB_BYTES))
    head = b"".join(itertools.islice(_blank_sheet(BOMB_BYTES), 2))[:2048]
    data = bytearray(path.read_bytes())
    at = _find_central(bytes(data), CADRE_SHEET)
    struct.pack_into("<I", data, at + 16, zlib.crc32(head))
    struct.pack_into("<I", data, at + 24, len(head))
    path.write_bytes(bytes(data))
    return path


def far_away_cell(path: Path, base: Path) -> Path:
    """A normal return whose cadre sheet declares A1:XFD1048576 and holds one text cell at XFD1048576."""
    source = base.read_bytes()
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        sheet = archive.read(CADRE_SHEET)
    start = sheet.index(b'<dimension ref="')
    sheet = sheet[:start] + b'<dimension ref="A1:XFD1048576"' + sheet[sheet.index(b"/>", start) - 1 :]
    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path.write_bytes(rewrite(source, {CADRE_SHEET: sheet.replace(b"</sheetData>", far + b"</sheetData>")}))
    return path


MILLION = 1_000_000


def _million_rows(numbered: bool) -> Iterator[bytes]:
    yield b"<worksheet " + _SPREADSHEET + b'><dimension ref="A1:C1000001"/><sheetData>'
    yield (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Họ và tên</t></is>'
        '</c><c r="C1" t="inlineStr"><is><t>Năm sinh</t></is></c></row>'
    ).encode()
    step = 20_000
    for first in range(2, MILLION + 2, step):
        if numbered:
            rows = (
                f'<row r="{r}"><c r="A{r}"><v>{r - 1}</v></c><c r="B{r}" t="inlineStr"><is><t>Nguyễn Văn {r}</t>'
                f'</is></c><c r="C{r}"><v>1975</v></c></row>'
                for r in range(first, min(first + step, MILLION + 2))
            )
        else:
            rows = (
                f'<row><c><v>{r - 1}</v></c><c t="inlineStr"><is><t>Nguyễn Văn {r}</t></is></c><c><v>1975</v></c></row>'
                for r in range(first, min(first + step, MILLION + 2))
            )
        yield "".join(rows).encode()
    yield b"</sheetData></worksheet>"


def million_rows(path: Path, base: Path) -> Path:
    """A return whose cadre sheet has a million filled rows (streamed XML, not openpyxl row by row)."""
    return _with_entry(base, path, CADRE_SHEET, _million_rows(numbered=True))


def million_unnumbered_rows(path: Path, base: Path) -> Path:
    """The same without ``r`` attributes on rows and cells (allowed by the format; readers count them)."""
    return _with_entry(base, path, CADRE_SHEET, _million_rows(numbered=False))


def oversized_file(path: Path) -> Path:
    """A 2 GB file (sparse where the file system allows): refused from its size, never read."""
    with path.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(2 * 1024 * 1024 * 1024)
    return path


# --------------------------------------------------------------------------------------------- macros, sheets

VBA_PROJECT = (
    bytes.fromhex("D0CF11E0A1B11AE1")
    + bytes(24)
    + b'Attribute VB_Name = "ThisWorkbook"\r\nSub Workbook_Open()\r\n    Shell "cmd /c calc"\r\nEnd Sub\r\n'
)


def with_macros(path: Path, base: Path) -> Path:
    """The valid return saved as .xlsm with a VBA project whose Workbook_Open would run a shell command."""
    source = base.read_bytes()
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        types = archive.read("[Content_Types].xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    types = types.replace(b"sheet.main+xml", b"sheet.macroEnabled.main+xml").replace(
        b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
    )
    types = types.replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.macroEnabled.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    rels = rels.replace(
        b"</Relationships>",
        b'<Relationship Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
        b'Target="vbaProject.bin" Id="rId98"/></Relationships>',
    )
    replace: dict[str, bytes | None] = {"[Content_Types].xml": types, "xl/_rels/workbook.xml.rels": rels}
    path.write_bytes(rewrite(source, replace, {"xl/vbaProject.bin": VBA_PROJECT}))
    return path


def only_sheet1(path: Path) -> Path:
    """A workbook whose only sheet, "Sheet1", holds unrelated numbers."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    rng = random.Random(3)
    for row in range(1, 30):
        for col in range(1, 6):
            ws.cell(row=row, column=col, value=rng.randint(0, 10_000))
    wb.save(path)
    return path


Builder = Callable[[Path, Path], Path]
