"""The round trip: export a blank form, fill it the way a clerk does, import it, read the stored figures back."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from dean_desktop.models import UnitReturn
from dean_desktop.services.cadres import list_cadres
from dean_desktop.services.excel_export import export_forms
from dean_desktop.services.excel_import import analyse_file, import_files
from dean_desktop.services.indicators import indicator_report
from dean_desktop.services.offices import list_offices
from dean_desktop.services.periods import parse_period
from dean_desktop.services.units import list_units

PERIOD = parse_period("6 tháng đầu năm 2017")


def export_for(tmp_path: Path, *codes: str) -> list[Path]:
    ids = [u.id for u in list_units() if u.code in codes]
    return export_forms(tmp_path / "forms", PERIOD, unit_ids=ids)


def fill_commune(path: Path) -> None:
    """What a commune clerk types: dropdown values, numbers, a date, a phone with its leading zero; some blanks."""
    wb = openpyxl.load_workbook(path)
    info = wb["Thông tin chung"]
    info["B6"] = datetime(2017, 7, 5)  # Ngày lập, typed as a date
    info["B7"] = "Hoàng Thị Mai"
    info["B8"] = "0912345678"
    office = wb["Một cửa"]
    for row, value in zip(range(4, 13), ["Có", 34.5, 5, 3, 1, "Có", 4, "Không", datetime(2016, 11, 25)], strict=True):
        office.cell(row, 2, value)  # Ghi chú (row 13) left blank
    edoc = wb["Văn bản điện tử"]
    answers = ["Có", "Có", "Có", "Có", "Không", "Có", "Không", "Có"]
    for row, answer in enumerate(answers, start=4):
        edoc.cell(row, 3, answer)
    edoc["D4"] = datetime(2016, 12, 1)
    edoc["E8"] = "Chưa có máy tính riêng"
    for column, value in enumerate([9, "Chi hội Người cao tuổi", "Không"], start=1):
        edoc.cell(12, column, value)  # an organisation of its own, in the first empty row
    cadres = wb["Cán bộ"]
    people = [
        [
            1,
            "Lương Văn Lành",
            1968,
            "Nam",
            "Tày",
            "Bí thư Đảng ủy",
            "Đại học",
            "Xây dựng Đảng",
            "Cao cấp",
            "Chuyên viên",
        ],
        [2, "Ma Thị Hằng", 1979, "Nữ", "Nùng", "Chủ tịch UBND", "Thạc sĩ", "Kinh tế", "Trung cấp"],
        [3, "Đinh Văn Phúc", 1985, "Nam", None, "Chủ tịch Ủy ban MTTQ", "Cao đẳng", None, "Sơ cấp", None, "B", "A2"],
    ]
    for offset, person in enumerate(people):
        for column, value in enumerate(person, start=1):
            cadres.cell(4 + offset, column, value)
    wb.save(path)


def fill_district(path: Path) -> None:
    wb = openpyxl.load_workbook(path)
    info = wb["Thông tin chung"]
    info["B6"] = datetime(2017, 7, 10)
    info["B7"] = "Nguyễn Văn Tùng"
    cadres = wb["Cán bộ"]
    rows = [
        ["Trần Quốc Huy", 1972, "Nam", "Kinh", "Trưởng ban", "Thạc sĩ", "Luật", "Cao cấp", "Chuyên viên chính"],
        ["Hà Thị Lan", 1980, "Nữ", "Tày", "Phó Trưởng ban", "Đại học", "Hành chính", "Cử nhân", "Chuyên viên"],
        ["Nông Văn Bình", 1983, "Nam", "Dao", "Phó Trưởng ban", "Đại học", "Nông nghiệp", "Trung cấp", None],
        ["Lý Thị Quỳnh", 1990, "Nữ", "Sán Chay", "Chuyên viên phụ trách", "Tiến sĩ", "Kinh tế", "Cao cấp", None],
    ]
    for offset, person in enumerate(rows):
        cadres.cell(4 + offset, 1, offset + 1)
        for column, value in enumerate(person, start=2):
            cadres.cell(4 + offset, column, value)
    wb.save(path)


def test_exported_forms_filled_like_a_clerk_import_back(store: Path, tmp_path: Path) -> None:
    commune_path, district_path = export_for(tmp_path, "05539", "H02")  # Linh Thông, Ban Tổ chức Huyện ủy
    fill_commune(commune_path)
    fill_district(district_path)

    for path, code in ((commune_path, "05539"), (district_path, "H02")):
        plan = analyse_file(path)
        assert plan.ok, [e.text() for e in plan.errors]
        assert (plan.unit.code, plan.period.code) == (code, "2017-H1")
        assert [w.text() for w in plan.warnings] == []  # titles, instructions and empty bordered rows are no noise

    outcomes = import_files([commune_path, district_path])
    assert [o.status for o in outcomes] == ["imported", "imported"], [o.as_json() for o in outcomes]
    assert outcomes[0].counts == {"office": 1, "edoc": 9, "cadres": 3}
    assert outcomes[1].counts == {"office": 0, "edoc": 0, "cadres": 4}

    office = next(o for o in list_offices(PERIOD) if o.unit_code == "05539")
    assert (office.has_office, office.floor_area, office.computers, office.printers, office.scanners) == (
        True,
        34.5,
        5,
        3,
        1,
    )
    assert (office.internet, office.staff, office.procedures_posted) == (True, 4, False)
    assert office.in_use_since == date(2016, 11, 25) and office.notes == ""
    assert (office.edoc_yes, office.edoc_total, office.period_code) == (6, 9, "2017-H1")

    stored = UnitReturn.get(UnitReturn.period_code == "2017-H1", UnitReturn.unit == office.unit_id)
    assert (stored.reported_on, stored.reporter, stored.reporter_phone) == (
        date(2017, 7, 5),
        "Hoàng Thị Mai",
        "0912345678",
    )

    cadres = {c.full_name: c for c in list_cadres(PERIOD)}
    lanh = cadres["Lương Văn Lành"]
    assert (lanh.birth_year, lanh.gender, lanh.ethnicity, lanh.position) == (1968, "Nam", "Tày", "Bí thư Đảng ủy")
    assert (lanh.education, lanh.political_theory, lanh.state_mgmt, lanh.level) == (
        "dai_hoc",
        "cao_cap",
        "chuyen_vien",
        "xa",
    )
    phuc = cadres["Đinh Văn Phúc"]
    assert (phuc.ethnicity, phuc.major, phuc.state_mgmt, phuc.it_skill, phuc.language) == ("", "", "", "B", "A2")
    assert cadres["Ma Thị Hằng"].education == "thac_si"
    assert {c.full_name for c in cadres.values() if c.level == "huyen"} == {
        "Trần Quốc Huy",
        "Hà Thị Lan",
        "Nông Văn Bình",
        "Lý Thị Quỳnh",
    }

    indicators = {i.code: i for i in indicator_report(PERIOD).indicators}
    postgrad = indicators["cadre.postgrad_district"]
    theory = indicators["cadre.senior_theory_district"]
    assert (postgrad.numerator, postgrad.denominator) == (2, 4)  # Thạc sĩ + Tiến sĩ
    assert (theory.numerator, theory.denominator) == (3, 4)  # Cao cấp ×2 + Cử nhân
    edoc = indicators["reform.edoc_orgs"]
    assert (edoc.numerator, edoc.denominator) == (6, 9)


def test_reimporting_the_same_filled_form_changes_nothing(store: Path, tmp_path: Path) -> None:
    (path,) = export_for(tmp_path, "05566")  # Phượng Tiến
    fill_commune(path)
    assert import_files([path])[0].status == "imported"
    again = import_files([path])[0]
    assert again.status == "imported" and again.unchanged
    assert UnitReturn.select().count() == 1


def test_a_blank_form_is_refused_for_its_missing_required_answers(store: Path, tmp_path: Path) -> None:
    (path,) = export_for(tmp_path, "05539")
    plan = analyse_file(path)
    assert not plan.ok
    messages = " ".join(e.text() for e in plan.errors)
    assert "Có phòng làm việc riêng" in messages or "Trao đổi văn bản điện tử" in messages


@pytest.mark.parametrize("code", ["05536", "H25"])
def test_forms_for_the_town_and_an_agency_identify_their_unit(store: Path, tmp_path: Path, code: str) -> None:
    (path,) = export_for(tmp_path, code)
    plan = analyse_file(path)
    assert plan.unit is not None and plan.unit.code == code and plan.period == PERIOD


def test_rows_typed_below_the_bordered_block_and_a_retyped_period_are_taken(store: Path, tmp_path: Path) -> None:
    """The table columns stay open below the bordered rows; a form reused for another period says so."""
    (path,) = export_for(tmp_path, "05539")
    fill_commune(path)
    wb = openpyxl.load_workbook(path)
    wb["Thông tin chung"]["B5"] = "Năm 2017"
    for column, value in zip("BCGI", ["Hà Văn Tư", 1977, "ĐH", "TC"], strict=True):
        wb["Cán bộ"][f"{column}60"] = value
    wb.save(path)
    plan = analyse_file(path)
    assert plan.ok and plan.period == parse_period("Năm 2017")
    assert plan.counts["cadres"] == 4
    assert [w.sheet for w in plan.warnings] == ["Thông tin chung"]
