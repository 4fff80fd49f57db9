"""An open window shows what the command line wrote to the same database within about two seconds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from dean_desktop.ui.main_window import MainWindow
from tests.services.excel_import.builders import build_return, cadre, office

ROOT = Path(__file__).resolve().parents[2]


def test_a_command_line_import_shows_in_the_open_window(qtbot: QtBot, store: Path, tmp_path: Path) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(0)
    missing = window.overview.missing_list
    shown = lambda: {missing.item(i).text() for i in range(missing.count())}  # noqa: E731
    qtbot.waitUntil(lambda: "Linh Thông" in shown(), timeout=5000)  # filled once the figures are painted

    workbook = build_return(tmp_path / "linh-thong.xlsx", office=office(True), cadres=[cadre("Nguyễn Văn An")])
    env = {**os.environ, "DEAN_DESKTOP_DATA_DIR": str(tmp_path / "data"), "PYTHONIOENCODING": "utf-8"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(store), "import", str(workbook)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    qtbot.waitUntil(lambda: "Linh Thông" not in shown(), timeout=2000)
    window.close()
