"""Every tolerance of PRODUCT.md §4: returns made the way communes make them import to the same figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dean_desktop.services.excel_import import analyse_file
from dean_desktop.services.returns import CadreData, EdocData, OfficeData

from .builders import Messy, build_return, cadre, office

pytestmark = pytest.mark.usefixtures("store")

OFFICE = office(
    True, floor_area=34.5, computers=3, printers=2, scanners=1, internet=True, staff=4, procedures_posted=False,
    in_use_since=date(2016, 11, 25), notes="Phòng mới",
)  # fmt: skip
EDOC = [("Đảng ủy", True, date(2017, 3, 1)), ("UBND", True), ("Hội Nông dân", False)]
CADRES = [
    cadre("Nguyễn Văn An", 1975, "Đại học", "Cao cấp", major="Luật"),
    cadre("Trần Thị Bình", 1980, "Thạc sĩ", "Cử nhân", gender="Nữ", ethnicity="Tày", state_mgmt="Chuyên viên chính"),
    cadre("Hoàng Văn Cường", 1968, "Trung cấp", "Trung cấp", ethnicity="Nùng", position="Phó Chủ tịch"),
]

EXPECTED_OFFICE = OfficeData(True, 34.5, 3, 2, 1, True, 4, False, date(2016, 11, 25), "Phòng mới")
EXPECTED_EDOC = [("Đảng ủy", True, date(2017, 3, 1)), ("UBND", True, None), ("Hội Nông dân", False, None)]
EXPECTED_CADRES = [
    ("Nguyễn Văn An", 1975, "dai_hoc", "cao_cap", "Nam", "Kinh", "chuyen_vien", "Luật"),
    ("Trần Thị Bình", 1980, "thac_si", "cu_nhan", "Nữ", "Tày", "chuyen_vien_chinh", ""),
    ("Hoàng Văn Cường", 1968, "trung_cap", "trung_cap", "Nam", "Nùng", "chuyen_vien", ""),
]


def _edoc(rows: list[EdocData]) -> list[tuple[object, ...]]:
    return [(e.org_name, e.exchanges, e.since) for e in rows]


def _cadres(rows: list[CadreData]) -> list[tuple[object, ...]]:
    return [(c.full_name, c.birth_year, c.education, c.political_theory, c.gender, c.ethnicity, c.state_mgmt, c.major)
            for c in rows]  # fmt: skip


def analyse(path: Path, style: Messy, **overrides: object):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {"office": OFFICE, "edoc": EDOC, "cadres": CADRES, "style": style}
    values.update(overrides)
    return analyse_file(build_return(path, **values))  # type: ignore[arg-type]


def assert_same_figures(plan) -> None:  # type: ignore[no-untyped-def]
    assert plan.ok, [e.text() for e in plan.errors]
    assert plan.unit.name == "Linh Thông" and plan.period.code == "2017"
    assert plan.payload.office == EXPECTED_OFFICE
    assert _edoc(plan.payload.edoc) == EXPECTED_EDOC
    assert _cadres(plan.payload.cadres) == EXPECTED_CADRES


def test_the_clean_form_imports_without_warnings(tmp_path: Path) -> None:
    plan = analyse(tmp_path / "sach.xlsx", Messy())
    assert_same_figures(plan)
    assert plan.warnings == []
    assert plan.counts == {"office": 1, "edoc": 3, "cadres": 3}
    assert {k: (d.added, d.changed, d.removed) for k, d in plan.diff.items()} == {
        "office": (1, 0, 0), "edoc": (3, 0, 0), "cadres": (3, 0, 0),
    }  # fmt: skip


@pytest.mark.parametrize(
    "style",
    [
        pytest.param(Messy(title_rows=3), id="header-on-row-5-under-merged-titles"),
        pytest.param(Messy(reorder=True, seed=3), id="columns-in-any-order"),
        pytest.param(Messy(blank_rows=True), id="blank-rows"),
        pytest.param(Messy(signature=True), id="total-and-signature-rows"),
        pytest.param(Messy(numbering_row=True), id="column-number-row"),
        pytest.param(Messy(text_numbers=True), id="numbers-as-text-with-decimal-comma"),
        pytest.param(Messy(date_format="%d/%m/%Y"), id="dates-25/11/2016"),
        pytest.param(Messy(date_format="%d-%m-%Y"), id="dates-25-11-2016"),
        pytest.param(Messy(date_format="%d.%m.%Y"), id="dates-25.11.2016"),
        pytest.param(Messy(date_format="%Y-%m-%d"), id="dates-2016-11-25"),
        pytest.param(Messy(date_format="%d/%m/%y"), id="dates-25/11/16"),
        pytest.param(Messy(abbreviations=True), id="abbreviations-DH-ThS-CC-CN-x"),
        pytest.param(Messy(alias_headers=True), id="other-spellings-of-headers-and-labels"),
        pytest.param(Messy(plain_headers=True), id="headers-in-capitals-without-diacritics"),
        pytest.param(Messy(plain_sheet_names=True), id="sheet-names-THONG-TIN-CHUNG"),
        pytest.param(Messy(nfd=True), id="unicode-nfd-text"),
        pytest.param(Messy(labels_in_column=2), id="labels-in-column-B-after-numbers"),
        pytest.param(Messy(split_gender=True, title_rows=2), id="birth-year-under-Nam-Nu-columns"),
        pytest.param(Messy(extra_sheets=("Sheet1", "Ghi chép")), id="unrelated-extra-sheets"),
        pytest.param(
            Messy(
                title_rows=2,
                reorder=True,
                signature=True,
                blank_rows=True,
                numbering_row=True,
                text_numbers=True,
                date_format="%d.%m.%Y",
                abbreviations=True,
                alias_headers=True,
                nfd=True,
                seed=9,
            ),
            id="everything-at-once",
        ),  # fmt: skip
    ],
)
def test_untidy_returns_give_the_same_figures(tmp_path: Path, style: Messy) -> None:
    assert_same_figures(analyse(tmp_path / "r.xlsx", style))


def test_extra_columns_are_a_warning_naming_the_column(tmp_path: Path) -> None:
    plan = analyse(tmp_path / "r.xlsx", Messy(extra_columns=("Quê quán",)))
    assert_same_figures(plan)
    texts = [w.text() for w in plan.warnings]
    assert any(t.startswith('Cán bộ, cột "Quê quán": cột không có trong mẫu') for t in texts)


@pytest.mark.parametrize(
    "sheet_names",
    [
        {"info": "Thong tin chung", "office": "MOT CUA", "edoc": "VB điện tử", "cadres": "CAN BO"},
        {"info": "Thông tin", "office": "Bộ phận một cửa", "edoc": "Văn bản ĐT", "cadres": "Danh sách cán bộ"},
        {"info": " thông  tin chung ", "office": "Một  cửa", "edoc": "van ban dien tu", "cadres": "Biểu 4 - Cán bộ"},
    ],
)
def test_sheet_names_ignore_case_diacritics_spacing(tmp_path: Path, sheet_names: dict[str, str]) -> None:
    assert_same_figures(analyse(tmp_path / "r.xlsx", Messy(sheet_names=sheet_names)))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Linh Thông", "Linh Thông"),
        ("Xã Linh Thông", "Linh Thông"),
        ("XÃ LINH THÔNG", "Linh Thông"),
        ("linh thong", "Linh Thông"),
        ("UBND xã Linh Thông", "Linh Thông"),
        ("Xã Linh Thông, huyện Định Hóa", "Linh Thông"),
        ("Lam Vĩ", "Lam Vỹ"),
        ("Qui Kỳ", "Quy Kỳ"),
        ("TT Chợ Chu", "Thị trấn Chợ Chu"),
        ("thi tran cho chu", "Thị trấn Chợ Chu"),
        ("Phòng Văn hoá và Thông tin", "Phòng Văn hóa và Thông tin"),
        ("Uỷ ban Kiểm tra Huyện uỷ", "Ủy ban Kiểm tra Huyện ủy"),
    ],
)
def test_unit_name_variants(tmp_path: Path, typed: str, expected: str) -> None:
    plan = analyse_file(build_return(tmp_path / "r.xlsx", unit=typed, cadres=CADRES))
    assert plan.ok, [e.text() for e in plan.errors]
    assert plan.unit.name == expected


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Năm 2017", "2017"),
        (2017, "2017"),
        ("6 tháng đầu năm 2017", "2017-H1"),
        ("6 THANG CUOI NAM 2017", "2017-H2"),
        ("Quý I/2017", "2017-Q1"),
        ("Quý 3 năm 2017", "2017-Q3"),
        ("Tháng 3/2017", "2017-03"),
        ("Cả năm 2017", "2017"),
        ("Kỳ báo cáo: Năm 2017", "2017"),
    ],
)
def test_period_spellings(tmp_path: Path, typed: object, code: str) -> None:
    plan = analyse_file(build_return(tmp_path / "r.xlsx", period=typed, cadres=CADRES))  # type: ignore[arg-type]
    assert plan.ok, [e.text() for e in plan.errors]
    assert plan.period.code == code


def test_education_with_speciality_and_compact_abbreviations(tmp_path: Path) -> None:
    people = [
        cadre("Ma Văn Một", 1970, "Đại học Luật", "Cao cấp LLCT"),
        cadre("Ma Văn Hai", 1971, "ĐHSP", "Cử nhân chính trị"),
        cadre("Ma Văn Ba", 1972, "Thạc sỹ Quản lý kinh tế", "cc", state_mgmt="QLNN chuyên viên"),
        cadre("Ma Văn Bốn", 1973, "Kỹ sư nông nghiệp", "Trung cấp lý luận chính trị - hành chính"),
    ]
    plan = analyse_file(build_return(tmp_path / "r.xlsx", cadres=people))
    assert plan.ok, [e.text() for e in plan.errors]
    got = [(c.education, c.major, c.political_theory, c.state_mgmt) for c in plan.payload.cadres]
    assert got == [
        ("dai_hoc", "Luật", "cao_cap", "chuyen_vien"),
        ("dai_hoc", "", "cu_nhan", "chuyen_vien"),
        ("thac_si", "Quản lý kinh tế", "cao_cap", "chuyen_vien"),
        ("dai_hoc", "nông nghiệp", "trung_cap", "chuyen_vien"),
    ]


def test_birth_year_from_a_date_of_birth(tmp_path: Path) -> None:
    people = [cadre("Ma Văn Một", date(1970, 5, 12)), cadre("Ma Văn Hai", "12/05/1971"), cadre("Ma Văn Ba", "1972")]
    plan = analyse_file(build_return(tmp_path / "r.xlsx", cadres=people))
    assert [c.birth_year for c in plan.payload.cadres] == [1970, 1971, 1972]


def test_names_in_capitals_are_stored_capitalised(tmp_path: Path) -> None:
    plan = analyse_file(build_return(tmp_path / "r.xlsx", cadres=[cadre("NGUYỄN VĂN AN"), cadre("lê thị bình")]))
    assert [c.full_name for c in plan.payload.cadres] == ["Nguyễn Văn An", "Lê Thị Bình"]


def test_ethnic_groups_known_variants_and_unknown_is_a_warning(tmp_path: Path) -> None:
    people = [
        cadre("Ma Văn Một", ethnicity="H'Mông"), cadre("Ma Văn Hai", ethnicity="Cao Lan"),
        cadre("Ma Văn Ba", ethnicity="TÀY"), cadre("Ma Văn Bốn", ethnicity="Kinh Tày"),
    ]  # fmt: skip
    plan = analyse_file(build_return(tmp_path / "r.xlsx", cadres=people))
    assert plan.ok
    assert [c.ethnicity for c in plan.payload.cadres] == ["Mông", "Sán Chay", "Tày", "Kinh Tày"]
    assert [w.text() for w in plan.warnings] == [
        'Cán bộ, dòng 5, cột "Dân tộc": dân tộc "Kinh Tày" không có trong danh mục 54 dân tộc.'
    ]


def test_a_namesake_born_the_same_year_in_another_post_is_a_warning_naming_both_rows(tmp_path: Path) -> None:
    """Same name and birth year but another post may be two people (or one listed twice): imported, with a word."""
    people = [cadre("Nguyễn Văn An", 1975), cadre("Lê Văn Bình", 1976),
              cadre("NGUYEN VAN AN", 1975, position="Phó Chủ tịch")]  # fmt: skip
    plan = analyse_file(build_return(tmp_path / "r.xlsx", cadres=people))
    assert plan.ok and len(plan.payload.cadres) == 3
    assert any("dòng 4" in w.text() and w.row == 2 + 2 and "trùng với dòng 2" in w.text() for w in plan.warnings)


def test_a_commune_return_without_mot_cua_is_fine(tmp_path: Path) -> None:
    plan = analyse_file(build_return(tmp_path / "r.xlsx", edoc=EDOC, cadres=CADRES))
    assert plan.ok and plan.payload.office is None and plan.counts["office"] == 0


def test_a_district_agency_sends_only_can_bo(tmp_path: Path) -> None:
    plan = analyse_file(build_return(tmp_path / "r.xlsx", unit="Phòng Nội vụ", period="Năm 2018", cadres=CADRES))
    assert plan.ok and plan.unit.kind == "huyen" and plan.counts == {"office": 0, "edoc": 0, "cadres": 3}


def test_x_for_co_and_blank_for_khong_in_the_edoc_column(tmp_path: Path) -> None:
    plan = analyse_file(build_return(tmp_path / "r.xlsx", edoc=EDOC, style=Messy(abbreviations=True)))
    assert [e.exchanges for e in plan.payload.edoc] == [True, True, False]


def test_a_blank_in_the_edoc_column_counts_as_khong_with_a_warning(tmp_path: Path) -> None:
    """The target is the share of organisations marked "Có"; one blank cell must not refuse the commune's return."""
    plan = analyse_file(build_return(tmp_path / "r.xlsx", edoc=[("Đảng ủy", None), ("UBND", True)]))
    assert plan.ok and [e.exchanges for e in plan.payload.edoc] == [False, True]
    assert any('dòng 2, cột "Trao đổi văn bản điện tử": để trống; tính là Không' in w.text() for w in plan.warnings)


