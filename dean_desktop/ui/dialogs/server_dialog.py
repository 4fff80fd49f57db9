"""Tệp → Kết nối máy chủ…: the address of a shared PostgreSQL server, a connection test, remembered per user."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services import server_connection as server
from ...services.server_connection import ServerAddress


class ServerDialog(QDialog):
    """Fill in or change the server; ``url()`` is what to open when accepted."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None, *, title: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title or "Kết nối máy chủ cơ sở dữ liệu")
        self._settings = settings
        self.host = QLineEdit(str(settings.value("server/host", "") or ""))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(int(settings.value("server/port", server.DEFAULT_PORT) or server.DEFAULT_PORT))
        self.database = QLineEdit(str(settings.value("server/database", "") or ""))
        self.user = QLineEdit(str(settings.value("server/user", "") or ""))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox("Ghi nhớ mật khẩu (trong kho mật khẩu của Windows)")
        self.remember.setEnabled(server.keyring_available())
        if not server.keyring_available():
            self.remember.setToolTip("Máy này không có kho mật khẩu; mật khẩu sẽ được hỏi mỗi lần mở.")
        saved = server.saved_password(self.address())
        if saved:
            self.password.setText(saved)
            self.remember.setChecked(True)
        self.at_start = QCheckBox("Mở máy chủ này mỗi khi khởi động phần mềm")
        self.at_start.setChecked(str(settings.value("server/open_at_start", "false")).lower() == "true")
        self.status = QLabel()
        self.status.setWordWrap(True)
        test = QPushButton("&Kiểm tra kết nối")
        test.clicked.connect(self.test)
        form = QFormLayout()
        form.addRow("Máy &chủ:", self.host)
        form.addRow("&Cổng:", self.port)
        form.addRow("Cơ sở &dữ liệu:", self.database)
        form.addRow("&Người dùng:", self.user)
        form.addRow("&Mật khẩu:", self.password)
        form.addRow("", self.remember)
        form.addRow("", self.at_start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Kết nối")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(test)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def address(self) -> ServerAddress:
        return ServerAddress(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                             self.user.text().strip())  # fmt: skip

    def url(self) -> str:
        return self.address().url(self.password.text())

    def test(self) -> bool:
        problem = server.check_address(self.address()) or server.test_connection(self.url())
        self.status.setText(problem or "Kết nối được với máy chủ.")
        return problem is None

    def accept(self) -> None:
        if not self.test():
            return
        address = self.address()
        for key, value in (("host", address.host), ("port", address.port), ("database", address.database),
                           ("user", address.user)):  # fmt: skip
            self._settings.setValue(f"server/{key}", value)
        self._settings.setValue("server/open_at_start", "true" if self.at_start.isChecked() else "false")
        if self.remember.isChecked():
            server.save_password(address, self.password.text())
        self._settings.sync()
        super().accept()
