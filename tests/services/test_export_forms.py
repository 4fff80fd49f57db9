"""Blank unit-return forms: the sheets and labels of PRODUCT.md §4, dropdowns, protection, print setup, safety."""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from dean_desktop.models import Unit
from dean_desktop.services.excel_export import (
    FormExportError,
    export_forms,
    form_file_name,
    set_value,
    units_for_forms,
    write_only_cell,
)
from dean_desktop.services.excel_export.form_sheets import wrapped_lines
from dean_desktop.services.periods import parse_period
from dean_desktop.services.units import list_units

# The contract, typed out from PRODUCT.md §4 rather than imported from the code under test.
INFO_LABELS = ["Đơn vị", "Kỳ báo cáo", "Ngày lập", "Người lập", "Điện thoại"]
OFFICE_LABELS = [
    "Có phòng làm việc riêng",
    "Diện tích phòng (m²)",
    "Số máy vi tính",
    "Số máy in",
    "Số máy quét",
    "Kết nối Internet",
    "Số công chức làm việc",
    "Niêm yết công khai TTHC",
    "Ngày đưa vào sử dụng",
    "Ghi chú",
]
EDOC_HEADERS = ["STT", "Tổ chức", "Trao đổi văn bản điện tử", "Từ ngày", "Ghi chú"]
CADRE_HEADERS = [
    "STT",
    "Họ và tên",
    "Năm sinh",
    "Giới tính",
    "Dân tộc",
    "Chức vụ",
    "Chuyên môn",
    "Chuyên ngành",
    "Lý luận chính trị",
    "Quản lý nhà nước",
    "Tin học",
    "Ngoại ngữ",
    "Ghi chú",
]
COMMUNE_SHEETS = ["Thông tin chung", "Một cửa", "Văn bản điện tử", "Cán bộ", "Hướng dẫn", "_meta", "_lists"]
DISTRICT_SHEETS = ["Thông tin chung", "Cán bộ", "Hướng dẫn", "_meta", "_lists"]
REQUIRED = {"Đơn vị", "Kỳ báo cáo", "Có phòng làm việc riêng", "Tổ chức", "Trao đổi văn bản điện tử", "Họ và tên",
            "Năm sinh", "Chuyên môn", "Lý luận chính trị"}  # fmt: skip
TABLES = {"Văn bản điện tử": EDOC_HEADERS, "Cán bộ": CADRE_HEADERS}
LABELS = {"Thông tin chung": INFO_LABELS, "Một cửa": OFFICE_LABELS}
H1_2017 = parse_period("6 tháng đầu năm 2017")


def unit_by_code(code: str):
    return next(u for u in list_units() if u.code == code)


def export_one(tmp_path: Path, code: str, period: str = "6 tháng đầu năm 2017") -> Workbook:
    (path,) = export_forms(tmp_path / "out", parse_period(period), unit_ids=[unit_by_code(code).id])
    return openpyxl.load_workbook(path)


@pytest.fixture
def commune(store: Path, tmp_path: Path) -> Workbook:
    return export_one(tmp_path, "05539")  # Linh Thông


@pytest.fixture
def district(store: Path, tmp_path: Path) -> Workbook:
    return export_one(tmp_path, "H01")  # Văn phòng Huyện ủy


def unmarked(text: str) -> str:
    """The contract's name of a label or header printed with its required mark."""
    name = text.removesuffix(" (*)")
    assert (name != text) == (name in REQUIRED), text  # required ones, and only they, carry the mark
    return name


def labels(ws: Worksheet) -> list[str]:
    return [unmarked(ws.cell(row, 1).value) for row in range(4, ws.max_row + 1) if ws.cell(row, 1).value]


def headers(ws: Worksheet) -> list[str]:
    return [unmarked(c.value) for c in ws[3] if c.value]


def validation_for(ws: Worksheet, coordinate: str):
    found = [dv for dv in ws.data_validations.dataValidation if coordinate in dv.sqref]
    assert len(found) == 1, f"{ws.title}!{coordinate}: {len(found)} validations"
    return found[0]


