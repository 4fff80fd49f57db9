""".ods (LibreOffice) and .xlsb returns import like .xlsx, behind the same safety checks (PRODUCT.md §4).

The .ods files are written by a real LibreOffice from returns built here; without `soffice` those tests are skipped
(.ci/run installs libreoffice-calc-nogui). Nothing free writes .xlsb (LibreOffice cannot), so the .xlsb returns are
written here record by record (MS-XLSB: BrtBundleSh, BrtWsDim, BrtRowHdr, BrtCellSt, BrtCellReal) — enough for
python-calamine to read them as it reads Excel's, not a file Excel itself saved.
"""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import time
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from dean_desktop.models import Cadre, EdocOrg, UnitReturn
from dean_desktop.services.excel_import import analyse_file, import_files
from dean_desktop.services.indicators import indicator_report
from dean_desktop.services.legacy_text import encode_tcvn3

from .builders import Messy, build_return, cadre, office

pytestmark = pytest.mark.usefixtures("store")

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

PEOPLE = [
    cadre("Nguyễn Văn An", 1975, "Thạc sĩ", "Cao cấp", major="Luật"),
    cadre("Trần Thị Bình", 1980, "Đại học", "Cử nhân", gender="Nữ", ethnicity="Tày", state_mgmt="Chuyên viên chính"),
    cadre("Hoàng Văn Cường", 1968, "Trung cấp", "Trung cấp", ethnicity="Nùng", position="Phó Chủ tịch"),
]
OFFICE = office(True, floor_area=34.5, computers=3, printers=2, scanners=1, internet=True, staff=4,
                procedures_posted=False, in_use_since=date(2016, 11, 25), notes="Phòng mới")  # fmt: skip
EDOC = [("Đảng ủy", True, date(2017, 3, 1)), ("UBND", True), ("Hội Nông dân", False)]
STYLES = {
    "clean": Messy(),
    "messy": Messy(title_rows=2, reorder=True, signature=True, abbreviations=True, numbering_row=True,
                   text_numbers=True, date_format="%d/%m/%Y", split_gender=True, meta=("05539", "2017")),
    "tcvn3": Messy(encoding="tcvn3", title_rows=1),
    "vni": Messy(encoding="vni", alias_headers=True),
}  # fmt: skip


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Each style's .xlsx return and the .ods LibreOffice saves from it (one soffice run for all)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("ods")
    sources = {
        name: build_return(folder / f"{name}.xlsx", office=OFFICE, edoc=EDOC, cadres=PEOPLE, style=style)
        for name, style in STYLES.items()
    }
    profile = folder / "profile"  # its own profile: another soffice running on the machine must not be joined
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "ods", "--outdir",
         str(folder / "out"), *map(str, sources.values())],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return {name: (path, folder / "out" / f"{name}.ods") for name, path in sources.items()}


@needs_libreoffice
def test_a_program_written_formula_is_refused_until_the_file_is_opened_and_saved(tmp_path: Path) -> None:
    """What the refusal asks the sender to do works: LibreOffice computes and saves the results."""
    path = build_return(tmp_path / "r.xlsx", office=OFFICE, edoc=EDOC)
    book = openpyxl.load_workbook(path)
    book["Văn bản điện tử"]["C3"] = '=IF(1=1,"Có","Không")'
    book.save(path)
    assert [(e.sheet, e.row, e.column) for e in analyse_file(path).errors] == [("Văn bản điện tử", 3, "C")]
    profile = tmp_path / "profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "xlsx", "--outdir",
         str(tmp_path / "saved"), str(path)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    plan = analyse_file(tmp_path / "saved" / "r.xlsx")
    assert plan.ok and [(e.org_name, e.exchanges) for e in plan.payload.edoc][1] == ("UBND", True)


def _same_return(a: Path, b: Path) -> None:
    first, second = analyse_file(a), analyse_file(b)
    assert first.ok and second.ok, [e.text() for e in first.errors + second.errors]
    assert (second.unit, second.period) == (first.unit, first.period)
    assert replace(second.payload, source_file="", file_hash="") == replace(first.payload, source_file="", file_hash="")


@needs_libreoffice
@pytest.mark.parametrize("style", list(STYLES))
def test_a_libreoffice_ods_return_reads_exactly_as_its_xlsx_original(
    converted: dict[str, tuple[Path, Path]], style: str
) -> None:
    """Legacy TCVN3/VNI text too: in an .ods the fonts are not read, the text tells the encoding."""
    _same_return(*converted[style])


