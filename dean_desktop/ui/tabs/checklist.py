"""The "Nhóm giải pháp" tab: project → solution group → tasks, completion per group and project, overdue tasks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import checklist, roster, units
from ...services.audit import EditConflictError
from ...services.errors import DomainError
from ...services.rows import GroupRow, TaskRow
from ...services.vocab import TASK_DONE
from ..dialogs.completion_dialog import CompletionDialog
from ..dialogs.task_dialog import TaskDialog, group_label
from ..signals import AppSignals
from ..table_models.task_model import (
    COL_STATUS,
    COLUMN_WIDTHS,
    FILTERS,
    StatusDelegate,
    TaskTableModel,
    completion,
    completion_text,
)
from ..widgets import messages
from ..widgets.table_view import DataTable
from .base import LazyTab

KeyRole = Qt.ItemDataRole.UserRole + 10  # ("project", id) or ("group", id)
NameRole = Qt.ItemDataRole.UserRole + 11  # a group's bare name, what the rename editor starts from
OVERDUE_COLOR = QColor("#b02a37")
Index = QModelIndex | QPersistentModelIndex


class GroupNameDelegate(QStyledItemDelegate):
    """Wraps long names in the tree; edits a group's bare name and hands it to ``on_rename`` instead of the label."""

    def __init__(self, on_rename: Callable[[Index, str], None], tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree
        self.on_rename = on_rename

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # QTreeView does not grow rows for wrapped text by itself: measure against the column's free width.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        depth = 2 if index.parent().isValid() else 1
        width = max(self.tree.columnWidth(0) - self.tree.indentation() * depth - 6, 40)
        text = opt.fontMetrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, opt.text)
        return QSize(width, max(text.height() + 6, super().sizeHint(option, index).height()))

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(NameRole) or ""))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QLineEdit) and editor.text().strip() != index.data(NameRole):
            self.on_rename(index, editor.text().strip())