def defined_values(wb: Workbook, name: str) -> list[str]:
    ((sheet, ref),) = list(wb.defined_names[name].destinations)
    return [row[0].value for row in wb[sheet][ref.replace("$", "")]]


# --------------------------------------------------------------------------- sheets, labels, prefill


def test_commune_form_has_the_sheets_labels_and_headers_of_the_contract(commune: Workbook) -> None:
    assert commune.sheetnames == COMMUNE_SHEETS
    assert labels(commune["Thông tin chung"]) == INFO_LABELS
    assert labels(commune["Một cửa"]) == OFFICE_LABELS
    assert headers(commune["Văn bản điện tử"]) == EDOC_HEADERS
    assert headers(commune["Cán bộ"]) == CADRE_HEADERS
    assert commune.active.title == "Thông tin chung"


def test_district_form_has_only_general_info_and_cadres(district: Workbook) -> None:
    assert district.sheetnames == DISTRICT_SHEETS
    assert labels(district["Thông tin chung"]) == INFO_LABELS
    assert headers(district["Cán bộ"]) == CADRE_HEADERS
    info = district["Thông tin chung"]
    assert (info["B4"].value, info["B5"].value) == ("Văn phòng Huyện ủy", "6 tháng đầu năm 2017")


def test_unit_and_period_are_prefilled(commune: Workbook, tmp_path: Path) -> None:
    info = commune["Thông tin chung"]
    assert (info["A4"].value, info["B4"].value) == ("Đơn vị (*)", "Xã Linh Thông")
    assert (info["A5"].value, info["B5"].value) == ("Kỳ báo cáo (*)", "6 tháng đầu năm 2017")
    assert all(info.cell(row, 2).value is None for row in (6, 7, 8))
    town = export_one(tmp_path / "town", "05536", "Quý III/2018")["Thông tin chung"]
    assert (town["B4"].value, town["B5"].value) == ("Thị trấn Chợ Chu", "Quý III/2018")


def test_edoc_sheet_prefills_the_usual_organisations(commune: Workbook) -> None:
    ws = commune["Văn bản điện tử"]
    rows = [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(4, 12)]
    orgs = ["Đảng ủy", "HĐND", "UBND", "Ủy ban MTTQ", "Hội Phụ nữ", "Đoàn Thanh niên", "Hội Nông dân"]
    assert rows == list(enumerate([*orgs, "Hội Cựu chiến binh"], start=1))
    assert ws.cell(12, 1).value is None and ws.cell(12, 2).value is None


def test_each_sheet_has_a_title_and_a_vietnamese_instruction_line(commune: Workbook) -> None:
    for name in COMMUNE_SHEETS[:4]:
        ws = commune[name]
        assert "Xã Linh Thông" in ws["A1"].value and ws["A1"].font.b
        note = ws["A2"].value
        assert "(*)" in note and "bắt buộc" in note and "Không đổi tên trang tính" in note
        assert "màu" not in note and "mũi tên" not in note  # nothing a printed form cannot show
    assert "A1:M1" in {str(r) for r in commune["Cán bộ"].merged_cells.ranges}


# --------------------------------------------------------------------------- hidden sheets


def test_meta_sheet_is_very_hidden_and_identifies_the_form(commune: Workbook, district: Workbook) -> None:
    meta = commune["_meta"]
    assert meta.sheet_state == "veryHidden"
    pairs = [(meta.cell(r, 1).value, meta.cell(r, 2).value) for r in range(1, 5)]
    assert pairs == [
        ("form", "dean_desktop.unit_return"),
        ("form_version", "1"),
        ("unit_code", "05539"),
        ("period", "2017-H1"),
    ]
    assert meta["B3"].data_type == "s" and meta["B2"].data_type == "s"
    assert district["_meta"]["B3"].value == "H01"