@needs_libreoffice
def test_importing_the_ods_gives_the_figures_of_the_xlsx(converted: dict[str, tuple[Path, Path]]) -> None:
    xlsx, ods = converted["messy"]
    assert import_files([xlsx])[0].ok
    figures = {i.code: (i.value, i.numerator, i.denominator) for i in indicator_report().indicators}
    stored = sorted((c.full_name, c.education, c.political_theory) for c in Cadre.select())
    UnitReturn.delete().execute()
    outcome = import_files([ods])[0]
    assert outcome.ok and outcome.counts == {"office": 1, "edoc": 3, "cadres": 3}
    assert {i.code: (i.value, i.numerator, i.denominator) for i in indicator_report().indicators} == figures
    assert sorted((c.full_name, c.education, c.political_theory) for c in Cadre.select()) == stored
    assert EdocOrg.select().count() == 3


@needs_libreoffice
def test_a_hidden_sheet_in_an_ods_is_known_as_hidden(converted: dict[str, tuple[Path, Path]]) -> None:
    """The `_meta` sheet of the app's forms stays hidden in LibreOffice; the typed unit is checked against it."""
    plan = analyse_file(converted["messy"][1])
    assert plan.unit.code == "05539" and not any("_meta" in w.text() for w in plan.warnings)


