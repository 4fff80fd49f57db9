"""A printed Party document (Hướng dẫn 36-HD/VPTW) as one content model — header, title, headings, paragraphs,
tables, signature — and its HTML for Qt's text document. The Word renderer (rendering.docx) reads the same model.
Qt-free."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape

PROVINCE_PARTY = "ĐẢNG BỘ TỈNH THÁI NGUYÊN"
DISTRICT_COMMITTEE = "HUYỆN ỦY ĐỊNH HÓA"
ISSUER = "BAN TỔ CHỨC"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
PLACE = "Định Hóa"
REPORT_SUFFIX = "-BC/BTCHU"
LETTER_SUFFIX = "-CV/BTCHU"
SIGNER_TITLE = "TRƯỞNG BAN"
RECIPIENTS = ("Thường trực Huyện ủy (b/c),", "Các đồng chí thành viên Ban Chỉ đạo,", "Lưu Ban Tổ chức Huyện ủy.")
NBSP = "\u00a0"

# A space inside a figure ("0912 345 678", "16,4 %", "≥ 15 %") must never become a line break.
_FIGURE_SPACE = re.compile(r"(?<=\d) (?=\d)|(?<=\d) (?=%)|(?<=[≥≤]) (?=\d)")


def keep_figures_whole(text: str) -> str:
    """Non-breaking spaces inside figures, so a phone number or a percentage never wraps inside."""
    return _FIGURE_SPACE.sub(NBSP, text)


def number_line(number: str, suffix: str = REPORT_SUFFIX) -> str:
    """``Số 125-BC/BTCHU`` from what the user typed ("125-BC/BTCHU", "125", "Số 125-BC/BTCHU");
    blank: room for the number written by hand."""
    number = number.strip()
    if number[:3].casefold() == "số ":
        number = number[3:].strip()
    if not number:
        return "Số" + NBSP * 8 + suffix
    return f"Số {number}" if "/" in number else f"Số {number}{suffix}"


def date_line(today: date) -> str:
    return f"{PLACE}, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}"


# --------------------------------------------------------------------------- the content model


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    width: int  # percent of the text width
    align: str = "l"  # "l" text, "n" centred figures


@dataclass(frozen=True, slots=True)
class PartyHeader:
    """The two-column header: issuing body with its asterisk, the number (and a letter's "V/v" line) on the left;
    the Party's name and the place-and-date line on the right."""

    today: date
    number: str = ""  # the whole line, e.g. "Số 125-BC/BTCHU"; "" prints no number (lists)
    about: str = ""  # a letter's subject line under the number ("V/v đôn đốc …")


@dataclass(frozen=True, slots=True)
class Title:
    title: str
    subject: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered section (level 1, bold) or sub-section (level 2, bold italic), kept with what follows it."""

    text: str
    level: int = 1
    with_signature: bool = False  # the last short section: keep it with the signature block


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    align: str = "justify"  # "justify", "center", "left"
    indent: bool = True  # first-line indent
    bold: bool = False
    italic: bool = False
    keep_with_next: bool = False  # a sentence that introduces the table below it
    space_above: bool = False  # a line set apart from what precedes it ("Kính gửi: …")


@dataclass(frozen=True, slots=True)
class Table:
    """A bordered table; a row shorter than the columns is a section row whose last cell spans the rest, in bold.
    The header row repeats on each page and no row is split across pages (both renderers)."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    break_before: bool = False  # set by the PDF renderer when the table must start on a new page


@dataclass(frozen=True, slots=True)
class Signature:
    signer: str = ""
    title: str = SIGNER_TITLE
    recipients: tuple[str, ...] = RECIPIENTS
    on_behalf: str = ""  # "T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN"… above the title, when any


Block = PartyHeader | Title | Heading | Paragraph | Table | Signature


@dataclass(frozen=True)
class PartyDocument:
    title: str  # the file's title (PDF metadata, Word core properties)
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


def table(columns: Sequence[Column], rows: Iterable[Sequence[object]]) -> Table:
    """A :class:`Table` from any cell values (None is blank; figures stay whole on one line)."""
    cells = tuple(tuple(keep_figures_whole("" if v is None else str(v)) for v in row) for row in rows)
    return Table(tuple(columns), cells)


# --------------------------------------------------------------------------- HTML for Qt's text document

STYLE = """
p { margin-top: 0; margin-bottom: 0; }
table.grid { border-collapse: collapse; border-color: #000000; border-style: solid;
             margin-top: 6px; margin-bottom: 6px; }
table.grid td, table.grid th { font-size: 13pt; padding: 3px; border-color: #000000; }
table.grid th { font-weight: bold; }
"""

# "-qt-user-state" marks blocks the renderer keeps on one page with what follows them:
# 1 with the start of their section, 2 with a short last section and the signature below it.
KEEP_WITH_NEXT = "-qt-user-state:1"
KEEP_WITH_SIGNATURE = "-qt-user-state:2"
_ALIGN = {"l": "left", "n": "center"}
_BREAK = "page-break-before:always"


def esc(value: object) -> str:
    return escape("" if value is None else str(value))


def p(text: str, css: str = "", align: str = "") -> str:
    attrs = (f' align="{align}"' if align else "") + (f' style="{css}"' if css else "")
    return f"<p{attrs}>{text}</p>"


def _header_html(block: PartyHeader) -> str:
    left = "".join([p(PROVINCE_PARTY), p(f"<b>{DISTRICT_COMMITTEE}</b>"), p(f"<b>{ISSUER}</b>"), p("*")])
    rule = '<hr width="76%" align="center" style="margin-top:2px"/>'  # under the Party's name, as long as it
    right = p(f"<b>{PARTY}</b>") + rule
    number = p(esc(block.number)) + (p(f"<i>{esc(block.about)}</i>", "font-size:12pt") if block.about else "")
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" border="0">'
        f'<tr><td width="44%" align="center" valign="top">{left}</td>'
        f'<td width="56%" align="center" valign="top">{right}</td></tr>'
        f'<tr><td align="center" valign="top">{number}</td>'
        f'<td align="center" valign="top">{p(f"<i>{date_line(block.today)}</i>")}</td></tr>'
        "</table>"
    )