def test_lists_sheet_is_hidden_behind_defined_names(commune: Workbook) -> None:
    assert commune["_lists"].sheet_state == "hidden"
    assert defined_values(commune, "DS_COKHONG") == ["Có", "Không"]
    assert defined_values(commune, "DS_GIOITINH") == ["Nam", "Nữ"]
    assert defined_values(commune, "DS_CHUYENMON") == [
        "Chưa qua đào tạo",
        "Sơ cấp",
        "Trung cấp",
        "Cao đẳng",
        "Đại học",
        "Thạc sĩ",
        "Tiến sĩ",
    ]
    assert defined_values(commune, "DS_LLCT") == ["Chưa qua đào tạo", "Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân"]
    assert defined_values(commune, "DS_QLNN") == [
        "Chưa qua bồi dưỡng",
        "Chuyên viên",
        "Chuyên viên chính",
        "Chuyên viên cao cấp",
    ]
    ethnic = defined_values(commune, "DS_DANTOC")
    assert len(ethnic) == len(set(ethnic)) == 54 and {"Kinh", "Tày", "Nùng", "Dao", "Sán Chay", "Mông"} <= set(ethnic)
    assert "6 tháng đầu năm 2017" in defined_values(commune, "DS_KYBAOCAO")


# --------------------------------------------------------------------------- dropdowns and checks


def test_dropdowns_refer_to_the_lists_and_show_errors(commune: Workbook) -> None:
    expected = {
        ("Một cửa", "B4"): "DS_COKHONG",
        ("Một cửa", "B9"): "DS_COKHONG",
        ("Một cửa", "B11"): "DS_COKHONG",
        ("Văn bản điện tử", "C4"): "DS_COKHONG",
        ("Văn bản điện tử", "C300"): "DS_COKHONG",
        ("Cán bộ", "D4"): "DS_GIOITINH",
        ("Cán bộ", "E10"): "DS_DANTOC",
        ("Cán bộ", "G4"): "DS_CHUYENMON",
        ("Cán bộ", "I4"): "DS_LLCT",
        ("Cán bộ", "J303"): "DS_QLNN",
        ("Thông tin chung", "B5"): "DS_KYBAOCAO",
    }
    for (sheet, cell), name in expected.items():
        dv = validation_for(commune[sheet], cell)
        assert (dv.type, dv.formula1) == ("list", name), (sheet, cell)
        assert dv.showErrorMessage and not dv.showDropDown and dv.allow_blank
        assert dv.errorTitle and dv.error and "trong danh" in dv.error or name in ("DS_DANTOC", "DS_KYBAOCAO")
    # Unknown ethnic groups and hand-written periods are allowed after a warning; Có/Không is strict.
    assert validation_for(commune["Cán bộ"], "E4").errorStyle == "warning"
    assert validation_for(commune["Thông tin chung"], "B5").errorStyle == "warning"
    assert validation_for(commune["Một cửa"], "B4").errorStyle == "stop"


def test_numbers_years_and_dates_are_checked(commune: Workbook) -> None:
    birth = validation_for(commune["Cán bộ"], "C4")
    assert (birth.type, birth.operator, birth.formula1, birth.formula2) == ("whole", "between", "1930", "2010")
    office = commune["Một cửa"]
    for cell in ("B6", "B7", "B8", "B10"):
        dv = validation_for(office, cell)
        assert (dv.type, dv.operator, dv.formula1) == ("whole", "greaterThanOrEqual", "0")
    area = validation_for(office, "B5")
    assert (area.type, area.operator, area.formula1) == ("decimal", "greaterThanOrEqual", "0")
    for sheet, cell in (("Một cửa", "B12"), ("Văn bản điện tử", "D4"), ("Thông tin chung", "B6")):
        assert validation_for(commune[sheet], cell).type == "date"
    all_validations = [dv for ws in commune.worksheets for dv in ws.data_validations.dataValidation]
    assert all_validations and all(dv.showErrorMessage and dv.errorTitle and dv.error for dv in all_validations)


def test_formats_keep_leading_zeros_and_show_dates_day_first(commune: Workbook) -> None:
    info = commune["Thông tin chung"]
    assert info["A8"].value == "Điện thoại" and info["B8"].number_format == "@"
    assert info["B6"].number_format == "dd/mm/yyyy"
    assert commune["Một cửa"]["B12"].number_format == "dd/mm/yyyy"
    edoc, cadres = commune["Văn bản điện tử"], commune["Cán bộ"]
    assert edoc["D4"].number_format == "dd/mm/yyyy" and edoc.column_dimensions["D"].number_format == "dd/mm/yyyy"
    assert cadres["B4"].number_format == "@" and cadres.column_dimensions["B"].number_format == "@"
    assert cadres["C4"].number_format == "0"


