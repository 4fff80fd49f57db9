"""Dialog to add or edit a steering committee member and choose the units the member follows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.contacts import email_problem, phone_problem
from ...services.formatting import format_date
from ...services.roster import MemberInput
from ...services.rows import MemberRow, UnitRow
from ...services.text_search import marked_text, query_words, search_text
from ...services.vocab import COMMITTEE_ROLES
from ..screen_fit import fit_to_screen
from ..widgets import messages

UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 10
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 11
COMMUNE_ROLE = Qt.ItemDataRole.UserRole + 12
HEADER_BRUSH = QBrush(QColor("#e9ecef"))
CHECKABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable


def unit_label(unit: UnitRow) -> str:
    """Unit name, with a note when it no longer exists (Kim Sơn merged into Kim Phượng)."""
    if unit.merged_into and unit.valid_to:
        return f"{unit.name} (đến {format_date(unit.valid_to)}, nay thuộc {unit.merged_into})"
    if unit.valid_to:
        return f"{unit.name} (đến {format_date(unit.valid_to)})"
    return unit.name


class MemberDialog(QDialog):
    """Fields of one member and a checkable, searchable list of units; ``accept`` refuses an empty name."""

    def __init__(
        self, units: Sequence[UnitRow], member: MemberRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sửa thông tin thành viên" if member else "Thêm thành viên Ban Chỉ đạo")
        self.setMinimumWidth(480)
        fit_to_screen(self, QSize(560, 640))  # the unit list scrolls on a low screen

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Ví dụ: Nguyễn Văn An")
        self.role_combo = QComboBox()
        self.role_combo.setEditable(True)
        self.role_combo.addItems(list(COMMITTEE_ROLES))
        self.role_combo.setCurrentText("Ủy viên")
        self.position_edit = QLineEdit()
        self.position_edit.setPlaceholderText("Ví dụ: Trưởng phòng Nội vụ")
        self.phone_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText("ten@example.vn")

        form = QFormLayout()
        form.addRow("&Họ và tên (*):", self.name_edit)
        form.addRow("Chức &danh trong BCĐ:", self.role_combo)
        form.addRow("Chức &vụ:", self.position_edit)
        form.addRow("Điện &thoại:", self.phone_edit)
        form.addRow("&Email:", self.email_edit)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Tìm đơn vị (gõ có dấu hoặc không dấu)…")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._filter)
        self.unit_list = QListWidget()
        self.unit_list.setUniformItemSizes(True)
        self.unit_list.setSpacing(1)
        self.unit_list.itemChanged.connect(self._update_count)
        self.select_communes_button = QPushButton("Chọn tất cả xã")
        self.select_communes_button.setToolTip("Đánh dấu mọi xã, thị trấn đang hiện trong danh sách")
        self.select_communes_button.clicked.connect(self.select_all_communes)
        self.clear_button = QPushButton("Bỏ chọn")
        self.clear_button.setToolTip("Bỏ đánh dấu mọi đơn vị")
        self.clear_button.clicked.connect(self.clear_units)
        self.count_label = QLabel()

        helpers = QHBoxLayout()
        helpers.addWidget(self.select_communes_button)
        helpers.addWidget(self.clear_button)
        helpers.addStretch(1)
        helpers.addWidget(self.count_label)
        units_box = QGroupBox("Đơn vị phụ trách (theo dõi, đôn đốc)")
        units_layout = QVBoxLayout(units_box)
        units_layout.addWidget(self.search_edit)
        units_layout.addWidget(self.unit_list, 1)
        units_layout.addLayout(helpers)

        self.error_label = messages.error_label()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Lưu")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText("Hủy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(units_box, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self._fill_units(units, set(member.unit_ids) if member else set())
        if member is not None:
            self.name_edit.setText(member.full_name)
            self.role_combo.setCurrentText(member.role)
            self.position_edit.setText(member.position)
            self.phone_edit.setText(member.phone)
            self.email_edit.setText(member.email)
        self._update_count()
        self.setTabOrder(self.name_edit, self.role_combo)
        self.setTabOrder(self.role_combo, self.position_edit)
        self.setTabOrder(self.position_edit, self.phone_edit)
        self.setTabOrder(self.phone_edit, self.email_edit)
        self.setTabOrder(self.email_edit, self.search_edit)
        self.setTabOrder(self.search_edit, self.unit_list)
        self.name_edit.setFocus()

    # --- the unit list -------------------------------------------------------
    def _add_header(self, text: str) -> None:
        item = QListWidgetItem(text)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setBackground(HEADER_BRUSH)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.unit_list.addItem(item)

    def _fill_units(self, units: Sequence[UnitRow], checked: set[int]) -> None:
        # Inactive units are offered only when the member already follows them, so saving keeps them.
        shown = [u for u in units if u.active or u.id in checked]
        self.unit_list.blockSignals(True)
        for header, communes in (("Xã, thị trấn", True), ("Cơ quan, đơn vị cấp huyện", False)):
            group = [u for u in shown if u.is_commune == communes]
            if not group:
                continue
            self._add_header(header)
            for unit in group:
                item = QListWidgetItem(unit_label(unit))
                item.setFlags(CHECKABLE)
                item.setCheckState(Qt.CheckState.Checked if unit.id in checked else Qt.CheckState.Unchecked)
                item.setData(UNIT_ID_ROLE, unit.id)
                item.setData(FOLDED_ROLE, [search_text(unit.name), marked_text(unit.name)])
                item.setData(COMMUNE_ROLE, communes)
                self.unit_list.addItem(item)
        self.unit_list.blockSignals(False)

    def _unit_items(self) -> Iterable[QListWidgetItem]:
        for row in range(self.unit_list.count()):
            item = self.unit_list.item(row)
            if item.data(UNIT_ID_ROLE) is not None:
                yield item

    def _filter(self, text: str) -> None:
        wanted = query_words(text)  # the register's rule: diacritics count when typed, words match from their start
        header: QListWidgetItem | None = None
        header_has_visible = False
        for row in range(self.unit_list.count()):
            item = self.unit_list.item(row)
            if item.data(UNIT_ID_ROLE) is None:
                if header is not None:
                    header.setHidden(not header_has_visible)
                header, header_has_visible = item, False
                continue
            visible = all(word.found_in(*item.data(FOLDED_ROLE)) for word in wanted)
            item.setHidden(not visible)
            header_has_visible = header_has_visible or visible
        if header is not None:
            header.setHidden(not header_has_visible)

    def _update_count(self) -> None:
        count = len(self.checked_unit_ids())
        self.count_label.setText(f"Đã chọn {count} đơn vị")

    def item_for_unit(self, unit_id: int) -> QListWidgetItem | None:
        return next((item for item in self._unit_items() if item.data(UNIT_ID_ROLE) == unit_id), None)

    def checked_unit_ids(self) -> list[int]:
        checked = Qt.CheckState.Checked
        return [int(item.data(UNIT_ID_ROLE)) for item in self._unit_items() if item.checkState() == checked]

    def set_checked_units(self, unit_ids: Iterable[int]) -> None:
        wanted = set(unit_ids)
        for item in self._unit_items():
            item.setCheckState(Qt.CheckState.Checked if item.data(UNIT_ID_ROLE) in wanted else Qt.CheckState.Unchecked)

    def select_all_communes(self) -> None:
        for item in self._unit_items():
            if item.data(COMMUNE_ROLE) and not item.isHidden():
                item.setCheckState(Qt.CheckState.Checked)

    def clear_units(self) -> None:
        for item in self._unit_items():
            item.setCheckState(Qt.CheckState.Unchecked)

    # --- result --------------------------------------------------------------
    def member_input(self) -> MemberInput:
        return MemberInput(
            full_name=self.name_edit.text().strip(),
            role=self.role_combo.currentText().strip(),
            position=self.position_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
            email=self.email_edit.text().strip(),
        )

    def _problem(self) -> tuple[str, QWidget] | None:
        data = self.member_input()
        if not data.full_name:
            return "Chưa nhập họ và tên thành viên.", self.name_edit
        problem = phone_problem(data.phone)
        if problem:
            return problem, self.phone_edit
        problem = email_problem(data.email)
        if problem:
            return problem, self.email_edit
        return None

    def accept(self) -> None:
        problem = self._problem()
        if problem is not None:
            text, widget = problem
            self.error_label.setText(text)
            self.error_label.show()
            widget.setFocus()
            return
        self.error_label.hide()
        super().accept()
