"""The report as a Word file and as a PDF from one content model: Party format, figures, and tables that never
split a row across pages (checked page by page on the demo data)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from dean_desktop.rendering.docx import render_report_docx, write_docx
from dean_desktop.services.formatting import format_percent
from dean_desktop.services.indicators import indicator_report
from dean_desktop.services.party_document import (
    Column,
    PartyDocument,
    PartyHeader,
    Signature,
    Table,
    keep_figures_whole,
    number_line,
    table,
)
from dean_desktop.services.periods import parse_period
from dean_desktop.services.report_content import Signing, report_document, roster_document

HEADER_LINES = ["ĐẢNG BỘ TỈNH THÁI NGUYÊN", "HUYỆN ỦY ĐỊNH HÓA", "BAN TỔ CHỨC", "*", "ĐẢNG CỘNG SẢN VIỆT NAM"]
SIGNING = Signing("125-BC/BTCHU", "Nguyễn Thị Thử Ký", "TRƯỞNG BAN")


def plain(text: str) -> str:
    return text.replace("\xa0", " ")


def expected_values(as_of: str | None) -> list[str]:
    report = indicator_report(parse_period(as_of) if as_of else None)
    return [format_percent(i.value) if i.unit == "%" else f"{i.numerator} {i.unit}" for i in report.indicators]


def docx_text(doc) -> str:  # type: ignore[no-untyped-def]
    """Every paragraph of the body and of its tables (nested in order), as one text."""
    return plain("\n".join(t.text for t in doc.element.body.iter(qn("w:t")) if t.text))


def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return path


def to_pdf(docx: Path) -> Path:
    profile = docx.parent / "lo-profile"
    subprocess.run(
        [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(docx.parent), str(docx)],
        capture_output=True, check=True, timeout=180,
    )  # fmt: skip
    return docx.with_suffix(".pdf")


def page_texts(pdf: Path) -> list[str]:
    """Each page's text in drawing order (a table cell's lines together)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    texts = []
    for page in range(1, pages + 1):
        result = subprocess.run(["pdftotext", "-raw", "-f", str(page), "-l", str(page), str(pdf), "-"],
                                capture_output=True, check=True)  # fmt: skip
        texts.append(plain(result.stdout.decode("utf-8")))
    return texts


def phrase(text: str) -> re.Pattern[str]:
    """``text`` with any run of spaces, line breaks included, where it has one."""
    return re.compile(r"\s+".join(re.escape(word) for word in plain(text).split()))


def split_rows(document: PartyDocument, pages: list[str]) -> list[str]:
    """Rows of the document's tables whose text is not whole on one page: a row split across two pages."""
    broken = []
    for block in document.tables:
        for row in block.rows:
            text = " ".join(cell for cell in row if cell)
            if text.strip() and not any(phrase(text).search(page) for page in pages):
                broken.append(text)
    return broken


# --------------------------------------------------------------------------- the content model


def test_figures_stay_whole_and_numbers_are_read_as_typed() -> None:
    assert keep_figures_whole("0912 345 678") == "0912\xa0345\xa0678"
    assert keep_figures_whole("≥ 15 %") == "≥\xa015\xa0%"
    assert keep_figures_whole("Nhiệm vụ 3 của nhóm 6") == "Nhiệm vụ 3 của nhóm 6"
    assert number_line("125-BC/BTCHU") == "Số 125-BC/BTCHU"
    assert number_line("Số 125-BC/BTCHU") == "Số 125-BC/BTCHU"
    assert number_line("125") == "Số 125-BC/BTCHU"
    assert number_line("").startswith("Số") and number_line("").endswith("-BC/BTCHU")


def test_the_signer_is_what_the_user_gives_not_the_roster(demo_store: Path) -> None:
    signed = report_document(signing=SIGNING).blocks[-1]
    assert isinstance(signed, Signature) and signed.signer == "Nguyễn Thị Thử Ký"
    blank = report_document(signing=Signing(signer="")).blocks[-1]
    assert isinstance(blank, Signature) and blank.signer == ""  # signed by hand, whoever is in the roster


