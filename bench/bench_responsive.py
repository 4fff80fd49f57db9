"""The window stays responsive while a long job runs: the summary export (50,000 cadres) as a background job.

In-process (offscreen), on the real main window: a 10 ms timer on the GUI thread repaints the whole window at every
tick, as a user moving the mouse over it would cause. The pause between ticks is measured first with the window idle
(the floor), then while ``export_summary`` runs through ``ui.workers.run_with_progress`` (the menu's own path).
The ratio is the 95th-percentile pause during the job over the same with the window idle; bound ≤ 2 (a frozen window
shows pauses of hundreds of ms). The longest pause is printed too (it includes the progress dialog's first paint).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, Result, emit, large_db, private_data_dir, utf8_stdout  # noqa: E402

BOUND = 2.0
TICK_MS = 10
IDLE_SECONDS = 1.0


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def measure() -> Result:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    private_data_dir("dean-bench-responsive-data-")
    sys.path.insert(0, str(ROOT))
    db_path = large_db()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dean_desktop.store import open_store
    from dean_desktop.ui.main_window import MainWindow
    from dean_desktop.ui.workers import run_with_progress

    app = QApplication.instance() or QApplication([])
    window = MainWindow(open_store(db_path))
    window.show()
    app.processEvents()
    work = Path(tempfile.mkdtemp(prefix="dean-bench-responsive-"))
    pauses: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        pauses.append(now - last[0])
        last[0] = now
        window.repaint()

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)

    def run_loop(until: float | None = None, done: list[bool] | None = None) -> None:
        while (until is None or time.perf_counter() < until) and not (done and done[0]):
            app.processEvents()  # type: ignore[attr-defined]
            time.sleep(0.0005)

    try:
        last[0] = time.perf_counter()
        timer.start()
        run_loop(until=time.perf_counter() + IDLE_SECONDS)
        idle = pauses[2:]  # the first ticks include the timer's start
        pauses.clear()

        def job(progress, cancelled):  # type: ignore[no-untyped-def]
            from dean_desktop.services.excel_export.summary import export_summary

            return export_summary(work / "summary.xlsx", None, progress=lambda d, t, *_: progress(d, t, ""))

        done = [False]
        errors: list[str] = []
        started = time.perf_counter()
        run_with_progress(window, "Đang xuất…", job, lambda _r: done.__setitem__(0, True), errors.append)
        run_loop(done=done)
        if errors:
            raise RuntimeError(errors[0])
        busy, seconds = list(pauses), time.perf_counter() - started
    finally:
        timer.stop()
        window.close()
        shutil.rmtree(work, ignore_errors=True)
    measured, floor = _p95(busy) * 1000, _p95(idle) * 1000
    return Result(
        name="Cửa sổ khi đang xuất (luồng nền): khoảng dừng p95 / khi rảnh",
        ratio=measured / floor,
        bound=BOUND,
        measured=measured,
        floor=floor,
        unit="ms",
        runs=1,
        detail={"nhịp": len(busy), "dừng lâu nhất (ms)": max(busy) * 1000, "xuất (s)": seconds},
    )


def main() -> int:
    utf8_stdout()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, help="ignored (run_all passes it to every benchmark)")
    parser.parse_args()
    result = emit(measure())
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
