"""The district summary workbook: figures equal the indicator engine's, text stays text, printable layout."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from dean_desktop.services.cadres import level_statistics, list_cadres
from dean_desktop.services.excel_export import summary
from dean_desktop.services.excel_export.summary import ExportCancelled, export_summary
from dean_desktop.services.excel_export.summary_sheet import HEADER_ROW, PERCENT_FORMAT
from dean_desktop.services.indicators import indicator_report
from dean_desktop.services.periods import parse_period
from dean_desktop.services.returns import CadreData, EdocData, OfficeData, ReturnData, save_return
from tests.factories import unit_id

SHEETS = [
    "Kết quả chỉ tiêu",
    "Chỉ tiêu",
    "Một cửa",
    "Văn bản điện tử",
    "Trình độ cán bộ",
    "Danh sách cán bộ",
    "Luân chuyển",
    "Ban Chỉ đạo",
    "Nhóm giải pháp",
    "Tình hình báo cáo",
    "_meta",
]
FORMULA = '=HYPERLINK("http://x","y")'


def _records(ws: Worksheet) -> list[dict[str, object]]:
    headers = [c.value for c in ws[HEADER_ROW]]
    return [
        dict(zip(headers, (c.value for c in row), strict=True))
        for row in ws.iter_rows(min_row=HEADER_ROW + 1, max_col=len(headers))
    ]


@pytest.mark.parametrize("as_of", [None, "Năm 2017"])
def test_targets_sheet_equals_the_indicator_engine(demo_store: Path, tmp_path: Path, as_of: str | None) -> None:
    period = parse_period(as_of) if as_of else None
    out = export_summary(tmp_path / "tong_hop.xlsx", period)
    wb = load_workbook(out)
    assert wb.sheetnames == SHEETS
    ws = wb["Kết quả chỉ tiêu"]
    rows = {r["Mã chỉ tiêu"]: (r, ws.cell(HEADER_ROW + 1 + i, 4)) for i, r in enumerate(_records(ws))}
    report = indicator_report(period)
    for item in report.indicators:
        row, value_cell = rows[item.code]
        assert row["Tử số"] == item.numerator and row["Mẫu số"] == item.denominator
        assert row["Thời hạn"] == item.deadline
        assert row["Đánh giá"] == ("Đạt" if item.met else "Chưa đạt")
        if item.unit == "%":
            assert isinstance(value_cell.value, float)
            assert value_cell.value == pytest.approx(item.value / 100)
            assert value_cell.number_format == PERCENT_FORMAT
        else:
            assert value_cell.value == item.numerator
    for figure in report.checklists:
        row, value_cell = rows[f"checklist.{figure.project_code}"]
        assert (row["Tử số"], row["Mẫu số"]) == (figure.done, figure.total)
        assert value_cell.value == pytest.approx(figure.value / 100)
    subtitle = ws["A2"].value
    assert (f"tính đến {period.label}" in subtitle) if period else ("số liệu mới nhất" in subtitle)


def test_cadre_statistics_and_offices_match_the_services(demo_store: Path, tmp_path: Path) -> None:
    wb = load_workbook(export_summary(tmp_path / "t.xlsx"))
    stats = {s.level: s for s in level_statistics(list_cadres())}
    levels = {r["Tiêu chí"]: r for r in _records(wb["Trình độ cán bộ"])}
    assert levels["Tổng số cán bộ lãnh đạo, quản lý"]["Cấp huyện (người)"] == stats["huyen"].total
    assert levels["Thạc sĩ"]["Cấp huyện (người)"] == stats["huyen"].by_education["thac_si"]
    senior = stats["huyen"].senior_theory
    assert levels["Cao cấp, Cử nhân"]["Cấp huyện (người)"] == senior
    assert levels["Cao cấp, Cử nhân"]["Cấp huyện (tỷ lệ)"] == pytest.approx(senior / stats["huyen"].total)
    assert {"Dưới cao đẳng", "Cao đẳng", "Đại học", "Thạc sĩ", "Tiến sĩ", "Sơ cấp", "Trung cấp"} <= set(levels)
    report = indicator_report()
    postgrad = next(i for i in report.indicators if i.code == "cadre.postgrad_district")
    assert levels["Thạc sĩ"]["Cấp huyện (người)"] + levels["Tiến sĩ"]["Cấp huyện (người)"] == postgrad.numerator

    offices = _records(wb["Một cửa"])
    commune_offices = next(i for i in report.indicators if i.code == "reform.commune_offices")
    assert len(offices) == commune_offices.denominator
    assert sum(r["Có phòng làm việc riêng"] == "Có" for r in offices) == commune_offices.numerator
    assert all(isinstance(r["Số máy vi tính"], int) for r in offices)
    with_area = [r for r in offices if r["Diện tích phòng (m²)"] is not None]
    assert with_area and all(isinstance(r["Diện tích phòng (m²)"], int | float) for r in with_area)
    assert all(isinstance(r["Ngày đưa vào sử dụng"], datetime) for r in with_area)
    edoc = _records(wb["Văn bản điện tử"])
    edoc_target = next(i for i in report.indicators if i.code == "reform.edoc_orgs")
    assert len(edoc) == edoc_target.denominator
    assert sum(r["Trao đổi văn bản điện tử"] == "Có" for r in edoc) == edoc_target.numerator
    assert len(_records(wb["Ban Chỉ đạo"])) == 16
    assert len(_records(wb["Luân chuyển"])) == 5


def test_every_string_is_text_never_a_formula(store: Path, tmp_path: Path) -> None:
    tricky = [FORMULA, "+84 912 345 678", "-5 điểm", "@chú ý", "=1+1"]
    save_return(
        ReturnData(
            unit_id=unit_id("Linh Thông"),
            period=parse_period("Năm 2018"),
            office=OfficeData(has_office=True, notes=FORMULA),
            edoc=[EdocData(org_name=t, exchanges=False, notes=t, seq=i) for i, t in enumerate(tricky)],
            cadres=[
                CadreData(full_name=FORMULA, birth_year=1975, education="dai_hoc", political_theory="trung_cap"),
                CadreData(full_name="Nguyễn Văn A", birth_year=1980, education="dai_hoc", political_theory="so_cap",
                          position="=SUM(A1:A9)", notes="@x"),
            ],
        )
    )  # fmt: skip
    wb = load_workbook(export_summary(tmp_path / "an_toan.xlsx"))
    strings = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.data_type == "s"
                    strings.append(cell.value)
    assert _records(wb["Một cửa"])[1]["Ghi chú"] == FORMULA  # Linh Thông is the second commune
    register = _records(wb["Danh sách cán bộ"])
    assert register[0]["Họ và tên"] == FORMULA and register[1]["Chức vụ"] == "=SUM(A1:A9)"
    assert all(t in strings for t in tricky)


def test_printable_layout(demo_store: Path, tmp_path: Path) -> None:
    wb = load_workbook(export_summary(tmp_path / "in.xlsx"))
    for ws in (ws for ws in wb.worksheets if ws.sheet_state == "visible"):  # the hidden `_meta` is never printed
        assert ws.page_setup.orientation == "landscape"
        assert str(ws.page_setup.paperSize) == "9"  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
        assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
        header = ws.cell(HEADER_ROW, 1)
        assert header.font.b and header.border.bottom.style == "thin"
        assert ws["A1"].value and ws["A1"].font.b
    tasks = _records(wb["Nhóm giải pháp"])
    assert any(isinstance(r["Hạn hoàn thành"], datetime) for r in tasks)
    assert wb["Nhóm giải pháp"].cell(HEADER_ROW + 1, 7).number_format == "dd/mm/yyyy"


def test_progress_cancel_and_a_locked_target(demo_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    steps: list[tuple[int, int]] = []
    export_summary(tmp_path / "a.xlsx", progress=lambda done, total: steps.append((done, total)))
    assert steps[-1][0] == steps[-1][1] and len(steps) == steps[-1][1]

    target = tmp_path / "huy.xlsx"
    calls = iter([False, False, True])
    with pytest.raises(ExportCancelled):
        export_summary(target, should_cancel=lambda: next(calls))
    assert not target.exists()

    def locked(src: str, dst: object) -> None:
        raise PermissionError(13, "file in use", str(dst))

    monkeypatch.setattr(summary.os, "replace", locked)
    with pytest.raises(PermissionError):
        export_summary(tmp_path / "dang_mo.xlsx")
    leftovers = [name for name in os.listdir(tmp_path) if name.startswith(".~")]
    assert leftovers == []
