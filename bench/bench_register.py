"""The cadre register at 50,000 rows (and 200,000 beside it), in-process (offscreen): opening it, a filter keystroke,
the first sort of each column, a sort by name, scrolling to the end.

Each operation is timed together with the repaint it causes (the event loop run until it has painted) and compared
with the floor: one repaint of the same table view — cells, header, frame and scroll bars — holding the same rows
(``update()`` on each, then the same event loop run), measured just before each operation.
Opening is the longest pause of the window's thread (a 5 ms timer ticking) from building the tab until its rows are
painted, against 100 ms.
Goals: keystroke and first sort ≤ 1.5 at 50,000 rows (≤ 2 at 200,000); the others ≤ 2; opening ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PROVINCE_CADRES, ROOT, Result, emit, large_db, private_data_dir, utf8_stdout  # noqa: E402

BOUND = 2.0
FAST_BOUND = 1.5  # keystroke and first sort at 50,000 rows
OPEN_PAUSE_MS = 100.0
QUERY = "hoa"  # typed one key at a time from the whole register


def _setup(cadres: int) -> tuple[object, object, object, float]:
    """The register tab on the province database, shown and loaded; returns the longest pause while it opened."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    db_path = large_db(cadres)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    from dean_desktop.store import open_store
    from dean_desktop.ui.signals import AppSignals
    from dean_desktop.ui.tabs.cadres import CadresTab

    app = QApplication.instance() or QApplication([])
    open_store(db_path)
    # The app paints its window before it builds any tab (ui.application, MainWindow(deferred=True)): the register
    # opens in a window already on screen, so Qt's first show and paint of a window are not part of its pause.
    window = QMainWindow()
    window.resize(1200, 760)
    window.show()
    for _ in range(5):
        app.processEvents()
    ticks: list[float] = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    tab = CadresTab(AppSignals(window))
    window.setCentralWidget(tab)
    deadline = time.perf_counter() + 120
    while tab.cadre_model.total() < cadres and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    for _ in range(5):
        app.processEvents()
    ticks.append(time.perf_counter())
    timer.stop()
    pause = max(b - a for a, b in zip(ticks, ticks[1:], strict=False))
    return app, window, tab, pause * 1000


def measure(runs: int = 7, cadres: int = 50_000) -> list[Result]:
    app, window, tab, open_pause = _setup(cadres)
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QKeyEvent

    view = tab.cadre_table  # type: ignore[attr-defined]
    model = tab.cadre_model  # type: ignore[attr-defined]
    assert model.rowCount() >= cadres, model.rowCount()
    fast = FAST_BOUND if cadres <= 50_000 else BOUND
    scale = f" ({cadres // 1000}k)" if cadres != 50_000 else ""

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

    results: list[Result] = [
        Result(
            f"Sổ cán bộ{scale}: mở (khoảng dừng dài nhất)",
            open_pause / OPEN_PAUSE_MS,
            1.0,
            open_pause,
            OPEN_PAUSE_MS,
            "ms",
            1,
        )
    ]
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
    results.append(_result(f"Sổ cán bộ{scale}: một phím lọc", keystrokes, floors, {"dòng khớp": shown}, fast))

    # The first sort of each other column (each column's order is made the first time; then it is kept).
    firsts, floors = [], []
    for column in range(model.columnCount()):
        if column == model.COL_NAME:
            continue
        floors.append(floor())
        firsts.append(timed(lambda column=column: view.sortByColumn(column, Qt.SortOrder.AscendingOrder)))
    results.append(_result(f"Sổ cán bộ{scale}: lần sắp xếp đầu mỗi cột", firsts, floors, None, fast))

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
    results.append(_result(f"Sổ cán bộ{scale}: sắp xếp theo tên", sorts, floors))

    # Scrolling to the end, from the top each time.
    scrolls, floors = [], []
    for _ in range(runs):
        view.scrollToTop()
        settle()
        floors.append(floor())
        scrolls.append(timed(view.scrollToBottom))
    results.append(_result(f"Sổ cán bộ{scale}: cuộn đến cuối", scrolls, floors))
    window.close()  # type: ignore[attr-defined]
    return results


def _result(
    name: str, samples: list[float], floors: list[float], detail: dict | None = None, bound: float = BOUND
) -> Result:
    return Result.paired(name, samples, floors, bound, "ms", detail, scale=1000)


def main() -> int:
    utf8_stdout()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "7")))
    parser.add_argument("--cadres", type=int, help="only this register size (default: 50,000, then 200,000)")
    args = parser.parse_args()
    private_data_dir("dean-bench-register-")
    sizes = [args.cadres] if args.cadres else [50_000, PROVINCE_CADRES]
    results = [emit(r) for size in sizes for r in measure(args.runs, size)]
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
