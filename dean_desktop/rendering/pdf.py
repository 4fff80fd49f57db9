"""Printing the documents' HTML on A4 with Qt's text document: to a PDF file, or to any printer the window offers.

Qt is imported inside the functions (QtGui only, never widgets), so importing this module costs nothing and the
command line stays fast. Pages are painted one by one so that page numbers can go at the top from page 2 on.
"""

from __future__ import annotations

import functools
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice, QTextDocument, QTextTable

    from ..services.party_document import PartyDocument
    from ..services.periods import Period
    from ..services.report_content import Signing

# Hướng dẫn 36-HD/VPTW: A4 portrait, margins top 20, bottom 20, left 30, right 15 mm; Times New Roman 14.
MARGINS_MM = {"top": 20.0, "bottom": 20.0, "left": 30.0, "right": 15.0}
A4_MM = (210.0, 297.0)
BODY_PT = 14
PAGE_NUMBER_PT = 13
PAGE_NUMBER_TOP_MM = 9.0
# Room a heading needs below it on its page, by the block's user state ("-qt-user-state" in the HTML):
# 1: a table header and a row or two; 2: a short last section with the signature block.
KEEP_WITH_NEXT_MM = {1: 30.0, 2: 90.0}
# Times New Roman first; then metric-compatible serifs that carry Vietnamese glyphs.
SERIF_CANDIDATES = ("Times New Roman", "Liberation Serif", "Tinos", "Nimbus Roman", "Noto Serif", "DejaVu Serif")

_app: Any = None  # the QGuiApplication made for the command line, kept alive for the process


def ensure_gui_app() -> None:
    """Make a QGuiApplication when none exists (command line); offscreen when there is no display."""
    global _app
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    no_display = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and no_display and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication([sys.argv[0] if sys.argv else "dean_desktop"])


_VIETNAMESE_SAMPLE = "ẾỆỮỞđơưĐ"


def _covers_vietnamese(family: str) -> bool:
    """Every style (regular, bold, italic, bold italic) the document uses has the Vietnamese letters itself."""
    from PySide6.QtGui import QFont, QRawFont

    for bold, italic in ((False, False), (True, False), (False, True), (True, True)):
        font = QFont(family)
        font.setBold(bold)
        font.setItalic(italic)
        raw = QRawFont.fromFont(font)
        if not raw.isValid() or raw.familyName() != family:
            return False
        if not all(raw.supportsCharacter(ord(ch)) for ch in _VIETNAMESE_SAMPLE):
            return False
    return True


def _register_vietnamese_files(family: str) -> None:
    """On Linux, load the family's font files that cover Vietnamese as application fonts, so they win over an older
    version of the same family installed beside them (Debian's fonts-liberation 1.07 lacks Vietnamese,
    fonts-liberation2 has it, both are named "Liberation Serif"). Windows has Times New Roman: nothing to do."""
    import sys

    from PySide6.QtGui import QFontDatabase, QRawFont

    if not sys.platform.startswith("linux"):
        return
    stem = family.replace(" ", "")
    folders = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts"]
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob(f"{stem}-*.ttf")):
            raw = QRawFont(str(path), 12.0)
            if raw.isValid() and all(raw.supportsCharacter(ord(ch)) for ch in _VIETNAMESE_SAMPLE):
                QFontDatabase.addApplicationFont(str(path))  # files without Vietnamese (old versions) stay out


@functools.cache
def serif_family() -> str:
    """Times New Roman, else the first installed metric-compatible serif whose every style writes Vietnamese;
    the system font when there is none."""
    from PySide6.QtGui import QFontDatabase

    families = set(QFontDatabase.families())
    present = [f for f in SERIF_CANDIDATES if f in families]
    for family in present:
        if _covers_vietnamese(family):
            return family
        _register_vietnamese_files(family)
        if _covers_vietnamese(family):
            return family
    if present:
        return present[0]  # Qt falls back per glyph; better than a sans-serif system font
    return str(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family())


def layout_dpi() -> float:
    """The resolution a text document without a paint device lays out at (Qt's default DPI): 72-point font's
    pixel size."""
    from PySide6.QtGui import QFont, QFontInfo

    font = QFont()
    font.setPointSizeF(72)
    return float(QFontInfo(font).pixelSize()) or 96.0


def _mm(value: float, dpi: float) -> float:
    return value * dpi / 25.4


