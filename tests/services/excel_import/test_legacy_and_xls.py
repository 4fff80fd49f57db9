"""Text typed in TCVN3 or VNI (found by font and by the text alone) and old .xls files."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from dean_desktop.services.excel_import import analyse_file, import_files
from dean_desktop.services.legacy_text import encode_tcvn3, encode_vni

from .builders import Messy, build_return, cadre, office

pytestmark = pytest.mark.usefixtures("store")

DATA = Path(__file__).resolve().parents[2] / "data"
WORDS = ["Lương Văn Lành", "Đinh Thị Điềm", "Hoàng Bảo Cường"]
UNITS = ["Phượng Tiến", "Bảo Cường", "Lam Vỹ", "Điềm Mặc"]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("fonts", [True, False], ids=["by-font", "by-text"])
@pytest.mark.parametrize("unit", UNITS)
def test_legacy_text_is_converted_everywhere_with_a_warning(
    tmp_path: Path, encoding: str, fonts: bool, unit: str
) -> None:
    style = Messy(encoding=encoding, legacy_fonts=fonts, title_rows=2, alias_headers=True)
    people = [cadre(name, 1970 + i, "Đại học", "Cao cấp", ethnicity="Tày") for i, name in enumerate(WORDS)]
    path = build_return(tmp_path / "r.xlsx", unit=f"Xã {unit}", period="6 tháng đầu năm 2017",
                        office=office(True, notes="Định Hóa"), edoc=[("Đảng ủy", True), ("Hội Nông dân", False)],
                        cadres=people, style=style)  # fmt: skip
    plan = analyse_file(path)
    assert plan.ok, [e.text() for e in plan.errors]
    assert plan.unit.name == unit and plan.period.code == "2017-H1"
    assert [c.full_name for c in plan.payload.cadres] == WORDS
    assert {c.ethnicity for c in plan.payload.cadres} == {"Tày"}
    assert plan.payload.office.notes == "Định Hóa"
    assert [(e.org_name, e.exchanges) for e in plan.payload.edoc] == [("Đảng ủy", True), ("Hội Nông dân", False)]
    label = "TCVN3" if encoding == "tcvn3" else "VNI"
    assert any(f"bảng mã cũ {label}" in w.message for w in plan.warnings)
    assert {r.encoding.rstrip("h") for r in plan.repairs} == {encoding}
    repaired = {r.after: r.before for r in plan.repairs}
    encode = encode_tcvn3 if encoding == "tcvn3" else encode_vni
    assert repaired["Lương Văn Lành"] == encode("Lương Văn Lành")


def test_tcvn3_capital_font_makes_capitals(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Thông tin chung"
    ws["A1"], ws["B1"] = "Đơn vị", encode_tcvn3("định hóa")  # nonsense as a unit, checked via the repair only
    ws["A2"], ws["B2"] = "Kỳ báo cáo", "Năm 2017"
    ws["A3"], ws["B3"] = "Người lập", encode_tcvn3("lương văn lành")
    ws["B1"].font = Font(name=".VnTimeH")
    ws["B3"].font = Font(name=".VnTimeH")
    wb.save(tmp_path / "h.xlsx")
    plan = analyse_file(tmp_path / "h.xlsx")
    after = {r.before: r.after for r in plan.repairs}
    assert after[encode_tcvn3("định hóa")] == "ĐỊNH HÓA"
    assert after[encode_tcvn3("lương văn lành")] == "LƯƠNG VĂN LÀNH"


def test_unicode_text_in_ordinary_fonts_is_left_alone(tmp_path: Path) -> None:
    people = [cadre("Hà Thị Hòa", ethnicity="H'Mông"), cadre("Lê Văn Tài", ethnicity="Kinh")]
    plan = analyse_file(build_return(tmp_path / "r.xlsx", cadres=people))
    assert plan.repairs == []
    assert [(c.full_name, c.ethnicity) for c in plan.payload.cadres] == [("Hà Thị Hòa", "Mông"), ("Lê Văn Tài", "Kinh")]


def test_old_xls_file_is_read(tmp_path: Path) -> None:
    """tests/data/return_linh_thong_2017.xls was written once with xlwt (Excel 97 format): three sheets, a merged
    title, a text number with a decimal comma, a date, abbreviations and one name typed in TCVN3."""
    outcomes = import_files([DATA / "return_linh_thong_2017.xls"])
    assert [o.status for o in outcomes] == ["imported"]
    assert outcomes[0].unit == "Linh Thông" and outcomes[0].counts == {"office": 1, "edoc": 0, "cadres": 2}
    from dean_desktop.models import Cadre, OfficeReadiness

    assert sorted((c.full_name, c.education, c.political_theory) for c in Cadre.select()) == [
        ("Hoàng Văn An", "dai_hoc", "cao_cap"),
        ("Lương Văn Lành", "thac_si", "trung_cap"),
    ]
    stored = OfficeReadiness.get()
    assert (stored.floor_area, stored.computers, str(stored.in_use_since)) == (34.5, 3, "2016-11-25")