def _zip(entries: dict[str, bytes], first: tuple[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if first is not None:
            archive.writestr(zipfile.ZipInfo(first[0]), first[1])  # stored, as LibreOffice writes the mimetype
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


ODS_MIMETYPE = ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet")
ODS_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
    b'<table:table table:name="C\xc3\xa1n b\xe1\xbb\x99">'
)
ODS_TAIL = b"</table:table></office:spreadsheet></office:body></office:document-content>"
MANIFEST = b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="x"/>'


def _ods(tmp_path: Path, rows: bytes, head: bytes = ODS_HEAD, manifest: bytes = MANIFEST) -> Path:
    path = tmp_path / "bao_cao.ods"
    path.write_bytes(_zip({"content.xml": head + rows + ODS_TAIL, "META-INF/manifest.xml": manifest}, ODS_MIMETYPE))
    return path


def _refused(path: Path) -> str:
    started = time.perf_counter()
    plan = analyse_file(path)
    assert time.perf_counter() - started < 5
    assert not plan.ok and plan.payload is None
    return plan.errors[0].text()


def test_an_ods_claiming_a_million_rows_of_data_is_refused_unread(tmp_path: Path) -> None:
    """A few bytes repeat one row a million times: calamine would build the whole rectangle."""
    rows = (
        b'<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string">'
        b"<text:p>x</text:p></table:table-cell></table:table-row>"
    )
    assert "quá nhiều dòng (có dữ liệu ở dòng 1.000.000" in _refused(_ods(tmp_path, rows))


def test_an_ods_with_a_cell_repeated_far_to_the_right_is_refused(tmp_path: Path) -> None:
    rows = (
        b'<table:table-row><table:table-cell table:number-columns-repeated="20000" office:value-type="float" '
        b'office:value="1"/></table:table-row>'
    )
    assert "quá nhiều cột" in _refused(_ods(tmp_path, rows))


def test_an_ods_with_empty_rows_repeated_to_the_end_is_read(tmp_path: Path) -> None:
    """LibreOffice itself writes the empty rest of a sheet as one row repeated 1,048,574 times."""
    rows = (
        b'<table:table-row><table:table-cell office:value-type="string"><text:p>H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan'
        b'</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048574">'
        b'<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    assert _refused(_ods(tmp_path, rows)).startswith('Thiếu trang tính "Thông tin chung"')


def test_an_ods_with_an_entity_bomb_is_refused(tmp_path: Path) -> None:
    head = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>' + ODS_HEAD[38:]
    assert "XML không an toàn" in _refused(_ods(tmp_path, b"", head=head))


def test_a_password_protected_ods_is_refused_with_what_to_do(tmp_path: Path) -> None:
    manifest = MANIFEST.replace(b"/>", b"><manifest:encryption-data/></manifest:manifest>")
    assert "bỏ mật khẩu" in _refused(_ods(tmp_path, b"", manifest=manifest))


def test_an_ods_formula_without_a_saved_result_is_refused(tmp_path: Path) -> None:
    info = (
        b'</table:table><table:table table:name="Th\xc3\xb4ng tin chung"><table:table-row>'
        b'<table:table-cell office:value-type="string"><text:p>\xc4\x90\xc6\xa1n v\xe1\xbb\x8b</text:p>'
        b'</table:table-cell><table:table-cell table:formula="of:=&quot;Linh Th&quot;"/></table:table-row>'
    )
    message = _refused(_ods(tmp_path, info))
    assert message.startswith('Thông tin chung, dòng 1, cột "B": ô B1 có công thức nhưng chưa có kết quả được lưu')


def test_a_text_document_renamed_ods_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bao_cao.ods"
    path.write_bytes(_zip({"content.xml": b"<x/>"}, ("mimetype", b"application/vnd.oasis.opendocument.text")))
    assert "không phải bảng tính" in _refused(path)


# --------------------------------------------------------------------------------------------- .xlsb


def _record(kind: int, payload: bytes) -> bytes:
    """One BIFF12 record: type and size as 7-bit varints, then the payload."""

    def varint(value: int) -> bytes:
        out = bytearray()
        while True:
            out.append((value & 0x7F) | (0x80 if value > 0x7F else 0))
            value >>= 7
            if not value:
                return bytes(out)

    return varint(kind) + varint(len(payload)) + payload


def _xlsb(tmp_path: Path, sheet: bytes, extra: dict[str, bytes] | None = None) -> Path:
    path = tmp_path / "bao_cao.xlsb"
    parts = {"[Content_Types].xml": b"<Types/>", "xl/workbook.bin": b"", "xl/worksheets/sheet1.bin": sheet}
    path.write_bytes(_zip({**parts, **(extra or {})}))
    return path


def _number_cell(row: int, column: int) -> bytes:
    return _record(0x0000, struct.pack("<I", row) + bytes(13)) + _record(
        0x0005, struct.pack("<I", column) + bytes(4) + struct.pack("<d", 1.0)
    )


def test_an_xlsb_with_a_value_a_million_rows_down_is_refused_unread(tmp_path: Path) -> None:
    path = _xlsb(tmp_path, _number_cell(0, 0) + _number_cell(1_000_000, 0))
    assert "quá nhiều dòng (có dữ liệu ở dòng 1.000.001" in _refused(path)


def test_an_xlsb_with_a_value_far_to_the_right_is_refused(tmp_path: Path) -> None:
    assert "quá nhiều cột (có dữ liệu ở cột XFD" in _refused(_xlsb(tmp_path, _number_cell(0, 16383)))


def test_a_truncated_xlsb_record_is_refused_as_broken(tmp_path: Path) -> None:
    assert "bị hỏng" in _refused(_xlsb(tmp_path, _number_cell(0, 0)[:-3]))


def test_an_xlsb_zip_bomb_is_refused_from_the_declared_sizes(tmp_path: Path) -> None:
    path = _xlsb(tmp_path, b"", {"xl/worksheets/sheet2.bin": bytes(30 * 1024 * 1024)})
    assert "dung lượng giải nén bất thường" in _refused(path)


def test_an_xlsb_with_a_dtd_in_its_relationships_is_refused(tmp_path: Path) -> None:
    rels = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Relationships/>'
    assert "XML không an toàn" in _refused(_xlsb(tmp_path, b"", {"xl/_rels/workbook.bin.rels": rels}))


def _wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def _sheet_records(rows: list[list[object]]) -> bytes:
    width = max(len(row) for row in rows)
    data = _record(0x0094, struct.pack("<IIII", 0, len(rows) - 1, 0, width - 1)) + _record(0x0091, b"")  # dim, data
    for r, row in enumerate(rows):
        data += _record(0x0000, struct.pack("<I", r) + bytes(13))  # BrtRowHdr
        for c, value in enumerate(row):
            if isinstance(value, str):
                data += _record(0x0006, struct.pack("<II", c, 0) + _wide(value))  # BrtCellSt
            elif isinstance(value, int | float):
                data += _record(0x0005, struct.pack("<II", c, 0) + struct.pack("<d", float(value)))  # BrtCellReal
    return data + _record(0x0092, b"")  # BrtEndSheetData


def write_xlsb(path: Path, sheets: dict[str, list[list[object]]], hidden: tuple[str, ...] = ()) -> Path:
    """A binary workbook as Excel lays it out, one worksheet part per sheet."""
    book, rels, parts = b"", [], {}
    for index, (name, rows) in enumerate(sheets.items(), start=1):
        state = 1 if name in hidden else 0
        book += _record(0x009C, struct.pack("<II", state, index) + _wide(f"rId{index}") + _wide(name))  # BrtBundleSh
        rels.append(f'<Relationship Id="rId{index}" Target="worksheets/sheet{index}.bin" Type="x"/>')
        parts[f"xl/worksheets/sheet{index}.bin"] = _sheet_records(rows)
    parts["xl/workbook.bin"] = book + _record(0x0090, b"") + _record(0x009D, bytes(14))  # BrtEndBundleShs, BrtCalcProp
    parts["xl/_rels/workbook.bin.rels"] = (
        f'<?xml version="1.0"?><Relationships>{"".join(rels)}</Relationships>'.encode()
    )
    parts["[Content_Types].xml"] = b'<?xml version="1.0"?><Types/>'
    path.write_bytes(_zip(parts))
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]], hidden: tuple[str, ...] = ()) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
        ws.sheet_state = "hidden" if name in hidden else "visible"
    book.save(path)
    return path


