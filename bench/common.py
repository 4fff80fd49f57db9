"""What every benchmark shares: medians, child processes, and one way to print a ratio against its bound.

Each benchmark prints a human line per measurement and a machine line ``BENCH-RESULT {json}`` that
``run_all.py`` collects into its table. A result is always a ratio to a floor measured in the same run.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "bench"
PYTHON = sys.executable
RESULT_PREFIX = "BENCH-RESULT "
SKIP_PREFIX = "BENCH-SKIP "  # a benchmark that cannot run here (e.g. no PostgreSQL) says why on such a line


@dataclass(frozen=True)
class Result:
    name: str
    ratio: float
    bound: float
    measured: float  # the median of the thing measured
    floor: float  # the median of the floor it is compared with (the ratio: see ``paired``)
    unit: str  # "s", "ms" or "MiB"
    runs: int
    detail: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.ratio <= self.bound

    @classmethod
    def paired(
        cls,
        name: str,
        samples: Sequence[float],
        floors: Sequence[float],
        bound: float,
        unit: str,
        detail: dict[str, float] | None = None,
        scale: float = 1.0,
    ) -> Result:
        """A measurement against its floor, sample *i* and floor *i* taken in the same round (``interleaved``).

        The ratio is the median of the rounds' own ratios: a sample and its floor share that moment's machine speed,
        which drifted by up to 2× within a session on the 2-core machine, so the drift cancels. Over 8 repeated
        start-up runs it centred where the ratio of the medians did (1.09 vs 1.08) with two thirds of its spread.
        The two medians are printed beside it (``scale`` converts them, e.g. 1000 for seconds to ms).
        """
        ratio = median([sample / floor for sample, floor in zip(samples, floors, strict=True)])
        return cls(
            name, ratio, bound, median(samples) * scale, median(floors) * scale, unit, len(samples), detail or {}
        )


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def emit(result: Result) -> Result:
    """Print the ratio, its bound and the raw medians (never a bare time), plus the line run_all collects."""
    mark = "OK" if result.ok else "VƯỢT NGƯỠNG"
    extra = "".join(f", {k} {v:.3g}" for k, v in result.detail.items())
    print(
        f"{result.name}: tỷ lệ {result.ratio:.2f} (ngưỡng ≤ {result.bound:.2f}) {mark} — "
        f"đo {result.measured:.3f} {result.unit}, nền {result.floor:.3f} {result.unit}, "
        f"trung vị {result.runs} lần{extra}",
        flush=True,
    )
    print(RESULT_PREFIX + json.dumps(asdict(result), ensure_ascii=False), flush=True)
    return result


def skip(reason: str) -> None:
    """Say that this benchmark does not run on this machine, and why (run_all prints it instead of a failure)."""
    print(f"{SKIP_PREFIX}{reason}", flush=True)


def utf8_stdout() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")


def child_env(data_dir: Path | None = None, **extra: str) -> dict[str, str]:
    """Environment for a child process: offscreen Qt, a private data folder, the repo importable."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["DEAN_DESKTOP_DATA_DIR"] = str(data_dir or Path(tempfile.mkdtemp(prefix="dean-bench-data-")))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.update(extra)
    return env


def private_data_dir(prefix: str) -> Path:
    """Point this process at a fresh data folder (settings, logs), removed when the process ends."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, True)
    os.environ["DEAN_DESKTOP_DATA_DIR"] = str(folder)
    return folder


def run_child(args: Sequence[str], env: dict[str, str], timeout: float = 120.0) -> tuple[float, str]:
    """Run ``python args…`` to completion; returns its wall time (process start to exit) and its stdout."""
    started = time.perf_counter()
    done = subprocess.run(
        [PYTHON, *args], env=env, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=timeout
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return elapsed, done.stdout


def interleaved(runs: int, *steps: Callable[[], float], warmup: int = 1) -> list[list[float]]:
    """Run the steps alternately ``runs`` times (after ``warmup`` unrecorded rounds) so drift hits all alike.

    The order turns by one step each round (A B C, then B C A, then C A B…): a step always run right after another
    inherits what that one left behind. In bench_startup the app on the 200,000-cadre database always started third,
    after two app processes, and its frame (painted before any database is opened: the same work) measured above the
    50,000 one's, started second, in four of five runs (up to 1.25 against 1.16). Swapped, the one started third was
    the slower one again (1.08 against 1.03, 1.035 against 0.97).
    """
    samples: list[list[float]] = [[] for _ in steps]
    for round_no in range(warmup + runs):
        turn = round_no % len(steps)
        for i in [*range(turn, len(steps)), *range(turn)]:
            value = steps[i]()
            if round_no >= warmup:
                samples[i].append(value)
    return samples


def large_db(cadres: int | None = None, periods: int = 3) -> Path:
    """The province database (written by make_large.py on first use): 50,000 cadres and 3 periods unless asked."""
    sys.path.insert(0, str(BENCH_DIR))
    from make_large import REGISTER_ROWS, ensure_large

    return ensure_large(cadres=cadres or REGISTER_ROWS, periods=periods)


# The scales printed beside the 50,000-cadre figures: a province's register, and a history of 23 periods.
PROVINCE_CADRES = 200_000
MANY_PERIODS = 23
