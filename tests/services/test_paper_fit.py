"""Workbooks fit for paper: blank forms that can be filled by hand (allowed values printed, required marks, rows
tall enough to write in) and a summary workbook in Times New Roman whose columns show every value whole."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from dean_desktop.services.excel_export.form_sheets import HEADER_ROW as FORM_HEADER_ROW
from dean_desktop.services.excel_export.forms import CADRE_COLUMNS, export_forms
from dean_desktop.services.excel_export.summary import export_summary
from dean_desktop.services.excel_export.summary_sheet import HEADER_ROW, shown_text
from dean_desktop.services.excel_export.text_width import LINE_POINTS, text_width, wrapped_lines
from dean_desktop.services.formatting import format_percent
from dean_desktop.services.periods import parse_period
from dean_desktop.services.units import list_units
from dean_desktop.services.vocab import EDUCATION, GENDERS, POLITICAL_THEORY, STATE_MGMT

PERIOD = parse_period("Năm 2019")


def linh_thong_form(tmp_path: Path) -> Path:
    unit = next(u for u in list_units() if u.code == "05539")
    (path,) = export_forms(tmp_path / "forms", PERIOD, unit_ids=[unit.id])
    return path


def test_the_guide_page_prints_every_allowed_value_and_the_required_columns(store: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(linh_thong_form(tmp_path))
    guide = wb["Hướng dẫn"]
    assert guide.sheet_state == "visible" and int(guide.page_setup.paperSize) == int(guide.PAPERSIZE_A4)
    rows = {(r[0], r[1]): (r[2], r[3]) for r in guide.iter_rows(min_row=FORM_HEADER_ROW + 1, values_only=True)}
    for column, values in (
        ("Giới tính", GENDERS),
        ("Chuyên môn", EDUCATION.values()),
        ("Lý luận chính trị", POLITICAL_THEORY.values()),
        ("Quản lý nhà nước", STATE_MGMT.values()),
    ):
        how = rows[("Cán bộ", column)][1]
        assert all(value in how for value in values), column
    assert rows[("Văn bản điện tử", "Trao đổi văn bản điện tử")] == ("Có (*)", "Có / Không")
    required = {column for (sheet, column), (mark, _) in rows.items() if sheet == "Cán bộ" and mark}
    assert required == {"Họ và tên", "Năm sinh", "Chuyên môn", "Lý luận chính trị"}
    cadres = wb["Cán bộ"]
    assert [c.value for c in cadres[FORM_HEADER_ROW] if c.value and c.value.endswith("(*)")] == [
        "Họ và tên (*)", "Năm sinh (*)", "Chuyên môn (*)", "Lý luận chính trị (*)"
    ]  # fmt: skip
    office = wb["Một cửa"]
    assert office["A4"].value == "Có phòng làm việc riêng (*)" and office["C4"].value == "(Có / Không)"
    for name in ("Thông tin chung", "Một cửa", "Văn bản điện tử", "Cán bộ", "Hướng dẫn"):
        note = wb[name]["A2"].value
        assert "màu trắng" not in note and "mũi tên" not in note, name


def test_a_filled_paper_form_still_imports(store: Path, tmp_path: Path) -> None:
    """The marks and the printed hints do not disturb the importer: a hint is never read as a value."""
    from dean_desktop.services.excel_import import import_files

    path = linh_thong_form(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["Một cửa"]["B4"] = "Có"
    cadres = wb["Cán bộ"]
    for column, value in enumerate((1, "Lò Văn Thử", 1980, "Nam", "Tày", "Chủ tịch UBND", "Đại học", "Luật",
                                    "Trung cấp", "Chuyên viên"), start=1):  # fmt: skip
        cadres.cell(FORM_HEADER_ROW + 1, column, value)
    wb.save(path)
    (outcome,) = import_files([path])
    assert outcome.status != "rejected", [e.text() for e in outcome.errors]
    assert outcome.counts["cadres"] == 1


def _pdf_rows_pitch_mm(pdf: Path, page: int, labels: list[str]) -> float:
    """The distance between the printed rows holding ``labels`` (one label per row, in order), in mm."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    tops = {}
    for match in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)</word>', out):
        x, y, word = float(match[1]), float(match[2]), match[3]
        if word in labels and x < 80 and word not in tops:
            tops[word] = y
    ys = [tops[label] for label in labels]
    return min(b - a for a, b in zip(ys, ys[1:], strict=False)) * 25.4 / 72


def test_cadre_rows_print_tall_enough_to_write_in(store: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or poppler-utils is not installed")
    path = linh_thong_form(tmp_path)
    wb = openpyxl.load_workbook(path)
    keep = ["Cán bộ"]
    for name in wb.sheetnames:
        if name not in keep:
            wb[name].sheet_state = "hidden"  # print the cadre sheet alone
    wb.active = wb.sheetnames.index("Cán bộ")
    for offset in range(5):
        wb["Cán bộ"].cell(FORM_HEADER_ROW + 1 + offset, 1, f"R{offset + 1}")
    only = tmp_path / "can-bo.xlsx"
    wb.save(only)
    profile = (tmp_path / "lo").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(only)], capture_output=True, check=True, timeout=180)  # fmt: skip
    pitch = _pdf_rows_pitch_mm(only.with_suffix(".pdf"), 1, [f"R{i}" for i in range(1, 6)])
    assert pitch >= 8.0, pitch
    assert len(CADRE_COLUMNS) == 13


def test_summary_is_times_new_roman_and_every_value_fits_its_column(demo_store: Path, tmp_path: Path) -> None:
    out = export_summary(tmp_path / "tong-hop.xlsx")
    styles = zipfile.ZipFile(out).read("xl/styles.xml").decode()
    names = set(re.findall(r'<name val="([^"]+)"', styles))
    assert names == {"Times New Roman"}  # headers, titles, plain cells: one font, named
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        widths = {c.column_letter: ws.column_dimensions[c.column_letter].width for c in ws[HEADER_ROW] if c.value}
        for header in ws[HEADER_ROW]:
            if header.value:  # a header's words are never cut (it wraps between them)
                longest = max(header.value.split(), key=len)
                assert text_width(longest, bold=True) <= widths[header.column_letter], (ws.title, header.value)
        for row in ws.iter_rows(min_row=HEADER_ROW + 1):
            for cell in row:
                if cell.value is None or cell.column_letter not in widths:
                    continue
                text = shown_text(cell.value)
                if isinstance(cell.value, datetime) and "h" not in cell.number_format:
                    text = f"{cell.value:%d/%m/%Y}"  # read back as a datetime; shown as the date it is
                if isinstance(cell.value, float):  # as Excel shows it, with a decimal comma
                    text = format_percent(cell.value * 100) if "%" in cell.number_format else text.replace(".", ",")
                width = widths[cell.column_letter]
                if text_width(text) <= width:
                    continue
                # wider than its column: it wraps, and its row is tall enough for the lines it takes
                assert cell.alignment.wrap_text, (ws.title, cell.coordinate, text)
                height = ws.row_dimensions[cell.row].height
                assert height is not None and height >= LINE_POINTS * wrapped_lines(text, width - 0.5), (
                    ws.title,
                    cell.coordinate,
                )
    register = wb["Danh sách cán bộ"]
    headers = {c.value: c.column_letter for c in register[HEADER_ROW]}
    for column in ("Quản lý nhà nước", "Tin học", "Kỳ báo cáo"):  # the columns that cut their values before
        letter = headers[column]
        values = {c.value for c in register[letter][HEADER_ROW:] if c.value}
        assert values and all(text_width(str(v)) <= register.column_dimensions[letter].width for v in values), column
