"""The printed documents' content (Qt-free): the summary report, the roster with assignments and the urging lists,
as Party documents (Hướng dẫn 36-HD/VPTW) — header, title, tables, signature — in the model of party_document,
which the PDF and the Word renderers both draw."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .cadres import LEVEL_LABELS, level_statistics, list_cadres
from .checklist import list_groups, list_tasks
from .completeness import Completeness, completeness, default_period
from .formatting import format_date, format_number, format_percent
from .indicator_types import percent
from .indicators import IndicatorReport, IndicatorValue, indicator_report, target_text, value_text  # noqa: F401 - re-exported for the exports
from .offices import list_offices
from .party_document import (
    SIGNER_TITLE,
    Block,
    Column,
    Heading,
    Paragraph,
    PartyDocument,
    PartyHeader,
    Signature,
    Title,
    number_line,
    table,
    to_html,
)
from .periods import Period
from .roster import list_members
from .rotations import rotation_count
from .snapshot import consistent_read
from .urging import urging_lists
from .vntext import fold

# --------------------------------------------------------------------------- figures as people read them


def ratio_text(item: IndicatorValue) -> str:
    return f"{item.numerator}/{item.denominator}" if item.denominator is not None else "—"


def as_of_text(as_of: Period | None, reference: date) -> str:
    return f"tính đến {as_of.label}" if as_of else f"số liệu mới nhất đến ngày {format_date(reference)}"


def education_buckets() -> list[tuple[str, tuple[str, ...]]]:
    """The qualification buckets of the Organising Committee's statistical forms."""
    return [
        ("Dưới cao đẳng", ("chua_dao_tao", "so_cap", "trung_cap")),
        ("Cao đẳng", ("cao_dang",)),
        ("Đại học", ("dai_hoc",)),
        ("Thạc sĩ", ("thac_si",)),
        ("Tiến sĩ", ("tien_si",)),
    ]


def theory_buckets() -> list[tuple[str, tuple[str, ...]]]:
    return [
        ("Chưa qua đào tạo", ("chua_dao_tao",)),
        ("Sơ cấp", ("so_cap",)),
        ("Trung cấp", ("trung_cap",)),
        ("Cao cấp, Cử nhân", ("cao_cap", "cu_nhan")),
    ]


def roster_signer() -> str:
    """The Head of the Organising Committee when the roster names one (by position), else blank for a hand signature;
    only a suggestion: the signer asked for when printing wins."""
    for member in list_members():
        if fold(member.position).startswith("truong ban to chuc"):
            return member.full_name
    return ""


@dataclass(frozen=True, slots=True)
class Signing:
    """What the user gives when printing: the document's number and who signs it (not tied to the roster).
    ``signer=None`` asks the roster for its Head."""

    number: str = ""
    signer: str | None = None
    signer_title: str = SIGNER_TITLE

    def signature(self, **extra: object) -> Signature:
        signer = roster_signer() if self.signer is None else self.signer.strip()
        return Signature(signer, self.signer_title.strip() or SIGNER_TITLE, **extra)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the summary report


def _targets_section(report: IndicatorReport) -> list[Block]:
    groups = list_groups()
    projects: dict[str, str] = {}
    for g in groups:
        projects.setdefault(g.project_code, g.project_name)
    checklist = {c.project_code: c for c in report.checklists}
    columns = [
        Column("STT", 7, "n"),
        Column("Chỉ tiêu", 32),
        Column("Kết quả", 13, "n"),
        Column("Tỷ số", 12, "n"),
        Column("Mục tiêu", 14, "n"),
        Column("Thời hạn", 9, "n"),
        Column("Đánh giá", 13, "n"),
    ]
    parts: list[Block] = [Heading("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")]
    for number, (code, name) in enumerate(projects.items(), start=1):
        items = [i for i in report.indicators if i.project_code == code]
        parts.append(Heading(f"{number}. {name}", level=2))
        if items:
            rows = [
                [k, i.title, value_text(i), ratio_text(i), target_text(i), i.deadline, "Đạt" if i.met else "Chưa đạt"]
                for k, i in enumerate(items, start=1)
            ]
            parts.append(table(columns, rows))
        figure = checklist.get(code)
        if figure is not None and figure.total:
            parts.append(
                Paragraph(
                    f"Đã hoàn thành {figure.done}/{figure.total} nhiệm vụ của các nhóm giải pháp"
                    f" ({format_percent(figure.value)})."
                )
            )
    return parts


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("Có" if value else "Chưa")


