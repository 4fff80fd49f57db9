"""PostgreSQL against SQLite on the same 50,000-cadre province: the indicators and the cadre register load.

The province database (make_large.py) is copied to a throw-away local PostgreSQL cluster with copy-db, then each
operation runs alternately on both engines in this process; the floor is the same operation on SQLite, so the
ratio says what the server costs (a local server: the network of an office adds its own round trips on top).
Bound: each ratio ≤ 3. Skipped (no result) when PostgreSQL is not installed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, Result, emit, interleaved, large_db, private_data_dir, skip, utf8_stdout  # noqa: E402

BOUND = 3.0


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(runs: int = 5) -> list[Result]:
    private_data_dir("dean-bench-engines-")
    sys.path.insert(0, str(ROOT))
    from tests.pg_cluster import Cluster, available

    if not available():
        skip("PostgreSQL không có trên máy này (không tìm thấy initdb/pg_ctl, DEAN_DESKTOP_PG_URL chưa đặt)")
        return []
    from dean_desktop.models import db
    from dean_desktop.models.transfer import copy_to
    from dean_desktop.services.cadres import list_cadres
    from dean_desktop.services.indicators import indicator_report
    from dean_desktop.store import open_store

    sqlite_path = large_db()
    cluster = Cluster()
    try:
        server = cluster.create_database("bench_province")
        open_store(sqlite_path)
        started = time.perf_counter()
        copy_to(server)
        copy_seconds = time.perf_counter() - started
        targets = {"sqlite": sqlite_path, "postgresql": server}
        operations = {
            "chỉ tiêu (50.000 cán bộ)": lambda: indicator_report(None),
            "nạp sổ cán bộ (50.000 dòng)": list_cadres,
        }
        results = []
        for name, operation in operations.items():

            def on(engine: str, op: Callable[[], object] = operation) -> float:
                db.close()
                open_store(targets[engine])
                return _timed(op)

            floor, measured = interleaved(runs, lambda: on("sqlite"), lambda: on("postgresql"))
            detail = {"copy-db lên máy chủ (s)": round(copy_seconds, 2)}
            results.append(emit(Result.paired(f"PostgreSQL / SQLite: {name}", measured, floor, BOUND, "s", detail)))
        db.close()
        return results
    finally:
        cluster.stop()


def main() -> int:
    utf8_stdout()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")))
    results = measure(parser.parse_args().runs)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
