"""The `Chỉ tiêu` sheet: the summary workbook's copy imports back unchanged; edits and refusals name row and column."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl

from dean_desktop.services.excel_export.summary import export_summary
from dean_desktop.services.excel_import import analyse_file, apply_plan
from dean_desktop.services.targets import list_targets


def test_the_summary_workbook_imports_back_unchanged_and_an_edit_in_it_changes_one_target(
    store: Path, tmp_path: Path
) -> None:
    out = export_summary(tmp_path / "tong_hop.xlsx")
    plan = analyse_file(out)
    assert plan.ok, [e.text() for e in plan.errors]
    assert (plan.kind, plan.counts, plan.unchanged) == ("targets", {"targets": 5}, True)

    wb = openpyxl.load_workbook(out)
    ws = wb["Chỉ tiêu"]
    header = [c.value for c in ws[4]]
    row = next(r for r in ws.iter_rows(min_row=5) if r[0].value == "reform.edoc_orgs")
    row[header.index("Tối thiểu")].value = 90
    row[header.index("Năm hạn")].value = "2019"  # a year typed as text
    wb.save(out)
    plan = analyse_file(out)
    assert plan.ok and plan.diff["targets"].changed == 1 and plan.diff["targets"].added == 0
    apply_plan(plan)
    edoc = next(t for t in list_targets() if t.code == "reform.edoc_orgs")
    assert (edoc.data.target_min, edoc.data.deadline_year) == (90, 2019)


def _sheet(path: Path, header: list[str], rows: list[list[object]], title_rows: int = 0) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "CHI TIEU"
    for _ in range(title_rows):
        ws.append(["ĐỀ ÁN 2021 - 2025"])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


HEADER = ["Mã chỉ tiêu", "Đề án", "Nội dung chỉ tiêu", "Cách tính", "Cấp", "Tiêu chí", "Giá trị được tính",
          "Tối thiểu", "Tối đa", "Năm hạn"]  # fmt: skip


def test_headers_in_nfd_under_titles_are_read(store: Path, tmp_path: Path) -> None:
    header = [unicodedata.normalize("NFD", h.upper()) for h in HEADER]
    row = ["cadre.women", "CB", "Cán bộ nữ toàn huyện", "Tỷ lệ cán bộ", "Toàn huyện", "Giới tính", "nữ", 30, None, 2020]
    plan = analyse_file(_sheet(tmp_path / "nfd.xlsx", header, [row], title_rows=15))
    assert plan.ok, [e.text() for e in plan.errors]
    apply_plan(plan)
    women = next(t for t in list_targets() if t.code == "cadre.women")
    assert (women.data.level, women.data.criterion, women.data.counted_values) == ("toan_huyen", "gender", ("Nữ",))


def test_unknown_method_level_criterion_and_project_are_refused_with_the_choices(store: Path, tmp_path: Path) -> None:
    rows = [
        ["a.one", "CB", "Một", "Tỷ lệ đảng viên", "Cấp xã", "Chuyên môn", "Đại học", 50, None, 2020],
        ["a.two", "CB", "Hai", "Tỷ lệ cán bộ", "Cấp tỉnh", "Chuyên môn", "Đại học", 50, None, 2020],
        ["a.three", "CB", "Ba", "Tỷ lệ xã, thị trấn", "Cấp xã", "Có máy phát điện", None, 100, None, 2020],
        ["a.four", "NTM", "Bốn", "Số người luân chuyển", None, None, None, 4, 6, 2020],
        ["a.four", "CB", "Bốn", "Số người luân chuyển", None, None, None, 4, 6, 2020],
    ]
    plan = analyse_file(_sheet(tmp_path / "sai.xlsx", HEADER, rows))
    found = {(e.row, e.column): e.message for e in plan.errors}
    assert "chọn một trong: Tỷ lệ cán bộ, Tỷ lệ xã, thị trấn" in found[(2, "Cách tính")]
    assert "chọn một trong: Cấp huyện, Cấp xã, Toàn huyện" in found[(3, "Cấp")]
    assert "Có phòng làm việc riêng, Kết nối Internet, Niêm yết công khai TTHC" in found[(4, "Tiêu chí")]
    assert '"NTM"' in found[(5, "Đề án")] and "CB hoặc" in found[(5, "Đề án")]
    assert (6, "Mã chỉ tiêu") not in found  # row 5 failed, so row 6 is the first "a.four"
    assert len(list_targets()) == 5
