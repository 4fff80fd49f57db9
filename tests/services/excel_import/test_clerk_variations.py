"""Variations found by the messy-period corpus (tests/corpus/): each once refused a good return or miscounted it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from dean_desktop.services.excel_import import analyse_file
from dean_desktop.services.excel_import.values import parse_yes_no
from dean_desktop.services.legacy_text import encode_tcvn3, encode_vni

pytestmark = pytest.mark.usefixtures("store")

Rows = list[list[object]]
INFO: Rows = [["Đơn vị", "Xã Linh Thông"], ["Kỳ báo cáo", "Năm 2019"]]
OFFICE: Rows = [["Có phòng làm việc riêng", "Có"], ["Số máy vi tính", 3]]
EDOC: Rows = [["STT", "Tổ chức", "Trao đổi văn bản điện tử"], [1, "Đảng ủy", "Có"], [2, "UBND", "Không"]]
CADRES: Rows = [["STT", "Họ và tên", "Năm sinh", "Chuyên môn", "Lý luận chính trị"], [1, "Ma Văn An", 1970, "ĐH", "CC"]]


def workbook(path: Path, sheets: dict[str, Rows]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize(("typed", "meaning"), [("-", False), ("Không, dùng chung", False), ("Có (phòng riêng)", True)])
def test_dash_and_phrases_in_a_yes_no_cell(typed: str, meaning: bool) -> None:
    assert parse_yes_no(typed) is meaning


def test_sheets_named_sheet1_to_sheet4_are_recognised_by_what_they_hold(tmp_path: Path) -> None:
    ticks: Rows = [["STT", "Tổ chức", "Trao đổi văn bản điện tử", None], [None, None, "Có", "Không"],
                   [1, "Đảng ủy", "x", None], [2, "UBND", None, "x"]]  # fmt: skip
    path = workbook(tmp_path / "r.xlsx", {"Sheet1": INFO, "Sheet2": OFFICE, "Sheet3": ticks, "Sheet4": CADRES})
    plan = analyse_file(path)
    assert plan.ok, [e.text() for e in plan.errors]
    assert plan.counts == {"office": 1, "edoc": 2, "cadres": 1}
    assert [e.exchanges for e in plan.payload.edoc] == [True, False]


def test_block_headings_are_not_organisations(tmp_path: Path) -> None:
    edoc: Rows = [
        ["STT", "Tổ chức", "Trao đổi văn bản điện tử", "Ghi chú"],
        ["I", "Khối Đảng"],
        [1, "Đảng ủy", "x"],
        [None, None, None, "II. KHỐI CHÍNH QUYỀN"],  # a merged heading that starts in another column
        [2, "UBND", "-"],
    ]
    plan = analyse_file(workbook(tmp_path / "r.xlsx", {"Thông tin chung": INFO, "Văn bản điện tử": edoc}))
    assert plan.ok, [e.text() for e in plan.errors]
    assert [(e.org_name, e.exchanges) for e in plan.payload.edoc] == [("Đảng ủy", True), ("UBND", False)]


def test_a_signature_title_under_the_organisation_column_ends_the_table(tmp_path: Path) -> None:
    edoc: Rows = [
        ["STT", "Trao đổi văn bản điện tử", "Tổ chức"],
        [1, "x", "Đảng ủy"],
        [],
        [None, "Người lập biểu", "CHỦ TỊCH"],
        [None, "(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)"],
        [None, "Ma Văn An", "Lê Thị Hà"],
    ]
    plan = analyse_file(workbook(tmp_path / "r.xlsx", {"Thông tin chung": INFO, "Văn bản điện tử": edoc}))
    assert plan.ok and [e.org_name for e in plan.payload.edoc] == ["Đảng ủy"], [e.text() for e in plan.errors]


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("Ủy ban MTTQ huyện Định Hóa", "Ủy ban MTTQ huyện"),
        ("Hội Cựu chiến binh huyện Định Hóa", "Hội Cựu chiến binh huyện"),
        ("VP Huyện ủy", "Văn phòng Huyện ủy"),
        ("Phòng LĐTB&XH", "Phòng Lao động - Thương binh và Xã hội"),
        ("Phòng Giáo dục - Đào tạo", "Phòng Giáo dục và Đào tạo"),
        ("Hội CCB huyện", "Hội Cựu chiến binh huyện"),
        ("VP HĐND&UBND huyện", "Văn phòng HĐND và UBND huyện"),
        (encode_vni("LAM VĨ"), "Lam Vỹ"),  # "LAM VÓ": also plain Unicode, and nothing else on the sheet is VNI
    ],
)
def test_unit_names_as_agencies_and_clerks_write_them(tmp_path: Path, typed: str, unit: str) -> None:
    info = [["Don vi", typed], ["Kỳ báo cáo", 2019]]
    plan = analyse_file(workbook(tmp_path / "r.xlsx", {"Thông tin chung": info, "Cán bộ": CADRES}))
    assert plan.ok and plan.unit.name == unit, [e.text() for e in plan.errors]


def test_a_short_abbreviation_in_a_vni_sheet_is_read_as_vni(tmp_path: Path) -> None:
    """ "Bí thö" (VNI "Bí thư") also reads as TCVN3; one such guess must not stop "ÑH" (VNI "ĐH") being repaired."""
    people = [
        ("Ma Văn An", "Bí thư", "ĐH"),
        ("Lê Thị Hà", "Phó Chủ tịch", "Thạc sĩ"),
        ("Hà Văn Tùng", "Chủ tịch", "CĐ"),
    ]
    rows: Rows = [[encode_vni(h) for h in ("STT", "Họ và tên", "Năm sinh", "Chức vụ", "Chuyên môn", "LLCT")]]
    rows += [[i, encode_vni(name), 1970, encode_vni(job), encode_vni(edu), "CC"] for i, (name, job, edu) in
             enumerate(people, start=1)]  # fmt: skip
    plan = analyse_file(workbook(tmp_path / "r.xlsx", {"Thông tin chung": INFO, "Cán bộ": rows}))
    assert plan.ok, [e.text() for e in plan.errors]
    assert [(c.position, c.education) for c in plan.payload.cadres] == [
        ("Bí thư", "dai_hoc"), ("Phó Chủ tịch", "thac_si"), ("Chủ tịch", "cao_dang"),
    ]  # fmt: skip


def test_unicode_headers_of_a_sheet_with_one_tcvn3_name_are_left_alone(tmp_path: Path) -> None:
    rows: Rows = [["STT", "Họ và tên", "Năm sinh", "Chuyên môn", "Lý luận chính trị"],
                  [1, encode_tcvn3("Lương Văn Lành"), 1982, "Thạc sĩ", "Trung cấp"]]  # fmt: skip
    plan = analyse_file(workbook(tmp_path / "r.xlsx", {"Thông tin chung": INFO, "Cán bộ": rows}))
    assert plan.ok and [(c.full_name, c.education) for c in plan.payload.cadres] == [("Lương Văn Lành", "thac_si")]


def test_a_column_the_form_lacks_reads_as_blank_even_beside_an_unknown_column(tmp_path: Path) -> None:
    # No "Quản lý nhà nước" or "Ghi chú" column, and an unknown "Quê quán" right of the table: its place names are no
    # answer to the fields the sheet lacks.
    cadres: Rows = [
        ["STT", "Họ và tên", "Năm sinh", "Chuyên môn", "Lý luận chính trị", "Quê quán"],
        [1, "Ma Văn An", 1970, "ĐH", "CC", "Định Hóa"],
        [2, "Hà Thị Bình", 1982, "ĐH", "TC", "TP Thái Nguyên"],
    ]
    plan = analyse_file(workbook(tmp_path / "r.xlsx", {"Thông tin chung": INFO, "Cán bộ": cadres}))
    assert plan.ok, [e.text() for e in plan.errors]
    assert [(c.state_mgmt, c.notes, c.major) for c in plan.payload.cadres] == [("", "", ""), ("", "", "")]
    assert any('cột "Quê quán": cột không có trong mẫu (cột F)' in w.text() for w in plan.warnings)
