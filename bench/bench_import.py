"""Import speed: importing one period (24 returns × 300 cadres) vs merely reading the same workbooks with openpyxl.

Both are whole processes, measured alternately in one run (the median of ``--runs`` rounds' ratios):
(a) the floor — a process that opens every workbook with openpyxl in read-only mode and iterates every cell of every
sheet; (b) ``main.py --db <fresh database> import <folder>``: reading, validating, diffing and writing all 24 returns.
(c) the other floor — python-calamine merely reading every cell of the same files.
Goals (issue 15): b/a ≤ 0.5, b/c ≤ 4.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_startup import bytecode_env  # noqa: E402
from common import Result, child_env, emit, interleaved, run_child, utf8_stdout  # noqa: E402
from make_period import make_period  # noqa: E402

BOUND = 0.5  # against openpyxl read-only
CALAMINE_BOUND = 4.0  # against python-calamine merely reading

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

READ_CALAMINE = """
import sys
from pathlib import Path
from python_calamine import CalamineWorkbook
cells = 0
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    wb = CalamineWorkbook.from_path(str(path))
    for name in wb.sheet_names:
        for row in wb.get_sheet_by_name(name).to_python():
            cells += len(row)
print(cells)
"""


def measure(runs: int = 7) -> Result:
    work = Path(tempfile.mkdtemp(prefix="dean-bench-import-"))
    try:
        folder = work / "returns"
        make_period(folder)
        env = bytecode_env(child_env(work / "data"))  # an installed app has its bytecode compiled
        reader = work / "read_all.py"
        reader.write_text(READ_ALL, encoding="utf-8")
        calamine = work / "read_calamine.py"
        calamine.write_text(READ_CALAMINE, encoding="utf-8")
        counter = iter(range(1000))

        def floor() -> float:
            return run_child([str(reader), str(folder)], env)[0]

        def calamine_floor() -> float:
            return run_child([str(calamine), str(folder)], env)[0]

        def import_period() -> float:
            db = work / f"fresh-{next(counter)}.db"
            elapsed, out = run_child(["main.py", "--db", str(db), "import", str(folder)], env)
            if "24 đã nhập" not in out:
                raise RuntimeError(f"the import did not take all 24 returns:\n{out[-2000:]}")
            return elapsed

        floors, imports, calamines = interleaved(runs, floor, import_period, calamine_floor)
        emit(Result.paired("Nhập một kỳ (24 × 300) / openpyxl chỉ đọc", imports, floors, BOUND, "s"))
        name = "Nhập một kỳ (24 × 300) / python-calamine chỉ đọc"
        return emit(Result.paired(name, imports, calamines, CALAMINE_BOUND, "s"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    utf8_stdout()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # The calamine floor, a ~0.25 s process, took 0.19-0.33 s from one round to the next: 11 rounds (~50 s).
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    return 0 if measure(args.runs).ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
