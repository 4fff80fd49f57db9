"""Start-up: process start → main window shown, on the 50,000-cadre database, vs a bare window with six table tabs.

Both are whole processes (interpreter start to exit) and quit through the same hook right after ``show()``:
the app via ``DEAN_DESKTOP_QUIT_AFTER_SHOW=1``, the floor is ``bench/bare_window.py``. The app shows its frame,
tab titles and menus first and opens the store and fills the first tab in the next turn of the event loop, so
the ratio is "window up vs an empty window". The time until the overview shows its figures
(``DEAN_DESKTOP_QUIT_AFTER_LOAD=1``) is reported beside it, as a ratio to the same floor, without a bound.
Bytecode is cached (as in an installed app) in a temporary folder, not the repo.
Bound: ratio ≤ 1.3.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Result, child_env, emit, interleaved, large_db, median, run_child, utf8_stdout  # noqa: E402

BOUND = 1.3


def bytecode_env(env: dict[str, str]) -> dict[str, str]:
    """Let the child cache bytecode (an installed app has .pyc files) without writing into the repository."""
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "dean-desktop-bench" / "pycache")
    return env


def measure(runs: int = 7) -> Result:
    db_path = large_db()
    data_dir = Path(tempfile.mkdtemp(prefix="dean-bench-startup-"))
    try:
        app_env = bytecode_env(child_env(data_dir, DEAN_DESKTOP_QUIT_AFTER_SHOW="1"))
        bare_env = bytecode_env(child_env(data_dir))

        load_env = bytecode_env(child_env(data_dir, DEAN_DESKTOP_QUIT_AFTER_LOAD="1"))

        def app() -> float:
            return run_child(["main.py", "--db", str(db_path)], app_env)[0]

        def loaded() -> float:
            return run_child(["main.py", "--db", str(db_path)], load_env)[0]

        def bare() -> float:
            return run_child([str(Path(__file__).with_name("bare_window.py"))], bare_env)[0]

        app_times, bare_times = interleaved(runs, app, bare, warmup=2)
        load_times = [loaded() for _ in range(max(3, runs // 2))]
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    measured, floor = median(app_times), median(bare_times)
    return Result(
        name="Khởi động (50 000 cán bộ) / cửa sổ trống 6 bảng",
        ratio=measured / floor,
        bound=BOUND,
        measured=measured,
        floor=floor,
        unit="s",
        runs=runs,
        detail={
            "with_data_s": round(median(load_times), 3),
            "with_data_ratio": round(median(load_times) / floor, 2),
        },
    )


def main() -> int:
    utf8_stdout()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "7")))
    args = parser.parse_args()
    result = emit(measure(args.runs))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
