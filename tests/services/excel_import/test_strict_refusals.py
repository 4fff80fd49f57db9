"""A tolerant reader is not a guessing one (PRODUCT.md §4 "What the importer must refuse"): each trap is refused with
a message naming sheet, row, column and what to do — or, for removals, asked about — and no figure moves."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from dean_desktop.models import Cadre, EdocOrg, ImportRecord, OfficeReadiness, UnitReturn
from dean_desktop.services.excel_import import analyse_file, apply_plan, import_files
from dean_desktop.services.indicators import indicator_report

from .builders import Messy, build_return, cadre, office

pytestmark = pytest.mark.usefixtures("store")

PEOPLE = [cadre("Nguyễn Văn An", 1975, "Thạc sĩ", "Cao cấp"), cadre("Lê Thị Bình", 1980, "Đại học", "Trung cấp")]
EDOC = [("Đảng ủy", True), ("UBND", True), ("Hội Nông dân", False)]


def _figures() -> dict[str, tuple[object, object]]:
    return {i.code: (i.numerator, i.denominator) for i in indicator_report().indicators}


def _stored() -> tuple[int, int, int, int]:
    return (
        UnitReturn.select().count(),
        OfficeReadiness.select().count(),
        EdocOrg.select().count(),
        Cadre.select().count(),
    )


@pytest.fixture
def a_period_imported(tmp_path: Path) -> dict[str, tuple[object, object]]:
    """Linh Thông and Bảo Linh's returns for 2017, already in the store; returns the figures they give."""
    for unit in ("Linh Thông", "Bảo Linh"):
        outcome = import_files([build_return(tmp_path / "kept" / f"{unit}.xlsx", unit=unit, office=office(True),
                                             edoc=EDOC, cadres=PEOPLE)])[0]  # fmt: skip
        assert outcome.ok, [e.text() for e in outcome.errors]
    return _figures()


def _refused_and_nothing_moved(path: Path, figures: dict[str, tuple[object, object]]) -> list[str]:
    before = _stored()
    outcome = import_files([path])[0]
    assert outcome.status == "rejected"
    assert _stored() == before and _figures() == figures
    assert ImportRecord.select().order_by(ImportRecord.id.desc()).get().status == "rejected"
    return [e.text() for e in outcome.errors]


@pytest.mark.parametrize("answer", ["có lẽ", "Có lẽ có", "có thể", "Chưa rõ", "không rõ", "không biết", "Có?",
                                    "chưa xác định", "Có (dự kiến)"])  # fmt: skip
def test_an_answer_that_only_looks_like_co_or_khong_is_refused(
    tmp_path: Path, a_period_imported: dict[str, tuple[object, object]], answer: str
) -> None:
    path = build_return(tmp_path / "r.xlsx", office=office(True), edoc=[("Đảng ủy", True), ("UBND", answer)],
                        cadres=PEOPLE)  # fmt: skip
    errors = _refused_and_nothing_moved(path, a_period_imported)
    assert errors == [
        f'Văn bản điện tử, dòng 3, cột "Trao đổi văn bản điện tử": giá trị "{answer}" không phải là câu trả lời chắc '
        "chắn; hãy hỏi lại đơn vị và ghi rõ Có hoặc Không"
    ]


def test_a_hedge_in_the_office_sheet_is_refused_too(tmp_path: Path) -> None:
    plan = analyse_file(build_return(tmp_path / "r.xlsx", office=office("có lẽ", internet="chưa rõ")))
    assert [(e.sheet, e.column) for e in plan.errors] == [
        ("Một cửa", "Có phòng làm việc riêng"), ("Một cửa", "Kết nối Internet"),
    ]  # fmt: skip


