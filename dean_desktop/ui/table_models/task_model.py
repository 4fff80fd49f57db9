"""The task table of the solution-group checklist: overdue rows highlighted, status editable with a combo."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...services.formatting import format_date, format_percent
from ...services.rows import TaskRow
from ...services.vocab import TASK_DONE, TASK_STATUS
from .base import UNMET_BRUSH, Column, Index, RowTableModel

COL_TITLE, COL_GROUP, COL_MEMBER, COL_UNIT, COL_DEADLINE, COL_STATUS, COL_COMPLETED, COL_EVIDENCE, COL_NOTES = range(9)
COLUMN_WIDTHS = (230, 64, 135, 135, 108, 112, 115, 110, 160)

OVERDUE_TIP = "Quá hạn"
DONE_BRUSH = QBrush(QColor("#d1e7dd"))
_STATUS_ORDER = {code: i for i, code in enumerate(TASK_STATUS)}


def status_label(code: str) -> str:
    return TASK_STATUS.get(code, code)


FILTERS: list[tuple[str, Callable[[TaskRow, date], bool]]] = [
    ("Tất cả nhiệm vụ", lambda t, today: True),
    ("Chưa hoàn thành", lambda t, today: t.status != TASK_DONE),
    ("Quá hạn", lambda t, today: t.overdue(today)),
] + [(label, lambda t, today, code=code: t.status == code) for code, label in TASK_STATUS.items()]


def completion(tasks: Iterable[TaskRow], today: date) -> tuple[int, int, int]:
    """(done, total, overdue) of some tasks."""
    done = total = overdue = 0
    for task in tasks:
        total += 1
        done += task.status == TASK_DONE
        overdue += task.overdue(today)
    return done, total, overdue


def completion_text(done: int, total: int, noun: str = "") -> str:
    """``5/21 (23,8 %)``, or with a noun ``5/21 nhiệm vụ hoàn thành (23,8 %)``."""
    percent = format_percent(100.0 * done / total) if total else "—"
    return f"{done}/{total}{noun} ({percent})"


class TaskTableModel(RowTableModel[TaskRow]):
    """Tasks of one project or group; ``today`` decides what is overdue, ``group_names`` feeds the Nhóm tooltip."""

    def __init__(self, parent: Any = None, today: Callable[[], date] = date.today) -> None:
        self.today = today
        self.group_names: dict[int, str] = {}
        self.group_short: dict[int, str] = {}
        super().__init__(self._columns(), parent)

    def _columns(self) -> list[Column[TaskRow]]:
        return [
            Column("Nội dung nhiệm vụ", lambda t: t.title, tooltip=lambda t: t.title),
            Column(
                "Nhóm",
                lambda t: self.group_short.get(t.group_id, str(t.group_number)),
                sort=lambda t: (t.project_code, t.group_number),
                tooltip=lambda t: self.group_names.get(t.group_id, ""),
            ),
            Column("Người phụ trách", lambda t: t.member_name),
            Column("Đơn vị phụ trách", lambda t: t.unit_name),
            Column("Hạn hoàn thành", lambda t: format_date(t.deadline), sort=lambda t: t.deadline),
            Column(
                "Trạng thái",
                lambda t: status_label(t.status),
                sort=lambda t: _STATUS_ORDER.get(t.status, 99),
                editor=lambda t: t.status,
            ),
            Column("Ngày hoàn thành", lambda t: format_date(t.completed_on), sort=lambda t: t.completed_on),
            Column("Căn cứ/Văn bản", lambda t: t.evidence, tooltip=lambda t: t.evidence),
            Column("Ghi chú", lambda t: t.notes.replace("\n", " "), tooltip=lambda t: t.notes),
        ]

    def is_overdue(self, row: TaskRow) -> bool:
        return row.overdue(self.today())

    def row_of_task(self, task_id: int) -> int | None:
        return next((i for i, t in enumerate(self._rows) if t.id == task_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < len(self._rows):
            row = self._rows[index.row()]
            if role == Qt.ItemDataRole.BackgroundRole:
                if self.is_overdue(row):
                    return UNMET_BRUSH
                if row.status == TASK_DONE and index.column() == COL_STATUS:
                    return DONE_BRUSH
                return None
            if role == Qt.ItemDataRole.ToolTipRole and self.is_overdue(row):
                base = super().data(index, role)
                if index.column() in (COL_DEADLINE, COL_STATUS) or not base:
                    return f"{OVERDUE_TIP} (hạn {format_date(row.deadline)})"
                return f"{base}\n{OVERDUE_TIP}"
            if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (COL_DEADLINE, COL_COMPLETED, COL_GROUP):
                return int(Qt.AlignmentFlag.AlignCenter)
        return super().data(index, role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal and section == COL_STATUS:
            return "Nhấn đúp hoặc Enter trên ô để đổi trạng thái"
        return super().headerData(section, orientation, role)


class StatusDelegate(QStyledItemDelegate):
    """A combo of the task statuses; the model's EditRole is the status code."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for code, label in TASK_STATUS.items():
            combo.addItem(label, code)
        combo.setFrame(False)
        combo.setToolTip("Chọn trạng thái rồi nhấn Enter; Esc để bỏ qua")
        combo.activated.connect(lambda _index: self._finish(combo))
        return combo

    def _finish(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            code = editor.currentData()
            if code and code != index.data(Qt.ItemDataRole.EditRole):
                model.setData(index, code, Qt.ItemDataRole.EditRole)