def _offices_section(as_of: Period | None) -> list[Block]:
    offices = list_offices(as_of)
    ready = sum(1 for o in offices if o.has_office)
    columns = [
        Column("STT", 8, "n"),
        Column("Xã, thị trấn", 18),
        Column("Phòng riêng", 10, "n"),
        Column("Diện tích (m²)", 11, "n"),
        Column("Máy tính", 9, "n"),
        Column("Internet", 11, "n"),
        Column("Niêm yết TTHC", 10, "n"),
        Column("Văn bản điện tử", 10, "n"),
        Column("Kỳ báo cáo", 13, "n"),
    ]
    rows = [
        [
            i,
            o.unit_name,
            _yes_no(o.has_office),
            format_number(o.floor_area, 1),
            o.computers,
            _yes_no(o.internet),
            _yes_no(o.procedures_posted),
            f"{o.edoc_yes}/{o.edoc_total}" if o.edoc_total else "",
            o.period_label or "Chưa báo cáo",
        ]
        for i, o in enumerate(offices, start=1)
    ]
    summary = (
        f"Có {ready}/{len(offices)} xã, thị trấn đã bố trí phòng làm việc riêng cho bộ phận tiếp nhận và trả kết quả."
    )
    return [
        Heading("II. BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ CẤP XÃ"),
        Paragraph(summary, keep_with_next=True),
        table(columns, rows),
    ]


def _cadres_section(as_of: Period | None) -> list[Block]:
    cadres = list_cadres(as_of)
    stats = level_statistics(cadres)
    columns = [Column("STT", 8, "n"), Column("Tiêu chí", 40)]
    for s in stats:
        columns += [Column(f"{LEVEL_LABELS[s.level]} (người)", 13, "n"), Column("Tỷ lệ", 13, "n")]

    def line(number: str, label: str, codes: Sequence[str], by: str) -> list[str]:
        row = [number, label]
        for s in stats:
            count = sum(getattr(s, by).get(c, 0) for c in codes)
            row += [str(count), format_percent(percent(count, s.total))]
        return row

    rows: list[list[str]] = [["", "Tổng số"] + [x for s in stats for x in (str(s.total), "")], ["I", "Chuyên môn"]]
    rows += [line(str(i), label, codes, "by_education") for i, (label, codes) in enumerate(education_buckets(), 1)]
    rows.append(["II", "Lý luận chính trị"])
    rows += [line(str(i), label, codes, "by_theory") for i, (label, codes) in enumerate(theory_buckets(), 1)]
    return [Heading("III. TRÌNH ĐỘ CÁN BỘ LÃNH ĐẠO, QUẢN LÝ"), table(columns, rows)]


def _rotations_section(as_of: Period | None, reference: date) -> list[Block]:
    judged = rotation_count(reference if as_of is not None else None)
    shown = [r for r in judged.rows if as_of is None or r.decision_date is None or r.decision_date <= reference]
    columns = [
        Column("STT", 6, "n"),
        Column("Họ và tên", 16),
        Column("Trước luân chuyển", 20),
        Column("Luân chuyển đến", 20),
        Column("Quyết định", 18, "n"),  # wide enough for "120-QĐ/HU," on one line
        Column("Tính vào chỉ tiêu", 20),
    ]
    rows = [
        [
            i,
            r.full_name,
            r.from_position,
            r.to_position,
            f"{r.decision_no}, {format_date(r.decision_date)}" if r.decision_date else r.decision_no,
            judged.verdicts[r.id].brief,
        ]
        for i, r in enumerate(shown, start=1)
    ]
    text = f"Đã luân chuyển {judged.count} đồng chí cấp trưởng cấp huyện về làm lãnh đạo, quản lý cấp xã."
    left_out = sum(not judged.verdicts[r.id].counted for r in shown)
    if left_out:
        text += f" {left_out} bản ghi khác không tính vào chỉ tiêu (lý do ở cột cuối)."
    return [Heading("IV. LUÂN CHUYỂN CÁN BỘ"), Paragraph(text, keep_with_next=bool(rows))] + (
        [table(columns, rows)] if rows else []
    )


