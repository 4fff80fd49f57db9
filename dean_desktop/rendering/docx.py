"""Writing a Party document as an editable Word file with python-docx, in the format of Hướng dẫn 36-HD/VPTW:
A4, margins 20/20/30/15 mm, Times New Roman everywhere, the two-column header, tables whose rows never split and
whose header row repeats, "Nơi nhận" and the signature block; page numbers at the top from page 2.

It draws the same content model (services.party_document) as the PDF. python-docx is imported with this module,
which only the commands that write Word files import.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..services.party_document import (
    DISTRICT_COMMITTEE,
    ISSUER,
    PARTY,
    PROVINCE_PARTY,
    Heading,
    Paragraph,
    PartyDocument,
    PartyHeader,
    Signature,
    Table,
    Title,
    date_line,
    keep_figures_whole,
)

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph as WordParagraph

    from ..services.periods import Period
    from ..services.report_content import Signing

FONT = "Times New Roman"
A4_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = A4_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
BODY_PT = 14
TABLE_PT = 13
SMALL_PT = 12
TITLE_PT = 15
PAGE_NUMBER_TOP_MM = 9
TABLE_STYLE = "Bảng – nội dung"  # the paragraph style of table cells (13 pt, no spacing)
_ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "l": WD_ALIGN_PARAGRAPH.LEFT,
    "n": WD_ALIGN_PARAGRAPH.CENTER,
}


# --------------------------------------------------------------------------- fonts and styles


def _times_everywhere(rpr: Any) -> None:
    """Times New Roman for every script in a run-properties element (Latin, complex, East Asian), no theme font."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    _times_fonts(fonts)


def _times_fonts(fonts: Any) -> None:
    for name in list(fonts.attrib):
        if name.endswith("Theme"):  # a theme font (Calibri, Cambria) would win over the named one
            del fonts.attrib[name]
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), FONT)


def _vietnamese(rpr: Any) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")


def _set_up_styles(doc: WordDocument) -> None:
    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _times_everywhere(rpr)
            _vietnamese(rpr)
    for style in styles:
        if style.type != WD_STYLE_TYPE.LIST:  # paragraph, character and table styles
            _times_everywhere(style.element.get_or_add_rPr())
    normal = styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    cell_style = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell_style.base_style = normal
    cell_style.font.size = Pt(TABLE_PT)
    cell_style.paragraph_format.space_before = Pt(1)
    cell_style.paragraph_format.space_after = Pt(1)
    _times_everywhere(cell_style.element.get_or_add_rPr())
    for fonts in styles.element.iter(qn("w:rFonts")):  # also inside table styles' conditional formats
        _times_fonts(fonts)


def _page_setup(doc: WordDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance = Mm(PAGE_NUMBER_TOP_MM)
    section.different_first_page_header_footer = True  # no number on page 1
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(number)


def _page_field(paragraph: WordParagraph) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(TABLE_PT)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


# --------------------------------------------------------------------------- blocks


def _text(
    paragraph: WordParagraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float | None = None,
) -> WordParagraph:
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    if underline:
        run.underline = True
    if size is not None:
        run.font.size = Pt(size)
    return paragraph


def _line(cell_or_doc: Any, text: str, align: str = "center", first: bool = False, **style: Any) -> WordParagraph:
    paragraph = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph()
    paragraph.alignment = _ALIGN[align]
    return _text(paragraph, text, **style)


def _cell_margins(grid: Any, side_mm: float) -> None:
    """Left and right cell margins of a whole table (Word's default, 1.9 mm, wraps the header's longest line)."""
    properties = grid._tbl.tblPr
    margins = properties.find(qn("w:tblCellMar"))
    if margins is None:
        margins = OxmlElement("w:tblCellMar")
        look = properties.find(qn("w:tblLook"))
        if look is not None:  # the schema's order: tblCellMar comes before tblLook (Word refuses it after)
            look.addprevious(margins)
        else:
            properties.append(margins)
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(round(side_mm / 25.4 * 1440)))  # twentieths of a point
        element.set(qn("w:type"), "dxa")
        margins.append(element)


def _borderless(doc: WordDocument, widths_mm: tuple[float, ...], rows: int = 1) -> Any:
    grid = doc.add_table(rows=rows, cols=len(widths_mm))
    _cell_margins(grid, 0)
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for index, width in enumerate(widths_mm):
        grid.columns[index].width = Mm(width)
        for cell in grid.columns[index].cells:
            cell.width = Mm(width)
    for row in grid.rows:
        _row_property(row, "w:cantSplit")
    return grid


def _header(doc: WordDocument, block: PartyHeader) -> None:
    grid = _borderless(doc, (TEXT_WIDTH_MM * 0.44, TEXT_WIDTH_MM * 0.56), rows=2)
    left, right = grid.cell(0, 0), grid.cell(0, 1)
    _line(left, PROVINCE_PARTY, first=True)
    _line(left, DISTRICT_COMMITTEE, bold=True)
    _line(left, ISSUER, bold=True)
    _line(left, "*")
    _line(right, PARTY, first=True, bold=True, underline=True, size=TITLE_PT)
    number, day = grid.cell(1, 0), grid.cell(1, 1)
    _line(number, block.number, first=True)
    if block.about:
        _line(number, block.about, italic=True, size=SMALL_PT)
    _line(day, date_line(block.today), first=True, italic=True)


def _title(doc: WordDocument, block: Title) -> None:
    title = _line(doc, block.title, bold=True, size=TITLE_PT)
    title.paragraph_format.space_before = Pt(18)
    _line(doc, block.subject, bold=True)
    if block.note:
        _line(doc, f"({block.note})", italic=True)
    rule = _line(doc, "-----")
    rule.paragraph_format.space_after = Pt(10)


