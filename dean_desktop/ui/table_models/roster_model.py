"""Table model of the steering committee roster: one row per member, in roster order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...services.rows import MemberRow
from ...services.vntext import name_sort_key, sort_key
from .base import Column, RowTableModel

COL_NUMBER = 0
COL_NAME = 1
COL_ROLE = 2
COL_POSITION = 3
COL_PHONE = 4
COL_EMAIL = 5
COL_UNITS = 6

# Widths in pixels that fit the usual content without clipping (the last column stretches).
COLUMN_WIDTHS = {COL_NUMBER: 40, COL_NAME: 165, COL_ROLE: 185, COL_POSITION: 215, COL_PHONE: 105, COL_EMAIL: 195}


def units_summary(row: MemberRow) -> str:
    """ "3: Quy Kỳ, Tân Thịnh, Ban Tổ chức Huyện ủy" — the count first, so a narrow column still says it."""
    if not row.unit_names:
        return "Chưa phân công"
    return f"{len(row.unit_names)}: {', '.join(row.unit_names)}"


def units_tooltip(row: MemberRow) -> str:
    if not row.unit_names:
        return f"{row.full_name} chưa được phân công theo dõi đơn vị nào."
    lines = "\n".join(f"• {name}" for name in row.unit_names)
    return f"{row.full_name} theo dõi {len(row.unit_names)} đơn vị:\n{lines}"


class RosterModel(RowTableModel[MemberRow]):
    """Rows keep the roster order given by the service; STT is the position in that order."""

    def __init__(self, parent: Any = None) -> None:
        self._position: dict[int, int] = {}
        columns: list[Column[MemberRow]] = [
            Column(
                "STT",
                lambda r: str(self._position.get(r.id, "")),
                sort=lambda r: self._position.get(r.id, 0),
                align_right=True,
            ),
            Column(
                "Họ và tên",
                lambda r: r.full_name,
                sort=lambda r: name_sort_key(r.full_name),
                tooltip=lambda r: r.full_name,
            ),
            Column("Chức danh trong BCĐ", lambda r: r.role, sort=lambda r: sort_key(r.role)),
            Column("Chức vụ", lambda r: r.position, sort=lambda r: sort_key(r.position), tooltip=lambda r: r.position),
            Column("Điện thoại", lambda r: r.phone),
            Column("Email", lambda r: r.email, tooltip=lambda r: r.email),
            Column("Đơn vị phụ trách", units_summary, sort=lambda r: len(r.unit_ids), tooltip=units_tooltip),
        ]
        super().__init__(columns, parent)

    def set_rows(self, rows: Sequence[MemberRow]) -> None:
        self._position = {row.id: number for number, row in enumerate(rows, start=1)}
        super().set_rows(rows)

    def row_of(self, member_id: int) -> int | None:
        """Current row of a member (after any sorting), or None."""
        for index, row in enumerate(self._rows):
            if row.id == member_id:
                return index
        return None
