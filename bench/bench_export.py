"""Export of the district summary workbook with 50,000 cadres vs openpyxl write-only writing the same cells.

In one process, alternately: (a) the floor — a write-only openpyxl workbook with the same sheets and the same cell
values, appended row by row and saved; (b) ``export_summary(out)`` on the province database: reading the store,
computing every table, styling and saving. The cells of (a) are recorded from an untimed first export, so both
write exactly the same values. Bound: ratio b/a ≤ 1.3.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, Result, emit, interleaved, large_db, private_data_dir, utf8_stdout  # noqa: E402

BOUND = 1.3


def _record_cells(export: Any, out: Path) -> list[tuple[str, list[list[Any]]]]:
    """Run the export once, noting every row appended to every sheet (plain values)."""
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    sheets: dict[str, list[list[Any]]] = {}
    original = WriteOnlyWorksheet.append

    def append(self: Any, row: Any) -> None:
        values = [cell.value if isinstance(cell, Cell) else cell for cell in row]
        sheets.setdefault(self.title, []).append(values)
        original(self, row)

    WriteOnlyWorksheet.append = append  # type: ignore[method-assign]
    try:
        export(out)
    finally:
        WriteOnlyWorksheet.append = original  # type: ignore[method-assign]
    return list(sheets.items())


def _write_plain(cells: list[tuple[str, list[list[Any]]]], out: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for title, rows in cells:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(out)


def measure(runs: int = 3) -> Result:
    private_data_dir("dean-bench-export-data-")
    sys.path.insert(0, str(ROOT))
    db_path = large_db()
    from dean_desktop.services.excel_export.summary import export_summary
    from dean_desktop.store import open_store

    open_store(db_path)
    work = Path(tempfile.mkdtemp(prefix="dean-bench-export-"))
    try:
        cells = _record_cells(export_summary, work / "first.xlsx")
        cell_count = sum(len(row) for _, rows in cells for row in rows)

        def export() -> float:
            started = time.perf_counter()
            export_summary(work / "summary.xlsx")
            return time.perf_counter() - started

        def floor() -> float:
            started = time.perf_counter()
            _write_plain(cells, work / "floor.xlsx")
            return time.perf_counter() - started

        floors, exports = interleaved(runs, floor, export, warmup=0)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    name = "Xuất bảng tổng hợp (50 000 cán bộ) / openpyxl ghi cùng các ô"
    return Result.paired(name, exports, floors, BOUND, "s", {"ô": cell_count})


def main() -> int:
    utf8_stdout()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS_EXPORT", "3")))
    args = parser.parse_args()
    result = emit(measure(args.runs))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
