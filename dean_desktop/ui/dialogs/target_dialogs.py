"""The target table in the window (PRODUCT.md §2 "Targets as data"): the list of targets, and the form of one with
the value it would have on the current data. The choices come from services.target_rules; the services check, save
and audit."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.errors import DomainError, ValidationError
from ...services.indicators import IndicatorValue, value_text
from ...services.projects import ProjectRow, list_projects
from ...services.target_rules import (
    CADRE_SHARE,
    FREE_TEXT_CRITERIA,
    METHODS,
    allowed_values,
    counted_codes,
    criteria_for,
    levels_for,
    unit_of,
    value_label,
)
from ...services.targets import (
    TargetInput,
    TargetRow,
    add_target,
    list_targets,
    preview_target,
    set_retired,
    update_target,
)
from ..widgets import messages
from ..widgets.row_list import RowListDialog

MET_STYLE = "color: #1b6e20; font-weight: bold;"
UNMET_STYLE = "color: #b3261e; font-weight: bold;"
RETIRED_NOTE = "(đã thôi theo dõi)"
NO_CRITERION = "— không dùng —"


def preview_text(item: IndicatorValue | None) -> str:
    """``Giá trị hiện nay: 27,8 % (5/18) — Chưa đạt`` (the overview's own formatting of the value)."""
    if item is None:
        return "Giá trị hiện nay: chưa tính được."
    if item.value is None and item.unit == "%":
        return "Giá trị hiện nay: chưa có số liệu — Chưa đạt"
    shown = value_text(item)
    if item.unit == "%" and item.denominator is not None:
        shown += f" ({item.numerator}/{item.denominator})"
    return f"Giá trị hiện nay: {shown} — {'Đạt' if item.met else 'Chưa đạt'}"


def read_bound(text: str, label: str) -> float | None:
    """A bound typed as ``15``, ``15,5`` or ``15 %``; blank: none."""
    cleaned = text.replace("%", "").replace(" ", "").strip()
    if not cleaned:
        return None
    try:
        return float(cleaned.replace(",", "."))
    except ValueError:
        raise ValidationError(f'{label}: "{text.strip()}" không phải là số.') from None


def suggest_code(project_code: str, taken: set[str]) -> str:
    number = 1
    while f"{project_code}.chi_tieu_{number}" in taken:
        number += 1
    return f"{project_code}.chi_tieu_{number}"


class TargetDialog(QDialog):
    """Fields of one target and its value on the current data; Lưu saves through the services (stays open on error)."""

    def __init__(
        self,
        projects: Sequence[ProjectRow],
        target: TargetRow | None = None,
        taken_codes: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.target = target
        self.saved_id: int | None = None
        self._taken = set(taken_codes)
        self._code_typed = target is not None
        self.setWindowTitle("Sửa chỉ tiêu" if target else "Thêm chỉ tiêu")
        self.setMinimumWidth(640)
        self._build(projects)
        self._layout()
        self._fill(target)
        self._connect()
        self.refresh()
        self.title_edit.setFocus()

    # --- widgets -------------------------------------------------------------
    def _build(self, projects: Sequence[ProjectRow]) -> None:
        self.project_combo = QComboBox()
        for project in projects:
            self.project_combo.addItem(project.label, project.code)
            self.project_combo.setItemData(self.project_combo.count() - 1, project.name, Qt.ItemDataRole.ToolTipRole)
        self.code_edit = QLineEdit()
        self.code_edit.setToolTip("Mã ổn định: chữ thường không dấu, chữ số, dấu chấm, dấu gạch dưới")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Nội dung chỉ tiêu (bắt buộc)")
        self.method_combo = QComboBox()
        for code, label in METHODS.items():
            self.method_combo.addItem(label, code)
        self.level_combo = QComboBox()
        self.criterion_combo = QComboBox()
        self.values_stack = QStackedWidget()
        self.values_none = QLabel(NO_CRITERION)
        self.values_none.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.values_list = QListWidget()
        self.values_list.setFixedHeight(130)  # the 54 ethnic groups scroll
        self.values_edit = QLineEdit()
        self.values_edit.setPlaceholderText("Các giá trị cách nhau bởi dấu phẩy, ví dụ: Trình độ B, Trình độ C")
        for page in (self.values_none, self.values_list, self.values_edit):
            self.values_stack.addWidget(page)
        self.values_stack.setMaximumHeight(130)
        self.min_edit = QLineEdit()
        self.min_edit.setPlaceholderText("để trống: không có")
        self.max_edit = QLineEdit()
        self.max_edit.setPlaceholderText("để trống: không có")
        self.unit_label = QLabel()
        self.deadline_spin = QSpinBox()
        self.deadline_spin.setRange(1945, 2100)
        self.deadline_spin.setValue(2020)
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        self.error_label = messages.error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Lưu")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _layout(self) -> None:
        bounds = QHBoxLayout()
        bounds.addWidget(QLabel("từ"))
        bounds.addWidget(self.min_edit)
        bounds.addWidget(QLabel("đến"))
        bounds.addWidget(self.max_edit)
        bounds.addWidget(self.unit_label)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Đề á&n:", self.project_combo)
        form.addRow("&Mã chỉ tiêu:", self.code_edit)
        form.addRow("Nội &dung:", self.title_edit)
        form.addRow("&Cách tính:", self.method_combo)
        form.addRow("Cấ&p:", self.level_combo)
        form.addRow("&Tiêu chí:", self.criterion_combo)
        form.addRow("&Giá trị được tính:", self.values_stack)
        caption = QLabel("Mức chỉ tiê&u:")
        caption.setBuddy(self.min_edit)
        form.addRow(caption, bounds)
        form.addRow("Năm &hạn:", self.deadline_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.project_combo.currentIndexChanged.connect(self._project_chosen)
        self.method_combo.currentIndexChanged.connect(self._method_chosen)
        self.criterion_combo.currentIndexChanged.connect(self._criterion_chosen)
        self.code_edit.textEdited.connect(self._code_edited)
        for edit in (self.code_edit, self.title_edit, self.values_edit, self.min_edit, self.max_edit):
            edit.textChanged.connect(self.refresh)
        self.level_combo.currentIndexChanged.connect(self.refresh)
        self.values_list.itemChanged.connect(self.refresh)
        self.deadline_spin.valueChanged.connect(self.refresh)

    def _fill(self, target: TargetRow | None) -> None:
        data = target.data if target else None
        if data is not None:
            self.project_combo.setCurrentIndex(max(self.project_combo.findData(data.project_code), 0))
            self.method_combo.setCurrentIndex(max(self.method_combo.findData(data.method), 0))
        self._fill_levels(data.level if data else None)
        self._fill_criteria(data.criterion if data else None)
        self._fill_values(data.counted_values if data else ())
        if data is None:
            self.code_edit.setText(suggest_code(str(self.project_combo.currentData() or "de_an"), self._taken))
            self._show_unit()
            return
        self.code_edit.setText(data.code)
        self.code_edit.setReadOnly(True)  # the code is the target's stable key (the services refuse to change it)
        self.code_edit.setToolTip("Mã chỉ tiêu không đổi được; muốn mã khác, hãy thêm chỉ tiêu mới")
        self.title_edit.setText(data.title)
        self.min_edit.setText(_bound_text(data.target_min))
        self.max_edit.setText(_bound_text(data.target_max))
        self.deadline_spin.setValue(int(data.deadline_year))
        self._show_unit()

    # --- choices that follow the method and the criterion -------------------------
    def _fill_levels(self, chosen: str | None) -> None:
        current = chosen or self.level_combo.currentData()
        self.level_combo.blockSignals(True)
        self.level_combo.clear()
        for code, label in levels_for(str(self.method_combo.currentData())).items():
            self.level_combo.addItem(label, code)
        self.level_combo.setCurrentIndex(max(self.level_combo.findData(current), 0))
        self.level_combo.blockSignals(False)

    def _fill_criteria(self, chosen: str | None) -> None:
        current = chosen or self.criterion_combo.currentData()
        criteria = criteria_for(str(self.method_combo.currentData()))
        self.criterion_combo.blockSignals(True)
        self.criterion_combo.clear()
        if not criteria:
            self.criterion_combo.addItem(NO_CRITERION, "")
        for code, label in criteria.items():
            self.criterion_combo.addItem(label, code)
        self.criterion_combo.setCurrentIndex(max(self.criterion_combo.findData(current), 0))
        self.criterion_combo.setEnabled(bool(criteria))
        self.criterion_combo.blockSignals(False)

    def _fill_values(self, codes: Sequence[str]) -> None:
        criterion = str(self.criterion_combo.currentData() or "")
        labels = allowed_values(criterion)
        self.values_list.blockSignals(True)
        self.values_list.clear()
        if self.method_combo.currentData() != CADRE_SHARE:
            self.values_stack.setCurrentWidget(self.values_none)
        elif criterion in FREE_TEXT_CRITERIA or not labels:
            self.values_edit.setText(", ".join(codes))
            self.values_stack.setCurrentWidget(self.values_edit)
        else:
            chosen = {value_label(criterion, code) for code in codes}
            for label in labels:
                item = QListWidgetItem(label)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if label in chosen else Qt.CheckState.Unchecked)
                self.values_list.addItem(item)
            self.values_stack.setCurrentWidget(self.values_list)
        self.values_list.blockSignals(False)

    def _show_unit(self) -> None:
        self.unit_label.setText(unit_of(str(self.method_combo.currentData())))

    def _method_chosen(self) -> None:
        self._fill_levels(None)
        self._fill_criteria(None)
        self._fill_values(())
        self._show_unit()
        self.refresh()

    def _criterion_chosen(self) -> None:
        self._fill_values(())
        self.refresh()

    def _code_edited(self) -> None:
        self._code_typed = True

    def _project_chosen(self) -> None:
        if not self._code_typed:
            self.code_edit.setText(suggest_code(str(self.project_combo.currentData()), self._taken))
        self.refresh()

    # --- result --------------------------------------------------------------
    def checked_labels(self) -> list[str]:
        items = (self.values_list.item(row) for row in range(self.values_list.count()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]

    def _counted_values(self, criterion: str) -> tuple[str, ...]:
        page = self.values_stack.currentWidget()
        if page is self.values_list:
            return tuple(code for label in self.checked_labels() for code in counted_codes(criterion, label))
        if page is self.values_edit and self.values_edit.text().strip():
            return tuple(counted_codes(criterion, self.values_edit.text()))
        return ()

    def target_input(self) -> TargetInput:
        """The form as the services take it; DomainError (Vietnamese) when a field cannot be read."""
        criterion = str(self.criterion_combo.currentData() or "")
        return TargetInput(
            code=self.code_edit.text().strip(),
            project_code=str(self.project_combo.currentData() or ""),
            title=self.title_edit.text(),
            method=str(self.method_combo.currentData()),
            level=str(self.level_combo.currentData()),
            criterion=criterion,
            counted_values=self._counted_values(criterion),
            target_min=read_bound(self.min_edit.text(), "Mức tối thiểu"),
            target_max=read_bound(self.max_edit.text(), "Mức tối đa"),
            deadline_year=self.deadline_spin.value(),
        )

    def refresh(self) -> None:
        """Check the form with the services and show its value on the current data; Lưu only when it is valid."""
        try:
            value = preview_target(self.target_input())
        except DomainError as error:
            self._show_problem(_sentence(str(error)))
            return
        self.error_label.hide()
        self.preview_label.setText(preview_text(value))
        self.preview_label.setStyleSheet(MET_STYLE if value is not None and value.met else UNMET_STYLE)
        self.ok_button.setEnabled(True)

    def _show_problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.preview_label.setText("Giá trị hiện nay: chưa tính được (xem lỗi bên dưới).")
        self.preview_label.setStyleSheet("")
        self.ok_button.setEnabled(False)

    def accept(self) -> None:
        try:
            data = self.target_input()
            if self.target is None:
                self.saved_id = add_target(data)
            else:
                update_target(self.target.id, data)
                self.saved_id = self.target.id
        except DomainError as error:
            self._show_problem(_sentence(str(error)))
            return
        super().accept()


def _bound_text(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


class TargetsDialog(RowListDialog[TargetRow]):
    """Every target, built-in and added (retired ones greyed); each change is saved at once, ``changed`` tells."""

    COLUMNS = ("Mã", "Đề án", "Nội dung chỉ tiêu", "Cách tính", "Mức", "Hạn")
    STRETCH_COLUMN = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Chỉ tiêu của các Đề án", "Mỗi thay đổi được lưu ngay và ghi vào nhật ký thay đổi.", parent)
        self.setMinimumSize(820, 420)
        self.resize(1080, 520)
        self.reload()

    def extra_buttons(self) -> list[QPushButton]:
        self.retire_button = self.button("Thôi theo &dõi", self.retire_target)
        self.restore_button = self.button("Theo dõi &lại", self.restore_target)
        return [self.retire_button, self.restore_button]

    def update_extra_buttons(self, row: TargetRow | None) -> None:
        self.retire_button.setEnabled(row is not None and not row.retired)
        self.restore_button.setEnabled(row is not None and row.retired)

    def load_rows(self) -> list[TargetRow]:
        return list_targets()

    def cells(self, row: TargetRow) -> list[str]:
        title = f"{row.data.title} {RETIRED_NOTE}" if row.retired else row.data.title
        return [row.code, row.project_short, title, row.method_label, row.limits_label, str(row.data.deadline_year)]

    def tooltip(self, row: TargetRow) -> tuple[int, str]:
        return 2, row.data.title

    def is_greyed(self, row: TargetRow) -> bool:
        return row.retired

    def make_form(self, row: TargetRow | None) -> TargetDialog:
        return TargetDialog(list_projects(), row, [r.code for r in self.rows], self)

    def add_target(self) -> None:
        self.add_row()

    def edit_target(self) -> None:
        self.edit_row()

    def retire_target(self) -> None:
        row = self.selected()
        if row is None or row.retired:
            return
        question = (
            f'Thôi theo dõi chỉ tiêu "{row.data.title}"?\n\nChỉ tiêu được giữ lại nhưng không còn được tính, '
            "không hiện ở Tổng quan và báo cáo. Có thể theo dõi lại bất cứ lúc nào."
        )
        if messages.confirm(self, "Thôi theo dõi chỉ tiêu", question):
            self._set_retired(row, True)

    def restore_target(self) -> None:
        row = self.selected()
        if row is not None and row.retired:
            self._set_retired(row, False)

    def _set_retired(self, row: TargetRow, retired: bool) -> None:
        try:
            changed = set_retired(row.id, retired)
        except DomainError as error:
            messages.show_error(self, str(error))
            return
        self.changed = self.changed or changed
        self.reload(row.id)
