"""Files that are not readable returns are refused quickly, with a Vietnamese message and nothing written."""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from dean_desktop.models import ImportRecord, UnitReturn
from dean_desktop.services.excel_import import analyse_file, apply_plan, import_files

from .builders import build_return, cadre

pytestmark = pytest.mark.usefixtures("store")


def _refused(path: Path) -> str:
    started = time.perf_counter()
    plan = analyse_file(path)
    assert time.perf_counter() - started < 5
    assert not plan.ok and plan.payload is None
    outcome = apply_plan(plan)
    assert outcome.status == "rejected"
    assert UnitReturn.select().count() == 0
    assert ImportRecord.get().status == "rejected"
    return plan.errors[0].text()


def _workbook_bytes() -> bytes:
    buffer = io.BytesIO()
    wb = openpyxl.Workbook()
    wb.active["A1"] = "x"
    wb.save(buffer)
    return buffer.getvalue()


def test_a_text_file_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "bao_cao.xlsx"
    path.write_text("Đơn vị: Linh Thông\nKỳ báo cáo: Năm 2017\n", encoding="utf-8")
    assert "không phải là bảng tính Excel" in _refused(path)


def test_a_pdf_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "bao_cao.xlsx"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert "không phải là bảng tính Excel" in _refused(path)


def test_a_word_document_renamed_xlsx(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    path = tmp_path / "bao_cao.xlsx"
    path.write_bytes(buffer.getvalue())
    assert "tệp Word" in _refused(path)


def test_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "rong.xlsx"
    path.write_bytes(b"")
    assert "rỗng" in _refused(path)


def test_a_truncated_workbook(tmp_path: Path) -> None:
    data = _workbook_bytes()
    path = tmp_path / "dang_tai.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert "bị hỏng hoặc không đầy đủ" in _refused(path)


def test_a_password_protected_workbook(tmp_path: Path) -> None:
    """Excel saves an encrypted workbook as an OLE2 compound file with EncryptionInfo/EncryptedPackage streams."""
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    directory = "Root Entry".encode("utf-16-le").ljust(128, b"\0")
    directory += "EncryptionInfo".encode("utf-16-le").ljust(128, b"\0")
    directory += "EncryptedPackage".encode("utf-16-le").ljust(128, b"\0")
    path = tmp_path / "mat_khau.xlsx"
    path.write_bytes(header + directory + bytes(2048))
    message = _refused(path)
    assert "mật khẩu" in message and "bỏ mật khẩu" in message


def test_a_zip_bomb_is_refused_from_the_declared_sizes(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 1024 * 1024))
    path = tmp_path / "bom.xlsx"
    path.write_bytes(buffer.getvalue())
    assert "dung lượng giải nén bất thường" in _refused(path)


def test_an_xml_entity_bomb_is_refused(tmp_path: Path) -> None:
    source = io.BytesIO(_workbook_bytes())
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "xl/sharedStrings.xml" or item.filename == "xl/workbook.xml":
                bomb = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
                data = bomb + data.split(b"?>", 1)[-1]
            archive.writestr(item, data)
    path = tmp_path / "xml_bom.xlsx"
    path.write_bytes(buffer.getvalue())
    assert "XML không an toàn" in _refused(path)


def test_one_far_away_cell_is_left_out_and_the_rest_judged(tmp_path: Path) -> None:
    """Read within the form's bounds: the stray cell is named in a warning, never walked to (a real million rows
    is refused: tests/services/test_hostile_files.py)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cán bộ"
    ws["A1"] = "Họ và tên"
    ws["J1000000"] = "xa"
    wb.save(tmp_path / "trieu_dong.xlsx")
    assert _refused(tmp_path / "trieu_dong.xlsx").startswith('Thiếu trang tính "Thông tin chung"')
    warning = ImportRecord.get().warnings
    assert "J1000000" in warning and "ngoài vùng biểu mẫu" in warning


def test_a_workbook_without_any_expected_sheet_names_the_sheets_it_has(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Sheet1"
    wb.create_sheet("Tổng hợp")["A1"] = "số liệu"
    wb.save(tmp_path / "khac.xlsx")
    message = _refused(tmp_path / "khac.xlsx")
    assert message.startswith("Không tìm thấy trang tính nào của mẫu báo cáo")
    assert 'các trang tính có trong tệp: "Sheet1", "Tổng hợp"' in message


def test_a_return_without_thong_tin_chung(tmp_path: Path) -> None:
    path = build_return(tmp_path / "r.xlsx", cadres=[cadre("Nguyễn Văn An")])
    wb = openpyxl.load_workbook(path)
    del wb["Thông tin chung"]
    wb.save(path)
    message = _refused(path)
    assert message.startswith('Thiếu trang tính "Thông tin chung"') and '"Cán bộ"' in message


def test_a_missing_file_is_refused_not_raised(tmp_path: Path) -> None:
    outcomes = import_files([tmp_path / "khong_co.xlsx"])
    assert outcomes[0].status == "rejected" and "Không tìm thấy tệp" in outcomes[0].errors[0].message


def test_a_folder_import_names_every_file_it_did_not_read_and_why(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    build_return(folder / "a.xlsx", cadres=[cadre("Nguyễn Văn An")])
    (folder / "~$a.xlsx").write_bytes(b"lock")
    (folder / ".~lock.b.ods#").write_text("x")
    (folder / "ghi_chu.txt").write_text("x")
    (folder / "bao_linh.csv").write_text("Đơn vị;Bảo Linh", encoding="utf-8")
    (folder / "phu_dinh.pdf").write_bytes(b"%PDF-1.4")
    outcomes = import_files([folder])
    assert [(Path(o.file).name, o.status) for o in outcomes] == [
        ("a.xlsx", "imported"), (".~lock.b.ods#", "skipped"), ("bao_linh.csv", "skipped"), ("ghi_chu.txt", "skipped"),
        ("phu_dinh.pdf", "skipped"), ("~$a.xlsx", "skipped"),
    ]  # fmt: skip
    reasons = {Path(o.file).name: o.errors[0].message for o in outcomes[1:]}
    assert "tệp khóa của LibreOffice" in reasons[".~lock.b.ods#"]
    assert "tệp CSV" in reasons["bao_linh.csv"] and "lưu thành .xlsx" in reasons["bao_linh.csv"]
    assert "(.txt)" in reasons["ghi_chu.txt"] and "PDF" in reasons["phu_dinh.pdf"]
    assert "tệp tạm của Excel" in reasons["~$a.xlsx"]
    assert ImportRecord.select().count() == 1  # skipped files never reach the import history


def test_cell_tags_written_otherwise_are_measured_and_read_the_same(tmp_path: Path) -> None:
    """A program that writes an attribute Excel does not (here on every cell) takes the archive check's general path;
    the return reads exactly as written."""
    path = build_return(tmp_path / "chuan.xlsx", cadres=[cadre("Nguyễn Văn An", 1975, "Đại học", "Cao cấp")])
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as original, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in original.infolist():
            data = original.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'(<c r="[A-Z]+[0-9]+")', rb'\1 data-x="1"', data)
            archive.writestr(item, data)
    other = tmp_path / "khac.xlsx"
    other.write_bytes(buffer.getvalue())
    read, plain = analyse_file(other), analyse_file(path)
    assert read.ok and read.payload.cadres == plain.payload.cadres