def _checklist_section(today: date) -> list[Block]:
    tasks = list_tasks()
    overdue = [t for t in tasks if t.overdue(today)]
    late: dict[int, int] = {}
    for t in overdue:
        late[t.group_id] = late.get(t.group_id, 0) + 1
    columns = [
        Column("Đề án", 10, "n"),
        Column("Nhóm giải pháp", 46),
        Column("Số nhiệm vụ", 11, "n"),
        Column("Hoàn thành", 11, "n"),
        Column("Tỷ lệ", 11, "n"),
        Column("Quá hạn", 11, "n"),
    ]
    groups = list_groups()
    shorts = {g.project_code: g.project_short for g in groups}
    rows = [
        [
            g.project_short,
            f"{g.number}. {g.name}",
            g.total,
            g.done,
            format_percent(percent(g.done, g.total)),
            late.get(g.id, 0) or "",
        ]
        for g in groups
    ]
    parts: list[Block] = [Heading("V. TIẾN ĐỘ THỰC HIỆN CÁC NHÓM GIẢI PHÁP"), table(columns, rows)]
    if overdue:
        parts.append(Paragraph(f"Có {len(overdue)} nhiệm vụ quá hạn chưa hoàn thành:", keep_with_next=True))
        late_columns = [
            Column("STT", 8, "n"),
            Column("Đề án", 10, "n"),
            Column("Nhóm", 9, "n"),
            Column("Nhiệm vụ", 35),
            Column("Hạn", 16, "n"),
            Column("Phụ trách", 22),
        ]
        late_rows = [
            [
                i,
                shorts.get(t.project_code, t.project_code),
                t.group_number,
                t.title,
                format_date(t.deadline),
                ", ".join(x for x in (t.member_name, t.unit_name) if x),
            ]
            for i, t in enumerate(overdue, start=1)
        ]
        parts.append(table(late_columns, late_rows))
    return parts


def _completeness_section(report: Completeness) -> list[Block]:
    communes, district = report.commune_rate, report.district_rate
    parts: list[Block] = [
        Heading("VI. TÌNH HÌNH GỬI BÁO CÁO", with_signature=True),
        Paragraph(
            f"Kỳ báo cáo {report.period.label}: {communes.sent}/{communes.expected} xã, thị trấn"
            f" ({format_percent(communes.percent)}) và {district.sent}/{district.expected} cơ quan, đơn vị cấp huyện"
            f" ({format_percent(district.percent)}) đã gửi báo cáo."
        ),
    ]
    for label, missing in (
        ("Xã, thị trấn", report.missing_communes),
        ("Cơ quan, đơn vị cấp huyện", report.missing_district),
    ):
        if missing:
            names = ", ".join(u.unit_name for u in missing)
            parts.append(Paragraph(f"{label} chưa gửi báo cáo: {names}."))
    return parts


REPORT_TITLE = "Báo cáo kết quả thực hiện các Đề án"


