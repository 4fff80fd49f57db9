"""A list of stored rows with Thêm / Sửa and a form per row: what the target and unit dialogs share.

Each change is saved by the form at once (through the services); the list only shows the rows, keeps the selection
across a reload and tells its caller, through ``changed``, whether anything was saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import messages

R = TypeVar("R")
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 20
GREYED_BRUSH = QBrush(QColor("#8a8a8a"))  # a retired target, a unit no longer in force


class RowListDialog(QDialog, Generic[R]):
    """Subclasses give the columns and say how a row is read, shown and edited (``load_rows``, ``cells``,
    ``is_greyed``, ``make_form``); ``extra_buttons`` go between Sửa and Đóng."""

    COLUMNS: tuple[str, ...] = ()
    STRETCH_COLUMN = 1

    def __init__(self, title: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.changed = False
        self.rows: list[R] = []
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setHeaderLabels(list(self.COLUMNS))
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in range(len(self.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.STRETCH_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.edit_row())
        self.add_button = self.button("&Thêm…", self.add_row)
        self.edit_button = self.button("&Sửa…", self.edit_row)
        self.close_button = self.button("Đóng", self.accept)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, *self.extra_buttons()):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        hint = QLabel(note)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        layout.addLayout(buttons)

    # --- what a subclass says ---------------------------------------------------------------------------------
    def load_rows(self) -> Sequence[R]:
        raise NotImplementedError

    def row_id(self, row: R) -> int:
        return int(row.id)  # type: ignore[attr-defined]

    def cells(self, row: R) -> list[str]:
        raise NotImplementedError

    def is_greyed(self, row: R) -> bool:
        return False

    def tooltip(self, row: R) -> tuple[int, str] | None:
        """(column, text) of a tooltip for the row's item, or None."""
        return None

    def make_form(self, row: R | None) -> QDialog:
        """The form adding a row (``row`` None) or changing one; it sets ``saved_id`` when it saved."""
        raise NotImplementedError

    def extra_buttons(self) -> list[QPushButton]:
        return []

    def update_extra_buttons(self, row: R | None) -> None:
        pass

    # --- shared -----------------------------------------------------------------------------------------------
    def button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def reload(self, select: int | None = None) -> None:
        current = self.selected()
        select = select if select is not None else (self.row_id(current) if current is not None else None)
        self.rows = list(self.load_rows())
        self.tree.clear()
        for row in self.rows:
            item = QTreeWidgetItem(self.cells(row))
            item.setData(0, ROW_ID_ROLE, self.row_id(row))
            tip = self.tooltip(row)
            if tip is not None:
                item.setToolTip(*tip)
            if self.is_greyed(row):
                for column in range(len(self.COLUMNS)):
                    item.setForeground(column, GREYED_BRUSH)
            self.tree.addTopLevelItem(item)
            if self.row_id(row) == select:
                self.tree.setCurrentItem(item)
        self._update_buttons()

    def item_of(self, row_id: int) -> QTreeWidgetItem | None:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return next((item for item in items if item.data(0, ROW_ID_ROLE) == row_id), None)

    def selected(self) -> R | None:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        return next((row for row in self.rows if self.row_id(row) == item.data(0, ROW_ID_ROLE)), None)

    def _update_buttons(self) -> None:
        row = self.selected()
        self.edit_button.setEnabled(row is not None)
        self.update_extra_buttons(row)

    def add_row(self) -> None:
        self._form(None)

    def edit_row(self) -> None:
        row = self.selected()
        if row is not None:
            self._form(row)

    def _form(self, row: R | None) -> None:
        dialog = self.make_form(row)
        saved = getattr(dialog, "saved_id", None) if messages.run_dialog(dialog) else None
        if saved is not None:
            self.changed = True
            self.reload(saved)