def _title_html(block: Title) -> str:
    parts = [
        p(f"<b>{esc(block.title)}</b>", "font-size:15pt; margin-top:18px", "center"),
        p(f"<b>{esc(block.subject)}</b>", align="center"),
    ]
    if block.note:
        parts.append(p(f"<i>({esc(block.note)})</i>", align="center"))
    parts.append(p("-----", "margin-bottom:14px", "center"))
    return "".join(parts)


def _heading_html(block: Heading, page_break: bool) -> str:
    keep = KEEP_WITH_SIGNATURE if block.with_signature else KEEP_WITH_NEXT
    extra = f"; {_BREAK}" if page_break else ""
    if block.level == 1:
        return p(f"<b>{esc(block.text)}</b>", f"{keep}; margin-top:14px; margin-bottom:6px{extra}")
    return p(f"<b><i>{esc(block.text)}</i></b>", f"{keep}; margin-top:8px; margin-bottom:6px{extra}", "justify")


def _paragraph_html(block: Paragraph, page_break: bool) -> str:
    text = esc(keep_figures_whole(block.text))
    if block.bold:
        text = f"<b>{text}</b>"
    if block.italic:
        text = f"<i>{text}</i>"
    css = ["margin-top:4px; margin-bottom:4px; line-height:115%"]
    if block.indent:
        css.append("text-indent:38px")
    if block.space_above:
        css[0] = css[0].replace("margin-top:4px", "margin-top:16px")
    if block.keep_with_next:
        css.append(KEEP_WITH_NEXT)
    if page_break:
        css.append(_BREAK)
    return p(text, "; ".join(css), block.align)


def _table_html(block: Table, page_break: bool) -> str:
    columns = block.columns
    head = "".join(f'<th width="{c.width}%" align="center" valign="middle">{esc(c.header)}</th>' for c in columns)
    body = []
    for row in block.rows:
        cells = [esc(value) for value in row]
        if len(cells) < len(columns):  # a section row: its last cell spans the rest, in bold
            span = len(columns) - len(cells) + 1
            lead = zip(columns, cells[:-1], strict=False)
            html = "".join(f'<td align="{_ALIGN[c.align]}"><b>{cell}</b></td>' for c, cell in lead)
            html += f'<td colspan="{span}"><b>{cells[-1]}</b></td>'
            body.append(f"<tr>{html}</tr>")
            continue
        tds = (
            f'<td align="{_ALIGN[c.align]}" valign="top">{cell}</td>' for c, cell in zip(columns, cells, strict=True)
        )
        body.append("<tr>" + "".join(tds) + "</tr>")
    style = f' style="{_BREAK}"' if page_break else ""
    return (
        f'<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="4"{style}>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def _signature_html(block: Signature) -> str:
    recipients = "".join(p(f"- {esc(r)}", "font-size:12pt") for r in block.recipients)
    right = p(f"<b>{esc(block.on_behalf)}</b>") if block.on_behalf else ""
    right += p(f"<b>{esc(block.title)}</b>") + p("<br/><br/><br/><br/>")
    right += p(f"<b>{esc(block.signer)}</b>" if block.signer else "")
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" border="0" style="margin-top:16px">'
        f'<tr><td width="50%" valign="top">{p("<u>Nơi nhận:</u>")}{recipients}</td>'
        f'<td width="50%" align="center" valign="top">{right}</td></tr></table>'
    )


def break_points(blocks: Sequence[Block]) -> set[int]:
    """Indexes of the blocks that start a new page: for a table marked ``break_before``, the first of the
    heading and introducing paragraphs right above it, which go to the new page with it."""
    points = set()
    for index, block in enumerate(blocks):
        if isinstance(block, Table) and block.break_before:
            start = index
            while start > 0 and (
                isinstance(blocks[start - 1], Heading)
                or (isinstance(blocks[start - 1], Paragraph) and blocks[start - 1].keep_with_next)  # type: ignore[union-attr]
            ):
                start -= 1
            points.add(start)
    return points


def to_html(doc: PartyDocument) -> str:
    """The document as HTML for Qt's text document (the PDF, the printer and the print preview)."""
    breaks = break_points(doc.blocks)
    parts = []
    for index, block in enumerate(doc.blocks):
        page_break = index in breaks
        if isinstance(block, PartyHeader):
            parts.append(_header_html(block))
        elif isinstance(block, Title):
            parts.append(_title_html(block))
        elif isinstance(block, Heading):
            parts.append(_heading_html(block, page_break))
        elif isinstance(block, Paragraph):
            parts.append(_paragraph_html(block, page_break))
        elif isinstance(block, Table):
            parts.append(_table_html(block, page_break))
        else:
            parts.append(_signature_html(block))
    return f'<html><head><meta charset="utf-8"><style>{STYLE}</style></head><body>{"".join(parts)}</body></html>'
