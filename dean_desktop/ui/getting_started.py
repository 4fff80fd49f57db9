"""Helping a clerk start alone: the first steps on an empty overview, the sample-data banner and the Help menu.

The main window composes these; each button triggers the window's own menu action, so a step does exactly what
the menu does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from ..paths import default_db_path, sample_db_path
from .widgets import messages

if TYPE_CHECKING:
    from .main_window import MainWindow

BANNER_STYLE = "background: #f0b400; color: #3a2a00; font-weight: bold; padding: 4px 10px;"
PANEL_STYLE = "QFrame#firstStart { background: #eef4fb; border: 1px solid #9fbce0; border-radius: 6px; }"

# (step title, what to do, button text, the window's action it triggers; "" when the step has no button)
STEPS = (
    (
        "Tải mẫu biểu",
        "Xuất biểu mẫu báo cáo trống, mỗi xã, thị trấn, cơ quan một tệp Excel, cho kỳ cần báo cáo.",
        "Tải mẫu biểu…",
        "export_forms",
    ),
    (
        "Gửi xã",
        "Gửi các tệp vừa tạo cho từng đơn vị (thư điện tử, Zalo, USB…); đơn vị điền số liệu rồi gửi lại đúng tệp đó.",
        "",
        "",
    ),
    (
        "Nhập báo cáo",
        "Nhập các tệp đơn vị gửi về: chọn nhiều tệp một lần, hoặc kéo thả tệp, thư mục vào cửa sổ. "
        "Phần mềm cho xem trước và báo lỗi từng tệp trước khi ghi.",
        "Nhập báo cáo…",
        "import",
    ),
    (
        "In báo cáo",
        "Xem trước, in hoặc lưu PDF báo cáo kết quả thực hiện các Đề án cho cuộc họp Ban Chỉ đạo.",
        "Xem trước báo cáo…",
        "report_preview",
    ),
)


class FirstStartPanel(QFrame):
    """The four steps of a reporting round, shown on the overview while the database holds no return."""

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStart")
        self.setStyleSheet(PANEL_STYLE)
        title = QLabel("Bắt đầu: chưa có báo cáo nào. Một kỳ báo cáo gồm bốn bước:")
        title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for row, (step, text, button_text, key) in enumerate(STEPS):
            grid.addWidget(QLabel(f"<b>{row + 1}. {step}</b>"), row, 0)
            explanation = QLabel(text)
            explanation.setWordWrap(True)
            grid.addWidget(explanation, row, 1)
            if key:
                button = QPushButton(button_text)
                button.clicked.connect(actions[key].trigger)
                grid.addWidget(button, row, 2)
                self.buttons[key] = button
        grid.setColumnStretch(1, 1)
        extra = QHBoxLayout()
        for key, text in (("sample", "Xem thử với dữ liệu mẫu"), ("guide", "Hướng dẫn sử dụng (F1)")):
            button = QPushButton(text)
            button.clicked.connect(actions[key].trigger)
            extra.addWidget(button)
            self.buttons[key] = button
        extra.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addLayout(extra)


class SampleBanner(QFrame):
    """A coloured bar under the menu while the open database is a sample one, with the way back."""

    def __init__(self, back: Callable[[], None], parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # here, not at import: the main window imports this module before it shows

        super().__init__(parent)
        self.setStyleSheet(BANNER_STYLE)
        self.label = QLabel(
            "DỮ LIỆU MẪU — đây là cơ sở dữ liệu mẫu để xem thử; các số liệu không phải số liệu thật của huyện."
        )
        self.label.setWordWrap(True)
        self.back_button = QPushButton("Về dữ liệu của tôi")
        self.back_button.setStyleSheet("background: #fff6d6; color: #3a2a00; padding: 2px 10px;")
        self.back_button.clicked.connect(back)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()


def install_help_menu(window: MainWindow, menu: QMenu) -> dict[str, QAction]:
    """Hướng dẫn sử dụng (F1) and Mở dữ liệu mẫu at the top of Trợ giúp; returns the actions by key."""
    guide = QAction("&Hướng dẫn sử dụng", window)
    guide.setShortcuts([QKeySequence("F1")])
    guide.setStatusTip("Cách dùng phần mềm, từng bước, có hình minh họa (không cần Internet)")
    guide.triggered.connect(lambda: show_user_guide(window))
    sample = QAction("Mở dữ liệu &mẫu", window)
    sample.setStatusTip("Mở cơ sở dữ liệu mẫu riêng để xem thử; dữ liệu thật không bị thay đổi")
    sample.triggered.connect(lambda: open_sample_data(window))
    menu.addAction(guide)
    menu.addAction(sample)
    menu.addSeparator()
    return {"guide": guide, "sample": sample}


def show_user_guide(window: QWidget) -> None:
    from .dialogs.help_dialog import HelpDialog

    dialog = window.findChild(HelpDialog) or HelpDialog(window)  # one guide per window, kept when closed
    dialog.show()  # not modal: the guide stays open beside the window while the clerk follows it
    dialog.activateWindow()


def open_sample_data(window: MainWindow) -> None:
    """Open the sample database (creating and filling it the first time) in place of the current one."""
    from ..services.demo import load_demo
    from ..services.sample_data import holds_real_data, is_sample_database
    from .workers import run_with_progress

    path = sample_db_path()
    if window.db_path != path:
        previous = window.db_path
        window.switch_database(path)
        if window.db_path == path:
            window.own_db_path = previous  # type: ignore[attr-defined]  # where "Về dữ liệu của tôi" goes back to
        if window.db_path != path:
            return  # refused (in use elsewhere, unreadable): switch_database said why
    if is_sample_database():
        return
    if holds_real_data():  # someone put real work into the sample file: never mix the two
        messages.show_error(
            window, f"Tệp {path} đã có số liệu thật nên không nạp dữ liệu mẫu vào đó.", "Không nạp dữ liệu mẫu"
        )
        return
    run_with_progress(
        window,
        "Đang nạp dữ liệu mẫu…",
        lambda _progress, _cancelled: load_demo(),
        lambda _result: window.signals.database_switched.emit(),
        lambda text: messages.show_error(window, text),
    )


def back_to_own_data(window: MainWindow) -> None:
    """Leave the sample database for the one open before it (the user's default database if none)."""
    window.switch_database(getattr(window, "own_db_path", None) or default_db_path())
