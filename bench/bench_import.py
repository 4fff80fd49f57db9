"""Import speed: importing one period (24 returns × 300 cadres) vs merely reading the same workbooks with openpyxl.

Both are whole processes, measured alternately in one run (median of ``--runs``):
(a) the floor — a process that opens every workbook with openpyxl in read-only mode and iterates every cell of every
sheet; (b) ``main.py --db <fresh database> import <folder>``: reading, validating, diffing and writing all 24 returns.
Bound (issue 3): ratio b/a ≤ 1.0.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Result, child_env, emit, interleaved, median, run_child, utf8_stdout  # noqa: E402
from make_period import make_period  # noqa: E402

BOUND = 1.0

READ_ALL = """
import sys
from pathlib import Path
import openpyxl
cells = 0
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += len(row)
    wb.close()
print(cells)
"""


def measure(runs: int = 3) -> Result:
    work = Path(tempfile.mkdtemp(prefix="dean-bench-import-"))
    try:
        folder = work / "returns"
        make_period(folder)
        env = child_env(work / "data")
        reader = work / "read_all.py"
        reader.write_text(READ_ALL, encoding="utf-8")
        counter = iter(range(1000))

        def floor() -> float:
            return run_child([str(reader), str(folder)], env)[0]

        def import_period() -> float:
            db = work / f"fresh-{next(counter)}.db"
            elapsed, out = run_child(["main.py", "--db", str(db), "import", str(folder)], env)
            if "24 đã nhập" not in out:
                raise RuntimeError(f"the import did not take all 24 returns:\n{out[-2000:]}")
            return elapsed

        floors, imports = interleaved(runs, floor, import_period)
        a, b = median(floors), median(imports)
        return emit(Result("import_period", b / a, BOUND, b, a, "s", runs, {"returns": 24, "cadres_each": 300}))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    utf8_stdout()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    return 0 if measure(args.runs).ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