@pytest.mark.parametrize("answer", ["Có", "x", "X", "✓", "Không", "-", "Có, dùng chung", "Đã kết nối", "ko"])
def test_the_answers_clerks_really_write_are_still_read(tmp_path: Path, answer: str) -> None:
    plan = analyse_file(build_return(tmp_path / "r.xlsx", edoc=[("Đảng ủy", answer)]))
    assert plan.ok, [e.text() for e in plan.errors]


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("Năm 2099", "kỳ báo cáo Năm 2099 chưa bắt đầu"),
        ("Quý I/2030", "kỳ báo cáo Quý I/2030 chưa bắt đầu"),
        ("Năm 2023", "kỳ báo cáo Năm 2023 nằm ngoài thời gian của các Đề án (2016–2020) hơn một năm"),
        ("Năm 2012", "kỳ báo cáo Năm 2012 nằm ngoài thời gian của các Đề án (2016–2020) hơn một năm"),
    ],
)
def test_a_period_in_the_future_or_far_outside_the_projects_is_refused(
    tmp_path: Path, a_period_imported: dict[str, tuple[object, object]], period: str, expected: str
) -> None:
    """`Năm 2099` used to move the reference date, and every commune denominator with it."""
    path = build_return(tmp_path / "r.xlsx", unit="Phú Đình", period=period, office=office(True), edoc=EDOC)
    errors = _refused_and_nothing_moved(path, a_period_imported)
    assert errors[0].startswith(f'Thông tin chung, dòng 2, cột "Kỳ báo cáo": {expected}')
    assert errors[0].endswith("hãy kiểm tra lại Kỳ báo cáo rồi nhập lại.")


@pytest.mark.parametrize("period", ["Năm 2015", "6 tháng đầu năm 2021"])
def test_a_period_within_a_year_of_the_projects_is_accepted(tmp_path: Path, period: str) -> None:
    plan = analyse_file(build_return(tmp_path / "r.xlsx", period=period, cadres=PEOPLE))
    assert plan.ok, [e.text() for e in plan.errors]


def test_the_same_cadre_listed_twice_is_refused_naming_both_rows(
    tmp_path: Path, a_period_imported: dict[str, tuple[object, object]]
) -> None:
    """Also when the copy differs only by a zero-width space, a right-to-left mark, spacing or case."""
    people = [
        *PEOPLE,
        cadre("NGUYỄN\u200b  VĂN\u200f AN", 1975, "Thạc sĩ", "Cao cấp"),
        cadre("Nguyễn Văn An", 1990, "Đại học", "Trung cấp"),
    ]  # fmt: skip  (the last: a namesake, 15 years younger)
    path = build_return(tmp_path / "r.xlsx", unit="Phú Đình", period="Năm 2017", cadres=people)
    errors = _refused_and_nothing_moved(path, a_period_imported)
    assert errors == [
        'Cán bộ, dòng 4, cột "Họ và tên": "Nguyễn Văn An" (sinh năm 1975, Chủ tịch) đã có ở dòng 2: một người được '
        "ghi hai lần. Hãy xóa một trong hai dòng rồi nhập lại."
    ]


def test_namesakes_with_another_birth_year_are_two_people(tmp_path: Path) -> None:
    people = [cadre("Nguyễn Văn An", 1975), cadre("Nguyễn Văn An", 1982)]
    plan = analyse_file(build_return(tmp_path / "r.xlsx", cadres=people))
    assert plan.ok and [c.birth_year for c in plan.payload.cadres] == [1975, 1982] and not plan.warnings


def test_invisible_and_control_characters_are_removed_with_a_warning_naming_the_cell(tmp_path: Path) -> None:
    """A right-to-left mark shows a name reversed in Excel; the name is stored without it."""
    people = [cadre("\u202eLê Thị Bình\u202c", 1980), cadre("Hà\u200b Văn\ufeff Dũng", 1979, position="Bí\u0085 thư")]
    plan = analyse_file(build_return(tmp_path / "r.xlsx", cadres=people))
    assert plan.ok
    assert [(c.full_name, c.position) for c in plan.payload.cadres] == [
        ("Lê Thị Bình", "Chủ tịch"), ("Hà Văn Dũng", "Bí thư"),
    ]  # fmt: skip
    assert [w.text() for w in plan.warnings] == [
        'Cán bộ, dòng 2, cột "B": đã xóa ký tự ẩn hoặc ký tự điều khiển (U+202C, U+202E) khỏi ô B2.',
        'Cán bộ, dòng 3, cột "B": đã xóa ký tự ẩn hoặc ký tự điều khiển (U+200B, U+FEFF) khỏi ô B3.',
        'Cán bộ, dòng 3, cột "F": đã xóa ký tự ẩn hoặc ký tự điều khiển (U+0085) khỏi ô F3.',
    ]