class ChecklistTab(LazyTab):
    title = "Nhóm giải pháp"

    def __init__(self, signals: AppSignals, parent: QWidget | None = None) -> None:
        super().__init__(signals, parent)
        self.today: Callable[[], date] = date.today
        self._groups: list[GroupRow] = []
        self._tasks: list[TaskRow] = []
        self._own_change = False
        self._build()
        for signal in (signals.tasks_changed, signals.roster_changed, signals.units_changed):
            signal.connect(self._store_changed)

    # --- layout --------------------------------------------------------------
    def _build(self) -> None:
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Đề án / nhóm giải pháp", "Hoàn thành", "Quá hạn"])
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setItemDelegateForColumn(0, GroupNameDelegate(self._rename_group, self.tree))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 100), (2, 58)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        header.sectionResized.connect(lambda *_: self.tree.doItemsLayout())  # re-wrap long group names
        self.tree.currentItemChanged.connect(lambda *_: self._show_tasks())
        self.tree.itemDoubleClicked.connect(lambda item, _col: self.rename_group() if self._group_of(item) else None)
        rename_action = QAction("Đổi tên nhóm", self.tree)
        rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        rename_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        rename_action.triggered.connect(self.rename_group)
        self.tree.addAction(rename_action)
        self._build_table()
        self._build_layout()

    def _build_table(self) -> None:
        self.model = TaskTableModel(self, today=lambda: self.today())
        self.model.commit = self._commit_status
        self.table = DataTable()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_STATUS, StatusDelegate(self.table))
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the store's order first
        self.table.horizontalHeader().setHighlightSections(False)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.on_delete = self.delete_task
        self.table.on_activate = self.edit_task
        self.table.doubleClicked.connect(lambda index: self.edit_task() if index.column() != COL_STATUS else None)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    def _build_layout(self) -> None:
        self.add_button = self._button(
            "Thêm nhiệm vụ", "Thêm nhiệm vụ vào nhóm đang chọn (Ctrl+N)", "Ctrl+N", self.add_task
        )
        self.edit_button = self._button("Sửa…", "Sửa nhiệm vụ đang chọn (Enter hoặc nhấn đúp)", None, self.edit_task)
        self.delete_button = self._button("Xóa", "Xóa nhiệm vụ đang chọn (Delete)", None, self.delete_task)
        self.done_button = self._button(
            "Đánh dấu hoàn thành", "Chuyển nhiệm vụ đang chọn sang Hoàn thành (Ctrl+D)", "Ctrl+D", self.mark_done
        )
        self.rename_button = self._button(
            "Đổi tên nhóm", "Đổi tên nhóm giải pháp đang chọn (F2 trên cây)", None, self.rename_group
        )
        self.filter_combo = QComboBox()
        self.filter_combo.setToolTip("Chỉ hiện những nhiệm vụ theo điều kiện này")
        for label, _test in FILTERS:
            self.filter_combo.addItem(label)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self._show_tasks())

        self.scope_label = QLabel()
        self.scope_label.setWordWrap(True)
        self.scope_label.setStyleSheet("font-weight: bold;")
        self.scope_counts = QLabel()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("padding: 4px;")

        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.done_button, self.rename_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        show_label = QLabel("&Hiển thị:")
        show_label.setBuddy(self.filter_combo)
        buttons.addWidget(show_label)
        buttons.addWidget(self.filter_combo)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.scope_label)
        right_layout.addWidget(self.scope_counts)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 820])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary_label)
        QWidget.setTabOrder(self.tree, self.table)

    def _button(self, text: str, tip: str, shortcut: str | None, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        if shortcut:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda: button.isEnabled() and slot())
            self.addAction(action)
        return button

    # --- loading -------------------------------------------------------------
    def _store_changed(self) -> None:
        if not self._own_change:
            self.mark_dirty()

    def reload(self) -> None:
        self._groups = checklist.list_groups()
        self._tasks = checklist.list_tasks()
        key = self._current_key()
        self.tree.blockSignals(True)
        self.tree.clear()
        projects: dict[int, QTreeWidgetItem] = {}
        for group in self._groups:
            parent = projects.get(group.project_id)
            if parent is None:
                parent = QTreeWidgetItem([f"{group.project_short} – {group.project_name}"])
                parent.setData(0, KeyRole, ("project", group.project_id))
                parent.setToolTip(0, group.project_name)
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                self.tree.addTopLevelItem(parent)
                projects[group.project_id] = parent
            item = QTreeWidgetItem(parent, [group_label(group)])
            item.setData(0, KeyRole, ("group", group.id))
            item.setData(0, NameRole, group.name)
            item.setToolTip(0, f"{group_label(group)}\nNhấn F2 hoặc nhấn đúp để đổi tên nhóm")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.tree.expandAll()
        self._update_counts()
        target = self._item_of(key) or self.tree.topLevelItem(0)
        if target is not None:
            self.tree.setCurrentItem(target)
        self.tree.blockSignals(False)
        self._show_tasks()

    def _items(self) -> Iterable[QTreeWidgetItem]:
        for top in range(self.tree.topLevelItemCount()):
            project = self.tree.topLevelItem(top)
            yield project
            for child in range(project.childCount()):
                yield project.child(child)

    def _item_of(self, key: tuple[str, int] | None) -> QTreeWidgetItem | None:
        return next((item for item in self._items() if key and item.data(0, KeyRole) == key), None)

    def _current_key(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        return item.data(0, KeyRole) if item is not None else None

    def _group_of(self, item: QTreeWidgetItem | None) -> GroupRow | None:
        key = item.data(0, KeyRole) if item is not None else None
        if not key or key[0] != "group":
            return None
        return next((g for g in self._groups if g.id == key[1]), None)

    def _tasks_in(self, key: tuple[str, int] | None) -> list[TaskRow]:
        if key is None:
            return []
        if key[0] == "group":
            return [t for t in self._tasks if t.group_id == key[1]]
        groups = {g.id for g in self._groups if g.project_id == key[1]}
        return [t for t in self._tasks if t.group_id in groups]

    # --- completion ----------------------------------------------------------
    def _update_counts(self) -> None:
        today = self.today()
        for item in self._items():
            done, total, overdue = completion(self._tasks_in(item.data(0, KeyRole)), today)
            item.setText(1, completion_text(done, total))
            item.setToolTip(1, f"{done} trên {total} nhiệm vụ đã hoàn thành")
            item.setText(2, str(overdue) if overdue else "")
            item.setToolTip(2, f"{overdue} nhiệm vụ quá hạn" if overdue else "Không có nhiệm vụ quá hạn")
            item.setForeground(2, QBrush(OVERDUE_COLOR))
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        lines = []
        for project_id, short in {g.project_id: g.project_short for g in self._groups}.items():
            done, total, overdue = completion(self._tasks_in(("project", project_id)), today)
            lines.append(f"Đề án {short}: {completion_text(done, total, ' nhiệm vụ hoàn thành')} — {overdue} quá hạn")
        self.summary_label.setText("     •     ".join(lines))

    # --- the task table ------------------------------------------------------
    def _show_tasks(self, select_task: int | None = None) -> None:
        if select_task is None:
            current = self.selected_task()
            select_task = current.id if current else None
        key = self._current_key()
        today = self.today()
        tasks = self._tasks_in(key)
        test = FILTERS[max(self.filter_combo.currentIndex(), 0)][1]
        shown = [t for t in tasks if test(t, today)]
        self.model.group_names = {g.id: f"{g.project_short} – {group_label(g)}" for g in self._groups}
        self.model.group_short = {g.id: f"{g.project_short} {g.number}" for g in self._groups}
        self.model.set_rows(shown)
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        group = self._group_of(self.tree.currentItem())
        item = self.tree.currentItem()
        self.scope_label.setText(self.model.group_names[group.id] if group else item.toolTip(0) if item else "")
        self._update_scope_counts()
        row = self.model.row_of_task(select_task) if select_task is not None else None
        if row is not None:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._update_buttons()

    def _update_scope_counts(self) -> None:
        """The counts above the table, for the chosen group or project (after every load and every edit)."""
        done, total, overdue = completion(self._tasks_in(self._current_key()), self.today())
        shown = self.model.rowCount()
        hidden = f" — đang hiện {shown}" if shown != total else ""
        self.scope_counts.setText(f"{completion_text(done, total, ' nhiệm vụ hoàn thành')}, {overdue} quá hạn{hidden}")

    def selected_task(self) -> TaskRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        task = self.selected_task()
        self.edit_button.setEnabled(task is not None)
        self.delete_button.setEnabled(task is not None)
        self.done_button.setEnabled(task is not None and task.status != TASK_DONE)
        self.rename_button.setEnabled(self._group_of(self.tree.currentItem()) is not None)
        self.add_button.setEnabled(bool(self._groups))

    # --- actions -------------------------------------------------------------
    def _changed(self, select_task: int | None = None) -> None:
        """After a write: refresh from the store, then tell the other views (without reloading this one twice)."""
        self._tasks = checklist.list_tasks()
        self._update_counts()
        task = next((t for t in self._tasks if t.id == select_task), None)
        if task is not None and task not in self._tasks_in(self._current_key()):
            self.tree.setCurrentItem(self._item_of(("group", task.group_id)))  # show where the task went
        self._show_tasks(select_task)
        self._announce()

    def _announce(self) -> None:
        """Tell the other views the checklist changed; this tab has already refreshed itself."""
        self._own_change = True
        try:
            self.signals.tasks_changed.emit()
        finally:
            self._own_change = False

    def _dialog(self, task: TaskRow | None) -> TaskDialog | None:
        if not self._groups:
            return None
        group = self._group_of(self.tree.currentItem())
        if group is None:
            project = self._current_key()
            group = next((g for g in self._groups if project and g.project_id == project[1]), self._groups[0])
        return TaskDialog(
            self._groups, roster.list_members(), units.list_units(), group_id=group.id, task=task, parent=self
        )

    def _attempt(self, action: Callable[[], object]) -> bool:
        """Run a service call; a domain error is shown to the user instead of raised."""
        try:
            action()
        except DomainError as error:
            messages.show_error(self, str(error))
            if isinstance(error, EditConflictError):  # changed by someone else since shown: show theirs
                QTimer.singleShot(0, self.mark_dirty)
            return False
        return True

    def add_task(self) -> None:
        dialog = self._dialog(None)
        if dialog is None or not messages.run_dialog(dialog):
            return
        added: list[int] = []
        if self._attempt(lambda: added.append(checklist.add_task(dialog.group_id(), dialog.task_input()))):
            self._changed(added[0])

    def edit_task(self) -> None:
        task = self.selected_task()
        dialog = self._dialog(task) if task else None
        if task is None or dialog is None or not messages.run_dialog(dialog):
            return
        self._attempt(
            lambda: checklist.update_task(task.id, dialog.task_input(), group_id=dialog.group_id(), seen=task.version)
        )
        self._changed(task.id)

    def delete_task(self) -> None:
        task = self.selected_task()
        if task is None:
            return
        if messages.confirm(self, "Xóa nhiệm vụ", f"Xóa nhiệm vụ “{task.title}”?\nViệc xóa được ghi vào nhật ký."):
            self._attempt(lambda: checklist.remove_task(task.id))
            self._changed()

    def mark_done(self) -> None:
        task = self.selected_task()
        if task is not None and task.status != TASK_DONE and self._complete(task):
            self._changed(task.id)

    def _complete(self, task: TaskRow) -> bool:
        """Ask the completion date and evidence document, then store them; False when cancelled or refused."""
        dialog = CompletionDialog(task, parent=self)
        if not messages.run_dialog(dialog):
            return False
        return self._attempt(
            lambda: checklist.complete_task(task.id, dialog.completed_on(), dialog.evidence(), seen=task.version)
        )

    def _commit_status(self, task: TaskRow, column: int, value: object) -> bool:
        """Inline status edit: write it, then refresh the row and the counts in place (no reset inside setData)."""
        if str(value) == TASK_DONE and task.status != TASK_DONE:
            if not self._complete(task):
                return False
        elif not self._attempt(lambda: checklist.set_task_status(task.id, str(value), seen=task.version)):
            return False
        self._tasks = checklist.list_tasks()
        fresh = next((t for t in self._tasks if t.id == task.id), None)
        row = self.model.row_of_task(task.id)
        if fresh is not None and row is not None:
            self.model.replace_row(row, fresh)
        self._update_counts()
        self._update_scope_counts()
        self._update_buttons()
        self._announce()
        return True

    def rename_group(self) -> None:
        item = self.tree.currentItem()
        if self._group_of(item) is not None:
            self.tree.setFocus()
            self.tree.editItem(item, 0)

    def _rename_group(self, index: Index, name: str) -> None:
        item = self.tree.itemFromIndex(self.tree.model().index(index.row(), 0, index.parent()))
        group = self._group_of(item)
        if group is None:
            return
        if not self._attempt(lambda: checklist.rename_group(group.id, name)):
            return
        self._groups = checklist.list_groups()
        renamed = next(g for g in self._groups if g.id == group.id)
        item.setText(0, group_label(renamed))
        item.setData(0, NameRole, renamed.name)
        item.setToolTip(0, f"{group_label(renamed)}\nNhấn F2 hoặc nhấn đúp để đổi tên nhóm")
        self._show_tasks()
        self._announce()
