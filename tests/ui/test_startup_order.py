"""Start-up as the program runs it (a separate process, offscreen): the frame is painted before the store opens,
then the overview's figures, then its charts; each milestone is written to DEAN_DESKTOP_STARTUP_TRACE as issue 15
asks, and what the frame waits for stays small."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Runs the app's own entry point, noting which modules are loaded as each milestone is recorded.
PROBE = """
import json, sys
import dean_desktop.ui.startup_trace as trace
recorded = trace.record
def record(milestone):
    if not trace.recorded(milestone):
        print(json.dumps({milestone: sorted(sys.modules)}), flush=True)
    recorded(milestone)
trace.record = record
from dean_desktop.app import main
raise SystemExit(main(sys.argv[1:]))
"""


def test_the_frame_is_painted_before_the_store_opens_then_figures_then_charts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "giao-dien.ini").write_text("[window]\ntab=0\n", encoding="utf-8")  # the overview
    trace = tmp_path / "trace.jsonl"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DEAN_DESKTOP_DATA_DIR": str(data),
        "DEAN_DESKTOP_STARTUP_TRACE": str(trace),
        "DEAN_DESKTOP_QUIT_AFTER_LOAD": "1",
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(tmp_path / "de_an.db")],
        env=env, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines()]
    assert [line["milestone"] for line in lines] == ["frame", "figures", "charts"]
    times = [line["t"] for line in lines]
    assert times == sorted(times)

    loaded = {key: set(value) for line in done.stdout.splitlines() for key, value in json.loads(line).items()}
    at_frame = loaded["frame"]
    # The store, the database layer and the overview come after the frame; so do the menus' dialogs and dates.
    assert not at_frame & {"peewee", "dean_desktop.store", "dean_desktop.models", "dean_desktop.ui.tabs.overview"}
    assert not at_frame & {"datetime", "dean_desktop.ui.file_dialogs", "dean_desktop.ui.recent_folders"}
    assert {"peewee", "dean_desktop.ui.tabs.overview"} <= loaded["figures"]
    # The log is a plain file handler: logging.handlers (socket, pickle, queue) never comes with the window.
    assert "logging.handlers" not in loaded["charts"] and "socket" not in loaded["charts"]
    assert (data / "logs" / "dean_desktop.log").exists()
