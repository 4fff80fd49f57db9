"""The rotation records table (luân chuyển cán bộ)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ...services.formatting import format_date
from ...services.rows import RotationRow
from ...services.vntext import name_sort_key, sort_key
from .base import Column, RowTableModel
from .cadre_model import reorder_rows, sorted_positions


class RotationTableModel(RowTableModel[RotationRow]):
    COL_NAME, COL_FROM, COL_TO, COL_DECISION, COL_DATE, COL_MONTHS, COL_NOTES = range(7)
    WIDTHS = (180, 220, 220, 110, 125, 120, 160)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column("Họ và tên", lambda r: r.full_name, sort=lambda r: name_sort_key(r.full_name)),
                Column(
                    "Chức vụ, đơn vị trước",
                    lambda r: r.from_position,
                    sort=lambda r: sort_key(r.from_position),
                    tooltip=lambda r: r.from_position,
                ),
                Column(
                    "Chức vụ, đơn vị đến",
                    lambda r: r.to_position,
                    sort=lambda r: sort_key(r.to_position),
                    tooltip=lambda r: r.to_position,
                ),
                Column("Số quyết định", lambda r: r.decision_no),
                Column("Ngày quyết định", lambda r: format_date(r.decision_date), sort=lambda r: r.decision_date),
                Column(
                    "Thời gian (tháng)",
                    lambda r: "" if r.months is None else str(r.months),
                    sort=lambda r: r.months,
                    align_right=True,
                ),
                Column("Ghi chú", lambda r: r.notes, tooltip=lambda r: r.notes),
            ],
            parent,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns):
            col = self.columns[column]
            reorder_rows(self, sorted_positions(self._rows, col.sort or col.display, order))

    def row_of(self, rotation_id: int) -> int | None:
        for i, row in enumerate(self._rows):
            if row.id == rotation_id:
                return i
        return None
