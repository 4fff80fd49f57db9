"""The cadre register at 50,000 rows, in-process (offscreen): a filter keystroke, a sort by name, scrolling to the end.

Each operation is timed together with the repaint it causes (the event loop run until it has painted) and compared
with the floor: one repaint of the same table view — cells, header, frame and scroll bars — holding the same rows
(``update()`` on each, then the same event loop run), measured just before each operation.
Bound: each ratio ≤ 2.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, Result, emit, large_db, median, private_data_dir, utf8_stdout  # noqa: E402

BOUND = 2.0
QUERY = "hoa"  # typed one key at a time; the first key scans all 50,000 rows


def _setup() -> tuple[object, object, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    private_data_dir("dean-bench-register-")
    sys.path.insert(0, str(ROOT))
    db_path = large_db()
    from PySide6.QtWidgets import QApplication, QMainWindow

    from dean_desktop.store import open_store
    from dean_desktop.ui.signals import AppSignals
    from dean_desktop.ui.tabs.cadres import CadresTab

    app = QApplication.instance() or QApplication([])
    open_store(db_path)
    window = QMainWindow()
    tab = CadresTab(AppSignals(window))
    window.setCentralWidget(tab)
    window.resize(1200, 760)
    window.show()
    app.processEvents()
    return app, window, tab


def measure(runs: int = 7) -> list[Result]:
    app, window, tab = _setup()
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QKeyEvent

    view = tab.cadre_table  # type: ignore[attr-defined]
    model = tab.cadre_model  # type: ignore[attr-defined]
    assert model.rowCount() >= 50_000, model.rowCount()

    def settle() -> None:
        """Run what the operation queued: delayed layouts, then the repaint it asked for."""
        app.processEvents()  # type: ignore[attr-defined]
        app.processEvents()  # type: ignore[attr-defined]

    def timed(action: Callable[[], None]) -> float:
        settle()
        started = time.perf_counter()
        action()
        settle()
        return time.perf_counter() - started

    def repaint_view() -> None:
        # the frame and scroll bars, the cells, the header
        for widget in (view, view.viewport(), view.horizontalHeader().viewport()):
            widget.update()

    def floor() -> float:
        """One repaint of the whole table view as it stands, through the same path (update, then the event loop)."""
        return timed(repaint_view)

    def press(ch: str) -> None:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QCoreApplication.sendEvent(tab.search, event)
        tab.apply_filter()  # what the search delay's timer does when it fires

    def clear_search() -> None:
        tab.search.clear()
        tab.apply_filter()
        settle()

    results: list[Result] = []
    tab.search.setFocus()
    settle()

    # One filter keystroke: each key of the query, from the full register; floor taken between keys.
    keystrokes: list[float] = []
    floors: list[float] = []
    for _ in range(runs):
        clear_search()
        for ch in QUERY:
            floors.append(floor())
            keystrokes.append(timed(lambda ch=ch: press(ch)))
    shown = model.rowCount()
    clear_search()
    results.append(_result("Sổ cán bộ: một phím lọc", keystrokes, floors, runs, {"dòng khớp": shown}))

    # A sort by name (Vietnamese order), from another order each time.
    header = view.horizontalHeader()
    name_col, other_col = model.COL_NAME, model.COL_UNIT
    sorts, floors = [], []
    for _ in range(runs):
        view.sortByColumn(other_col, Qt.SortOrder.AscendingOrder)
        settle()
        floors.append(floor())
        sorts.append(timed(lambda: view.sortByColumn(name_col, Qt.SortOrder.AscendingOrder)))
    assert header.sortIndicatorSection() == name_col
    results.append(_result("Sổ cán bộ: sắp xếp theo tên", sorts, floors, runs))

    # Scrolling to the end, from the top each time.
    scrolls, floors = [], []
    for _ in range(runs):
        view.scrollToTop()
        settle()
        floors.append(floor())
        scrolls.append(timed(view.scrollToBottom))
    results.append(_result("Sổ cán bộ: cuộn đến cuối", scrolls, floors, runs))
    window.close()  # type: ignore[attr-defined]
    return results


def _result(name: str, samples: list[float], floors: list[float], runs: int, detail: dict | None = None) -> Result:
    measured, base = median(samples) * 1000, median(floors) * 1000
    return Result(name, measured / base, BOUND, measured, base, "ms", runs, detail or {})


def main() -> int:
    utf8_stdout()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "7")))
    args = parser.parse_args()
    results = [emit(r) for r in measure(args.runs)]
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