@consistent_read
def report_document(
    as_of: Period | None = None, today: date | None = None, signing: Signing | None = None
) -> PartyDocument:
    """The summary report of both projects: what the PDF, the print preview and the Word file show."""
    today = today or date.today()
    signing = signing or Signing()
    report = indicator_report(as_of)
    period = as_of or default_period()
    scope = as_of_text(as_of, report.reference_date)
    intro = (
        "Thực hiện các Đề án của Ban Chấp hành Đảng bộ huyện giai đoạn 2016 - 2020, Ban Tổ chức Huyện ủy báo cáo"
        f" kết quả thực hiện các chỉ tiêu ({scope}) như sau:"
    )
    blocks: list[Block] = [
        PartyHeader(today, number_line(signing.number)),
        Title("BÁO CÁO", "Kết quả thực hiện các Đề án giai đoạn 2016 - 2020", scope),
        Paragraph(intro),
        *_targets_section(report),
        *_offices_section(as_of),
        *_cadres_section(as_of),
        *_rotations_section(as_of, report.reference_date),
        *_checklist_section(today),
        *_completeness_section(completeness(period)),
        signing.signature(),
    ]
    return PartyDocument(REPORT_TITLE, tuple(blocks))


def report_html(as_of: Period | None = None, today: date | None = None, signing: Signing | None = None) -> str:
    """The summary report as HTML, the same text the PDF and the print preview show."""
    return to_html(report_document(as_of, today, signing))


# --------------------------------------------------------------------------- roster and urging lists


@consistent_read
def roster_document(today: date | None = None) -> PartyDocument:
    """The steering committee with each member's role and the units assigned to them."""
    today = today or date.today()
    columns = [
        Column("STT", 6, "n"),
        Column("Họ và tên", 18),
        Column("Chức vụ", 19),
        Column("Chức danh trong Ban Chỉ đạo", 16),
        Column("Điện thoại", 19, "n"),  # "0912 345 678" on one line at 13 pt
        Column("Đơn vị phụ trách", 22),
    ]
    rows = [
        [i, m.full_name, m.position, m.role, m.phone, "; ".join(m.unit_names)]
        for i, m in enumerate(list_members(), start=1)
    ]
    blocks: list[Block] = [
        PartyHeader(today),
        Title("DANH SÁCH", "Ban Chỉ đạo và phân công nhiệm vụ"),
        table(columns, rows),
    ]
    return PartyDocument("Danh sách Ban Chỉ đạo và phân công nhiệm vụ", tuple(blocks))


def roster_html(today: date | None = None) -> str:
    return to_html(roster_document(today))


@consistent_read
def urging_document(
    period: Period | None = None, member_id: int | None = None, today: date | None = None
) -> PartyDocument:
    """What each member (or one member) must chase for the period, one table per member."""
    today = today or date.today()
    period = period or default_period()
    lists = urging_lists(period, member_id=member_id, today=today)
    columns = [Column("STT", 8, "n"), Column("Đơn vị", 24), Column("Nội dung cần đôn đốc", 68)]
    blocks: list[Block] = [
        PartyHeader(today),
        Title("DANH SÁCH ĐÔN ĐỐC", "Các đơn vị, nhiệm vụ cần đôn đốc", f"kỳ {period.label}"),
    ]
    for number, entry in enumerate(lists, start=1):
        m = entry.member
        who = ", ".join(x for x in (m.role, m.position) if x)
        blocks.append(Heading(f"{number}. Đồng chí {m.full_name}" + (f" – {who}" if who else ""), level=2))
        if m.unit_names:
            blocks.append(Paragraph(f"Đơn vị phụ trách: {'; '.join(m.unit_names)}.", keep_with_next=bool(entry.items)))
        if entry.items:
            blocks.append(table(columns, [[i, item.unit_name, item.text] for i, item in enumerate(entry.items, 1)]))
        else:
            blocks.append(Paragraph("Không có nội dung cần đôn đốc."))
    if not lists:
        blocks.append(Paragraph("Chưa có thành viên Ban Chỉ đạo."))
    return PartyDocument("Danh sách đôn đốc", tuple(blocks))


def urging_html(period: Period | None = None, member_id: int | None = None, today: date | None = None) -> str:
    return to_html(urging_document(period, member_id, today))