# --------------------------------------------------------------------------- protection


def test_labels_are_protected_and_inputs_unlocked(commune: Workbook) -> None:
    for name in ("Thông tin chung", "Một cửa"):
        ws = commune[name]
        assert ws.protection.sheet and not ws.protection.password
        for row in range(4, 4 + len(LABELS[name])):
            assert ws.cell(row, 1).protection.locked, (name, row)
            assert not ws.cell(row, 2).protection.locked, (name, row)
        assert ws["A1"].protection.locked


def test_table_sheets_are_protected_but_rows_can_be_added(commune: Workbook) -> None:
    for name, expected in TABLES.items():
        ws = commune[name]
        p = ws.protection
        assert p.sheet and not p.password
        assert p.insertRows is False and p.deleteRows is False and p.formatCells is False
        assert all(c.protection.locked for c in ws[3][: len(expected)])
        assert not ws.cell(4, 1).protection.locked and not ws.cell(4, len(expected)).protection.locked
        # Whole columns are open below the header, so rows typed past the bordered block are inputs too.
        for index in range(1, len(expected) + 2):
            letter = openpyxl.utils.get_column_letter(index)
            assert not ws.column_dimensions[letter].protection.locked, (name, letter)
    assert commune["Cán bộ"].freeze_panes == "C4" and commune["Văn bản điện tử"].freeze_panes == "A4"


# --------------------------------------------------------------------------- print setup and widths


def test_print_setup_is_a4_fit_to_width_with_repeated_headers(commune: Workbook) -> None:
    for ws in commune.worksheets[:4]:
        setup = ws.page_setup
        assert int(setup.paperSize) == 9  # A4
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0) and ws.sheet_properties.pageSetUpPr.fitToPage
        expected = "landscape" if ws.title == "Cán bộ" else "portrait"
        assert setup.orientation == expected, ws.title
    for name in TABLES:
        assert commune[name].print_title_rows == "$3:$3"


def test_columns_are_wide_enough_for_headers_and_labels(commune: Workbook) -> None:
    for name, expected in TABLES.items():
        ws = commune[name]
        height = ws.row_dimensions[3].height
        for index, header in enumerate(expected, start=1):
            cell = ws.cell(3, index)
            width = ws.column_dimensions[cell.column_letter].width
            assert cell.alignment.wrap_text and cell.font.b and cell.border.bottom.style == "thin"
            assert max(len(word) for word in header.split()) * 1.15 + 1 <= width, (name, header)
            assert wrapped_lines(header, width) * 15 <= height, (name, header)
    for name, expected in LABELS.items():
        ws = commune[name]
        assert ws.column_dimensions["A"].width >= max(len(label) for label in expected) * 1.15
        assert ws.column_dimensions["B"].width >= 30
    lists_width = commune["Cán bộ"].column_dimensions["J"].width
    assert lists_width >= len("Chuyên viên cao cấp")


# --------------------------------------------------------------------------- files, filter, cancel


def test_file_names_are_ascii_unique_and_windows_safe(store: Path, tmp_path: Path) -> None:
    paths = export_forms(tmp_path / "all", H1_2017)
    names = [p.name for p in paths]
    assert len(names) == len(set(names)) == len(list_units())  # Kim Sơn still exists in 2017
    assert "Bao-cao_2017-H1_05539_Linh-Thong.xlsx" in names
    assert "Bao-cao_2017-H1_05536_Thi-tran-Cho-Chu.xlsx" in names
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+\.xlsx", n) for n in names)
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == sorted(names)
    assert form_file_name(unit_by_code("05590"), H1_2017) == "Bao-cao_2017-H1_05590_Diem-Mac.xlsx"


