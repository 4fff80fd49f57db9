"""The rotation records table (luân chuyển cán bộ)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ...services.formatting import format_date
from ...services.rotations import RotationCount, RotationVerdict
from ...services.rows import RotationRow
from ...services.vntext import name_sort_key, sort_key
from .base import UNMET_BRUSH, Column, RowTableModel
from .cadre_model import reorder_rows, sorted_positions


class RotationTableModel(RowTableModel[RotationRow]):
    """The register with, for each record, whether it counts towards ``cadre.rotations`` and why (``set_judged``)."""

    COL_NAME, COL_FROM, COL_TO, COL_DECISION, COL_DATE, COL_MONTHS, COL_NOTES, COL_COUNTED, COL_REASON = range(9)
    WIDTHS = (180, 220, 220, 110, 125, 120, 160, 95, 320)

    def __init__(self, parent: Any = None) -> None:
        self.verdicts: dict[int, RotationVerdict] = {}
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
                Column(
                    "Tính chỉ tiêu",
                    lambda r: self._verdict(r, "label"),
                    tooltip=lambda r: self._verdict(r, "reason"),
                    background=lambda r: (
                        UNMET_BRUSH if r.id in self.verdicts and not self.verdicts[r.id].counted else None
                    ),
                ),
                Column("Lý do", lambda r: self._verdict(r, "reason"), tooltip=lambda r: self._verdict(r, "reason")),
            ],
            parent,
        )

    def _verdict(self, row: RotationRow, what: str) -> str:
        verdict = self.verdicts.get(row.id)
        return "" if verdict is None else str(getattr(verdict, what))

    def set_judged(self, judged: RotationCount) -> None:
        """Show the records with the verdicts of the one rotation rule (services.rotations.rotation_count)."""
        self.verdicts = dict(judged.verdicts)
        self.set_rows(judged.rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns):
            col = self.columns[column]
            reorder_rows(self, sorted_positions(self._rows, col.sort or col.display, order))

    def row_of(self, rotation_id: int) -> int | None:
        for i, row in enumerate(self._rows):
            if row.id == rotation_id:
                return i
        return None
