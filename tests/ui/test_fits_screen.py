"""On the office laptop (1366×768 with a taskbar) and on a 1920×1080 screen at 150 % (≈1280×688 logical), the
main window, every dialog and the print preview open wholly on screen, a window saved on a larger screen included."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("screen_probe.py")
ROOT = PROBE.parents[2]

SCREENS = {
    # 1366×768 less a 40 px taskbar: the offscreen platform's available area is its whole screen.
    "1366x768": {"width": 1366, "height": 728, "logicalDpi": 96},
    # 1920×1080 less the taskbar, at 150 % (Windows reports 144 dpi): Qt works in logical pixels, 1280×688.
    "1920x1080@150%": {"width": 1920, "height": 1032, "logicalDpi": 144},
}


def probe(tmp_path: Path, screen: dict[str, float]) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "office", "x": 0, "y": 0, "logicalBaseDpi": 96, "dpr": 1, **screen}]}),
        encoding="utf-8",
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(PROBE), str(tmp_path)], capture_output=True, encoding="utf-8", env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", SCREENS)
def test_every_window_fits_the_screen(tmp_path: Path, name: str) -> None:
    result = probe(tmp_path, SCREENS[name])
    left, top, width, height = result["available"]
    assert width < 1400 and height < 730  # the small screen really was used
    windows = result["windows"]
    assert {"MainWindow", "MemberDialog", "QPrintPreviewDialog", "MainWindow (restored)"} <= set(windows)
    off_screen = {
        window: rect
        for window, (x, y, w, h) in windows.items()
        if x < left or y < top or x + w > left + width or y + h > top + height
        for rect in [(x, y, w, h)]
    }
    assert off_screen == {}
    # Fitting does not mean squeezing: the main window and the preview still use most of the screen.
    for window in ("MainWindow", "QPrintPreviewDialog", "MainWindow (restored)"):
        assert windows[window][3] > 0.8 * height
