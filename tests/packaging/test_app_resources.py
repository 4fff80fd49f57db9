"""What the Windows build relies on, checked from source in every test run: the icon and the window's self-close."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QIcon, QImageReader
from PySide6.QtWidgets import QApplication

from dean_desktop.paths import resource_dir

ROOT = Path(__file__).resolve().parents[2]


def test_ico_holds_every_size_windows_shows(qapp: QApplication) -> None:
    reader = QImageReader(str(resource_dir() / "icons" / "dean_desktop.ico"))
    sizes = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull()
        # Drawn, not blank: the page's red covers the centre at every size.
        assert image.pixelColor(image.width() // 2, image.height() * 3 // 4).alpha() == 255
        sizes.append(image.width())
    # Explorer's small/medium/large/extra-large views, the taskbar and the title bar at 100–200 % scaling.
    assert {16, 20, 24, 32, 40, 48, 64, 256} <= set(sizes)


def test_window_icon_loads(qapp: QApplication) -> None:
    icon = QIcon(str(resource_dir() / "icons" / "dean_desktop.png"))
    assert not icon.isNull()
    assert icon.actualSize(icon.availableSizes()[0]).width() == 256


def test_window_closes_itself_after_smoke_delay(tmp_path: Path) -> None:
    """``DEAN_DESKTOP_SMOKE_QUIT_MS`` lets a smoke test open the real window and see it close normally."""
    data_dir = tmp_path / "du-lieu"
    env = {key: value for key, value in os.environ.items() if not key.startswith("DEAN_DESKTOP_")}
    env.update(DEAN_DESKTOP_DATA_DIR=str(data_dir), DEAN_DESKTOP_SMOKE_QUIT_MS="300", QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "de_an.db")],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (data_dir / "giao-dien.ini").is_file()  # closeEvent saved the window state: closed, not killed