def build_document(html: str) -> QTextDocument:
    """A text document holding ``html``, paginated on A4 portrait with the Party-document margins.

    It is laid out at Qt's default resolution (as on screen), so CSS pixels, points and the page agree;
    :func:`print_document` scales it to the printer's resolution.
    """
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QFont, QTextDocument, QTextOption

    dpi = layout_dpi()
    doc = QTextDocument()
    doc.setUseDesignMetrics(True)
    option = doc.defaultTextOption()  # break lines between words only: a figure is never split inside, its
    option.setWrapMode(QTextOption.WrapMode.WordWrap)  # column grows to hold it whole
    doc.setDefaultTextOption(option)
    font = QFont(serif_family())
    font.setPointSizeF(BODY_PT)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    frame = doc.rootFrame().frameFormat()
    frame.setTopMargin(_mm(MARGINS_MM["top"], dpi))
    frame.setBottomMargin(_mm(MARGINS_MM["bottom"], dpi))
    frame.setLeftMargin(_mm(MARGINS_MM["left"], dpi))
    frame.setRightMargin(_mm(MARGINS_MM["right"], dpi))
    doc.rootFrame().setFrameFormat(frame)
    doc.setPageSize(QSizeF(_mm(A4_MM[0], dpi), _mm(A4_MM[1], dpi)))
    rooms = {state: _mm(room, dpi) for state, room in KEEP_WITH_NEXT_MM.items()}
    _keep_headings_with_next(doc, rooms, _mm(MARGINS_MM["bottom"], dpi))
    return doc


