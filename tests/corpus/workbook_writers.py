"""A tiny in-memory sheet model and two writers for it: openpyxl (.xlsx) and a minimal BIFF8 writer (.xls, Excel 97).

The .xls writer needs no package beyond the standard library: it writes the records a reader needs (BOF, CODEPAGE,
XF, BOUNDSHEET, LABEL, NUMBER, MERGEDCELLS, EOF) into an OLE2 compound file with a single ``Workbook`` stream.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font


@dataclass
class Sheet:
    """Cells keyed by 1-based (row, column); merges as (first row, first col, last row, last col)."""

    name: str
    cells: dict[tuple[int, int], object] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    fonts: dict[tuple[int, int], str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # layout choices, for reports; not written

    def put(self, row: int, col: int, value: object, merge_to: int | None = None) -> None:
        if value is None or value == "":
            return
        self.cells[(row, col)] = value
        if merge_to is not None and merge_to > col:
            self.merges.append((row, col, row, merge_to))


def write_xlsx(sheets: list[Sheet], path: Path) -> None:
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        ws = book.create_sheet(sheet.name)
        for (row, col), value in sheet.cells.items():
            cell = ws.cell(row=row, column=col, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text
                if "\n" in value:
                    cell.alignment = Alignment(wrap_text=True)
            font = sheet.fonts.get((row, col))
            if font:
                cell.font = Font(name=font)
        for first_row, first_col, last_row, last_col in sheet.merges:
            ws.merge_cells(start_row=first_row, start_column=first_col, end_row=last_row, end_column=last_col)
    book.save(path)


# ---------------------------------------------------------------------------------------------------------------
# BIFF8 (.xls)
# ---------------------------------------------------------------------------------------------------------------
_XF_GENERAL, _XF_DATE = 15, 16  # after the 15 style XFs Excel always writes


def _record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _bof(kind: int) -> bytes:
    return _record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 0x06))


def _xf(number_format: int, style: bool) -> bytes:
    kind = 0xFFF5 if style else 0x0001  # style XF / cell XF whose parent is style 0
    return _record(0x00E0, struct.pack("<HHHBBBBIIH", 0, number_format, kind, 0x20, 0, 0, 0, 0, 0, 0x20C0))


def _font() -> bytes:
    name = "Arial".encode("utf-16-le")
    return _record(0x0031, struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0) + bytes([5, 1]) + name)


def _serial(day: date) -> float:
    return float((day - date(1899, 12, 30)).days)


def _sheet_stream(sheet: Sheet) -> bytes:
    body = [_bof(0x0010)]
    rows = [r for r, _ in sheet.cells] or [1]
    cols = [c for _, c in sheet.cells] or [1]
    body.append(_record(0x0200, struct.pack("<IIHHH", 0, max(rows), 0, max(cols), 0)))
    for (row, col), value in sorted(sheet.cells.items()):
        r, c = row - 1, col - 1
        if isinstance(value, (date, datetime)):
            day = value.date() if isinstance(value, datetime) else value
            body.append(_record(0x0203, struct.pack("<HHHd", r, c, _XF_DATE, _serial(day))))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            body.append(_record(0x0203, struct.pack("<HHHd", r, c, _XF_GENERAL, float(value))))
        else:
            text = str(value)
            encoded = text.encode("utf-16-le")
            body.append(_record(0x0204, struct.pack("<HHHHB", r, c, _XF_GENERAL, len(encoded) // 2, 1) + encoded))
    if sheet.merges:
        ranges = b"".join(struct.pack("<HHHH", r1 - 1, r2 - 1, c1 - 1, c2 - 1) for r1, c1, r2, c2 in sheet.merges)
        body.append(_record(0x00E5, struct.pack("<H", len(sheet.merges)) + ranges))
    body.append(_record(0x000A, b""))
    return b"".join(body)


def _workbook_stream(sheets: list[Sheet]) -> bytes:
    head = [_bof(0x0005), _record(0x0042, struct.pack("<H", 1200))]
    head += [_font() for _ in range(5)]
    head += [_xf(0, True) for _ in range(15)] + [_xf(0, False), _xf(14, False)]
    names = [s.name.encode("utf-16-le") for s in sheets]
    sheet_records_len = sum(4 + 6 + 2 + len(n) for n in names)
    offset = sum(len(h) for h in head) + sheet_records_len + 4  # + EOF
    bodies = [_sheet_stream(s) for s in sheets]
    bound = []
    for name, body in zip(names, bodies, strict=True):
        bound.append(_record(0x0085, struct.pack("<IBBBB", offset, 0, 0, len(name) // 2, 1) + name))
        offset += len(body)
    return b"".join(head + bound + [_record(0x000A, b"")] + bodies)


_FREE, _END, _FAT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _dir_entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", _NOSTREAM, _NOSTREAM, child)
        + b"\0" * 36
        + struct.pack("<IQ", start, size)
    )


def _compound_file(stream: bytes) -> bytes:
    """One ``Workbook`` stream in an OLE2 (version 3, 512-byte sectors) container, kept out of the mini stream."""
    stream = stream.ljust(4096, b"\0")
    size = len(stream)
    stream = stream.ljust(-(-size // 512) * 512, b"\0")
    data_sectors = len(stream) // 512
    fat_sectors = 1
    while fat_sectors * 128 < fat_sectors + 1 + data_sectors:
        fat_sectors += 1
    first_data = fat_sectors + 1
    fat = [_FAT] * fat_sectors + [_END]
    fat += [first_data + i + 1 for i in range(data_sectors - 1)] + [_END]
    fat += [_FREE] * (fat_sectors * 128 - len(fat))
    difat = list(range(fat_sectors)) + [_FREE] * (109 - fat_sectors)
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, fat_sectors, fat_sectors, 0, 4096, _END, 0, _END, 0)
        + struct.pack("<109I", *difat)
    )
    directory = (
        _dir_entry("Root Entry", 5, 1, _END, 0)
        + _dir_entry("Workbook", 2, _NOSTREAM, first_data, size)
        + _dir_entry("", 0, _NOSTREAM, 0, 0) * 2
    )
    return header + struct.pack(f"<{len(fat)}I", *fat) + directory + stream


def write_xls(sheets: list[Sheet], path: Path) -> None:
    path.write_bytes(_compound_file(_workbook_stream(sheets)))
