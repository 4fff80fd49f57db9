"""The small dialog asked when a task is marked done: the completion date and the document that proves it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services.rows import TaskRow
from .task_dialog import _qdate


class CompletionDialog(QDialog):
    """Asks when a task was finished (today by default, never later) and its evidence document number."""

    def __init__(self, task: TaskRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Đánh dấu hoàn thành")
        self.setMinimumWidth(460)
        title = QLabel(f"Nhiệm vụ: <b>{_escape(task.title)}</b>")
        title.setWordWrap(True)
        self.date_edit = QDateEdit()
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(QDate(2000, 1, 1))
        self.date_edit.setMaximumDate(_qdate(date.today()))  # a task cannot be done tomorrow
        self.date_edit.setDate(_qdate(task.completed_on or date.today()))
        self.date_edit.setToolTip("Ngày hoàn thành, dạng ngày/tháng/năm; không được sau hôm nay")
        self.evidence_edit = QLineEdit(task.evidence)
        self.evidence_edit.setPlaceholderText("Số, ký hiệu văn bản, ví dụ 54-KH/HU")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Hoàn thành")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Ngày hoàn thành:", self.date_edit)
        form.addRow("&Căn cứ/Văn bản:", self.evidence_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.date_edit.setFocus()

    def completed_on(self) -> date:
        value: date = self.date_edit.date().toPython()  # type: ignore[assignment]
        return value

    def evidence(self) -> str:
        return self.evidence_edit.text().strip()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