def test_unit_filter_and_merged_units(store: Path, tmp_path: Path) -> None:
    kim_son = unit_by_code("05557")
    paths = export_forms(tmp_path / "one", H1_2017, unit_ids=[unit_by_code("05566").id])
    assert [p.name for p in paths] == ["Bao-cao_2017-H1_05566_Phuong-Tien.xlsx"]
    assert len(list((tmp_path / "one").iterdir())) == 1
    in_2020 = units_for_forms(parse_period("Năm 2020"))
    assert len(in_2020) == len(list_units()) - 1 and kim_son not in in_2020
    assert kim_son in units_for_forms(parse_period("Quý IV/2019"))
    with pytest.raises(FormExportError, match="Kim Phượng"):
        export_forms(tmp_path / "bad", parse_period("Năm 2020"), unit_ids=[kim_son.id])


def test_cancel_stops_and_returns_the_forms_written_so_far(store: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    paths = export_forms(
        tmp_path / "out",
        H1_2017,
        progress=lambda done, total, name: calls.append((done, total, name)),
        should_cancel=lambda: len(calls) >= 3,
    )
    assert len(paths) == 3 and all(p.exists() for p in paths)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in paths)
    total = len(list_units())
    assert calls == [(0, total, "Thị trấn Chợ Chu"), (1, total, "Xã Linh Thông"), (2, total, "Xã Lam Vỹ")]


def test_progress_reports_the_end(store: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    ids = [unit_by_code(c).id for c in ("05539", "H02")]
    export_forms(tmp_path, H1_2017, ids, progress=lambda *a: calls.append(a))
    assert calls == [(0, 2, "Xã Linh Thông"), (1, 2, "Ban Tổ chức Huyện ủy"), (2, 2, "")]


# --------------------------------------------------------------------------- text never becomes a formula


def test_unit_name_starting_with_equals_stays_text(store: Path, tmp_path: Path) -> None:
    evil = '=HYPERLINK("http://example.com/x","Bấm vào đây")'
    Unit.update(name=evil).where(Unit.code == "05539").execute()
    wb = export_one(tmp_path, "05539")
    cell = wb["Thông tin chung"]["B4"]
    assert cell.value == f"Xã {evil}" and cell.data_type == "s"
    Unit.update(name=evil, kind="huyen").where(Unit.code == "05539").execute()
    wb = export_one(tmp_path / "district", "05539")
    cell = wb["Thông tin chung"]["B4"]
    assert cell.value == evil and cell.data_type == "s"
    assert all(c.data_type != "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    assert (
        form_file_name(unit_by_code("05539"), H1_2017)
        == "Bao-cao_2017-H1_05539_HYPERLINK-http-example-com-x-Bam-vao-day.xlsx"
    )


@pytest.mark.parametrize("text", ["=1+1", "+84 912 345 678", "-5", "@SUM(A1)", "=cmd|' /C calc'!A0"])
def test_safe_writer_stores_formula_like_text_as_text(tmp_path: Path, text: str) -> None:
    wb = openpyxl.Workbook()
    set_value(wb.active["A1"], text)
    wo = openpyxl.Workbook(write_only=True)
    sheet = wo.create_sheet("x")
    sheet.append([write_only_cell(sheet, text)])
    for book, name in ((wb, "normal.xlsx"), (wo, "write_only.xlsx")):
        book.save(tmp_path / name)
        cell = openpyxl.load_workbook(tmp_path / name).worksheets[0]["A1"]
        assert (cell.value, cell.data_type) == (text, "s"), name


def test_safe_writer_keeps_types_and_drops_what_xlsx_cannot_hold() -> None:
    ws = openpyxl.Workbook().active
    assert set_value(ws["A1"], "Nguyễn\x07 Văn\x00 An").value == "Nguyễn Văn An"
    assert set_value(ws["A2"], "Ho\u0300a").value == "Hòa"  # NFD in, NFC out
    assert set_value(ws["A3"], 12).value == 12 and ws["A3"].data_type == "n"
    assert set_value(ws["A4"], date(2016, 11, 28)).value == date(2016, 11, 28)
    assert set_value(ws["A5"], math.nan).value is None
    assert set_value(ws["A6"], "x" * 40000).value == "x" * 32767
    assert set_value(ws["A7"], Path("a")).value == "a"
