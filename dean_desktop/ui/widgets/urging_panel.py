"""The urging ("đôn đốc") list of one steering member: units missing a return or behind a target, overdue tasks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.completeness import default_period
from ...services.indicators import reported_periods
from ...services.periods import Period, period_from_code
from ...services.urging import KIND_LABELS, UrgingItem, urging_lists
from .. import printing


class UrgingPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member_id: int | None = None
        self.period_combo = QComboBox()
        self.period_combo.setToolTip("Kỳ báo cáo cần đôn đốc")
        self.period_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Đơn vị / việc cần đôn đốc", "Loại"])
        self.tree.setColumnWidth(0, 330)
        self.tree.setAlternatingRowColors(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.print_member = QPushButton("In danh sách này…")
        self.print_member.setToolTip("Xem trước và in danh sách đôn đốc của thành viên đang chọn")
        self.print_member.clicked.connect(lambda: self.print_list(all_members=False))
        self.print_all = QPushButton("In cho tất cả…")
        self.print_all.setToolTip("Xem trước và in danh sách đôn đốc của tất cả thành viên Ban Chỉ đạo")
        self.print_all.clicked.connect(lambda: self.print_list(all_members=True))
        top = QHBoxLayout()
        top.addWidget(QLabel("Kỳ:"))
        top.addWidget(self.period_combo, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_member)
        buttons.addWidget(self.print_all)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.items: tuple[UrgingItem, ...] = ()

    def fill_periods(self) -> None:
        current = self.period_combo.currentData()
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        default = default_period()
        periods = reported_periods() or [default]
        for period in periods:
            self.period_combo.addItem(period.label, period.code)
        index = self.period_combo.findData(current or default.code)
        self.period_combo.setCurrentIndex(max(index, 0))
        self.period_combo.blockSignals(False)

    def period(self) -> Period | None:
        code = self.period_combo.currentData()
        return period_from_code(code) if code else None

    def show_member(self, member_id: int | None) -> None:
        self.member_id = member_id
        if self.period_combo.count() == 0:
            self.fill_periods()
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        self.print_member.setEnabled(self.member_id is not None)
        if self.member_id is None:
            self.items = ()
            self.summary.setText("Chọn một thành viên để xem danh sách đôn đốc.")
            return
        lists = urging_lists(self.period(), member_id=self.member_id)
        self.items = lists[0].items if lists else ()
        by_unit: dict[str, QTreeWidgetItem] = {}
        for item in self.items:
            parent_label = item.unit_name or "Nhiệm vụ được giao"
            parent = by_unit.get(parent_label)
            if parent is None:
                parent = QTreeWidgetItem([parent_label, ""])
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                self.tree.addTopLevelItem(parent)
                by_unit[parent_label] = parent
            child = QTreeWidgetItem([item.text, KIND_LABELS.get(item.kind, item.kind)])
            child.setToolTip(0, item.text)
            parent.addChild(child)
        self.tree.expandAll()
        period = self.period()
        label = period.label if period else ""
        if self.items:
            self.summary.setText(f"{len(self.items)} việc cần đôn đốc ở {len(by_unit)} đơn vị/nhóm việc (kỳ {label}).")
        else:
            self.summary.setText(f"Không có việc cần đôn đốc trong kỳ {label}.")

    def print_list(self, all_members: bool) -> None:
        from ...services.report_content import urging_document

        period = self.period()
        member_id = None if all_members else self.member_id
        title = "Danh sách đôn đốc" + ("" if all_members else " của thành viên")
        printing.output(
            self, printing.PREVIEW, title, printing.dated_name("don-doc"), lambda: urging_document(period, member_id)
        )


__all__ = ["Qt", "UrgingPanel"]