def test_a_form_of_one_unit_filled_with_another_units_data_is_refused(
    tmp_path: Path, a_period_imported: dict[str, tuple[object, object]]
) -> None:
    """Bảo Linh's blank form filled with Chợ Chu's data must not replace Bảo Linh's return."""
    path = build_return(tmp_path / "r.xlsx", unit="Chợ Chu thị trấn", office=office(False), edoc=[("UBND", False)],
                        cadres=[cadre("Ma Văn Cường", 1970)], style=Messy(meta=("05554", "2017")))  # fmt: skip
    errors = _refused_and_nothing_moved(path, a_period_imported)
    assert errors == [
        'Thông tin chung, dòng 1, cột "Đơn vị": đơn vị ghi là "Chợ Chu thị trấn" (Thị trấn Chợ Chu) nhưng biểu mẫu '
        "được lập cho Bảo Linh; không nhập để khỏi ghi đè số liệu của Bảo Linh. Hãy dùng biểu mẫu của Thị trấn Chợ Chu "
        "(hoặc sửa ô Đơn vị nếu ghi nhầm)."
    ]
    assert sorted(c.full_name for c in Cadre.select()) == sorted(p["name"] for p in PEOPLE * 2)


def test_a_name_the_register_does_not_know_on_a_form_of_another_unit_is_refused(tmp_path: Path) -> None:
    path = build_return(tmp_path / "r.xlsx", unit="Xã Không Có", cadres=PEOPLE, style=Messy(meta=("05554", "2017")))
    assert [e.text() for e in analyse_file(path).errors] == [
        'Thông tin chung, dòng 1, cột "Đơn vị": đơn vị ghi là "Xã Không Có", không phải Bảo Linh mà biểu mẫu này được '
        "lập cho. Nếu đây là báo cáo của Bảo Linh, hãy sửa ô Đơn vị; nếu là của đơn vị khác, hãy dùng biểu mẫu của "
        "đơn vị đó."
    ]


@pytest.mark.parametrize(
    ("typed", "unit"),
    [("Chợ Chu thị trấn", "Thị trấn Chợ Chu"), ("Bảo Linh xã", "Bảo Linh"), ("Linh Thông (xã)", "Linh Thông")],
)
def test_the_unit_named_with_its_kind_after_the_name(tmp_path: Path, typed: str, unit: str) -> None:
    plan = analyse_file(build_return(tmp_path / "r.xlsx", unit=typed, cadres=PEOPLE))
    assert plan.ok and plan.unit.name == unit


def test_a_form_of_one_unit_typed_with_another_known_unit_is_refused(tmp_path: Path) -> None:
    path = build_return(tmp_path / "r.xlsx", unit="Phú Đình", cadres=PEOPLE, style=Messy(meta=("05554", "2017")))
    plan = analyse_file(path)
    assert [e.text() for e in plan.errors] == [
        'Thông tin chung, dòng 1, cột "Đơn vị": đơn vị ghi là "Phú Đình" (Phú Đình) nhưng biểu mẫu được lập cho Bảo '
        "Linh; không nhập để khỏi ghi đè số liệu của Bảo Linh. Hãy dùng biểu mẫu của Phú Đình (hoặc sửa ô Đơn vị nếu "
        "ghi nhầm)."
    ]


def test_a_resent_return_that_empties_a_stored_section_is_asked_about(
    tmp_path: Path, a_period_imported: dict[str, tuple[object, object]]
) -> None:
    """An empty `Cán bộ` table would delete the unit's cadres for the period: refused unless confirmed."""
    path = build_return(tmp_path / "r.xlsx", unit="Linh Thông", office=office(True), edoc=EDOC, cadres=[])
    plan = analyse_file(path)
    assert plan.ok and plan.needs_confirmation
    assert [i.text() for i in plan.removals] == [
        'Cán bộ: trang "Cán bộ" không có dòng nào, nhưng đã lưu 2 cán bộ của Linh Thông kỳ Năm 2017; nhập tệp này sẽ '
        "xóa toàn bộ phần Cán bộ đã lưu."
    ]
    errors = _refused_and_nothing_moved(path, a_period_imported)
    assert errors[0].endswith("hoặc thêm --allow-removals vào lệnh.")
    assert import_files([path], dry_run=True)[0].status == "rejected"

    outcome = import_files([path], allow_removals=True)[0]
    assert outcome.ok and Cadre.select().count() == 2  # only Bảo Linh's
    assert any("(đã xác nhận xóa)" in w.text() for w in outcome.warnings)
    assert "(đã xác nhận xóa)" in ImportRecord.select().order_by(ImportRecord.id.desc()).get().warnings


