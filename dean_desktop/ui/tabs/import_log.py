"""Nhật ký nhập: every imported file — when, who, unit, period, counts, warnings and the file's hash."""

from __future__ import annotations

from pathlib import PurePath

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...services.formatting import format_datetime
from ...services.history import list_imports
from ...services.periods import PeriodError, period_from_code
from ...services.rows import ImportRow
from ..signals import AppSignals
from ..table_models.base import UNMET_BRUSH, WARN_BRUSH, Column, RowTableModel
from ..widgets import messages
from ..widgets.table_view import DataTable
from .base import LazyTab

STATUS_LABELS = {"imported": "Đã nhập", "unchanged": "Không đổi (đã nhập trước đó)", "rejected": "Bị từ chối"}
COUNT_LABELS = {
    "office": "một cửa",
    "edoc": "tổ chức",
    "cadres": "cán bộ",
    "rotations": "luân chuyển",
    "members": "thành viên",
    "targets": "chỉ tiêu",
}


def period_label(code: str) -> str:
    try:
        return period_from_code(code).label if code else ""
    except PeriodError:
        return code


def counts_text(row: ImportRow) -> str:
    return ", ".join(f"{n} {COUNT_LABELS.get(k, k)}" for k, n in row.counts.items() if n)


def _brush(row: ImportRow) -> object:
    if row.status == "rejected":
        return UNMET_BRUSH
    return WARN_BRUSH if row.warnings else None


COLUMNS: list[Column[ImportRow]] = [
    Column("Thời gian", lambda r: format_datetime(r.at), sort=lambda r: r.at),
    Column("Người nhập", lambda r: r.who),
    Column("Tệp", lambda r: PurePath(r.file_name).name, tooltip=lambda r: r.file_name),
    Column("Kết quả", lambda r: STATUS_LABELS.get(r.status, r.status), background=_brush),
    Column("Đơn vị", lambda r: r.unit_name),
    Column("Kỳ báo cáo", lambda r: period_label(r.period_code), sort=lambda r: r.period_code),
    Column("Số dòng", counts_text),
    Column("Mã băm SHA-256", lambda r: r.file_hash[:12], tooltip=lambda r: r.file_hash),
    Column(
        "Cảnh báo / lỗi",
        lambda r: "; ".join(r.errors or r.warnings),
        background=_brush,
        tooltip=lambda r: "\n".join(r.errors + r.warnings),
    ),
]


class ImportLogTab(LazyTab):
    def __init__(self, signals: AppSignals, parent: QWidget | None = None) -> None:
        super().__init__(signals, parent)
        signals.returns_changed.connect(self.mark_dirty)
        signals.roster_changed.connect(self.mark_dirty)
        signals.rotations_changed.connect(self.mark_dirty)
        self.model: RowTableModel[ImportRow] = RowTableModel(COLUMNS, self)
        self.table = DataTable()
        self.table.setModel(self.model)
        self.table.on_activate = self.show_details
        self.table.doubleClicked.connect(lambda _index: self.show_details())
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def show_details(self) -> None:
        """Everything recorded about the selected file (Enter or double-click)."""
        row = self.table.current_row()
        if row is None:
            return
        item = self.model.row_at(row)
        lines = [
            f"Tệp: {item.file_name}",
            f"Kết quả: {STATUS_LABELS.get(item.status, item.status)}",
            f"Đơn vị: {item.unit_name or '—'}; kỳ báo cáo: {period_label(item.period_code) or '—'}",
            f"Nhập lúc {format_datetime(item.at)} bởi {item.who}",
            f"Số dòng: {counts_text(item) or '—'}",
            f"Mã băm SHA-256: {item.file_hash}",
        ]
        if item.errors:
            lines += ["", "Lỗi:", *(f"  • {e}" for e in item.errors)]
        if item.warnings:
            lines += ["", "Cảnh báo:", *(f"  • {w}" for w in item.warnings)]
        messages.show_info(self, "\n".join(lines), "Chi tiết lượt nhập")

    def reload(self) -> None:
        rows = list_imports()
        self.model.set_rows(rows)
        for column, width in enumerate([125, 90, 200, 110, 130, 120, 160, 110]):
            self.table.setColumnWidth(column, width)
        if rows:
            rejected = sum(r.status == "rejected" for r in rows)
            self.summary.setText(f"{len(rows)} lượt nhập tệp; {rejected} tệp bị từ chối.")
        else:
            self.summary.setText(
                "Chưa nhập tệp báo cáo nào. Dùng menu Dữ liệu → Nhập báo cáo… hoặc kéo thả tệp vào cửa sổ."
            )