def _heading(doc: WordDocument, block: Heading) -> WordParagraph:
    paragraph = _line(doc, block.text, "justify", bold=True, italic=block.level > 1)
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(10 if block.level == 1 else 6), Pt(4)
    fmt.keep_with_next = True
    return paragraph


def _paragraph(doc: WordDocument, block: Paragraph) -> WordParagraph:
    paragraph = _line(doc, keep_figures_whole(block.text), block.align, bold=block.bold, italic=block.italic)
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(12 if block.space_above else 3), Pt(3), 1.15
    if block.indent:
        fmt.first_line_indent = Mm(10)
    fmt.keep_with_next = block.keep_with_next or None
    return paragraph


def _row_property(row: Any, tag: str) -> None:
    """``w:cantSplit`` (the row stays on one page) or ``w:tblHeader`` (the row repeats on each page), in the
    order the schema wants them (cantSplit before tblHeader)."""
    properties = row._tr.get_or_add_trPr()
    if properties.find(qn(tag)) is not None:
        return
    element = OxmlElement(tag)
    if tag == "w:cantSplit":
        properties.insert(0, element)
    else:
        properties.append(element)


def _cell_text(cell: _Cell, text: str, align: str, bold: bool = False, keep_with_next: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = TABLE_STYLE
    paragraph.alignment = _ALIGN[align]
    paragraph.paragraph_format.keep_with_next = keep_with_next or None
    if text:
        _text(paragraph, text, bold=bold)


def _table(doc: WordDocument, block: Table) -> None:
    columns = block.columns
    grid = doc.add_table(rows=1 + len(block.rows), cols=len(columns))
    grid.style = doc.styles["Table Grid"]
    _cell_margins(grid, 1.2)
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    total = sum(c.width for c in columns) or 1
    widths = [Mm(TEXT_WIDTH_MM * c.width / total) for c in columns]
    for index, width in enumerate(widths):
        grid.columns[index].width = width
    # the header row and the first data rows stay on the page where the table starts (no widowed header)
    kept = min(2, len(block.rows))
    for r, row in enumerate(grid.rows):
        _row_property(row, "w:cantSplit")
        cells = row.cells
        for index, cell in enumerate(cells):
            cell.width = widths[index]
        keep = r < kept
        if r == 0:
            _row_property(row, "w:tblHeader")
            for cell, column in zip(cells, columns, strict=True):
                _cell_text(cell, column.header, "n", bold=True, keep_with_next=True)
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            continue
        values = block.rows[r - 1]
        if len(values) < len(columns):  # a section row: its last cell spans the rest, in bold
            merged = cells[len(values) - 1].merge(cells[-1])
            for value, column, cell in zip(values[:-1], columns, cells, strict=False):
                _cell_text(cell, value, column.align, bold=True, keep_with_next=keep)
            _cell_text(merged, values[-1], "l", bold=True, keep_with_next=keep)
            continue
        for value, column, cell in zip(values, columns, cells, strict=True):
            _cell_text(cell, value, column.align, keep_with_next=keep)
    doc.add_paragraph().paragraph_format.space_after = Pt(2)  # Word needs a paragraph between two tables


def _signature(doc: WordDocument, block: Signature) -> None:
    spacer = doc.add_paragraph()
    spacer.paragraph_format.keep_with_next = True
    grid = _borderless(doc, (TEXT_WIDTH_MM * 0.5, TEXT_WIDTH_MM * 0.5))
    left, right = grid.cell(0, 0), grid.cell(0, 1)
    _line(left, "Nơi nhận:", "left", first=True, underline=True)
    for recipient in block.recipients:
        _line(left, f"- {recipient}", "left", size=SMALL_PT)
    first = True
    if block.on_behalf:
        _line(right, block.on_behalf, first=True, bold=True)
        first = False
    _line(right, block.title, first=first, bold=True)
    for _ in range(4):
        _line(right, "")
    _line(right, block.signer, bold=True)


def build_docx(document: PartyDocument) -> WordDocument:
    """The Word document for a Party document's content model."""
    doc = Document()
    _set_up_styles(doc)
    _page_setup(doc)
    body = doc.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):  # the template's empty first paragraph
        body.remove(paragraph)
    doc.core_properties.title = document.title
    doc.core_properties.author = f"{ISSUER.title()} {DISTRICT_COMMITTEE.title()}"
    doc.core_properties.language = "vi-VN"
    keep_to_signature = False  # the last short section stays on the page of the signature
    for block in document.blocks:
        if isinstance(block, PartyHeader):
            _header(doc, block)
        elif isinstance(block, Title):
            _title(doc, block)
        elif isinstance(block, Heading):
            _heading(doc, block)
            keep_to_signature = keep_to_signature or block.with_signature
        elif isinstance(block, Paragraph):
            paragraph = _paragraph(doc, block)
            if keep_to_signature:
                paragraph.paragraph_format.keep_with_next = True
        elif isinstance(block, Table):
            _table(doc, block)
        else:
            _signature(doc, block)
    return doc


def write_docx(document: PartyDocument, out: Path) -> Path:
    """Write ``document`` as a .docx at ``out``, replaced whole (never half-written)."""
    out = Path(out)
    handle, temp_name = tempfile.mkstemp(prefix=".~", suffix=".docx", dir=out.parent)
    os.close(handle)
    try:
        build_docx(document).save(temp_name)
        os.replace(temp_name, out)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return out


def render_report_docx(out: Path, as_of: Period | None = None, signing: Signing | None = None) -> Path:
    """The summary report of both projects as a Word document."""
    from ..services.report_content import report_document

    return write_docx(report_document(as_of, signing=signing), out)
