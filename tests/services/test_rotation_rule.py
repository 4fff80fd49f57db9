"""`cadre.rotations` as the Đề án counts it (PRODUCT.md §2): distinct district heads moved to lead a commune, by a
decision within 2016–2020 — and the same number in the indicators, the report, the summary workbook and the register."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from dean_desktop.services.excel_export.summary import export_summary
from dean_desktop.services.excel_import import analyse_file, import_files
from dean_desktop.services.indicators import indicator_report
from dean_desktop.services.report_content import report_html
from dean_desktop.services.rotations import RotationInput, add_rotation, head_from_post, list_rotations, rotation_count

pytestmark = pytest.mark.usefixtures("store")

VALID = [
    ("Nguyễn Văn An", "Trưởng phòng Nội vụ", "Bí thư Đảng ủy xã Bảo Linh", "101-QĐ/HU", date(2016, 9, 1)),
    ("Lê Thị Bình", "Chánh Văn phòng HĐND và UBND huyện", "Chủ tịch UBND xã Phú Đình", "102-QĐ/HU", date(2017, 2, 1)),
    ("Hà Văn Cường", "Chánh Thanh tra huyện", "Bí thư Đảng ủy xã Điềm Mặc", "103-QĐ/HU", date(2017, 8, 1)),
    ("Ma Thị Dung", "Giám đốc Trung tâm Bồi dưỡng chính trị", "Chủ tịch UBND thị trấn Chợ Chu", "104-QĐ/HU",
     date(2018, 3, 1)),
    ("Đinh Văn Em", "Bí thư Huyện đoàn", "Phó Bí thư Thường trực Đảng ủy xã Quy Kỳ", "105-QĐ/HU", date(2019, 6, 1)),
]  # fmt: skip
NOT_COUNTED = [
    # a deputy's rotation
    ("Hoàng Văn Phó", "Phó Trưởng phòng Tư pháp", "Chủ tịch UBND xã Linh Thông", "106-QĐ/HU", date(2018, 1, 1)),
    # a move from a commune up to the district
    ("Vi Thị Lên", "Chủ tịch UBND xã Tân Dương", "Trưởng phòng Văn hóa và Thông tin", "107-QĐ/HU", date(2018, 5, 1)),
    # a second decision for a person already counted
    ("Nguyễn Văn An", "Trưởng phòng Nội vụ", "Bí thư Đảng ủy xã Kim Phượng", "108-QĐ/HU", date(2019, 9, 1)),
    # a record without a decision date
    ("Lường Văn Chưa", "Trưởng phòng Y tế", "Chủ tịch UBND xã Sơn Phú", "109-QĐ/HU", None),
]  # fmt: skip


def _register() -> None:
    for name, before, after, number, day in VALID + NOT_COUNTED:
        add_rotation(RotationInput(name, before, after, number, day))


def test_the_rule_counts_five_people_and_says_why_the_others_do_not_count() -> None:
    _register()
    judged = rotation_count()
    assert judged.count == 5
    assert sorted(r.decision_no for r in judged.counted) == [row[3] for row in VALID]
    reasons = {r.decision_no: judged.verdicts[r.id].reason for r in judged.not_counted}
    assert "cấp phó" in reasons["106-QĐ/HU"]
    assert "cấp xã" in reasons["107-QĐ/HU"] and "Tân Dương" in reasons["107-QĐ/HU"]
    assert "đã được tính theo quyết định số 101-QĐ/HU" in reasons["108-QĐ/HU"]
    assert "chưa có ngày quyết định" in reasons["109-QĐ/HU"]
    assert all(reason.startswith("Không tính: ") for reason in reasons.values())


def test_five_and_met_everywhere_the_number_is_stated(tmp_path: Path) -> None:
    _register()
    item = {i.code: i for i in indicator_report().indicators}["cadre.rotations"]
    assert (item.numerator, item.met) == (5, True)

    html = report_html(today=date(2020, 12, 31))
    assert "Đã luân chuyển 5 đồng chí" in html
    assert "4 bản ghi khác không tính vào chỉ tiêu" in html

    out = export_summary(tmp_path / "tong-hop.xlsx")
    book = openpyxl.load_workbook(out, read_only=True)
    targets = [row for row in book["Kết quả chỉ tiêu"].iter_rows(values_only=True) if "cadre.rotations" in row]
    assert len(targets) == 1 and targets[0][3] == 5 and "Đạt" in targets[0]
    rows = list(book["Luân chuyển"].iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "STT")
    verdicts = [r[header.index("Tính vào chỉ tiêu")] for r in rows[rows.index(header) + 1 :] if r and r[1]]
    assert sorted(verdicts) == ["Không tính"] * 4 + ["Tính"] * 5
    assert "5 người" in str(rows[1][0])  # the subtitle states the same count


def test_as_of_counts_only_decisions_by_the_end_of_that_period() -> None:
    _register()
    from dean_desktop.services.periods import parse_period

    item = {i.code: i for i in indicator_report(parse_period("Năm 2017")).indicators}["cadre.rotations"]
    assert (item.numerator, item.met) == (3, False)


@pytest.mark.parametrize(
    ("post", "head"),
    [
        ("Trưởng phòng Nội vụ", True),
        ("Trưởng Ban Tuyên giáo Huyện ủy", True),
        ("Chánh Văn phòng Huyện ủy", True),
        ("Giám đốc Trung tâm", True),
        ("Chủ tịch Hội Nông dân huyện", True),
        ("Bí thư Huyện đoàn", True),
        ("truong phong tu phap", True),
        ("Phó Trưởng phòng Nội vụ", False),
        ("Phó Chánh Thanh tra", False),
        ("pho chu tich", False),
        ("Chuyên viên Phòng Nội vụ", False),
        ("Trường THCS Bảo Linh", False),  # a school (trường), not a head (trưởng)
        ("", None),
    ],
)
def test_head_posts_are_recognised_and_deputies_are_not(post: str, head: bool | None) -> None:
    assert head_from_post(post) is head


def _rotation_book(path: Path, headers: list[str], rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Luân chuyển"
    sheet.append(["DANH SÁCH CÁN BỘ LUÂN CHUYỂN"])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_explicit_columns_are_read_and_win_over_the_text(tmp_path: Path) -> None:
    headers = ["STT", "Họ và tên", "Chức vụ, đơn vị trước luân chuyển", "Cấp trưởng", "Đơn vị trước",
               "Chức vụ, đơn vị luân chuyển đến", "Đơn vị đến", "Số quyết định", "Ngày quyết định"]  # fmt: skip
    rows = [
        [1, "Nông Văn Quyền", "Q. Trưởng phòng", "Không", "Phòng Nội vụ", "Chủ tịch UBND", "Xã Bảo Linh",
         "201-QĐ/HU", "01/03/2018"],
        [2, "Tạ Thị Rõ", "Phụ trách phòng", "Có", "Phòng Y tế", "Bí thư Đảng ủy", "Phú Đình", "202-QĐ/HU",
         "01/04/2018"],
    ]  # fmt: skip
    outcome = import_files([_rotation_book(tmp_path / "lc.xlsx", headers, rows)])[0]
    assert outcome.status == "imported", [e.text() for e in outcome.errors]
    assert not [w for w in outcome.warnings if "suy ra" in w.text()]  # nothing was inferred
    stored = {r.full_name: r for r in list_rotations()}
    assert (stored["Tạ Thị Rõ"].from_head, stored["Tạ Thị Rõ"].to_unit) == (True, "Phú Đình")
    judged = rotation_count()
    assert [r.full_name for r in judged.counted] == ["Tạ Thị Rõ"]
    assert 'cột "Cấp trưởng" ghi Không' in judged.verdicts[stored["Nông Văn Quyền"].id].reason


def test_a_hedge_in_the_head_column_is_refused(tmp_path: Path) -> None:
    headers = ["STT", "Họ và tên", "Chức vụ, đơn vị trước luân chuyển", "Cấp trưởng",
               "Chức vụ, đơn vị luân chuyển đến", "Số quyết định", "Ngày quyết định"]  # fmt: skip
    rows = [[1, "Nông Văn Quyền", "Trưởng phòng", "có lẽ", "Chủ tịch UBND xã Bảo Linh", "1-QĐ/HU", "01/03/2018"]]
    plan = analyse_file(_rotation_book(tmp_path / "lc.xlsx", headers, rows))
    assert not plan.ok
    assert any(e.column == "Cấp trưởng" and e.row == 3 for e in plan.errors)


def test_without_the_columns_the_preview_shows_what_was_inferred(tmp_path: Path) -> None:
    headers = ["STT", "Họ và tên", "Chức vụ, đơn vị trước luân chuyển", "Chức vụ, đơn vị luân chuyển đến",
               "Số quyết định", "Ngày quyết định"]  # fmt: skip
    rows = [[1, *VALID[0][:4], "01/09/2016"], [2, *NOT_COUNTED[0][:4], "01/01/2018"]]
    plan = analyse_file(_rotation_book(tmp_path / "lc.xlsx", headers, rows))
    assert plan.ok, [e.text() for e in plan.errors]
    inferred = {w.row: w.text() for w in plan.warnings if "suy ra" in w.text()}
    assert set(inferred) == {3, 4}
    assert "Tính vào chỉ tiêu" in inferred[3] and "Bảo Linh" in inferred[3]
    assert "Không tính" in inferred[4] and "cấp phó" in inferred[4]


def test_the_blank_register_has_the_explicit_columns_and_reads_back(tmp_path: Path) -> None:
    from dean_desktop.services.excel_export.district_form import export_rotation_form

    path = export_rotation_form(tmp_path / "so-luan-chuyen.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Luân chuyển"]
    header_row = next(row for row in sheet.iter_rows() if row[0].value == "STT")
    headers = [c.value for c in header_row if c.value]
    assert {"Cấp trưởng", "Đơn vị trước", "Đơn vị đến"} <= set(headers)
    first = header_row[0].row + 1
    sheet.protection.sheet = False
    for column, value in zip(
        headers,
        [1, "Nông Văn Quyền", "Trưởng phòng Tư pháp", "Có", "Phòng Tư pháp", "Bí thư Đảng ủy", "Bảo Linh",
         "301-QĐ/HU", "15/03/2018", 36, ""],
        strict=True,
    ):  # fmt: skip
        sheet.cell(first, headers.index(column) + 1, value)
    book.save(path)
    outcome = import_files([path])[0]
    assert outcome.status == "imported", [e.text() for e in outcome.errors]
    assert not [w for w in outcome.warnings if "suy ra" in w.text()]
    stored = list_rotations()[0]
    assert (stored.from_head, stored.from_unit, stored.to_unit) == (True, "Phòng Tư pháp", "Bảo Linh")
    assert rotation_count().count == 1


def test_namesakes_differing_only_by_diacritics_are_different_people() -> None:
    add_rotation(RotationInput(*VALID[0]))
    add_rotation(RotationInput("Nguyễn Văn Ân", *VALID[0][1:3], "110-QĐ/HU", date(2018, 1, 1)))
    add_rotation(RotationInput("NGUYỄN VĂN AN", *VALID[0][1:3], "111-QĐ/HU", date(2019, 1, 1)))  # the same person
    judged = rotation_count()
    assert judged.count == 2
    assert [r.decision_no for r in judged.not_counted] == ["111-QĐ/HU"]


def test_a_stated_unit_wins_over_the_posts_text() -> None:
    add_rotation(
        RotationInput(
            "Lò Văn Sáu", "Bí thư Đảng ủy xã Bảo Linh (kiêm nhiệm)", "Chủ tịch UBND", "120-QĐ/HU", date(2018, 1, 1),
            from_head=True, from_unit="Phòng Nội vụ", to_unit="Xã Phú Đình",
        )
    )  # fmt: skip
    judged = rotation_count()
    assert judged.count == 1 and judged.verdicts[judged.rows[0].id].destination == "Phú Đình"