def _keep_headings_with_next(doc: QTextDocument, rooms: dict[int, float], bottom_margin: float) -> None:
    """Start a heading (a block whose user state is a key of ``rooms``, set by "-qt-user-state" in the HTML) on a
    new page when less than its room is left below it on its page."""
    from PySide6.QtGui import QTextCursor, QTextFormat

    layout = doc.documentLayout()
    page_height = doc.pageSize().height()
    changed = False
    block = doc.begin()
    while block.isValid():
        room = rooms.get(block.userState())
        if room is not None:
            rect = layout.blockBoundingRect(block)  # lays out up to here, with the breaks set so far
            page_end = (int(rect.top() // page_height) + 1) * page_height - bottom_margin
            if page_end - rect.bottom() < room:
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
                changed = True
        block = block.next()
    if changed:  # the incremental relayout leaves later blocks unpainted; lay the whole document out again
        doc.markContentsDirty(0, doc.characterCount())


# Rows of a table that must stay on the page where the table starts (the header row and the first data rows).
WIDOW_ROWS = 3
MAX_LAYOUT_PASSES = 40


def _grid_tables(doc: QTextDocument) -> list[QTextTable]:
    """The bordered tables of the document in order: the model's tables (the header and signature are borderless)."""
    from PySide6.QtGui import QTextTable

    tables = []
    for frame in doc.rootFrame().childFrames():
        if isinstance(frame, QTextTable) and frame.format().border() > 0:
            tables.append(frame)
    return tables


def _row_span(doc: QTextDocument, table: QTextTable, row: int) -> tuple[float, float]:
    """The top and bottom of a table row's text, in document coordinates."""
    layout = doc.documentLayout()
    tops, bottoms = [], []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row or cell.column() != column:
            continue
        tops.append(layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
        bottoms.append(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
    return min(tops), max(bottoms)


def _layout_fix(doc: QTextDocument, model: PartyDocument) -> PartyDocument | None:
    """The model changed to mend the first layout fault, or None when there is none: a table whose header and first
    rows do not fit where it starts moves to the next page (with the sentence introducing it); a row that would be
    split across two pages starts a continuation of its table, header repeated, on the next page."""
    from dataclasses import replace

    from ..services.party_document import Table

    page_height = doc.pageSize().height()

    def page(y: float) -> int:
        return int(y // page_height)

    tables = _grid_tables(doc)
    blocks = list(model.blocks)
    indexes = [i for i, b in enumerate(blocks) if isinstance(b, Table)]
    if len(tables) != len(indexes):  # the HTML and the model disagree: leave Qt's own layout
        return None
    for index, table in zip(indexes, tables, strict=True):
        block = blocks[index]
        assert isinstance(block, Table)
        top = _row_span(doc, table, 0)[0]
        last = min(WIDOW_ROWS, table.rows()) - 1
        if not block.break_before and page(_row_span(doc, table, last)[1]) != page(top):
            blocks[index] = replace(block, break_before=True)
            return replace(model, blocks=tuple(blocks))
        for row in range(1, table.rows()):
            row_top, row_bottom = _row_span(doc, table, row)
            if page(row_top) != page(row_bottom) and row > 1:
                head = replace(block, rows=block.rows[: row - 1])
                rest = Table(block.columns, block.rows[row - 1 :], break_before=True)
                blocks[index : index + 1] = [head, rest]
                return replace(model, blocks=tuple(blocks))
    return None


def paginate(model: PartyDocument) -> tuple[QTextDocument, PartyDocument]:
    """Lay the document out on A4, mending layout faults until none is left: no row split across pages, no table
    header left alone at the bottom of a page. Returns the text document and the model it was built from."""
    from ..services.party_document import to_html

    doc = build_document(to_html(model))
    for _ in range(MAX_LAYOUT_PASSES):
        fixed = _layout_fix(doc, model)
        if fixed is None:
            break
        model = fixed
        doc = build_document(to_html(model))
    return doc, model


def _full_page_a4(device: QPagedPaintDevice) -> None:
    """A4 portrait with no device margins: the document's own frame margins place the text."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    set_full_page = getattr(device, "setFullPage", None)  # QPrinter: origin at the paper's corner
    if set_full_page is not None:
        set_full_page(True)
    device.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )


def print_document(document: PartyDocument | str, device: QPagedPaintDevice) -> int:
    """Paint a Party document (or plain HTML) on ``device`` page by page, numbering pages from 2 at the top centre;
    returns the page count.

    Works for QPdfWriter and for the QPrinter a QPrintPreviewDialog hands to its ``paintRequested`` slot.
    """
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QFont, QPainter

    _full_page_a4(device)
    doc = build_document(document) if isinstance(document, str) else paginate(document)[0]
    dpi = layout_dpi()
    page = doc.pageSize()
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise PermissionError("Không mở được thiết bị in hoặc tệp PDF để ghi.")
    try:
        painter.scale(device.logicalDpiX() / dpi, device.logicalDpiY() / dpi)
        number_font = QFont(doc.defaultFont())
        number_font.setPointSizeF(PAGE_NUMBER_PT * dpi / device.logicalDpiY())  # the painter is scaled to the device
        for index in range(pages):
            if index:
                device.newPage()
            painter.save()
            painter.translate(0, -index * page.height())
            doc.drawContents(painter, QRectF(0, index * page.height(), page.width(), page.height()))
            painter.restore()
            if index >= 1:
                painter.setFont(number_font)
                left, right = _mm(MARGINS_MM["left"], dpi), _mm(MARGINS_MM["right"], dpi)
                box = QRectF(left, _mm(PAGE_NUMBER_TOP_MM, dpi), page.width() - left - right, _mm(8, dpi))
                painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), str(index + 1))
    finally:
        painter.end()
    return pages


def render_html_pdf(html: PartyDocument | str, out: Path, title: str = "") -> Path:
    """Write a Party document (or plain HTML) as an A4 PDF at ``out`` (replaced whole, never half-written);
    fonts are embedded."""
    from PySide6.QtGui import QPdfWriter

    ensure_gui_app()
    out = Path(out)
    handle, temp_name = tempfile.mkstemp(prefix=".~", suffix=".pdf", dir=out.parent)
    os.close(handle)
    try:
        writer = QPdfWriter(temp_name)
        writer.setCreator("Đề án Desktop")
        if title:
            writer.setTitle(title)
        print_document(html, writer)
        del writer  # flush and close the file before moving it into place
        os.replace(temp_name, out)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return out


def render_pdf(document: PartyDocument, out: Path) -> Path:
    return render_html_pdf(document, out, document.title)


def render_report_pdf(out: Path, as_of: Period | None = None, signing: Signing | None = None) -> Path:
    """The summary report of both projects as a PDF."""
    from ..services.report_content import report_document

    return render_pdf(report_document(as_of, signing=signing), out)


def render_roster_pdf(out: Path) -> Path:
    from ..services.report_content import roster_document

    return render_pdf(roster_document(), out)


def render_urging_pdf(out: Path, period: Period | None = None, member_id: int | None = None) -> Path:
    from ..services.report_content import urging_document

    return render_pdf(urging_document(period, member_id), out)