# --------------------------------------------------------------------------- Word


def test_report_docx_is_a_party_document(demo_store: Path, tmp_path: Path) -> None:
    out = render_report_docx(tmp_path / "bao-cao.docx", signing=SIGNING)
    doc = Document(str(out))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # stored in twips
    margins = [round(m.mm, 1) for m in (section.top_margin, section.bottom_margin, section.left_margin)]
    assert 20 <= margins[0] <= 25 and 20 <= margins[1] <= 25 and 30 <= margins[2] <= 35
    assert 15 <= round(section.right_margin.mm, 1) <= 20
    # Times New Roman for every script, in the defaults and in every style, and no theme font left to win over it
    fonts = list(doc.styles.element.iter(qn("w:rFonts")))
    assert fonts
    for element in fonts:
        for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            assert element.get(qn(script)) == "Times New Roman"
        assert not [name for name in element.attrib if name.endswith("Theme")]
    assert doc.styles["Normal"].font.size.pt == 14
    text = docx_text(doc)
    for line in [*HEADER_LINES, "Số 125-BC/BTCHU", f"Định Hóa, ngày {date.today():%d} tháng {date.today():%m}"]:
        assert line in text, line
    for line in ["BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "VI. TÌNH HÌNH GỬI BÁO CÁO", "Nơi nhận:"]:
        assert line in text, line
    assert "TRƯỞNG BAN" in text and "Nguyễn Thị Thử Ký" in text
    for value in expected_values(None):  # decimal commas, as indicators states them
        assert value in text, value
    # the header and signature are borderless layout tables; every data table has rows that cannot split and
    # a header row that repeats on each page
    grids = [t for t in doc.tables if t.style is not None and t.style.name == "Table Grid"]
    assert len(grids) == len(report_document().tables)
    for grid in grids:
        rows = grid._tbl.findall(qn("w:tr"))
        assert all(row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for row in rows)
        assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        # the header row and the first data row are kept with the next row: no header alone at a page's foot
        kept = [cell.paragraphs[0].paragraph_format.keep_with_next for cell in grid.rows[0].cells]
        assert all(kept) and (
            len(rows) < 3 or all(c.paragraphs[0].paragraph_format.keep_with_next for c in grid.rows[1].cells)
        )
    header_xml = doc.sections[0].header._element.xml
    assert "PAGE" in header_xml and doc.sections[0].different_first_page_header_footer


def test_report_docx_for_a_period_states_its_figures(demo_store: Path, tmp_path: Path) -> None:
    out = render_report_docx(tmp_path / "2017.docx", parse_period("Năm 2017"))
    text = docx_text(Document(str(out)))
    assert "tính đến Năm 2017" in text
    for value in expected_values("Năm 2017"):
        assert value in text, value


def test_section_rows_span_the_rest_of_the_table(tmp_path: Path) -> None:
    columns = [Column("STT", 10, "n"), Column("Tiêu chí", 50), Column("Số", 40, "n")]
    grid = table(columns, [["I", "Chuyên môn"], [1, "Đại học", 170]])
    out = write_docx(PartyDocument("Thử", (PartyHeader(date(2026, 1, 5)), grid)), tmp_path / "t.docx")
    doc = Document(str(out))
    rows = doc.tables[-1].rows
    assert rows[1].cells[1].text == "Chuyên môn" and rows[1].cells[2].text == "Chuyên môn"  # merged
    assert [c.text for c in rows[2].cells] == ["1", "Đại học", "170"]


def test_report_docx_opens_in_libreoffice_as_a_party_document(demo_store: Path, tmp_path: Path) -> None:
    soffice()
    document = report_document(signing=SIGNING)
    pdf = to_pdf(write_docx(document, tmp_path / "bao-cao.docx"))
    pages = page_texts(pdf)
    whole = "\n".join(pages)
    for line in [*HEADER_LINES, "Số 125-BC/BTCHU", "BÁO CÁO", "Nơi nhận:", "Nguyễn Thị Thử Ký"]:
        assert line in whole, line
    for value in expected_values(None):
        assert value in whole, value
    assert not split_rows(document, pages)
    assert pages[1].split()[0] == "2"  # page numbers from page 2


# --------------------------------------------------------------------------- PDF


@pytest.mark.usefixtures("qapp")
def test_report_pdf_splits_no_row_and_repeats_headers(demo_store: Path, tmp_path: Path) -> None:
    from dean_desktop.rendering.pdf import paginate, render_pdf

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    document = report_document(signing=SIGNING)
    _, laid_out = paginate(document)
    pdf = render_pdf(document, tmp_path / "bao-cao.pdf")
    pages = page_texts(pdf)
    assert not split_rows(document, pages)
    # a table continued on a new page starts it with its header row
    for block in laid_out.tables:
        if block.break_before:
            header = " ".join(c.header for c in block.columns)
            first = " ".join(block.rows[0])
            assert any(phrase(header).search(p) and phrase(first).search(p) for p in pages), header
    # no table starts at a page's foot with only its header and a row: its first rows are on its first page
    for block in document.tables:
        if len(block.rows) >= 2:
            start = " ".join(c.header for c in block.columns) + " " + " ".join(block.rows[0])
            start += " " + " ".join(block.rows[1])
            assert any(phrase(start).search(p) for p in pages), start[:60]


@pytest.mark.usefixtures("qapp")
def test_phone_numbers_never_wrap_in_the_roster_pdf(demo_store: Path, tmp_path: Path) -> None:
    from dean_desktop.rendering.pdf import render_pdf

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    document = roster_document()
    pdf = render_pdf(document, tmp_path / "ban-chi-dao.pdf")
    lines = [line for page in page_texts(pdf) for line in page.splitlines()]
    phones = [plain(row[4]) for t in document.tables for row in t.rows if row[4]]
    assert phones
    for phone in phones:
        assert any(phone in line for line in lines), phone  # the whole number on one printed line
    assert not split_rows(document, page_texts(pdf))


@pytest.mark.usefixtures("qapp")
def test_a_row_that_would_cross_a_page_moves_to_the_next_one(tmp_path: Path) -> None:
    from dean_desktop.rendering.pdf import paginate, render_pdf

    long = "Nhiệm vụ có tên dài để ô phải xuống dòng nhiều lần trong cột hẹp (DỮ LIỆU MẪU)"
    rows = [[i, long, f"0912 345 {i:03d}"] for i in range(1, 60)]
    columns = [Column("STT", 10, "n"), Column("Nhiệm vụ", 60), Column("Điện thoại", 30, "n")]
    document = PartyDocument("Thử", (PartyHeader(date(2026, 1, 5)), table(columns, rows)))
    _, laid_out = paginate(document)
    assert len(laid_out.tables) > 1 and all(t.break_before for t in laid_out.tables[1:])
    assert sum(len(t.rows) for t in laid_out.tables) == len(rows)
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pages = page_texts(render_pdf(document, tmp_path / "dai.pdf"))
    assert len(pages) > 2 and not split_rows(document, pages)
    assert all("STT Nhiệm vụ Điện thoại" in page for page in pages)  # the header on every page
    assert isinstance(laid_out.tables[0], Table)


@pytest.mark.usefixtures("qapp")
def test_a_figure_never_wraps_even_in_a_narrow_column(tmp_path: Path) -> None:
    from dean_desktop.rendering.pdf import render_pdf

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    columns = [Column("STT", 5, "n"), Column("Họ và tên", 87), Column("Điện thoại", 8, "n")]
    rows = [[1, "Nguyễn Văn A", "0912 345 678"], [2, "Lò Thị B", "0987654321"], [3, "Ma Văn C", "≥ 100,0 %"]]
    document = PartyDocument("Thử", (PartyHeader(date(2026, 1, 5)), table(columns, rows)))
    lines = page_texts(render_pdf(document, tmp_path / "hep.pdf"))[0].splitlines()
    for figure in ("0912 345 678", "0987654321", "≥ 100,0 %"):
        assert any(figure in line for line in lines), figure  # whole, on one printed line