def test_a_resent_return_without_a_stored_sheet_is_asked_about_too(
    tmp_path: Path, a_period_imported: dict[str, tuple[object, object]]
) -> None:
    plan = analyse_file(build_return(tmp_path / "r.xlsx", unit="Bảo Linh", office=office(True), cadres=PEOPLE))
    assert plan.needs_confirmation and plan.removals[0].sheet is None
    assert plan.removals[0].message.startswith('tệp không có trang "Văn bản điện tử", nhưng đã lưu 3 tổ chức')
    assert not apply_plan(plan).ok and EdocOrg.select().count() == 6


def test_a_changed_section_is_not_a_removal(
    tmp_path: Path, a_period_imported: dict[str, tuple[object, object]]
) -> None:
    path = build_return(tmp_path / "r.xlsx", unit="Linh Thông", office=office(True), edoc=EDOC, cadres=PEOPLE[:1])
    plan = analyse_file(path)
    assert plan.ok and not plan.needs_confirmation and plan.diff["cadres"].removed == 1


def _with_sheets(path: Path, sheets: list[tuple[str, list[list[object]], str]]) -> Path:
    """A return whose `Cán bộ` sheets are given as (name, rows, state)."""
    build_return(path, office=office(True))
    wb = openpyxl.load_workbook(path)
    for name, rows, state in sheets:
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        ws.sheet_state = state
    wb.save(path)
    return path


HEADER = ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Chuyên môn", "Lý luận chính trị"]
STALE = [HEADER, [1, "Nguyễn Văn Cũ", 1960, "Chủ tịch", "Trung cấp", "Trung cấp"]]
CORRECTED = [HEADER, [1, "Nguyễn Văn An", 1975, "Chủ tịch", "Thạc sĩ", "Cao cấp"],
             [2, "Lê Thị Bình", 1980, "Phó Chủ tịch", "Đại học", "Trung cấp"]]  # fmt: skip


def test_a_hidden_stale_sheet_beside_the_visible_one_is_left_out_with_a_warning(tmp_path: Path) -> None:
    path = _with_sheets(tmp_path / "r.xlsx", [("Cán bộ", STALE, "hidden"), ("Cán bộ (2)", CORRECTED, "visible")])
    plan = analyse_file(path)
    assert plan.ok and [c.full_name for c in plan.payload.cadres] == ["Nguyễn Văn An", "Lê Thị Bình"]
    assert [w.text() for w in plan.warnings] == [
        'Cán bộ: trang tính ẩn này cũng là trang "Cán bộ"; đã đọc trang đang hiện "Cán bộ (2)" và bỏ qua trang ẩn. '
        "Nếu trang ẩn mới là số liệu đúng, hãy hiện nó, xóa trang kia rồi nhập lại."
    ]


def test_two_visible_sheets_of_one_role_are_refused(tmp_path: Path) -> None:
    path = _with_sheets(tmp_path / "r.xlsx", [("Cán bộ", STALE, "visible"), ("Cán bộ (2)", CORRECTED, "visible")])
    plan = analyse_file(path)
    assert not plan.ok and plan.payload is None
    assert [e.text() for e in plan.errors] == [
        'có 2 trang tính cùng là trang "Cán bộ" ("Cán bộ", "Cán bộ (2)") và đều đang hiện; không biết trang nào là số '
        "liệu đúng. Hãy xóa (hoặc ẩn) các trang cũ, chỉ để lại một trang rồi nhập lại."
    ]


def test_an_empty_visible_copy_does_not_compete(tmp_path: Path) -> None:
    path = _with_sheets(tmp_path / "r.xlsx", [("Cán bộ", [], "visible"), ("Cán bộ (2)", CORRECTED, "visible")])
    plan = analyse_file(path)
    assert plan.ok and len(plan.payload.cadres) == 2


