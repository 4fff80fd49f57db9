"""The "Ban Chỉ đạo" tab: the steering committee roster, its order, and the units each member follows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import roster
from ...services.completeness import ReturnStatus, return_status
from ...services.errors import DomainError
from ...services.rows import MemberRow, UnitRow
from ...services.units import list_units
from ...services.vocab import UNIT_KINDS
from ..dialogs.member_dialog import MemberDialog, unit_label
from ..signals import AppSignals
from ..table_models.base import UNMET_BRUSH
from ..table_models.roster_model import COLUMN_WIDTHS, RosterModel
from ..widgets import messages
from ..widgets.table_view import DataTable
from ..widgets.urging_panel import UrgingPanel
from .base import LazyTab


class MemberPanel(QWidget):
    """Panel for the selected member: who it is, the units followed, and the place of the urging list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 11pt; font-weight: bold;")
        self.details_label = QLabel()
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading = QHBoxLayout()
        heading.addWidget(self.title_label)
        heading.addWidget(self.details_label, 1)

        self.units_box = QGroupBox("Đơn vị theo dõi")
        self.unit_tree = QTreeWidget()
        self.unit_tree.setColumnCount(3)
        self.unit_tree.setHeaderLabels(["Đơn vị", "Loại", "Báo cáo gần nhất"])
        self.unit_tree.setRootIsDecorated(False)
        self.unit_tree.setAlternatingRowColors(True)
        self.unit_tree.setStyleSheet("QTreeView::item { padding: 2px 0; }")
        self.unit_tree.setColumnWidth(0, 300)
        self.unit_tree.setColumnWidth(1, 90)
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: #555;")
        units_layout = QVBoxLayout(self.units_box)
        units_layout.addWidget(self.unit_tree, 1)
        units_layout.addWidget(self.status_label)

        # The urging ("đôn đốc") list: units missing a return or behind a target, overdue tasks.
        self.urge_box = QGroupBox("Danh sách đôn đốc")
        self.urging = UrgingPanel()
        self.urge_layout = QVBoxLayout(self.urge_box)
        self.urge_layout.addWidget(self.urging)

        boxes = QHBoxLayout()
        boxes.addWidget(self.units_box, 1)
        boxes.addWidget(self.urge_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(heading)
        layout.addLayout(boxes, 1)
        self.show_member(None, {}, ReturnStatus())

    def show_member(self, member: MemberRow | None, units: dict[int, UnitRow], status: ReturnStatus) -> None:
        self.unit_tree.clear()
        self.urging.show_member(member.id if member is not None else None)
        if member is None:
            self.title_label.setText("Chưa chọn thành viên")
            self.details_label.setText("Chọn một thành viên trong bảng để xem các đơn vị người đó theo dõi.")
            self.units_box.setTitle("Đơn vị theo dõi")
            self.status_label.clear()
            return
        self.title_label.setText(member.full_name)
        details = [part for part in (member.role, member.position) if part]
        contacts = [part for part in (member.phone, member.email) if part]
        self.details_label.setText("  ·  ".join(details + contacts))
        self.units_box.setTitle(f"Đơn vị theo dõi ({len(member.unit_ids)})")
        missing = 0
        for unit_id, name in zip(member.unit_ids, member.unit_names, strict=False):
            unit = units.get(unit_id)
            period = status.unit_period.get(unit_id, "")
            kind = UNIT_KINDS.get(unit.kind, "") if unit else ""
            item = QTreeWidgetItem([unit_label(unit) if unit else name, kind, period or "Chưa có báo cáo"])
            item.setToolTip(0, item.text(0))
            if status.period_label and not status.has_reported(unit_id):
                missing += 1
                item.setBackground(2, UNMET_BRUSH)
                item.setToolTip(2, f"Chưa gửi báo cáo kỳ {status.period_label}")
            self.unit_tree.addTopLevelItem(item)
        if not member.unit_ids:
            self.status_label.setText("Chưa phân công đơn vị nào. Bấm “Sửa” để chọn đơn vị.")
        elif not status.period_label:
            self.status_label.setText("Chưa nhập báo cáo nào của các đơn vị.")
        elif missing:
            self.status_label.setText(f"Kỳ {status.period_label}: {missing} đơn vị chưa gửi báo cáo.")
        else:
            self.status_label.setText(f"Kỳ {status.period_label}: tất cả đã gửi báo cáo.")


class RosterTab(LazyTab):
    """Members in roster order (no header sorting: the order is the committee's), actions, and the side panel."""

    title = "Ban Chỉ đạo"

    def __init__(self, signals: AppSignals, parent: QWidget | None = None) -> None:
        super().__init__(signals, parent)
        self._units: dict[int, UnitRow] = {}
        self._status = ReturnStatus()
        self._pending_select: int | None = None
        self._emitting = False

        self.model = RosterModel(self)
        self.table = DataTable()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.on_activate = self.edit_member
        self.table.on_delete = self.remove_member
        self.table.doubleClicked.connect(lambda _index: self.edit_member())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())

        self.add_action = self._action("&Thêm thành viên", "Thêm một thành viên Ban Chỉ đạo", self.add_member, "Ctrl+N")
        self.edit_action = self._action(
            "&Sửa", "Sửa thành viên đang chọn và các đơn vị người đó theo dõi", self.edit_member, hint="Enter, nhấp đúp"
        )
        self.delete_action = self._action(
            "&Xóa", "Xóa thành viên đang chọn khỏi Ban Chỉ đạo", self.remove_member, hint="Delete"
        )
        self.up_action = self._action(
            "&Lên", "Chuyển thành viên đang chọn lên trên một bậc", lambda: self.move_member(-1), "Ctrl+Up"
        )
        self.down_action = self._action(
            "&Xuống", "Chuyển thành viên đang chọn xuống dưới một bậc", lambda: self.move_member(1), "Ctrl+Down"
        )
        bar = QHBoxLayout()
        self.buttons: dict[str, QToolButton] = {}
        for key, action in (
            ("add", self.add_action),
            ("edit", self.edit_action),
            ("delete", self.delete_action),
            ("up", self.up_action),
            ("down", self.down_action),
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumWidth(70)
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table, 1)
        self.panel = MemberPanel()
        # The units' marks follow the period the urging list shows, so the two never disagree.
        self.panel.urging.period_combo.currentIndexChanged.connect(lambda _i: self._period_changed())
        # The panel sits below the table: seven columns need the window's whole width.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([460, 280])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.setFocusProxy(self.table)
        # An explicit minimum keeps the window's minimum size steady while labels change text on reload.
        self.setMinimumSize(640, 420)
        previous: QWidget = self.table  # the table first, then the buttons, then the side panel
        for button in self.buttons.values():
            self.setTabOrder(previous, button)
            previous = button
        self.setTabOrder(previous, self.panel.unit_tree)

        signals.roster_changed.connect(self._on_roster_changed)
        signals.units_changed.connect(self.mark_dirty)
        signals.returns_changed.connect(self.mark_dirty)
        signals.tasks_changed.connect(self.mark_dirty)  # overdue tasks appear in the urging lists
        signals.offices_changed.connect(self.mark_dirty)
        self._update_actions()

    def _action(self, text: str, tip: str, slot: Callable[[], None], shortcut: str = "", hint: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            hint = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({hint})" if hint else tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # --- loading -------------------------------------------------------------
    def reload(self) -> None:
        wanted = self._pending_select if self._pending_select is not None else self.selected_id()
        self._pending_select = None
        self._units = {u.id: u for u in list_units()}
        self.panel.urging.fill_periods()
        self._status = return_status(self.panel.urging.period())  # the period the urging list below shows
        self.model.set_rows(roster.list_members())
        count = self.model.rowCount()
        self.count_label.setText(f"{count} thành viên")
        row = self.model.row_of(wanted) if wanted is not None else None
        if row is None and count:
            row = 0
        if row is not None:
            self.select_row(row)
        self._selection_changed()

    def _on_roster_changed(self) -> None:
        if not self._emitting:  # our own edits are already shown
            self.mark_dirty()

    def _changed(self, select_id: int | None, tasks_too: bool = False) -> None:
        """Show the store after an edit made here, keep the selection, then tell the other views."""
        self._pending_select = select_id
        self._dirty = False
        self.reload()
        self._emitting = True
        try:
            self.signals.roster_changed.emit()
            if tasks_too:  # tasks show their responsible member's name
                self.signals.tasks_changed.emit()
        finally:
            self._emitting = False

    # --- selection -----------------------------------------------------------
    def selected_member(self) -> MemberRow | None:
        row = self.table.current_row()
        if row is None or not 0 <= row < self.model.rowCount():
            return None
        return self.model.row_at(row)

    def selected_id(self) -> int | None:
        member = self.selected_member()
        return member.id if member else None

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 1)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _period_changed(self) -> None:
        self._status = return_status(self.panel.urging.period())
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.panel.show_member(self.selected_member(), self._units, self._status)
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.table.current_row()
        has = row is not None and 0 <= row < self.model.rowCount()
        self.edit_action.setEnabled(has)
        self.delete_action.setEnabled(has)
        self.up_action.setEnabled(has and row is not None and row > 0)
        self.down_action.setEnabled(has and row is not None and row < self.model.rowCount() - 1)

    # --- actions -------------------------------------------------------------
    def add_member(self) -> None:
        dialog = MemberDialog(list(self._units.values()) or list_units(), None, self)
        if not messages.run_dialog(dialog):
            return
        try:
            member_id = roster.add_member(dialog.member_input(), dialog.checked_unit_ids())
        except DomainError as error:
            messages.show_error(self, str(error))
            return
        self._changed(member_id)

    def edit_member(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        dialog = MemberDialog(list(self._units.values()) or list_units(), member, self)
        if not messages.run_dialog(dialog):
            return
        try:
            roster.update_member(member.id, dialog.member_input())
            unit_ids = dialog.checked_unit_ids()
            if set(unit_ids) != set(member.unit_ids):
                roster.set_member_units(member.id, unit_ids)
        except DomainError as error:
            messages.show_error(self, str(error))
            self._changed(member.id)  # a half-applied edit must still show what the store holds
            return
        self._changed(member.id, tasks_too=True)

    def remove_member(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        text = (
            f"Xóa thành viên “{member.full_name}” ({member.role}) khỏi Ban Chỉ đạo?\n"
            "Các đơn vị người này theo dõi sẽ không còn người phụ trách; "
            "nhiệm vụ đã giao cho người này sẽ để trống người phụ trách."
        )
        if not messages.confirm(self, "Xóa thành viên", text):
            return
        row = self.table.current_row() or 0
        rows = self.model.rows()
        neighbour = rows[row + 1] if row + 1 < len(rows) else (rows[row - 1] if row > 0 else None)
        try:
            roster.remove_member(member.id)
        except DomainError as error:
            messages.show_error(self, str(error))
            return
        self._changed(neighbour.id if neighbour else None, tasks_too=True)

    def move_member(self, offset: int) -> None:
        member = self.selected_member()
        if member is None:
            return
        try:
            moved = roster.move_member(member.id, offset)
        except DomainError as error:
            messages.show_error(self, str(error))
            return
        if moved:
            self._changed(member.id)
        self.table.setFocus()
