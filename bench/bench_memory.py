"""Peak memory: the app's main window with the 50,000-row cadre register open vs the bare window with six tables.

Both sides are whole child processes measured from outside (peak resident set of that child, from ``os.wait4``).
The app side is the real program, ``main.py --db <province>``, started the way a user left it — on the
"Trình độ cán bộ" tab (remembered in ``giao-dien.ini``) — so the whole register is loaded and painted before
the window closes itself (``DEAN_DESKTOP_QUIT_AFTER_LOAD``: once the store is open and the tab shows its rows).
Goals: ratio ≤ 1.5 at 50,000 cadres, ≤ 2 at 200,000.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import (  # noqa: E402
    PROVINCE_CADRES,
    PYTHON,
    ROOT,
    Result,
    child_env,
    emit,
    interleaved,
    large_db,
    utf8_stdout,
)

BOUND = 1.5  # at 50,000 cadres
PROVINCE_BOUND = 2.0  # at 200,000
REGISTER_TAB = 3  # "Trình độ cán bộ"


def peak_rss_mib(args: list[str], env: dict[str, str]) -> float:
    """Run ``python args…`` and return its peak resident set in MiB."""
    child = subprocess.Popen([PYTHON, *args], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        peak = usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 1024)
    else:  # Windows: psutil, an optional developer tool, samples the peak working set
        import psutil  # type: ignore[import-not-found]

        process = psutil.Process(child.pid)
        peak = 0.0
        while child.poll() is None:
            try:
                peak = max(peak, process.memory_info().peak_wset / 2**20)
            except psutil.Error:
                break
    if child.returncode:
        raise RuntimeError(f"{args} exited {child.returncode}: {child.stderr.read().decode() if child.stderr else ''}")
    return peak


def measure(runs: int = 3) -> list[Result]:
    databases = {50_000: large_db(), PROVINCE_CADRES: large_db(PROVINCE_CADRES)}
    data_dir = Path(tempfile.mkdtemp(prefix="dean-bench-memory-"))
    try:
        (data_dir / "giao-dien.ini").write_text(f"[window]\ntab={REGISTER_TAB}\n", encoding="utf-8")
        app_env = child_env(data_dir, DEAN_DESKTOP_QUIT_AFTER_LOAD="1")
        bare_env = child_env(data_dir)

        def app(cadres: int) -> float:
            return peak_rss_mib(["main.py", "--db", str(databases[cadres])], app_env)

        def bare() -> float:
            return peak_rss_mib([str(HERE / "bare_window.py")], bare_env)

        bare_peaks, *app_peaks = interleaved(runs, bare, *[lambda c=c: app(c) for c in databases], warmup=0)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    return [
        Result.paired(
            f"Bộ nhớ đỉnh: sổ {cadres:,} cán bộ đang mở / cửa sổ trống".replace(",", " "),
            peaks,
            bare_peaks,
            BOUND if cadres <= 50_000 else PROVINCE_BOUND,
            "MiB",
        )
        for cadres, peaks in zip(databases, app_peaks, strict=True)
    ]


def main() -> int:
    utf8_stdout()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS_MEMORY", "3")))
    args = parser.parse_args()
    results = [emit(r) for r in measure(args.runs)]
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
