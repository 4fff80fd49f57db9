"""The district summary workbook: targets, one-stop offices, e-documents, cadres, rotations, roster, checklist
and reporting completeness, one sheet each, ready to print on A4 landscape."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from ...models import EdocOrg, Unit, UnitReturn
from ..cadres import LEVEL_LABELS, level_statistics, list_cadres
from ..checklist import list_groups, list_tasks
from ..completeness import completeness, default_period
from ..errors import DomainError
from ..formatting import percent_decimals
from ..indicator_types import percent
from ..indicators import indicator_report, latest_returns, reference_date
from ..offices import list_offices
from ..periods import Period, PeriodError, period_from_code
from ..report_content import as_of_text, education_buckets, target_text, theory_buckets
from ..roster import list_members
from ..rotations import rotation_count
from ..snapshot import consistent_read
from ..targets import list_targets
from ..units import communes_valid_on
from ..vocab import EDUCATION, POLITICAL_THEORY, STATE_MGMT, TASK_STATUS, UNIT_KINDS, yes_no_label
from .summary_sheet import Percent, SummarySheet, use_times_new_roman

Progress = Callable[[int, int], None]


RESULTS_SHEET = "Kết quả chỉ tiêu"
TARGET_TABLE_SHEET = "Chỉ tiêu"


class ExportCancelled(DomainError):
    """The user cancelled the export; nothing was written."""


def _period_label(code: str) -> str:
    try:
        return period_from_code(code).label
    except PeriodError:
        return code


def _subtitle(as_of: Period | None, ref: date) -> str:
    return f"({as_of_text(as_of, ref)})"


def _targets_sheet(wb: Workbook, as_of: Period | None) -> None:
    report = indicator_report(as_of)
    sheet = SummarySheet(
        wb,
        RESULTS_SHEET,
        "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA CÁC ĐỀ ÁN",
        _subtitle(as_of, report.reference_date),
        [
            ("STT", 6),
            ("Đề án", 9),
            ("Chỉ tiêu", 60),
            ("Kết quả", 11),
            ("Tử số", 9),
            ("Mẫu số", 9),
            ("Đơn vị tính", 9),
            ("Mục tiêu", 13),
            ("Thời hạn", 9),
            ("Đánh giá", 12),
            ("Mã chỉ tiêu", 28),
        ],
    )
    shorts = {g.project_code: g.project_short for g in list_groups()}
    rows: list[list[Any]] = []
    for index, item in enumerate(report.indicators, start=1):
        shown = percent_decimals(item.value, item.target_min, item.target_max)
        value: Any = Percent(item.value, shown) if item.unit == "%" else item.numerator
        rows.append(
            [
                index,
                shorts.get(item.project_code, item.project_code),
                item.title,
                value,
                item.numerator,
                item.denominator,
                item.unit,
                target_text(item),
                item.deadline,
                "Đạt" if item.met else "Chưa đạt",
                item.code,
            ]
        )
    for figure in report.checklists:
        title = f"Nhiệm vụ của các nhóm giải pháp đã hoàn thành (Đề án {figure.project_short})"
        rows.append(
            [
                len(rows) + 1,
                figure.project_short,
                title,
                Percent(figure.value),
                figure.done,
                figure.total,
                "%",
                None,
                None,
                None,
                f"checklist.{figure.project_code}",
            ]
        )
    sheet.rows(rows)


def _target_table_sheet(wb: Workbook) -> None:
    """The target table in exactly the layout the `Chỉ tiêu` import reads, so an edited copy imports back."""
    sheet = SummarySheet(
        wb,
        TARGET_TABLE_SHEET,
        "DANH MỤC CHỈ TIÊU CỦA CÁC ĐỀ ÁN",
        "(sửa, thêm dòng rồi nhập lại vào phần mềm; mã chỉ tiêu đã có thì cập nhật, mã mới thì thêm)",
        [
            ("Mã chỉ tiêu", 28),
            ("Đề án", 9),
            ("Nội dung chỉ tiêu", 50),
            ("Cách tính", 20),
            ("Cấp", 11),
            ("Tiêu chí", 18),
            ("Giá trị được tính", 20),
            ("Tối thiểu", 9),
            ("Tối đa", 9),
            ("Năm hạn", 8),
        ],
    )
    sheet.rows(
        [
            row.code,
            row.project_short,
            row.data.title,
            row.method_label,
            row.level_label,
            row.criterion_label,
            row.values_label,
            row.data.target_min,
            row.data.target_max,
            row.data.deadline_year,
        ]
        for row in list_targets(include_retired=False)
    )


def _meta_sheet(wb: Workbook) -> None:
    """Hidden: tells the importer this is the summary workbook (only its `Chỉ tiêu` sheet is read back)."""
    ws = wb.create_sheet("_meta")
    ws.append(["form", "summary"])
    ws.sheet_state = "hidden"


def _offices_sheet(wb: Workbook, as_of: Period | None, ref: date) -> None:
    sheet = SummarySheet(
        wb,
        "Một cửa",
        "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ CẤP XÃ",
        _subtitle(as_of, ref),
        [
            ("STT", 5),
            ("Mã", 7),
            ("Xã, thị trấn", 18),
            ("Có phòng làm việc riêng", 10),
            ("Diện tích phòng (m²)", 10),
            ("Số máy vi tính", 8),
            ("Số máy in", 8),
            ("Số máy quét", 8),
            ("Kết nối Internet", 9),
            ("Số công chức làm việc", 9),
            ("Niêm yết công khai TTHC", 10),
            ("Ngày đưa vào sử dụng", 12),
            ("Tổ chức trao đổi VBĐT", 10),
            ("Tổng số tổ chức", 9),
            ("Kỳ báo cáo", 16),
            ("Ghi chú", 36),
        ],
    )
    sheet.rows(
        [
            index,
            o.unit_code,
            o.unit_name,
            o.has_office,
            o.floor_area,
            o.computers,
            o.printers,
            o.scanners,
            o.internet,
            o.staff,
            o.procedures_posted,
            o.in_use_since,
            o.edoc_yes if o.return_id else None,
            o.edoc_total if o.return_id else None,
            o.period_label or "Chưa có báo cáo",
            o.notes,
        ]
        for index, o in enumerate(list_offices(as_of), start=1)
    )


def _edoc_sheet(wb: Workbook, as_of: Period | None, ref: date) -> None:
    sheet = SummarySheet(
        wb,
        "Văn bản điện tử",
        "TRAO ĐỔI VĂN BẢN QUA HỆ THỐNG ĐIỆN TỬ CỦA CÁC TỔ CHỨC CƠ SỞ",
        _subtitle(as_of, ref),
        [
            ("STT", 6),
            ("Xã, thị trấn", 18),
            ("Tổ chức", 26),
            ("Trao đổi văn bản điện tử", 12),
            ("Từ ngày", 12),
            ("Kỳ báo cáo", 16),
            ("Ghi chú", 40),
        ],
    )
    latest = latest_returns(ref)
    communes = communes_valid_on(ref)
    order = {u.id: i for i, u in enumerate(communes)}
    return_ids = [latest[u.id] for u in communes if u.id in latest]
    if not return_ids:
        return
    query = (
        EdocOrg.select(
            Unit.id,
            Unit.name,
            EdocOrg.org_name,
            EdocOrg.exchanges,
            EdocOrg.since,
            UnitReturn.period_code,
            EdocOrg.notes,
            EdocOrg.seq,
        )
        .join(UnitReturn)
        .join(Unit)
        .where(EdocOrg.unit_return.in_(return_ids))
        .tuples()
    )
    rows = sorted(query, key=lambda r: (order.get(r[0], 0), r[7]))
    labels = {code: _period_label(code) for code in {r[5] for r in rows}}
    sheet.rows([i, r[1], r[2], bool(r[3]), r[4], labels[r[5]], r[6]] for i, r in enumerate(rows, start=1))


def _cadre_sheets(wb: Workbook, as_of: Period | None, ref: date) -> None:
    cadres = list_cadres(as_of)
    stats = {s.level: s for s in level_statistics(cadres)}
    levels = list(stats)
    columns: list[tuple[str, float]] = [("STT", 6), ("Tiêu chí", 36)]
    for level in levels:
        columns += [(f"{LEVEL_LABELS[level]} (người)", 12), (f"{LEVEL_LABELS[level]} (tỷ lệ)", 12)]
    columns += [("Tổng số (người)", 12), ("Tổng số (tỷ lệ)", 12)]
    sheet = SummarySheet(
        wb, "Trình độ cán bộ", "TRÌNH ĐỘ CÁN BỘ LÃNH ĐẠO, QUẢN LÝ THEO CẤP", _subtitle(as_of, ref), columns
    )

    def line(number: object, label: str, counts: dict[str, int]) -> list[Any]:
        row: list[Any] = [number, label]
        for level in [*levels, "*"]:
            total = len(cadres) if level == "*" else stats[level].total
            row += [counts[level], Percent(percent(counts[level], total))]
        return row

    def counts_of(codes: Sequence[str], by: str) -> dict[str, int]:
        result = {level: sum(getattr(stats[level], by).get(c, 0) for c in codes) for level in levels}
        result["*"] = sum(result.values())
        return result

    totals = {level: stats[level].total for level in levels}
    totals["*"] = len(cadres)
    rows = [line("", "Tổng số cán bộ lãnh đạo, quản lý", totals), ["I", "Trình độ chuyên môn"]]
    rows += [
        line(i, label, counts_of(codes, "by_education"))
        for i, (label, codes) in enumerate(education_buckets(), start=1)
    ]
    rows.append(["II", "Lý luận chính trị"])
    rows += [
        line(i, label, counts_of(codes, "by_theory")) for i, (label, codes) in enumerate(theory_buckets(), start=1)
    ]
    sheet.rows(rows)

    register = SummarySheet(
        wb,
        "Danh sách cán bộ",
        "DANH SÁCH CÁN BỘ LÃNH ĐẠO, QUẢN LÝ",
        _subtitle(as_of, ref),
        [
            ("STT", 6),
            ("Họ và tên", 24),
            ("Năm sinh", 8),
            ("Giới tính", 7),
            ("Dân tộc", 9),
            ("Chức vụ", 20),
            ("Đơn vị", 24),
            ("Cấp", 10),
            ("Chuyên môn", 12),
            ("Chuyên ngành", 14),
            ("Lý luận chính trị", 12),
            ("Quản lý nhà nước", 14),
            ("Tin học", 14),
            ("Ngoại ngữ", 12),
            ("Kỳ báo cáo", 16),
            ("Ghi chú", 24),
        ],
        boxed=False,
    )
    labels = {code: _period_label(code) for code in {c.period_code for c in cadres}}
    register.rows(
        [
            i,
            c.full_name,
            c.birth_year,
            c.gender,
            c.ethnicity,
            c.position,
            c.unit_name,
            LEVEL_LABELS[c.level],
            EDUCATION.get(c.education, c.education),
            c.major,
            POLITICAL_THEORY.get(c.political_theory, c.political_theory),
            STATE_MGMT.get(c.state_mgmt, c.state_mgmt),
            c.it_skill,
            c.language,
            labels[c.period_code],
            c.notes,
        ]
        for i, c in enumerate(cadres, start=1)
    )


def _rotations_sheet(wb: Workbook, as_of: Period | None, ref: date) -> None:
    judged = rotation_count(ref if as_of is not None else None)
    sheet = SummarySheet(
        wb,
        "Luân chuyển",
        "LUÂN CHUYỂN CÁN BỘ CẤP HUYỆN VỀ CẤP XÃ",
        f"({as_of_text(as_of, ref)}; tính vào chỉ tiêu: {judged.count} người)",
        [
            ("STT", 6),
            ("Họ và tên", 24),
            ("Chức vụ, đơn vị trước luân chuyển", 32),
            ("Cấp trưởng", 10),
            ("Đơn vị trước", 22),
            ("Chức vụ, đơn vị luân chuyển đến", 32),
            ("Đơn vị đến", 22),
            ("Số quyết định", 14),
            ("Ngày quyết định", 12),
            ("Thời gian (tháng)", 10),
            ("Ghi chú", 30),
            ("Tính vào chỉ tiêu", 12),
            ("Lý do", 45),
        ],
    )
    rotations = [r for r in judged.rows if as_of is None or r.decision_date is None or r.decision_date <= ref]
    sheet.rows(
        [
            i,
            r.full_name,
            r.from_position,
            yes_no_label(r.from_head),
            r.from_unit,
            r.to_position,
            r.to_unit,
            r.decision_no,
            r.decision_date,
            r.months,
            r.notes,
            judged.verdicts[r.id].label,
            judged.verdicts[r.id].reason,
        ]
        for i, r in enumerate(rotations, start=1)
    )


def _roster_sheet(wb: Workbook) -> None:
    sheet = SummarySheet(
        wb,
        "Ban Chỉ đạo",
        "DANH SÁCH BAN CHỈ ĐẠO VÀ PHÂN CÔNG NHIỆM VỤ",
        f"(lập ngày {date.today():%d/%m/%Y})",
        [
            ("STT", 6),
            ("Họ và tên", 24),
            ("Chức vụ", 30),
            ("Chức danh trong Ban Chỉ đạo", 20),
            ("Điện thoại", 14),
            ("Email", 26),
            ("Đơn vị phụ trách", 50),
        ],
    )
    sheet.rows(
        [i, m.full_name, m.position, m.role, m.phone, m.email, "; ".join(m.unit_names)]
        for i, m in enumerate(list_members(), start=1)
    )


def _checklist_sheet(wb: Workbook) -> None:
    today = date.today()
    sheet = SummarySheet(
        wb,
        "Nhóm giải pháp",
        "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ CỦA CÁC NHÓM GIẢI PHÁP",
        f"(tình hình đến ngày {today:%d/%m/%Y})",
        [
            ("STT", 6),
            ("Đề án", 8),
            ("Nhóm giải pháp", 26),
            ("Nhiệm vụ", 40),
            ("Người phụ trách", 20),
            ("Đơn vị phụ trách", 20),
            ("Hạn hoàn thành", 12),
            ("Trạng thái", 14),
            ("Ngày hoàn thành", 12),
            ("Văn bản, minh chứng", 16),
            ("Quá hạn", 8),
            ("Ghi chú", 24),
        ],
    )
    groups = {g.id: g for g in list_groups()}
    sheet.rows(
        [
            i,
            groups[t.group_id].project_short,
            f"{t.group_number}. {groups[t.group_id].name}",
            t.title,
            t.member_name,
            t.unit_name,
            t.deadline,
            TASK_STATUS.get(t.status, t.status),
            t.completed_on,
            t.evidence,
            "Quá hạn" if t.overdue(today) else None,
            t.notes,
        ]
        for i, t in enumerate(list_tasks(), start=1)
    )


def _completeness_sheet(wb: Workbook, as_of: Period | None) -> None:
    report = completeness(as_of or default_period())
    communes, district = report.commune_rate, report.district_rate
    subtitle = (
        f"(kỳ {report.period.label}: {communes.sent}/{communes.expected} xã, thị trấn"
        f" và {district.sent}/{district.expected} cơ quan cấp huyện đã gửi báo cáo)"
    )
    sheet = SummarySheet(
        wb,
        "Tình hình báo cáo",
        "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ",
        subtitle,
        [
            ("STT", 6),
            ("Mã", 7),
            ("Đơn vị", 30),
            ("Loại", 10),
            ("Đã gửi báo cáo", 10),
            ("Ngày nhập", 16),
            ("Người nhập", 14),
            ("Ngày lập báo cáo", 12),
            ("Tệp", 40),
        ],
    )
    units = [*report.communes, *report.district]
    sheet.rows(
        [
            i,
            u.unit_code,
            u.unit_name,
            UNIT_KINDS.get(u.kind, u.kind),
            "Đã gửi" if u.sent else "Chưa gửi",
            u.imported_at,
            u.imported_by,
            u.reported_on,
            Path(u.source_file).name if u.source_file else None,
        ]
        for i, u in enumerate(units, start=1)
    )


@consistent_read
def export_summary(
    out: Path,
    as_of: Period | None = None,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> Path:
    """Write the summary workbook to ``out`` (replaced whole, never half-written) and return its path.

    Raises ExportCancelled when ``should_cancel`` says so, PermissionError when ``out`` is open elsewhere.
    """
    out = Path(out)
    ref = reference_date(as_of)
    steps: list[Callable[[Workbook], None]] = [
        lambda wb: _targets_sheet(wb, as_of),
        _target_table_sheet,
        lambda wb: _offices_sheet(wb, as_of, ref),
        lambda wb: _edoc_sheet(wb, as_of, ref),
        lambda wb: _cadre_sheets(wb, as_of, ref),
        lambda wb: _rotations_sheet(wb, as_of, ref),
        _roster_sheet,
        _checklist_sheet,
        lambda wb: _completeness_sheet(wb, as_of),
        _meta_sheet,
    ]
    # The temporary file first: a missing or read-only folder fails before any work is done.
    handle, temp_name = tempfile.mkstemp(prefix=".~", suffix=".xlsx", dir=out.parent)
    os.close(handle)
    wb = Workbook(write_only=True)
    use_times_new_roman(wb)
    try:
        try:
            for index, step in enumerate(steps):
                if should_cancel is not None and should_cancel():
                    raise ExportCancelled("Đã hủy xuất bảng tổng hợp; không có tệp nào được ghi.")
                step(wb)
                if progress is not None:
                    progress(index + 1, len(steps) + 1)
        finally:
            wb.save(temp_name)  # also closes the streamed sheets, which otherwise leak their own temporary files
        os.replace(temp_name, out)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    if progress is not None:
        progress(len(steps) + 1, len(steps) + 1)
    return out
