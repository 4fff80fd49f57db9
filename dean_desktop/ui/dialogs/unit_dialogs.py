"""Dữ liệu → Đơn vị…: the units (communes, the town, district agencies) with their kind, dates of validity and the
unit one was merged into — a merger, past or future, is one form. The services check, save and audit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services.errors import DomainError
from ...services.formatting import format_date
from ...services.rows import UnitRow
from ...services.units import UnitInput, add_unit, list_units, update_unit
from ...services.vocab import UNIT_KINDS
from ..widgets import messages
from ..widgets.row_list import RowListDialog

NONE_LABEL = "— không —"


def _dated(label: str, value: date | None) -> tuple[QCheckBox, QDateEdit, QWidget]:
    """A checkbox (the date is set) beside its date field, ``dd/mm/yyyy``."""
    check = QCheckBox(label)
    edit = QDateEdit()
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setMinimumDate(QDate(1945, 1, 1))
    edit.setMaximumDate(QDate(2100, 12, 31))
    day = value or date.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    check.setChecked(value is not None)
    edit.setEnabled(value is not None)
    check.toggled.connect(edit.setEnabled)
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(check)
    row.addWidget(edit)
    row.addStretch(1)
    return check, edit, box


class UnitDialog(QDialog):
    """Fields of one unit; Lưu saves through the services and stays open with the error when they refuse."""

    def __init__(self, units: Sequence[UnitRow], unit: UnitRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit = unit
        self.saved_id: int | None = None
        self.setWindowTitle(f"Sửa đơn vị: {unit.name}" if unit else "Thêm đơn vị")
        self.setMinimumWidth(560)
        self.code_edit = QLineEdit(unit.code if unit else "")
        self.code_edit.setPlaceholderText("mã thống kê của xã (ví dụ 05557) hoặc mã riêng của cơ quan")
        self.name_edit = QLineEdit(unit.name if unit else "")
        self.name_edit.setPlaceholderText("ví dụ: Kim Sơn (không cần chữ “Xã”)")
        self.kind_combo = QComboBox()
        for code, label in UNIT_KINDS.items():
            self.kind_combo.addItem(label, code)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(unit.kind if unit else "xa"), 0))
        self.has_from, self.from_edit, from_box = _dated("Có ngày bắt đầu", unit.valid_from if unit else None)
        self.has_to, self.to_edit, to_box = _dated("Có ngày cuối cùng", unit.valid_to if unit else None)
        self.merged_combo = QComboBox()
        self.merged_combo.addItem(NONE_LABEL, None)
        for other in units:
            if unit is None or other.id != unit.id:
                self.merged_combo.addItem(other.name, other.id)
        self.merged_combo.setCurrentIndex(max(self.merged_combo.findData(unit.merged_into_id if unit else None), 0))
        self.error_label = messages.error_label()
        hint = QLabel(
            "Sáp nhập (kể cả sắp tới): chọn đơn vị nhận sáp nhập và ghi ngày cuối cùng còn là đơn vị riêng; "
            "báo cáo các kỳ trước ngày đó vẫn thuộc đơn vị này."
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Lưu")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Mã đơn vị:", self.code_edit)
        form.addRow("&Tên đơn vị:", self.name_edit)
        form.addRow("&Loại:", self.kind_combo)
        form.addRow("Hiệu lực &từ:", from_box)
        form.addRow("Hiệu lực đế&n:", to_box)
        form.addRow("&Sáp nhập vào:", self.merged_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        for widget in (self.code_edit, self.name_edit):
            widget.textChanged.connect(lambda _text: self.error_label.hide())
        self.name_edit.setFocus()

    def unit_input(self) -> UnitInput:
        return UnitInput(
            code=self.code_edit.text().strip(),
            name=self.name_edit.text(),
            kind=str(self.kind_combo.currentData()),
            valid_from=self.from_edit.date().toPython() if self.has_from.isChecked() else None,
            valid_to=self.to_edit.date().toPython() if self.has_to.isChecked() else None,
            merged_into_id=self.merged_combo.currentData(),
            active=self.unit.active if self.unit else True,
        )

    def accept(self) -> None:
        try:
            if self.unit is None:
                self.saved_id = add_unit(self.unit_input())
            else:
                update_unit(self.unit.id, self.unit_input())
                self.saved_id = self.unit.id
        except DomainError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        super().accept()


def _dates_text(unit: UnitRow) -> tuple[str, str]:
    return format_date(unit.valid_from), format_date(unit.valid_to)


class UnitsDialog(RowListDialog[UnitRow]):
    """Every unit with its kind, dates and merger; Thêm and Sửa open the form; ``changed`` tells the caller."""

    COLUMNS = ("Mã", "Tên đơn vị", "Loại", "Hiệu lực từ", "Hiệu lực đến", "Sáp nhập vào")
    STRETCH_COLUMN = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        note = "Mỗi thay đổi được lưu ngay và ghi vào nhật ký thay đổi. Đơn vị đã hết hiệu lực hiện màu xám."
        super().__init__("Đơn vị", note, parent)
        self.setMinimumSize(760, 420)
        self.resize(900, 640)
        self.reload()

    def load_rows(self) -> list[UnitRow]:
        return list_units()

    def cells(self, unit: UnitRow) -> list[str]:
        start, end = _dates_text(unit)
        return [unit.code, unit.name, UNIT_KINDS.get(unit.kind, unit.kind), start, end, unit.merged_into or ""]

    def is_greyed(self, unit: UnitRow) -> bool:
        return (unit.valid_to is not None and unit.valid_to < date.today()) or not unit.active

    def make_form(self, unit: UnitRow | None) -> UnitDialog:
        return UnitDialog(self.rows, unit, self)

    def add_unit(self) -> None:
        self.add_row()

    def edit_unit(self) -> None:
        self.edit_row()
