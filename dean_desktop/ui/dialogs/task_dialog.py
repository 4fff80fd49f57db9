"""The dialog to add or edit one task of a solution group."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...services.checklist import TaskInput
from ...services.rows import GroupRow, MemberRow, TaskRow, UnitRow
from ...services.vocab import TASK_DONE, TASK_STATUS
from ..widgets import messages

NONE_LABEL = "— không —"


def group_label(group: GroupRow) -> str:
    """``Nhóm giải pháp 3: Cải cách thủ tục…``; a group still named by its number is not repeated."""
    prefix = f"Nhóm giải pháp {group.number}"
    if not group.name or group.name.strip().casefold() == prefix.casefold():
        return prefix
    return f"{prefix}: {group.name}"


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setMaximumDate(QDate(2100, 12, 31))
    edit.setDate(_qdate(date.today()))
    return edit


class TaskDialog(QDialog):
    """Fields of a task; ``group_id()`` and ``task_input()`` give the result after the dialog is accepted."""

    def __init__(
        self,
        groups: Sequence[GroupRow],
        members: Sequence[MemberRow],
        units: Sequence[UnitRow],
        group_id: int | None = None,
        task: TaskRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sửa nhiệm vụ" if task else "Thêm nhiệm vụ")
        self.setMinimumWidth(620)
        self.group_combo = QComboBox()
        for group in groups:
            self.group_combo.addItem(f"{group.project_short} – {group_label(group)}", group.id)
            self.group_combo.setItemData(self.group_combo.count() - 1, group.project_name, Qt.ItemDataRole.ToolTipRole)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Nội dung nhiệm vụ (bắt buộc)")
        self.member_combo = QComboBox()
        self.member_combo.addItem(NONE_LABEL, None)
        for member in members:
            self.member_combo.addItem(member.full_name, member.id)
            tip = " – ".join(part for part in (member.role, member.position) if part)
            self.member_combo.setItemData(self.member_combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.unit_combo = QComboBox()
        self.unit_combo.addItem(NONE_LABEL, None)
        current_unit = task.unit_id if task else None
        for unit in units:
            if unit.active or unit.id == current_unit:
                self.unit_combo.addItem(unit.name, unit.id)
        self.has_deadline = QCheckBox("Có hạn")
        self.deadline_edit = _date_edit()
        self.status_combo = QComboBox()
        for code, label in TASK_STATUS.items():
            self.status_combo.addItem(label, code)
        self.has_completed = QCheckBox("Đã có ngày")
        self.completed_edit = _date_edit()
        self.evidence_edit = QLineEdit()
        self.evidence_edit.setPlaceholderText("Số, ký hiệu văn bản, ví dụ 54-KH/HU")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(70)
        self.error_label = messages.error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Lưu")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self.has_deadline.toggled.connect(self.deadline_edit.setEnabled)
        self.has_completed.toggled.connect(self.completed_edit.setEnabled)
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        self.title_edit.textChanged.connect(lambda _text: self.error_label.hide())
        self._fill(task, group_id)

    def _layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Nhóm giải pháp:", self.group_combo)
        form.addRow("Nội &dung:", self.title_edit)
        form.addRow("Người &phụ trách:", self.member_combo)
        form.addRow("Đơn &vị phụ trách:", self.unit_combo)
        form.addRow("&Hạn hoàn thành:", _pair(self.has_deadline, self.deadline_edit))
        form.addRow("&Trạng thái:", self.status_combo)
        form.addRow("Ngày hoàn thà&nh:", _pair(self.has_completed, self.completed_edit))
        form.addRow("&Căn cứ/Văn bản:", self.evidence_edit)
        form.addRow("&Ghi chú:", self.notes_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        order = [
            self.group_combo,
            self.title_edit,
            self.member_combo,
            self.unit_combo,
            self.has_deadline,
            self.deadline_edit,
            self.status_combo,
            self.has_completed,
            self.completed_edit,
            self.evidence_edit,
            self.notes_edit,
            self.buttons,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _fill(self, task: TaskRow | None, group_id: int | None) -> None:
        chosen = task.group_id if task else group_id
        self.group_combo.setCurrentIndex(max(self.group_combo.findData(chosen), 0))
        self.status_combo.setCurrentIndex(self.status_combo.findData(task.status if task else "chua_bat_dau"))
        if task is None:
            self.has_deadline.setChecked(False)
            self.deadline_edit.setEnabled(False)
            self._status_changed()
            self.title_edit.setFocus()
            return
        self.title_edit.setText(task.title)
        self.member_combo.setCurrentIndex(max(self.member_combo.findData(task.member_id), 0))
        self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(task.unit_id), 0))
        self.has_deadline.setChecked(task.deadline is not None)
        self.deadline_edit.setEnabled(task.deadline is not None)
        if task.deadline:
            self.deadline_edit.setDate(_qdate(task.deadline))
        if task.completed_on:
            self.completed_edit.setDate(_qdate(task.completed_on))
        self.has_completed.setChecked(task.completed_on is not None)
        self._status_changed()
        self.evidence_edit.setText(task.evidence)
        self.notes_edit.setPlainText(task.notes)
        self.title_edit.setFocus()

    def _status_changed(self) -> None:
        done = self.status_combo.currentData() == TASK_DONE
        self.has_completed.setEnabled(done)
        if done and not self.has_completed.isChecked():
            self.completed_edit.setDate(_qdate(date.today()))
            self.has_completed.setChecked(True)
        self.completed_edit.setEnabled(done and self.has_completed.isChecked())
        if not done:
            self.has_completed.setChecked(False)

    # --- result --------------------------------------------------------------
    def group_id(self) -> int:
        return int(self.group_combo.currentData())

    def task_input(self) -> TaskInput:
        done = self.status_combo.currentData() == TASK_DONE
        return TaskInput(
            title=self.title_edit.text().strip(),
            member_id=self.member_combo.currentData(),
            unit_id=self.unit_combo.currentData(),
            deadline=self.deadline_edit.date().toPython() if self.has_deadline.isChecked() else None,
            status=str(self.status_combo.currentData()),
            completed_on=self.completed_edit.date().toPython() if done and self.has_completed.isChecked() else None,
            evidence=self.evidence_edit.text().strip(),
            notes=self.notes_edit.toPlainText().strip(),
        )

    def problem(self) -> tuple[str, QWidget] | None:
        """What keeps the dialog from being saved (Vietnamese message, widget to fix); None when it can be saved."""
        if self.group_combo.currentData() is None:
            return "Chưa chọn nhóm giải pháp.", self.group_combo
        if not self.title_edit.text().strip():
            return "Chưa nhập nội dung nhiệm vụ.", self.title_edit
        data = self.task_input()
        if data.completed_on is not None and data.completed_on > date.today():
            return "Ngày hoàn thành không được sau ngày hôm nay.", self.completed_edit
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            message, widget = problem
            self.error_label.setText(message)
            self.error_label.show()
            widget.setFocus()
            return
        super().accept()


def _pair(check: QCheckBox, edit: QDateEdit) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(check)
    row.addWidget(edit)
    row.addStretch(1)
    return box
