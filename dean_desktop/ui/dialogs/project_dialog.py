"""Dữ liệu → Đề án và nhóm giải pháp…: the projects (Đề án) with their years and solution groups, a new one (the
2021–2025 project) added without a code change. The services check, save and audit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services.errors import DomainError
from ...services.projects import ProjectInput, ProjectRow, add_project, list_projects, update_project
from ..widgets import messages

PROJECT_ID_ROLE = Qt.ItemDataRole.UserRole + 30
NEW_GROUP_ROLE = Qt.ItemDataRole.UserRole + 31


def _year_spin(value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1945, 2100)
    spin.setValue(value)
    return spin


class ProjectsDialog(QDialog):
    """The list of projects beside the form of the chosen one (or of a new one); Lưu saves the form and the groups
    added to it; ``changed`` tells the caller to refresh the tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Đề án và nhóm giải pháp")
        self.setMinimumSize(860, 500)
        self.resize(1000, 600)
        self.changed = False
        self.projects: list[ProjectRow] = []
        self.current: ProjectRow | None = None
        self._build()
        self._layout()
        self.reload()

    def _build(self) -> None:
        self.project_list = QListWidget()
        self.project_list.setWordWrap(True)
        self.project_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.project_list.setSpacing(2)
        self.project_list.currentItemChanged.connect(self._project_chosen)
        self.new_button = self._button("Đề án &mới", self.new_project)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("ví dụ: cb_2021 (chữ thường không dấu, chữ số, dấu gạch dưới)")
        self.short_edit = QLineEdit()
        self.short_edit.setPlaceholderText("ví dụ: CB 2021–2025")
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Tên đầy đủ của đề án")
        self.start_spin = _year_spin(2016)
        self.end_spin = _year_spin(2020)
        self.group_list = QListWidget()
        self.group_edit = QLineEdit()
        self.group_edit.setPlaceholderText("Tên nhóm giải pháp mới")
        self.group_edit.returnPressed.connect(self.add_group_line)
        self.add_group_button = self._button("Thêm &nhóm", self.add_group_line)
        self.error_label = messages.error_label()
        self.ok_button = self._button("&Lưu đề án", self.save)
        self.close_button = self._button("Đóng", self.accept)

    def _button(self, text: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _layout(self) -> None:
        left = QVBoxLayout()
        caption = QLabel("Các đề án:")
        left.addWidget(caption)
        left.addWidget(self.project_list, 1)
        left.addWidget(self.new_button)
        years = QHBoxLayout()
        years.addWidget(self.start_spin)
        years.addWidget(QLabel("đến năm"))
        years.addWidget(self.end_spin)
        years.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Mã đề á&n:", self.code_edit)
        form.addRow("Tên &viết tắt:", self.short_edit)
        form.addRow("&Tên đầy đủ:", self.name_edit)
        years_caption = QLabel("&Giai đoạn từ năm:")
        years_caption.setBuddy(self.start_spin)
        form.addRow(years_caption, years)
        groups_box = QGroupBox("Nhóm giải pháp")
        groups_layout = QVBoxLayout(groups_box)
        groups_layout.addWidget(self.group_list, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.group_edit, 1)
        add_row.addWidget(self.add_group_button)
        groups_layout.addLayout(add_row)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(groups_box, 1)
        right.addWidget(self.error_label)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 5)
        buttons = QHBoxLayout()
        note = QLabel("Nhóm mới thêm được lưu cùng đề án khi bấm Lưu đề án; tên nhóm sửa ở tab Nhóm giải pháp.")
        note.setStyleSheet("color: #555;")
        note.setWordWrap(True)
        buttons.addWidget(note, 1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

    # --- the list --------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        self.projects = list_projects()
        self.project_list.blockSignals(True)
        self.project_list.clear()
        for project in self.projects:
            item = QListWidgetItem(f"{project.label}\n{project.name}")
            item.setData(PROJECT_ID_ROLE, project.id)
            item.setToolTip(project.name)
            self.project_list.addItem(item)
        self.project_list.blockSignals(False)
        chosen = select if select is not None else (self.current.id if self.current else None)
        row = next((i for i, p in enumerate(self.projects) if p.id == chosen), 0 if self.projects else -1)
        if row >= 0:
            self.project_list.setCurrentRow(row)
            self._show(self.projects[row])
        else:
            self.new_project()

    def _project_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            project = next(p for p in self.projects if p.id == item.data(PROJECT_ID_ROLE))
            self._show(project)

    def _show(self, project: ProjectRow | None) -> None:
        self.current = project
        self.error_label.hide()
        self.code_edit.setText(project.code if project else "")
        self.code_edit.setReadOnly(project is not None)  # the code is the project's stable key
        self.short_edit.setText(project.short_name if project else "")
        self.name_edit.setText(project.name if project else "")
        self.name_edit.setCursorPosition(0)  # a long title reads from its start
        self.start_spin.setValue(project.start_year if project else self.end_spin.value() + 1)
        self.end_spin.setValue(project.end_year if project else self.start_spin.value() + 4)
        self.group_list.clear()
        for number, name in enumerate(project.groups if project else (), start=1):
            self.group_list.addItem(f"{number}. {name}")

    def new_project(self) -> None:
        """An empty form for a new project, its years following the last project's."""
        last = max((p.end_year for p in self.projects), default=2015)
        self.project_list.blockSignals(True)
        self.project_list.clearSelection()
        self.project_list.setCurrentItem(None)  # type: ignore[arg-type]
        self.project_list.blockSignals(False)
        self.end_spin.setValue(last)
        self._show(None)
        self.start_spin.setValue(last + 1)
        self.end_spin.setValue(last + 5)
        self.code_edit.setFocus()

    # --- groups ------------------------------------------------------------------
    def new_groups(self) -> list[str]:
        items = (self.group_list.item(row) for row in range(self.group_list.count()))
        return [str(item.data(NEW_GROUP_ROLE)) for item in items if item.data(NEW_GROUP_ROLE) is not None]

    def add_group_line(self) -> None:
        name = " ".join(self.group_edit.text().split())
        if not name:
            self._problem("Chưa nhập tên nhóm giải pháp.")
            return
        number = self.group_list.count() + 1
        item = QListWidgetItem(f"{number}. {name} (mới, chưa lưu)")
        item.setData(NEW_GROUP_ROLE, name)
        font = QFont(item.font())
        font.setItalic(True)
        item.setFont(font)
        self.group_list.addItem(item)
        self.group_edit.clear()
        self.error_label.hide()

    # --- saving ------------------------------------------------------------------
    def project_input(self) -> ProjectInput:
        return ProjectInput(
            code=self.code_edit.text().strip(),
            short_name=self.short_edit.text(),
            name=self.name_edit.text(),
            start_year=self.start_spin.value(),
            end_year=self.end_spin.value(),
        )

    def _problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def save(self) -> bool:
        """Add the new project with its groups, or change the chosen one and add its new groups; True when saved."""
        data, groups = self.project_input(), self.new_groups()
        try:
            if self.current is None:
                project_id = add_project(data, groups)
            else:
                project_id = self.current.id
                update_project(project_id, data, new_groups=groups)  # one transaction: all or nothing
        except DomainError as error:
            self._problem(str(error))
            return False
        self.changed = True
        self.reload(project_id)
        return True

    def accept(self) -> None:
        """Đóng: unsaved groups are not lost silently."""
        if self.new_groups() and not messages.confirm(
            self, "Nhóm giải pháp chưa lưu", "Có nhóm giải pháp mới chưa lưu. Đóng mà không lưu?"
        ):
            return
        super().accept()