XLSB_RETURN: dict[str, list[list[object]]] = {
    "Thông tin chung": [["Đơn vị", "Xã Linh Thông"], ["Kỳ báo cáo", "Năm 2017"], ["Người lập", "Nguyễn Văn Lập"]],
    "Một cửa": [["Có phòng làm việc riêng", "Có"], ["Diện tích phòng (m²)", "34,5"], ["Số máy vi tính", 3],
                ["Kết nối Internet", "x"]],
    "Văn bản điện tử": [["STT", "Tổ chức", "Trao đổi văn bản điện tử"], [1, "Đảng ủy", "Có"], [2, "UBND", "Không"]],
    "Cán bộ": [  # typed with a TCVN3 keyboard, as many district offices still do
        [encode_tcvn3(text) for text in ("STT", "Họ và tên", "Năm sinh", "Chức vụ", "Chuyên môn", "Lý luận chính trị")],
        [1, encode_tcvn3("Nguyễn Văn An"), 1975, encode_tcvn3("Chủ tịch"), "Th.S", encode_tcvn3("Cao cấp")],
        [2, encode_tcvn3("Lương Thị Bình"), 1980, encode_tcvn3("Phó Chủ tịch"), encode_tcvn3("Đại học"), "TC"],
    ],
    "_meta": [["unit_code", "05539"], ["period", "2017"]],
}  # fmt: skip


def test_an_xlsb_return_reads_exactly_as_the_same_return_in_xlsx(tmp_path: Path) -> None:
    """TCVN3 text too, found from the text (an .xlsb's fonts are not read); the hidden _meta sheet stays hidden."""
    xlsb = write_xlsb(tmp_path / "lt.xlsb", XLSB_RETURN, hidden=("_meta",))
    _same_return(write_xlsx(tmp_path / "lt.xlsx", XLSB_RETURN, hidden=("_meta",)), xlsb)
    plan = analyse_file(xlsb)
    assert [(c.full_name, c.position, c.education) for c in plan.payload.cadres] == [
        ("Nguyễn Văn An", "Chủ tịch", "thac_si"), ("Lương Thị Bình", "Phó Chủ tịch", "dai_hoc"),
    ]  # fmt: skip
    assert any("TCVN3" in w.text() for w in plan.warnings)
    outcome = import_files([xlsb])[0]
    assert outcome.ok and outcome.counts == {"office": 1, "edoc": 2, "cadres": 2}


def test_a_hidden_stale_sheet_in_an_xlsb_is_left_out(tmp_path: Path) -> None:
    stale = [XLSB_RETURN["Cán bộ"][0], [1, "Nguyễn Văn Cũ", 1960, "Chủ tịch", "TC", "TC"]]
    sheets = {**XLSB_RETURN, "Cán bộ": stale, "Cán bộ (2)": XLSB_RETURN["Cán bộ"]}
    plan = analyse_file(write_xlsb(tmp_path / "lt.xlsb", sheets, hidden=("_meta", "Cán bộ")))
    assert plan.ok and [c.full_name for c in plan.payload.cadres] == ["Nguyễn Văn An", "Lương Thị Bình"]


def test_an_xlsb_naming_a_shared_string_it_does_not_hold_is_refused_as_broken(tmp_path: Path) -> None:
    """calamine would panic on it (a Rust panic reaches Python as a BaseException, past `except Exception`)."""
    cell = _record(0x0000, bytes(17)) + _record(0x0007, struct.pack("<III", 0, 0, 99))  # BrtCellIsst, index 99
    assert "bị hỏng" in _refused(_xlsb(tmp_path, cell))
