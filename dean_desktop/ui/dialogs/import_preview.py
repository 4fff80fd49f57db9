"""The preview before anything is written: per file its unit, period, rows to add / change / remove, problems."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..screen_fit import fit_to_screen

SECTION_LABELS = {
    "office": "Một cửa",
    "edoc": "Văn bản điện tử",
    "cadres": "Cán bộ",
    "rotations": "Luân chuyển",
    "members": "Ban Chỉ đạo",
    "targets": "Chỉ tiêu",
}
KIND_LABELS = {
    "return": "Báo cáo đơn vị",
    "rotations": "Sổ luân chuyển",
    "roster": "Danh sách Ban Chỉ đạo",
    "targets": "Danh mục chỉ tiêu",
}
ENCODING_LABELS = {"tcvn3": "TCVN3", "tcvn3h": "TCVN3 (chữ hoa)", "vni": "VNI-Windows"}
ERROR_BRUSH = QBrush(QColor("#f8d7da"))
SAME_BRUSH = QBrush(QColor("#e2e3e5"))
WARN_BRUSH = QBrush(QColor("#fff3cd"))

COLUMNS = ["Nhập", "Tệp", "Loại", "Đơn vị", "Kỳ báo cáo", "Thêm", "Sửa", "Xóa", "Kết quả"]


def plan_status(plan: Any) -> str:
    if not plan.ok:
        return f"Lỗi ({len(plan.errors)}) — không nhập được"
    if plan.needs_confirmation:
        return "Cần xác nhận — sẽ xóa số liệu đã lưu"
    if plan.unchanged:
        return "Đã nhập trước đó — không thay đổi"
    if plan.warnings or plan.repairs:
        return f"Hợp lệ, {len(plan.warnings)} cảnh báo"
    return "Hợp lệ"


def diff_totals(plan: Any) -> tuple[int, int, int]:
    diffs = list((plan.diff or {}).values())
    return sum(d.added for d in diffs), sum(d.changed for d in diffs), sum(d.removed for d in diffs)


def plan_details(plan: Any) -> str:
    """Everything about one file, in plain Vietnamese text."""
    lines = [f"Tệp: {plan.path}", f"Mã băm SHA-256: {plan.file_hash}"]
    if plan.unit is not None:
        lines.append(f"Đơn vị: {plan.unit.name}")
    if plan.period is not None:
        lines.append(f"Kỳ báo cáo: {plan.period.label}")
    for section, diff in (plan.diff or {}).items():
        lines.append(
            f"{SECTION_LABELS.get(section, section)}: thêm {diff.added}, sửa {diff.changed}, xóa {diff.removed} dòng"
        )
    if plan.needs_confirmation:
        lines.append("")
        lines.append("CẦN XÁC NHẬN — nhập tệp này sẽ xóa số liệu đã lưu:")
        lines += [f"  • {issue.text()}" for issue in plan.removals]
        lines.append("  Chỉ nhập khi chắc chắn: đánh dấu ô xác nhận bên dưới.")
    if plan.errors:
        lines.append("")
        lines.append("LỖI (tệp sẽ không được nhập):")
        lines += [f"  • {issue.text()}" for issue in plan.errors]
    if plan.warnings:
        lines.append("")
        lines.append("Cảnh báo (không ngăn việc nhập):")
        lines += [f"  • {issue.text()}" for issue in plan.warnings]
    if plan.repairs:
        lines.append("")
        lines.append("Chữ được chuyển từ bảng mã cũ sang Unicode (trước → sau):")
        for repair in plan.repairs[:200]:
            place = ", ".join(
                str(p) for p in (repair.sheet, f"dòng {repair.row}" if repair.row else None, repair.column) if p
            )
            label = ENCODING_LABELS.get(repair.encoding, repair.encoding)
            lines.append(f"  • {place} [{label}]: «{repair.before}» → «{repair.after}»")
        if len(plan.repairs) > 200:
            lines.append(f"  … và {len(plan.repairs) - 200} ô khác")
    return "\n".join(lines)


class ImportPreviewDialog(QDialog):
    """Lists the analysed files; the user picks which valid ones to import. Files that would remove whole sections
    already stored need an explicit tick; the files the selection left out are listed with why."""

    def __init__(self, plans: list[Any], parent: QWidget | None = None, skipped: Sequence[Any] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle("Xem trước khi nhập báo cáo")
        self.plans = plans
        self.table = QTableWidget(len(plans), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        for row, plan in enumerate(plans):
            self._fill_row(row, plan)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))
        self.table.itemChanged.connect(lambda *_: self._update_buttons())
        self.summary = QLabel()
        self.skipped = list(skipped)
        self.skipped_list = QPlainTextEdit()
        self.skipped_list.setReadOnly(True)
        self.skipped_list.setMaximumHeight(90)
        self.skipped_list.setPlainText("\n".join(f"{item.path}: {item.reason}" for item in self.skipped))
        self.skipped_label = QLabel(f"Không đọc {len(self.skipped)} tệp (không phải bảng tính báo cáo):")
        self.confirm_removals = QCheckBox()
        self.confirm_removals.toggled.connect(lambda *_: self._update_buttons())
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("Nhập", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([260, 240])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Chưa có gì được ghi vào cơ sở dữ liệu. Kiểm tra từng tệp rồi bấm Nhập."))
        layout.addWidget(splitter, 1)
        layout.addWidget(self.skipped_label)
        layout.addWidget(self.skipped_list)
        layout.addWidget(self.confirm_removals)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(1000, 620))
        if plans:
            self.table.setCurrentCell(0, 1)
        self._update_buttons()

    def _fill_row(self, row: int, plan: Any) -> None:
        check = QTableWidgetItem()
        importable = plan.ok and not plan.unchanged
        check.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | (Qt.ItemFlag.ItemIsUserCheckable if importable else Qt.ItemFlag.NoItemFlags)
        )
        check.setCheckState(Qt.CheckState.Checked if importable else Qt.CheckState.Unchecked)
        added, changed, removed = diff_totals(plan)
        cells = [
            check,
            QTableWidgetItem(plan.path.name),
            QTableWidgetItem(KIND_LABELS.get(plan.kind or "", "—")),
            QTableWidgetItem(plan.unit.name if plan.unit is not None else "—"),
            QTableWidgetItem(plan.period.label if plan.period is not None else "—"),
            QTableWidgetItem(str(added)),
            QTableWidgetItem(str(changed)),
            QTableWidgetItem(str(removed)),
            QTableWidgetItem(plan_status(plan)),
        ]
        brush = (
            ERROR_BRUSH
            if not plan.ok
            else SAME_BRUSH
            if plan.unchanged
            else (WARN_BRUSH if plan.warnings or plan.repairs else None)
        )
        for column, item in enumerate(cells):
            if brush is not None:
                item.setBackground(brush)
            if column in (5, 6, 7):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(str(plan.path) if column == 1 else item.text())
            self.table.setItem(row, column, item)

    def _show_details(self, row: int) -> None:
        if 0 <= row < len(self.plans):
            self.details.setPlainText(plan_details(self.plans[row]))

    def chosen(self) -> list[Any]:
        """The plans the user left ticked."""
        return [
            plan for row, plan in enumerate(self.plans) if self.table.item(row, 0).checkState() == Qt.CheckState.Checked
        ]

    def _update_buttons(self) -> None:
        chosen = self.chosen()
        count = len(chosen)
        rejected = sum(1 for p in self.plans if not p.ok)
        same = sum(1 for p in self.plans if p.ok and p.unchanged)
        asking = [p for p in chosen if p.needs_confirmation]
        self.confirm_removals.setVisible(bool(asking))
        self.confirm_removals.setText(
            f"Tôi đã xem và đồng ý: nhập {len(asking)} tệp được đánh dấu “Cần xác nhận” sẽ xóa số liệu đã lưu."
        )
        self.skipped_label.setVisible(bool(self.skipped))
        self.skipped_list.setVisible(bool(self.skipped))
        self.import_button.setText(f"Nhập {count} tệp")
        self.import_button.setEnabled(count > 0 and (not asking or self.confirm_removals.isChecked()))
        parts = [f"{len(self.plans)} tệp", f"{count} sẽ được nhập"]
        if rejected:
            parts.append(f"{rejected} có lỗi (sẽ ghi vào nhật ký nhập)")
        if same:
            parts.append(f"{same} đã nhập trước đó")
        if asking:
            parts.append(f"{len(asking)} cần xác nhận xóa số liệu đã lưu")
        if self.skipped:
            parts.append(f"{len(self.skipped)} tệp không đọc")
        self.summary.setText("; ".join(parts) + ".")
