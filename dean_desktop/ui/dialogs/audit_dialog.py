"""Nhật ký thay đổi: the audit log, newest first, filtered by kind of data, user, date and text."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services.formatting import format_datetime
from ...services.history import audit_filter_choices, search_audit
from ...services.rows import AuditRow
from ...services.vocab import TASK_STATUS
from ..table_models.base import Column, RowTableModel
from ..widgets.table_view import DataTable

LIMIT = 5000
SEARCH_DELAY_MS = 250

TABLE_LABELS = {
    "unit_return": "Báo cáo đơn vị",
    "office_readiness": "Bộ phận một cửa",
    "steering_member": "Thành viên Ban Chỉ đạo",
    "member_unit": "Phân công theo dõi",
    "task": "Nhiệm vụ",
    "solution_group": "Nhóm giải pháp",
    "rotation": "Luân chuyển cán bộ",
    "unit": "Đơn vị",
    "cadre": "Cán bộ",
    "project": "Đề án",
    "target": "Chỉ tiêu",
    "database": "Cơ sở dữ liệu",
}
FIELD_LABELS = {
    "*": "(cả bản ghi)",
    "full_name": "Họ và tên",
    "role": "Chức danh trong Ban Chỉ đạo",
    "position": "Chức vụ",
    "phone": "Điện thoại",
    "email": "Email",
    "sort_order": "Thứ tự",
    "unit": "Đơn vị",
    "name": "Tên",
    "title": "Nội dung nhiệm vụ",
    "member_id": "Thành viên phụ trách",
    "unit_id": "Đơn vị phụ trách",
    "deadline": "Thời hạn",
    "status": "Trạng thái",
    "completed_on": "Ngày hoàn thành",
    "evidence": "Văn bản minh chứng",
    "notes": "Ghi chú",
    "group": "Nhóm giải pháp",
    "from_position": "Chức vụ, đơn vị trước",
    "to_position": "Chức vụ, đơn vị đến",
    "decision_no": "Số quyết định",
    "decision_date": "Ngày quyết định",
    "months": "Thời gian (tháng)",
    "has_office": "Có phòng làm việc riêng",
    "floor_area": "Diện tích phòng (m²)",
    "computers": "Số máy vi tính",
    "printers": "Số máy in",
    "scanners": "Số máy quét",
    "internet": "Kết nối Internet",
    "staff": "Số công chức làm việc",
    "procedures_posted": "Niêm yết công khai TTHC",
    "in_use_since": "Ngày đưa vào sử dụng",
}
SOURCE_LABELS = {
    "ui": "Sửa trên cửa sổ",
    "import": "Nhập tệp",
    "cli": "Dòng lệnh",
    "seed": "Khởi tạo",
    "demo": "Dữ liệu mẫu",
}


def table_label(table: str) -> str:
    return TABLE_LABELS.get(table, table)


def value_text(row: AuditRow, value: str | None) -> str:
    if value is None:
        return ""
    if row.field == "status":
        return TASK_STATUS.get(value, value)
    return value


def record_text(row: AuditRow) -> str:
    """The record an entry is about, named for people: the commune and period, the member, the task…"""
    if row.label:
        return row.label
    return "" if row.row_id is None else f"(không còn, mã số {row.row_id})"


def record_tooltip(row: AuditRow) -> str:
    if row.row_id is None:
        return ""
    return f"{table_label(row.table)}: {row.label or 'bản ghi đã xóa'} (mã số {row.row_id})"


COLUMNS: list[Column[AuditRow]] = [
    Column("Thời gian", lambda r: format_datetime(r.at), sort=lambda r: (r.at, r.id)),
    Column("Người sửa", lambda r: r.who),
    Column("Loại dữ liệu", lambda r: table_label(r.table)),
    Column("Bản ghi", record_text, tooltip=record_tooltip),
    Column("Nội dung", lambda r: FIELD_LABELS.get(r.field, r.field)),
    Column("Giá trị cũ", lambda r: value_text(r, r.old), tooltip=lambda r: value_text(r, r.old)),
    Column("Giá trị mới", lambda r: value_text(r, r.new), tooltip=lambda r: value_text(r, r.new)),
    Column("Nguồn", lambda r: SOURCE_LABELS.get(r.source, r.source)),
]
WIDTHS = (125, 110, 150, 220, 160, 190, 190)


class AuditDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nhật ký thay đổi")
        self.resize(1100, 620)

        self.table_combo = QComboBox()
        self.user_combo = QComboBox()
        self.use_since = QCheckBox("Từ ngày")
        self.since = QDateEdit()
        self.since.setDisplayFormat("dd/MM/yyyy")
        self.since.setCalendarPopup(True)
        self.since.setDate(QDate.currentDate().addMonths(-1))
        self.since.setEnabled(False)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm theo tên bản ghi hoặc nội dung thay đổi (không cần dấu)…")
        self.search.setClearButtonEnabled(True)
        self._fill_choices()

        filters = QHBoxLayout()
        for label, widget in (("Loại dữ liệu:", self.table_combo), ("Người sửa:", self.user_combo)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.use_since)
        filters.addWidget(self.since)
        filters.addWidget(self.search, 1)

        self.model: RowTableModel[AuditRow] = RowTableModel(COLUMNS, self)
        self.table = DataTable()
        self.table.setModel(self.model)
        for column, width in enumerate(WIDTHS):
            self.table.setColumnWidth(column, width)
        self.summary = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)  # typing a word searches once, not once per letter
        self.search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self.search_timer.start)
        self.table_combo.currentIndexChanged.connect(self.reload)
        self.user_combo.currentIndexChanged.connect(self.reload)
        self.use_since.toggled.connect(self.since.setEnabled)
        self.use_since.toggled.connect(self.reload)
        self.since.dateChanged.connect(self.reload)
        self.reload()

    def _fill_choices(self) -> None:
        tables, users = audit_filter_choices()
        self.table_combo.addItem("Tất cả", None)
        for table in sorted(tables, key=table_label):
            self.table_combo.addItem(table_label(table), table)
        self.user_combo.addItem("Tất cả", None)
        for user in users:
            self.user_combo.addItem(user, user)

    def since_date(self) -> date | None:
        if not self.use_since.isChecked():
            return None
        picked = self.since.date()
        return date(picked.year(), picked.month(), picked.day())

    def reload(self) -> None:
        self.search_timer.stop()
        rows = search_audit(
            table=self.table_combo.currentData(),
            who=self.user_combo.currentData(),
            since=self.since_date(),
            text=self.search.text(),
            limit=LIMIT,
        )
        self.model.set_rows(rows)
        if not rows:
            self.summary.setText("Không có thay đổi nào khớp với bộ lọc.")
        elif len(rows) >= LIMIT:
            self.summary.setText(
                f"Hiển thị {LIMIT} thay đổi gần nhất khớp với bộ lọc; hãy lọc thêm để xem các thay đổi cũ hơn."
            )
        else:
            self.summary.setText(f"{len(rows)} thay đổi, mới nhất ở trên.")
