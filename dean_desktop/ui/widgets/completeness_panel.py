"""Reporting completeness for a period: who has sent a return, when, and who has not (the reporting rate)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QVBoxLayout, QWidget

from ...services.completeness import Completeness, UnitReport, completeness
from ...services.formatting import format_date, format_percent
from ...services.periods import Period
from ..table_models.base import UNMET_BRUSH, Column, RowTableModel
from .table_view import DataTable

KIND_TEXT = {"xa": "Xã", "thi_tran": "Thị trấn", "huyen": "Cấp huyện"}

COLUMNS: list[Column[UnitReport]] = [
    Column("Đơn vị", lambda r: r.unit_name, sort=lambda r: r.unit_code),
    Column("Cấp", lambda r: KIND_TEXT.get(r.kind, r.kind)),
    Column(
        "Tình trạng",
        lambda r: "Đã gửi" if r.sent else "Chưa gửi",
        background=lambda r: None if r.sent else UNMET_BRUSH,
        tooltip=lambda r: f"Tệp: {r.source_file}\nNgười nhập: {r.imported_by}" if r.sent else "Chưa có báo cáo kỳ này",
    ),
    Column("Ngày nhập", lambda r: format_date(r.imported_at), sort=lambda r: r.imported_at),
]


class CompletenessPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Tình hình gửi báo cáo", parent)
        self.rate = QLabel()
        self.rate.setWordWrap(True)
        self.model: RowTableModel[UnitReport] = RowTableModel(COLUMNS, self)
        self.table = DataTable()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rate)
        layout.addWidget(self.table, 1)
        self.result: Completeness | None = None

    def show_period(self, period: Period | None) -> None:
        """``None``: the latest period any return covers."""
        result = completeness(period)
        self.result = result
        self.setTitle(f"Tình hình gửi báo cáo kỳ {result.period.label}")
        communes, district = result.commune_rate, result.district_rate
        self.rate.setText(
            f"Xã, thị trấn: {communes.sent}/{communes.expected} ({format_percent(communes.percent)}) · "
            f"Cơ quan cấp huyện: {district.sent}/{district.expected} ({format_percent(district.percent)})"
        )
        rows = sorted(result.communes + result.district, key=lambda r: (r.sent, r.kind == "huyen"))
        self.model.set_rows(rows)  # units still missing first
        self._fit_columns((1, 2, 3))

    def _fit_columns(self, columns: tuple[int, ...]) -> None:
        """What ``resizeColumnToContents`` does, measuring one row per distinct text instead of all (hundreds of)
        rows: these columns hold a handful of words and dates, and measuring every row cost tens of ms at start-up."""
        grid = 1 if self.table.showGrid() else 0
        header = self.table.horizontalHeader()
        for column in columns:
            firsts: dict[str, int] = {}
            for row, item in enumerate(self.model.rows()):
                firsts.setdefault(COLUMNS[column].display(item), row)
            content = max(
                (self.table.sizeHintForIndex(self.model.index(row, column)).width() + grid for row in firsts.values()),
                default=0,
            )
            self.table.setColumnWidth(column, max(content, header.sectionSizeHint(column)))
