"""A table model over a list of frozen rows, described by columns; sorting uses precomputed keys, not a proxy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...services.vntext import sort_key as vn_sort_key

R = TypeVar("R")

SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2

UNMET_BRUSH = QBrush(QColor("#f8d7da"))
WARN_BRUSH = QBrush(QColor("#fff3cd"))

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    display: Callable[[R], str]
    sort: Callable[[R], Any] | None = None  # raw comparable value; defaults to the display text
    align_right: bool = False
    tooltip: Callable[[R], str] | None = None
    background: Callable[[R], QBrush | None] | None = None
    editor: Callable[[R], Any] | None = None  # value for EditRole; a column with an editor is editable
    checkable: Callable[[R], bool | None] | None = None


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows are frozen dataclasses; ``set_rows`` resets; ``commit`` (set by the tab) writes edits through a service."""

    # What a model answers once Python has cleared its instance (a closed window collected as a reference cycle) while
    # Qt, tearing the view down, still asks for its header: nothing, rather than an AttributeError in Qt's event loop.
    columns: Sequence[Column[Any]] = ()
    _rows: Sequence[Any] = ()

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[R] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None  # re-applied when rows are replaced
        self.commit: Callable[[R, int, Any], bool] | None = None

    # --- content -------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sorted_by is not None:
            self._rows = [self._rows[i] for i in self._sorted_positions(*self._sorted_by)]
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def replace_row(self, row: int, value: R) -> None:
        self._rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    # --- Qt interface --------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == Qt.ItemDataRole.EditRole:
            return column.editor(row) if column.editor else column.display(row)
        if role == SortRole:
            return column.sort(row) if column.sort else column.display(row)
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.BackgroundRole and column.background:
            return column.background(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].editor is not None and self.commit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.commit is None:
            return False
        if self.columns[index.column()].editor is None:
            return False
        ok = self.commit(self._rows[index.row()], index.column(), value)
        if ok:
            self.dataChanged.emit(index, index)
        return ok

    def _sorted_positions(self, column: int, order: Qt.SortOrder) -> list[int]:
        col = self.columns[column]
        display = col.display
        key = col.sort or (lambda row: vn_sort_key(display(row)))  # text columns sort the Vietnamese way
        keys = [key(row) for row in self._rows]
        filled = [i for i, k in enumerate(keys) if k is not None and k != ""]
        empty = [i for i, k in enumerate(keys) if k is None or k == ""]
        filled.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        return filled + empty  # blanks stay last in both directions

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            self._sorted_by = None
            return
        self._sorted_by = (column, order)
        order_of = self._sorted_positions(column, order)
        self.layoutAboutToBeChanged.emit()
        new_position = {old: new for new, old in enumerate(order_of)}
        self._rows = [self._rows[i] for i in order_of]
        persistent = self.persistentIndexList()
        moved = [self.index(new_position[p.row()], p.column()) for p in persistent]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()
