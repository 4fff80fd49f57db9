"""The floor for start-up and memory: a bare PySide6 main window with six table tabs, shown, then closed."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QTabWidget

TITLES = ("Tổng quan", "Ban Chỉ đạo", "Một cửa cấp xã", "Trình độ cán bộ", "Nhóm giải pháp", "Nhật ký nhập")


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    tabs = QTabWidget()
    for title in TITLES:
        tabs.addTab(QTableView(), title)
    window.setCentralWidget(tabs)
    window.menuBar().addMenu("&Tệp")
    window.statusBar().showMessage("Sẵn sàng")
    window.resize(1200, 760)
    window.show()
    QTimer.singleShot(0, window.close)  # the same hook the app uses (DEAN_DESKTOP_QUIT_AFTER_SHOW)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
