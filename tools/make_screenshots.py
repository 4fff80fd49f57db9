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


def import_sample_returns(folder: Path) -> None:
    """A few returns as communes send them (one in TCVN3, one with an error), so the import history shows something."""
    from dean_desktop.services.excel_import import import_files
    from tests.services.excel_import.builders import Messy, build_return, cadre, office

    folder.mkdir(parents=True, exist_ok=True)
    build_return(folder / "linh-thong-2019.xlsx", unit="Linh Thông", period="Năm 2019", office=office(has_office=True),
                 edoc=[("Đảng ủy", True), ("UBND", True)], style=Messy(title_rows=2, signature=True))
    build_return(folder / "lam-vy-2019.xlsx", unit="Lam Vỹ", period="Năm 2019", office=office(has_office=False),
                 edoc=[("Đảng ủy", True)], style=Messy(encoding="tcvn3"))
    build_return(folder / "quy-ky-2019.xlsx", unit="Quy Kỳ", period="Năm 2019", office=office(has_office=True),
                 cadres=[cadre("Hà Thị Hoa", 1980, "Đại học", "cao cap lý luận")])
    import_files(sorted(folder.iterdir()))


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
    import_sample_returns(work / "tra-ve")
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
