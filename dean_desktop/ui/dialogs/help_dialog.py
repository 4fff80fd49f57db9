"""Trợ giúp → Hướng dẫn sử dụng: the Vietnamese user guide, an HTML file with pictures shipped in resources/help."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ...paths import resource_dir
from ..screen_fit import fit_to_screen

GUIDE_FILE = "huong-dan.html"


def guide_path() -> Path:
    return resource_dir() / "help" / GUIDE_FILE


class HelpDialog(QDialog):
    """The guide in a QTextBrowser: offline, links inside the guide followed, links out opened by the system."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Hướng dẫn sử dụng — Đề án Desktop")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(900, 760))
