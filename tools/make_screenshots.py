"""Render the main window's tabs with demo data to docs/screenshots/ (run under Xvfb or offscreen).

python tools/make_screenshots.py            # uses $DISPLAY if set, else the offscreen platform
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TABS = ["tong-quan", "ban-chi-dao", "mot-cua", "trinh-do-can-bo", "nhom-giai-phap", "nhat-ky-nhap"]


def main() -> int:
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp())
    os.environ["DEAN_DESKTOP_DATA_DIR"] = str(work)
    from PySide6.QtWidgets import QApplication

    from dean_desktop.services.demo import load_demo
    from dean_desktop.store import open_store
    from dean_desktop.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    path = open_store(work / "demo.db")
    load_demo()
    window = MainWindow(path)
    window.resize(1280, 800)
    window.show()
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    only = set(sys.argv[1:])
    for index, name in enumerate(TABS):
        window.tabs.setCurrentIndex(index)
        if name == "ban-chi-dao":
            window.roster.table.selectRow(2)  # a member with units to follow and things to chase
        deadline = time.monotonic() + 0.8  # let deferred work (charts) finish and lay out
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        if not only or name in only:
            window.grab().save(str(out / f"{name}.png"))
            print(out / f"{name}.png")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
