"""Choosing what blank forms to write: the period, the units (all or some) and the folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.completeness import default_period
from ...services.indicators import project_window, reported_periods
from ...services.periods import Period, PeriodError, parse_period
from ...services.rows import UnitRow
from ...services.units import list_units
from .. import recent_folders
from ..screen_fit import fit_to_screen
from ..widgets import messages


def suggested_periods(today: date | None = None) -> list[str]:
    """Labels offered in the period box, the default first: the latest period with returns (or the projects'
    last year), the other reported periods, every period of the projects' years, then this year's."""
    today = today or date.today()
    labels = [default_period().label] + [p.label for p in reported_periods()]
    first, last = project_window()
    for year in [*range(last.year, first.year - 1, -1), today.year]:
        labels += [f"Năm {year}", f"6 tháng đầu năm {year}", f"6 tháng cuối năm {year}"]
        labels += [f"Quý {q}/{year}" for q in ("I", "II", "III", "IV")]
    return list(dict.fromkeys(labels))


def ask_folder(parent: QWidget, start: str) -> str:
    return recent_folders.choose_folder(parent, recent_folders.EXPORT, "Chọn thư mục lưu biểu mẫu", start)


class ExportFormsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Xuất biểu mẫu báo cáo trống")
        self.period_box = QComboBox()
        self.period_box.setEditable(True)
        self.period_box.addItems(suggested_periods())
        self.period_box.setToolTip('Ví dụ: "Năm 2018", "6 tháng đầu năm 2019", "Quý II/2019", "Tháng 3/2019"')
        self.period_box.currentTextChanged.connect(self._period_changed)
        last = recent_folders.remembered_folder(recent_folders.EXPORT)
        self.folder_edit = QLineEdit(str(last or recent_folders.documents_dir() / "Bieu mau De an"))
        browse = QPushButton("Chọn…")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.unit_list = QListWidget()
        self.all_button = QPushButton("Chọn tất cả")
        self.none_button = QPushButton("Bỏ chọn")
        self.communes_button = QPushButton("Chỉ các xã, thị trấn")
        self.all_button.clicked.connect(lambda: self._check(lambda u: True))
        self.none_button.clicked.connect(lambda: self._check(lambda u: False))
        self.communes_button.clicked.connect(lambda: self._check(lambda u: u.is_commune))
        picks = QHBoxLayout()
        for button in (self.all_button, self.communes_button, self.none_button):
            picks.addWidget(button)
        picks.addStretch(1)
        self.error_label = messages.error_label(hidden=False)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton("Xuất biểu mẫu", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Kỳ báo cáo:", self.period_box)
        folder_label = QLabel("&Thư mục lưu:")  # a row holding a layout gets no buddy by itself: the & would show
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, folder_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Đơn vị nhận biểu mẫu (mỗi đơn vị một tệp; cơ quan cấp huyện chỉ có trang Cán bộ):"))
        layout.addLayout(picks)
        layout.addWidget(self.unit_list, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(560, 600))
        self._units = list_units()
        self._period_changed(self.period_box.currentText())

    # --- values --------------------------------------------------------------
    def period(self) -> Period | None:
        try:
            return parse_period(self.period_box.currentText())
        except PeriodError:
            return None

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip())

    def unit_ids(self) -> list[int]:
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.unit_list.item(i) for i in range(self.unit_list.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    # --- behaviour -----------------------------------------------------------
    def _period_changed(self, text: str) -> None:
        period = self.period()
        checked = set(self.unit_ids()) if self.unit_list.count() else None
        self.unit_list.clear()
        if period is None:
            self.error_label.setText(f'Kỳ báo cáo "{text}" chưa hợp lệ.' if text.strip() else "Chưa nhập kỳ báo cáo.")
            return
        self.error_label.clear()
        for unit in self._units:
            if not unit.valid_on(period.end):
                continue  # e.g. Kim Sơn after its merger
            prefix = {"xa": "Xã ", "thi_tran": ""}.get(unit.kind, "")
            item = QListWidgetItem(f"{prefix}{unit.name}")
            item.setData(Qt.ItemDataRole.UserRole, unit.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = checked is None or unit.id in checked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.unit_list.addItem(item)

    def _check(self, wanted) -> None:  # type: ignore[no-untyped-def]
        by_id: dict[int, UnitRow] = {u.id: u for u in self._units}
        for i in range(self.unit_list.count()):
            item = self.unit_list.item(i)
            unit = by_id[int(item.data(Qt.ItemDataRole.UserRole))]
            item.setCheckState(Qt.CheckState.Checked if wanted(unit) else Qt.CheckState.Unchecked)

    def _browse(self) -> None:
        folder = ask_folder(self, self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def _accept(self) -> None:
        if self.period() is None:
            self.error_label.setText(f'Kỳ báo cáo "{self.period_box.currentText()}" không hợp lệ.')
            return
        if not self.unit_ids():
            self.error_label.setText("Chưa chọn đơn vị nào.")
            return
        if not self.folder_edit.text().strip():
            self.error_label.setText("Chưa chọn thư mục lưu.")
            return
        recent_folders.remember(recent_folders.EXPORT, self.folder(), is_folder=True)
        self.accept()