def test_the_forms_hidden_meta_sheet_names_the_unit_and_period(tmp_path: Path) -> None:
    path = build_return(tmp_path / "r.xlsx", unit="", period="", cadres=CADRES, style=Messy(meta=("05539", "2017-H1")))
    plan = analyse_file(path)
    assert plan.ok and plan.unit.name == "Linh Thông" and plan.period.code == "2017-H1"


def test_a_typed_period_wins_over_the_meta_sheet_with_a_warning(tmp_path: Path) -> None:
    """A form reused for the next period is common; the unit must match (tests/…/test_strict_refusals.py)."""
    path = build_return(tmp_path / "r.xlsx", unit="Linh Thông", period="Năm 2018", cadres=CADRES,
                        style=Messy(meta=("05539", "2017")))  # fmt: skip
    plan = analyse_file(path)
    assert plan.ok and plan.unit.name == "Linh Thông" and plan.period.label == "Năm 2018"
    assert any("mẫu được lập cho kỳ Năm 2017" in w.text() for w in plan.warnings)


def test_a_return_with_no_figures_at_all_is_refused(tmp_path: Path) -> None:
    """Importing it would replace a real return of that unit and period with nothing."""
    plan = analyse_file(build_return(tmp_path / "r.xlsx", cadres=[]))
    assert not plan.ok
    assert plan.errors[0].message.startswith("Báo cáo không có số liệu nào")
