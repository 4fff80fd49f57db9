"""Building blocks of a printed Party document (Hướng dẫn 36-HD/VPTW) as HTML for Qt's text document:
the two-column header, the title, bordered tables, the signature and "Nơi nhận". Qt-free."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

PROVINCE_PARTY = "ĐẢNG BỘ TỈNH THÁI NGUYÊN"
DISTRICT_COMMITTEE = "HUYỆN ỦY ĐỊNH HÓA"
ISSUER = "BAN TỔ CHỨC"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
PLACE = "Định Hóa"
DOC_NUMBER = "Số&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;-BC/BTCHU"
SIGNER_TITLE = "TRƯỞNG BAN"
RECIPIENTS = ("Thường trực Huyện ủy (b/c),", "Các đồng chí thành viên Ban Chỉ đạo,", "Lưu Ban Tổ chức Huyện ủy.")

STYLE = """
p { margin-top: 0; margin-bottom: 0; }
table.grid { border-collapse: collapse; border-color: #000000; border-style: solid;
             margin-top: 6px; margin-bottom: 6px; }
table.grid td, table.grid th { font-size: 13pt; padding: 3px; border-color: #000000; }
table.grid th { font-weight: bold; }
"""


def esc(value: object) -> str:
    return escape("" if value is None else str(value))


def p(text: str, css: str = "", align: str = "") -> str:
    attrs = (f' align="{align}"' if align else "") + (f' style="{css}"' if css else "")
    return f"<p{attrs}>{text}</p>"


def para(text: str) -> str:
    """A body paragraph: justified, first line indented, a little space around."""
    return p(text, "text-indent:38px; margin-top:4px; margin-bottom:4px; line-height:115%", "justify")


# "-qt-user-state" marks headings the renderer keeps on one page with what follows them:
# 1 with the start of their section, 2 with a short last section and the signature below it.
KEEP_WITH_NEXT = "-qt-user-state:1"
KEEP_WITH_SIGNATURE = "-qt-user-state:2"


def heading(text: str, with_signature: bool = False) -> str:
    keep = KEEP_WITH_SIGNATURE if with_signature else KEEP_WITH_NEXT
    return p(f"<b>{text}</b>", f"{keep}; margin-top:14px; margin-bottom:6px")


def subheading(text: str) -> str:
    return p(f"<b><i>{text}</i></b>", f"{KEEP_WITH_NEXT}; margin-top:8px; margin-bottom:6px", "justify")


def date_line(today: date) -> str:
    return f"{PLACE}, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}"


def party_header(today: date, number: str = DOC_NUMBER) -> str:
    """The two-column header: issuing body with its asterisk on the left, the Party's name and the date on the right."""
    left = "".join([p(PROVINCE_PARTY), p(f"<b>{DISTRICT_COMMITTEE}</b>"), p(f"<b>{ISSUER}</b>"), p("*")])
    rule = '<hr width="76%" align="center" style="margin-top:2px"/>'  # under the Party's name, as long as it
    right = p(f"<b>{PARTY}</b>") + rule
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" border="0">'
        f'<tr><td width="44%" align="center" valign="top">{left}</td>'
        f'<td width="56%" align="center" valign="top">{right}</td></tr>'
        f'<tr><td align="center" valign="top">{p(number)}</td>'
        f'<td align="center" valign="top">{p(f"<i>{date_line(today)}</i>")}</td></tr>'
        "</table>"
    )


def title_block(title: str, subject: str, note: str = "") -> str:
    parts = [
        p(f"<b>{esc(title)}</b>", "font-size:15pt; margin-top:18px", "center"),
        p(f"<b>{esc(subject)}</b>", align="center"),
    ]
    if note:
        parts.append(p(f"<i>({esc(note)})</i>", align="center"))
    parts.append(p("-----", "margin-bottom:14px", "center"))
    return "".join(parts)


_ALIGN = {"l": "left", "n": "center"}


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    width: int  # percent of the text width
    align: str = "l"  # "l" text, "n" centred figures


def grid(columns: Sequence[Column], rows: Iterable[Sequence[object]], raw: bool = False) -> str:
    """A bordered table with widths in percent and a header row repeated on each page (``thead``)."""
    head = "".join(f'<th width="{c.width}%" align="center" valign="middle">{esc(c.header)}</th>' for c in columns)
    body = []
    for row in rows:
        cells = [value if raw else esc(value) for value in row]
        if len(cells) < len(columns):  # a section row: its last cell spans the rest, in bold
            span = len(columns) - len(cells) + 1
            lead = zip(columns, cells[:-1], strict=False)
            html = "".join(f'<td align="{_ALIGN[c.align]}"><b>{cell}</b></td>' for c, cell in lead)
            html += f'<td colspan="{span}"><b>{cells[-1]}</b></td>'
            body.append(f"<tr>{html}</tr>")
            continue
        body.append(
            "<tr>"
            + "".join(
                f'<td align="{_ALIGN[c.align]}" valign="top">{cell}</td>'
                for c, cell in zip(columns, cells, strict=True)
            )
            + "</tr>"
        )
    return (
        '<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="4">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def signature_block(signer: str = "", title: str = SIGNER_TITLE) -> str:
    recipients = "".join(p(f"- {esc(r)}", "font-size:12pt") for r in RECIPIENTS)
    right = p(f"<b>{esc(title)}</b>") + p("<br/><br/><br/><br/>") + p(f"<b>{esc(signer)}</b>" if signer else "")
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" border="0" style="margin-top:16px">'
        f'<tr><td width="50%" valign="top">{p("<u>Nơi nhận:</u>")}{recipients}</td>'
        f'<td width="50%" align="center" valign="top">{right}</td></tr></table>'
    )


def document(body: str) -> str:
    return f'<html><head><meta charset="utf-8"><style>{STYLE}</style></head><body>{body}</body></html>'
