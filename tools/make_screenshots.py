"""Render the main window's tabs with demo data to docs/screenshots/ (run under Xvfb or offscreen).

python tools/make_screenshots.py            # uses $DISPLAY if set, else the offscreen platform

Also: the first-start panel and a text field's right-click menu; the main window and some dialogs on a 1366×768
screen with a taskbar (tests/ui/screen_probe.py on an offscreen screen of that size); and the pictures of the
user guide (resources/help/anh/), scaled down from these screenshots.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HELP_IMAGES = ["bat-dau", "tong-quan", "xem-truoc-nhap"]  # docs/screenshots → resources/help/anh, 680 px wide
# tests/ui/screen_probe.py's window names → docs/screenshots/1366x768-*.png
SMALL_SCREEN_SHOTS = {
    "MainWindow": "cua-so-chinh",
    "MemberDialog": "thanh-vien",
    "QPrintPreviewDialog": "xem-truoc-in",
    "HelpDialog": "huong-dan",
}
TABS = ["tong-quan", "ban-chi-dao", "mot-cua", "trinh-do-can-bo", "nhom-giai-phap", "nhat-ky-nhap"]


def import_sample_returns(folder: Path) -> None:
    """A few returns as communes send them (one in TCVN3, one with an error), so the import history shows something."""
    from dean_desktop.services.excel_import import import_files
    from tests.services.excel_import.builders import Messy, build_return, cadre, office

    folder.mkdir(parents=True, exist_ok=True)
    build_return(
        folder / "linh-thong-2019.xlsx",
        unit="Linh Thông",
        period="Năm 2019",
        office=office(has_office=True),
        edoc=[("Đảng ủy", True), ("UBND", True)],
        style=Messy(title_rows=2, signature=True),
    )
    build_return(
        folder / "lam-vy-2019.xlsx",
        unit="Lam Vỹ",
        period="Năm 2019",
        office=office(has_office=False),
        edoc=[("Đảng ủy", True)],
        style=Messy(encoding="tcvn3"),
    )
    build_return(
        folder / "quy-ky-2019.xlsx",
        unit="Quy Kỳ",
        period="Năm 2019",
        office=office(has_office=True),
        cadres=[cadre("Hà Thị Hoa", 1980, "Đại học", "cao cap lý luận")],
    )
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
    from dean_desktop.ui.qt_vietnamese import install_vietnamese

    app = QApplication(sys.argv[:1])
    install_vietnamese(app)
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
    if not only or "bat-dau" in only:
        first_start_and_menu(app, window, work, out)
    window.close()
    if not only or "1366x768" in only:
        small_screen(work, out)
    help_images(out)
    return 0


def settle(app, seconds: float = 0.5) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def first_start_and_menu(app, window, work: Path, out: Path) -> None:  # type: ignore[no-untyped-def]
    """A new database shows the four first steps on the overview; a text field's menu speaks Vietnamese."""
    from PySide6.QtWidgets import QLineEdit

    window.switch_database(work / "moi.db")
    window.tabs.setCurrentIndex(0)
    settle(app)
    window.grab().save(str(out / "bat-dau.png"))
    print(out / "bat-dau.png")
    field = QLineEdit("Xã Linh Thông")
    field.selectAll()
    menu = field.createStandardContextMenu()
    menu.adjustSize()
    menu.grab().save(str(out / "menu-chuot-phai.png"))
    print(out / "menu-chuot-phai.png")


def small_screen(work: Path, out: Path) -> None:
    """The main window and some dialogs as they open on 1366×768 less a 40 px taskbar."""
    config = work / "screen-1366.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 728, "logicalDpi": 96, "logicalBaseDpi": 96}
    config.write_text(json.dumps({"screens": [{**screen, "dpr": 1}]}), encoding="utf-8")
    shots, probe_dir = work / "1366", work / "probe"
    shots.mkdir()
    probe_dir.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT)}
    env.pop("DISPLAY", None)
    probe = ROOT / "tests" / "ui" / "screen_probe.py"
    subprocess.run([sys.executable, str(probe), str(probe_dir), str(shots)], check=True, env=env)
    for name, stem in SMALL_SCREEN_SHOTS.items():
        target = out / f"1366x768-{stem}.png"
        target.write_bytes((shots / f"{name}.png").read_bytes())
        print(target)


def help_images(out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    folder = ROOT / "resources" / "help" / "anh"
    folder.mkdir(parents=True, exist_ok=True)
    for name in HELP_IMAGES:
        image = QImage(str(out / f"{name}.png"))
        image.scaledToWidth(680, Qt.TransformationMode.SmoothTransformation).save(str(folder / f"{name}.png"))


if __name__ == "__main__":
    raise SystemExit(main())
