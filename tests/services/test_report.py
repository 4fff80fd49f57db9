"""The printed report, roster and urging lists: Party-document HTML and the A4 PDF made from it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from dean_desktop.services.formatting import format_percent
from dean_desktop.services.indicators import indicator_report
from dean_desktop.services.periods import parse_period
from dean_desktop.services.report_content import report_html, roster_html, urging_html
from dean_desktop.services.roster import list_members

ROOT = Path(__file__).resolve().parents[2]
HEADER_LINES = ["ĐẢNG BỘ TỈNH THÁI NGUYÊN", "HUYỆN ỦY ĐỊNH HÓA", "BAN TỔ CHỨC", "ĐẢNG CỘNG SẢN VIỆT NAM"]
SECTIONS = [
    "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
    "II. BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ CẤP XÃ",
    "III. TRÌNH ĐỘ CÁN BỘ LÃNH ĐẠO, QUẢN LÝ",
    "IV. LUÂN CHUYỂN CÁN BỘ",
    "V. TIẾN ĐỘ THỰC HIỆN CÁC NHÓM GIẢI PHÁP",
    "VI. TÌNH HÌNH GỬI BÁO CÁO",
]


def pdf_text(path: Path, first: int | None = None, last: int | None = None, mode: str = "-layout") -> str:
    """The PDF's text: ``-layout`` keeps the printed lines, ``-raw`` the drawing order (a cell's lines together)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    result = subprocess.run(["pdftotext", mode, *pages, str(path), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8").replace("\xa0", " ")  # figures are kept whole by non-breaking spaces


def has_phrase(text: str, phrase: str) -> bool:
    """``phrase`` is in ``text``, allowing a line break wherever it has a space (text wrapped in a table cell)."""
    return re.search(r"\s+".join(re.escape(word) for word in phrase.split()), text) is not None


def expected_values(as_of: str | None) -> list[str]:
    report = indicator_report(parse_period(as_of) if as_of else None)
    return [format_percent(i.value) if i.unit == "%" else f"{i.numerator} {i.unit}" for i in report.indicators]


def test_report_html_is_a_party_document(demo_store: Path) -> None:
    html = report_html(today=date(2026, 11, 26)).replace("\xa0", " ")
    for line in [*HEADER_LINES, "*", "BÁO CÁO", "Định Hóa, ngày 26 tháng 11 năm 2026", "Nơi nhận:", "TRƯỞNG BAN"]:
        assert line in html
    for value in expected_values(None):
        assert value in html
    assert "Kết quả thực hiện các Đề án giai đoạn 2016 - 2020" in html


def test_report_html_as_of_a_period(demo_store: Path) -> None:
    html = report_html(parse_period("Năm 2017")).replace("\xa0", " ")
    assert "tính đến Năm 2017" in html
    for value in expected_values("Năm 2017"):
        assert value in html


@pytest.mark.usefixtures("qapp")
def test_report_pdf_reads_like_the_engine(demo_store: Path, tmp_path: Path) -> None:
    from dean_desktop.rendering.pdf import render_report_pdf

    out = render_report_pdf(tmp_path / "bao_cao.pdf")
    text = pdf_text(out)
    assert text == unicodedata.normalize("NFC", text)
    for line in [*HEADER_LINES, "BÁO CÁO", "Kết quả thực hiện các Đề án giai đoạn 2016 - 2020", *SECTIONS]:
        assert line in text, line
    today = date.today()
    assert f"Định Hóa, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}" in text
    for value in expected_values(None):
        assert value in text, value
    assert "Nơi nhận:" in text and "TRƯỞNG BAN" in text
    raw = pdf_text(out, mode="-raw")
    for item in indicator_report().indicators:  # diacritics survive extraction
        assert has_phrase(raw, item.title), item.title
    # A4 portrait on every page
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", out.read_bytes())
    assert boxes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in boxes)
    # page numbers from page 2, at the top
    assert pdf_text(out, 1, 1).lstrip().startswith("ĐẢNG BỘ TỈNH THÁI NGUYÊN")
    assert pdf_text(out, 2, 2).split()[0] == "2"


@pytest.mark.usefixtures("qapp")
def test_report_pdf_embeds_its_fonts(demo_store: Path, tmp_path: Path) -> None:
    from dean_desktop.rendering.pdf import render_report_pdf

    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    out = render_report_pdf(tmp_path / "fonts.pdf", parse_period("Năm 2017"))
    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    fonts = listing.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)
    # one family for every style: no glyph fell back to another font (Debian's Liberation 1.07 lacks Vietnamese)
    families = {line.split()[0].split("+")[-1].split("-")[0] for line in fonts}
    assert len(families) == 1, families
    assert "tính đến Năm 2017" in pdf_text(out)


@pytest.mark.usefixtures("qapp")
def test_roster_and_urging_pdfs(demo_store: Path, tmp_path: Path) -> None:
    from dean_desktop.rendering.pdf import render_roster_pdf, render_urging_pdf

    members = list_members()
    roster_text = pdf_text(render_roster_pdf(tmp_path / "ban_chi_dao.pdf"), mode="-raw")
    assert "DANH SÁCH" in roster_text and "Ban Chỉ đạo và phân công nhiệm vụ" in roster_text
    assert all(has_phrase(roster_text, m.full_name) for m in members[:5])  # rows may break across pages later on
    one = members[1]
    urging_text = pdf_text(render_urging_pdf(tmp_path / "don_doc.pdf", parse_period("Năm 2018"), one.id))
    assert "DANH SÁCH ĐÔN ĐỐC" in urging_text and "kỳ Năm 2018" in urging_text
    assert one.full_name in urging_text and members[2].full_name not in urging_text


def test_roster_and_urging_html(demo_store: Path) -> None:
    html = roster_html(date(2026, 11, 26))
    assert "Ban Chỉ đạo và phân công nhiệm vụ" in html and "Định Hóa, ngày 26 tháng 11 năm 2026" in html
    everyone = urging_html(parse_period("Năm 2018"))
    assert all(m.full_name in everyone for m in list_members())


@pytest.mark.usefixtures("qapp")
def test_build_document_is_a4_with_party_margins() -> None:
    from dean_desktop.rendering.pdf import build_document, layout_dpi

    doc = build_document("<p>Thử</p>")
    dpi = layout_dpi()
    assert doc.pageSize().width() == pytest.approx(210 / 25.4 * dpi, rel=1e-3)
    assert doc.pageSize().height() == pytest.approx(297 / 25.4 * dpi, rel=1e-3)
    frame = doc.rootFrame().frameFormat()
    for margin, mm in ((frame.topMargin(), 20), (frame.bottomMargin(), 20), (frame.leftMargin(), 30)):
        assert margin == pytest.approx(mm / 25.4 * dpi, rel=1e-3)
    assert frame.rightMargin() == pytest.approx(15 / 25.4 * dpi, rel=1e-3)
    assert doc.defaultFont().pointSizeF() == 14


def test_report_modules_do_not_load_qt_at_import() -> None:
    code = (
        "import sys; import dean_desktop.services.report_content, dean_desktop.rendering.pdf; "
        "import dean_desktop.services.excel_export.summary; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