def test_formulas_whose_result_was_never_saved_are_refused_naming_each_cell(
    tmp_path: Path, a_period_imported: dict[str, tuple[object, object]]
) -> None:
    """A program wrote `="Có"` without computing it: read as blank, 8 "Có" organisations became 8 "Không"."""
    path = build_return(tmp_path / "r.xlsx", unit="Phú Đình", office=office(True), edoc=EDOC)
    wb = openpyxl.load_workbook(path)
    wb["Văn bản điện tử"]["C2"] = '=IF(1=1,"Có","Không")'
    wb["Văn bản điện tử"]["C3"] = '="Có"'
    wb.save(path)
    errors = _refused_and_nothing_moved(path, a_period_imported)
    assert errors[:2] == [
        'Văn bản điện tử, dòng 2, cột "C": ô C2 có công thức nhưng chưa có kết quả được lưu (tệp do một chương trình '
        "khác tạo, chưa mở bằng Excel). Hãy mở tệp bằng Excel hoặc LibreOffice, bấm Lưu rồi gửi lại.",
        'Văn bản điện tử, dòng 3, cột "C": ô C3 có công thức nhưng chưa có kết quả được lưu (tệp do một chương trình '
        "khác tạo, chưa mở bằng Excel). Hãy mở tệp bằng Excel hoặc LibreOffice, bấm Lưu rồi gửi lại.",
    ]


def test_a_formula_in_a_sheet_the_import_does_not_read_is_no_reason_to_refuse(tmp_path: Path) -> None:
    path = build_return(tmp_path / "r.xlsx", cadres=PEOPLE)
    wb = openpyxl.load_workbook(path)
    wb.create_sheet("Tính toán")["A1"] = "=1+1"
    wb.save(path)
    assert analyse_file(path).ok


@pytest.mark.parametrize(
    ("birth_year", "expected"),
    [
        (2002, "năm sinh 2002: đến năm 2017 mới 15 tuổi, chưa đủ 18 tuổi; hãy kiểm tra lại"),
        (1933, "năm sinh 1933: đến năm 2017 đã 84 tuổi, quá 80 tuổi; hãy kiểm tra lại"),
    ],
)
def test_a_leader_younger_than_18_or_older_than_80_at_the_period_is_refused(
    tmp_path: Path, birth_year: int, expected: str
) -> None:
    plan = analyse_file(build_return(tmp_path / "r.xlsx", cadres=[*PEOPLE, cadre("Hà Văn Dũng", birth_year)]))
    assert [e.text() for e in plan.errors] == [f'Cán bộ, dòng 4, cột "Năm sinh": {expected}']


def test_ages_are_judged_at_the_period(tmp_path: Path) -> None:
    """Born 1999: 18 in 2017, so a leader in a 2017 return, and not yet in a 2016 one."""
    assert analyse_file(build_return(tmp_path / "a.xlsx", period="Năm 2017", cadres=[cadre("An", 1999)])).ok
    assert not analyse_file(build_return(tmp_path / "b.xlsx", period="Năm 2016", cadres=[cadre("An", 1999)])).ok


def test_dates_before_1945_or_after_the_period_are_refused(tmp_path: Path) -> None:
    path = build_return(tmp_path / "r.xlsx", period="6 tháng đầu năm 2017",
                        office=office(True, in_use_since=date(1940, 5, 1)),
                        edoc=[("Đảng ủy", True, date(2017, 6, 30)), ("UBND", True, date(2017, 7, 1))],
                        info={"Ngày lập": date(1944, 12, 31)})  # fmt: skip
    plan = analyse_file(path)
    assert [e.text() for e in plan.errors] == [
        'Thông tin chung, dòng 3, cột "Ngày lập": ngày 31/12/1944 trước năm 1945, không hợp lệ; hãy kiểm tra lại',
        'Một cửa, dòng 9, cột "Ngày đưa vào sử dụng": ngày 01/05/1940 trước năm 1945, không hợp lệ; hãy kiểm tra lại',
        'Văn bản điện tử, dòng 3, cột "Từ ngày": ngày 01/07/2017 sau khi kỳ báo cáo kết thúc (30/06/2017); hãy kiểm '
        "tra lại",
    ]


def test_a_report_dated_after_its_period_is_fine(tmp_path: Path) -> None:
    """A half-year's return is written in July: only dates of what happened in the period are bounded by it."""
    path = build_return(tmp_path / "r.xlsx", period="6 tháng đầu năm 2017", cadres=PEOPLE,
                        info={"Ngày lập": date(2017, 7, 5)})  # fmt: skip
    assert analyse_file(path).ok
