"""The floor for start-up and memory: a bare PySide6 main window with six table tabs, closed once it is painted.

It records its first paint exactly as the app records its milestones (dean_desktop/ui/startup_trace.py): the time is
read in a zero timer posted from the window's first paint event, so after the paint and its flush. With
``DEAN_DESKTOP_STARTUP_TRACE=FILE`` set, one line ``{"milestone": "frame", "t": …}`` is appended to FILE.
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QTabWidget

TITLES = ("Tổng quan", "Ban Chỉ đạo", "Một cửa cấp xã", "Trình độ cán bộ", "Nhóm giải pháp", "Nhật ký nhập")


class FirstPaint(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.painted)
        return False

    def painted(self) -> None:
        path = os.environ.get("DEAN_DESKTOP_STARTUP_TRACE")
        if path:
            with open(path, "a", encoding="utf-8") as out:
                out.write(json.dumps({"milestone": "frame", "t": time.time()}) + "\n")
        self.window.close()


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
    FirstPaint(window)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
