"""Add or edit one rotation record: who, from which post to which, by which decision, for how long."""

from __future__ import annotations

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
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services.rotations import RotationInput
from ...services.rows import RotationRow

MAX_MONTHS = 120
# "Cấp trưởng" as the register states it; "not stated" lets the rotation rule infer it from the post's text.
HEAD_CHOICES: tuple[tuple[str, bool | None], ...] = (
    ("Không ghi (suy ra từ chức vụ)", None),
    ("Có", True),
    ("Không", False),
)


class RotationDialog(QDialog):
    """The tab runs it through ``messages.run_dialog`` and saves ``value()`` through the rotations service."""

    def __init__(self, rotation: RotationRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sửa bản ghi luân chuyển" if rotation else "Thêm bản ghi luân chuyển")
        self.setMinimumWidth(520)

        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText("Ví dụ: Nguyễn Văn An")
        self.from_position = QLineEdit()
        self.from_position.setPlaceholderText("Ví dụ: Trưởng phòng, Phòng Nội vụ huyện")
        self.to_position = QLineEdit()
        self.to_position.setPlaceholderText("Ví dụ: Bí thư Đảng ủy xã Bảo Linh")
        self.decision_no = QLineEdit()
        self.decision_no.setPlaceholderText("Ví dụ: 120-QĐ/HU")
        self.from_head = QComboBox()
        for label, value in HEAD_CHOICES:
            self.from_head.addItem(label, value)
        self.from_head.setToolTip("Chức vụ trước luân chuyển có phải cấp trưởng không (chỉ cấp trưởng được tính)")
        self.from_unit = QLineEdit()
        self.from_unit.setPlaceholderText("Ví dụ: Phòng Nội vụ")
        self.to_unit = QLineEdit()
        self.to_unit.setPlaceholderText("Ví dụ: xã Bảo Linh")

        self.has_date = QCheckBox("Có ngày")
        self.has_date.setToolTip("Bỏ chọn nếu chưa biết ngày quyết định")
        self.decision_date = QDateEdit()
        self.decision_date.setDisplayFormat("dd/MM/yyyy")
        self.decision_date.setCalendarPopup(True)
        self.decision_date.setMinimumDate(QDate(1990, 1, 1))
        self.decision_date.setMaximumDate(QDate(2100, 12, 31))
        self.has_date.toggled.connect(self.decision_date.setEnabled)
        date_row = QHBoxLayout()
        date_row.setContentsMargins(0, 0, 0, 0)
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.decision_date, 1)

        self.months = QSpinBox()
        self.months.setRange(0, MAX_MONTHS)
        self.months.setSpecialValueText("—")  # 0 = not recorded
        self.months.setSuffix(" tháng")
        self.months.setToolTip("Để “—” nếu chưa xác định thời gian luân chuyển")
        self.notes = QLineEdit()

        form = QFormLayout()
        form.addRow("&Họ và tên:", self.full_name)
        form.addRow("Chức vụ, đơn vị &trước:", self.from_position)
        form.addRow("Cấp t&rưởng:", self.from_head)
        form.addRow("Đơn vị trước:", self.from_unit)
        form.addRow("Chức vụ, đơn vị đế&n:", self.to_position)
        form.addRow("Đơn vị đến:", self.to_unit)
        form.addRow("Số &quyết định:", self.decision_no)
        form.addRow("Ngày quyết định:", date_row)
        form.addRow("Thời &gian (tháng):", self.months)
        form.addRow("Ghi &chú:", self.notes)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Lưu")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        for first, second in (
            (self.full_name, self.from_position),
            (self.from_position, self.from_head),
            (self.from_head, self.from_unit),
            (self.from_unit, self.to_position),
            (self.to_position, self.to_unit),
            (self.to_unit, self.decision_no),
            (self.decision_no, self.has_date),
            (self.has_date, self.decision_date),
            (self.decision_date, self.months),
            (self.months, self.notes),
        ):
            QWidget.setTabOrder(first, second)
        self._fill(rotation)
        self.full_name.setFocus()

    def _fill(self, rotation: RotationRow | None) -> None:
        day = rotation.decision_date if rotation and rotation.decision_date else date.today()
        self.decision_date.setDate(QDate(day.year, day.month, day.day))
        self.has_date.setChecked(rotation is None or rotation.decision_date is not None)
        self.decision_date.setEnabled(self.has_date.isChecked())
        if rotation is None:
            return
        self.full_name.setText(rotation.full_name)
        self.from_position.setText(rotation.from_position)
        self.to_position.setText(rotation.to_position)
        self.from_head.setCurrentIndex([value for _, value in HEAD_CHOICES].index(rotation.from_head))
        self.from_unit.setText(rotation.from_unit)
        self.to_unit.setText(rotation.to_unit)
        self.decision_no.setText(rotation.decision_no)
        self.months.setValue(rotation.months or 0)
        self.notes.setText(rotation.notes)

    def set_decision_date(self, day: date | None) -> None:
        self.has_date.setChecked(day is not None)
        if day is not None:
            self.decision_date.setDate(QDate(day.year, day.month, day.day))

    def value(self) -> RotationInput:
        """What the user entered, for the service to validate and save."""
        picked = self.decision_date.date()
        return RotationInput(
            full_name=self.full_name.text().strip(),
            from_position=self.from_position.text().strip(),
            to_position=self.to_position.text().strip(),
            decision_no=self.decision_no.text().strip(),
            decision_date=date(picked.year(), picked.month(), picked.day()) if self.has_date.isChecked() else None,
            months=self.months.value() or None,
            notes=self.notes.text().strip(),
            from_head=self.from_head.currentData(),
            from_unit=self.from_unit.text().strip(),
            to_unit=self.to_unit.text().strip(),
        )
