"""Một cửa cấp xã: one row per commune/town from its latest return; unmet cells highlighted; corrections in place."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget

from ...services import offices
from ...services.errors import DomainError
from ...services.formatting import format_date, format_number
from ...services.rows import OfficeRow
from ...services.vocab import yes_no_label
from ..signals import AppSignals
from ..table_models.base import UNMET_BRUSH, WARN_BRUSH, Column, RowTableModel
from ..widgets import messages
from ..widgets.table_view import DataTable
from .base import LazyTab

YES_NO_FIELDS = offices.YES_NO_FIELDS


def _no_return(row: OfficeRow) -> bool:
    return row.return_id is None


def _flag_brush(value: bool | None, row: OfficeRow) -> Any:
    if _no_return(row):
        return WARN_BRUSH
    return UNMET_BRUSH if not value else None


def _count(value: int | None) -> str:
    return "" if value is None else str(value)


def _edoc_text(row: OfficeRow) -> str:
    return f"{row.edoc_yes}/{row.edoc_total}" if row.edoc_total else ""


def _edoc_brush(row: OfficeRow) -> Any:
    if _no_return(row):
        return WARN_BRUSH
    return UNMET_BRUSH if row.edoc_total == 0 or row.edoc_yes < row.edoc_total else None


def _plain(row: OfficeRow) -> Any:
    return WARN_BRUSH if _no_return(row) else None


# (title, field or None, display, sort, background)
COLUMNS: list[tuple[Column[OfficeRow], str | None]] = [
    (
        Column(
            "Xã, thị trấn",
            lambda r: r.unit_name,
            background=_plain,
            tooltip=lambda r: "Chưa có báo cáo" if _no_return(r) else f"Mã đơn vị {r.unit_code}",
        ),
        None,
    ),
    (
        Column(
            "Phòng riêng",
            lambda r: yes_no_label(r.has_office) if r.return_id else "Chưa báo cáo",
            background=lambda r: _flag_brush(r.has_office, r),
            editor=lambda r: yes_no_label(r.has_office),
        ),
        "has_office",
    ),
    (
        Column(
            "Diện tích (m²)",
            lambda r: format_number(r.floor_area),
            sort=lambda r: r.floor_area,
            align_right=True,
            background=_plain,
            editor=lambda r: format_number(r.floor_area),
        ),
        "floor_area",
    ),
    (
        Column(
            "Máy vi tính",
            lambda r: _count(r.computers),
            sort=lambda r: r.computers,
            align_right=True,
            background=lambda r: _flag_brush(bool(r.computers), r),
            editor=lambda r: _count(r.computers),
        ),
        "computers",
    ),
    (
        Column(
            "Máy in",
            lambda r: _count(r.printers),
            sort=lambda r: r.printers,
            align_right=True,
            background=_plain,
            editor=lambda r: _count(r.printers),
        ),
        "printers",
    ),
    (
        Column(
            "Máy quét",
            lambda r: _count(r.scanners),
            sort=lambda r: r.scanners,
            align_right=True,
            background=_plain,
            editor=lambda r: _count(r.scanners),
        ),
        "scanners",
    ),
    (
        Column(
            "Internet",
            lambda r: yes_no_label(r.internet),
            background=lambda r: _flag_brush(r.internet, r),
            editor=lambda r: yes_no_label(r.internet),
        ),
        "internet",
    ),
    (
        Column(
            "Công chức",
            lambda r: _count(r.staff),
            sort=lambda r: r.staff,
            align_right=True,
            background=lambda r: _flag_brush(bool(r.staff), r),
            editor=lambda r: _count(r.staff),
        ),
        "staff",
    ),
    (
        Column(
            "Niêm yết TTHC",
            lambda r: yes_no_label(r.procedures_posted),
            background=lambda r: _flag_brush(r.procedures_posted, r),
            editor=lambda r: yes_no_label(r.procedures_posted),
        ),
        "procedures_posted",
    ),
    (
        Column(
            "Ngày sử dụng",
            lambda r: format_date(r.in_use_since),
            sort=lambda r: r.in_use_since,
            background=_plain,
            editor=lambda r: format_date(r.in_use_since),
        ),
        "in_use_since",
    ),
    (
        Column(
            "VB điện tử",
            _edoc_text,
            sort=lambda r: (r.edoc_yes / r.edoc_total) if r.edoc_total else None,
            align_right=True,
            background=_edoc_brush,
            tooltip=lambda r: f"{r.edoc_yes} trên {r.edoc_total} tổ chức trao đổi văn bản điện tử",
        ),
        None,
    ),
    (Column("Kỳ báo cáo", lambda r: r.period_label, sort=lambda r: r.period_code, background=_plain), None),
    (Column("Ghi chú", lambda r: r.notes, background=_plain, editor=lambda r: r.notes), "notes"),
]
FIELDS = [field for _, field in COLUMNS]


class YesNoDelegate(QStyledItemDelegate):
    """A Có/Không combo for yes/no columns, plain text editors elsewhere."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        if FIELDS[index.column()] in YES_NO_FIELDS:
            combo = QComboBox(parent)
            combo.addItems(["Có", "Không"])
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or "Không"))
            return
        super().setEditorData(editor, index)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class OfficesTab(LazyTab):
    def __init__(self, signals: AppSignals, parent: QWidget | None = None) -> None:
        super().__init__(signals, parent)
        signals.returns_changed.connect(self.mark_dirty)
        signals.units_changed.connect(self.mark_dirty)
        self.model: RowTableModel[OfficeRow] = RowTableModel([c for c, _ in COLUMNS], self)
        self.model.commit = self._commit
        self.table = DataTable()
        self.table.setModel(self.model)
        self.table.setItemDelegate(YesNoDelegate(self.table))
        self.summary = QLabel()
        hint = QLabel(
            "Ô tô đỏ: chưa đạt yêu cầu; dòng tô vàng: xã chưa gửi báo cáo. Nhấn Enter hoặc bấm đúp để sửa số liệu "
            "của báo cáo mới nhất (mọi sửa đổi được lưu ngay và ghi nhật ký)."
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)

    def reload(self) -> None:
        rows = offices.list_offices()
        self.model.set_rows(rows)
        widths = [140, 95, 100, 85, 60, 70, 70, 80, 105, 100, 85, 110]
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        with_office = sum(1 for r in rows if r.has_office)
        missing = sum(1 for r in rows if r.return_id is None)
        self.summary.setText(
            f"{with_office}/{len(rows)} xã, thị trấn có phòng làm việc riêng của bộ phận một cửa"
            + (f"; {missing} xã, thị trấn chưa có báo cáo nào (chưa có số liệu)." if missing else ".")
        )

    def _commit(self, row: OfficeRow, column: int, value: Any) -> bool:
        field = FIELDS[column]
        if field is None:
            return False
        if row.return_id is None:
            messages.show_error(self, f"{row.unit_name} chưa gửi báo cáo nào; hãy nhập báo cáo trước khi sửa số liệu.")
            return False
        try:
            parsed = offices.parse_office_value(field, str(value) if value is not None else "")
            changed = offices.update_office(row.return_id, field, parsed)
        except DomainError as error:
            messages.show_error(self, f'{row.unit_name}, cột "{self.model.columns[column].title}": {error}')
            return False
        if changed:
            position = self.model.rows().index(row)
            self.model.replace_row(position, dataclasses.replace(row, **{field: parsed}))
            self.signals.offices_changed.emit()
        return True


__all__ = ["OfficesTab", "date"]
