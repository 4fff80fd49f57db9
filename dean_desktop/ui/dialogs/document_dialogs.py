"""What a printed Party document needs from the user: its number and who signs it (remembered between uses, not
tied to the roster), and for urging letters the period, the member and the folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.completeness import default_period
from ...services.party_document import SIGNER_TITLE
from ...services.periods import Period, PeriodError, parse_period
from ...services.report_content import Signing, roster_signer
from ...services.rows import MemberRow
from ..widgets import messages
from .export_forms_dialog import suggested_periods

NUMBER_KEY, SIGNER_KEY, TITLE_KEY = "van_ban/so", "van_ban/nguoi_ky", "van_ban/chuc_danh"
LETTERS_FOLDER_KEY = "van_ban/thu_muc_cong_van"


def _settings() -> QSettings:
    from ..main_window import settings

    return settings()


class SigningFields(QWidget):
    """Number, signer and the signer's title, filled with what was used last time (the signer: the roster's
    Head of the Organising Committee the first time only)."""

    def __init__(self, number_placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        store = _settings()
        signer = store.value(SIGNER_KEY, None)
        self.number_edit = QLineEdit(str(store.value(NUMBER_KEY, "") or ""))
        self.number_edit.setPlaceholderText(number_placeholder)
        self.signer_edit = QLineEdit(str(signer) if signer is not None else roster_signer())
        self.signer_edit.setPlaceholderText("Họ và tên người ký; để trống để ký tay")
        self.title_edit = QLineEdit(str(store.value(TITLE_KEY, SIGNER_TITLE) or SIGNER_TITLE))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Số văn bản:", self.number_edit)
        form.addRow("Người ký:", self.signer_edit)
        form.addRow("Chức danh người ký:", self.title_edit)

    def signing(self) -> Signing:
        return Signing(self.number_edit.text().strip(), self.signer_edit.text().strip(), self.title_edit.text().strip())

    def remember(self, number: bool = True) -> None:
        store = _settings()
        if number:
            store.setValue(NUMBER_KEY, self.number_edit.text().strip())
        store.setValue(SIGNER_KEY, self.signer_edit.text().strip())
        store.setValue(TITLE_KEY, self.title_edit.text().strip() or SIGNER_TITLE)
        store.sync()


class SigningDialog(QDialog):
    """Asked before the report is previewed, printed or saved."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.fields = SigningFields("ví dụ 125-BC/BTCHU; để trống để viết tay")
        note = QLabel("Số và người ký được in ở đầu và cuối văn bản; lần sau phần mềm nhớ các giá trị này.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Tiếp tục")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.fields)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.fields.remember()
        super().accept()

    def signing(self) -> Signing:
        return self.fields.signing()


def ask_folder(parent: QWidget, start: str) -> str:
    from .. import recent_folders

    return recent_folders.choose_folder(parent, recent_folders.EXPORT, "Chọn thư mục lưu công văn", start)


class UrgingLettersDialog(QDialog):
    """The period, one member or all, the folder, PDF copies, and the signer of the letters."""

    def __init__(self, members: list[MemberRow], period: Period | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Công văn đôn đốc")
        period = period or default_period()  # the period the urging lists show by default
        self.period_box = QComboBox()
        self.period_box.setEditable(True)
        labels = suggested_periods()
        if period is not None and period.label not in labels:
            labels.insert(0, period.label)
        self.period_box.addItems(labels)
        if period is not None:
            self.period_box.setCurrentText(period.label)
        self.member_box = QComboBox()
        self.member_box.addItem("Tất cả các đơn vị", None)
        for member in members:
            self.member_box.addItem(f"Các đơn vị do đồng chí {member.full_name} phụ trách", member.id)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        start = _settings().value(LETTERS_FOLDER_KEY, str(Path(documents) / "Cong van don doc"))
        self.folder_edit = QLineEdit(str(start))
        browse = QPushButton("Chọn…")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.pdf_check = QCheckBox("Ghi thêm bản PDF của mỗi công văn")
        self.fields = SigningFields("thường để trống: văn thư ghi số cho từng công văn")
        self.fields.number_edit.setText("")  # each letter gets its own number from the clerk
        self.error_label = messages.error_label(hidden=False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Tạo công văn")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Kỳ báo cáo:", self.period_box)
        form.addRow("Đơn vị:", self.member_box)
        form.addRow("Thư mục lưu:", folder_row)
        form.addRow("", self.pdf_check)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("Mỗi đơn vị còn việc cần đôn đốc trong kỳ (chưa gửi báo cáo, chưa đạt chỉ tiêu, nhiệm vụ quá hạn)\n"
                   "nhận một công văn gửi cấp ủy của đơn vị; đơn vị không còn việc gì thì không có công văn.")
        )  # fmt: skip
        layout.addLayout(form)
        layout.addWidget(self.fields)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = ask_folder(self, self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def period(self) -> Period | None:
        try:
            return parse_period(self.period_box.currentText())
        except PeriodError:
            return None

    def member_id(self) -> int | None:
        value = self.member_box.currentData()
        return int(value) if value is not None else None

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip())

    def accept(self) -> None:
        if self.period() is None:
            self.error_label.setText(f'Kỳ báo cáo "{self.period_box.currentText()}" không hợp lệ, ví dụ "Năm 2017".')
            return
        if not self.folder_edit.text().strip():
            self.error_label.setText("Hãy chọn thư mục lưu công văn.")
            return
        self.fields.remember(number=False)
        store = _settings()
        store.setValue(LETTERS_FOLDER_KEY, self.folder_edit.text().strip())
        store.sync()
        super().accept()
