"""Start-up milestones, each recorded when it is painted (for bench/bench_startup.py and bench/bench_memory.py).

With ``DEAN_DESKTOP_STARTUP_TRACE=FILE`` set, the app appends one JSON line per milestone to FILE:
``{"milestone": "frame" | "figures" | "charts" | "register", "t": <time.time() when that paint was done>}``.
A milestone is taken from the paint event of the widget that shows it, never from ``show()``: a window that quits
in the event-loop turn after ``show()`` is never painted. The time is read in a zero timer posted from that paint
event, so it falls after the whole window's paint and flush (the floor, bench/bare_window.py, does the same).

``DEAN_DESKTOP_QUIT_AFTER_SHOW=1`` closes the window once the frame is painted; ``DEAN_DESKTOP_QUIT_AFTER_LOAD=1``
once the first tab has painted its data (the overview: its charts; the register: its rows).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

TRACE_ENV = "DEAN_DESKTOP_STARTUP_TRACE"
QUIT_AFTER_SHOW_ENV = "DEAN_DESKTOP_QUIT_AFTER_SHOW"
QUIT_AFTER_LOAD_ENV = "DEAN_DESKTOP_QUIT_AFTER_LOAD"

FRAME, FIGURES, CHARTS, REGISTER = "frame", "figures", "charts", "register"
# The milestone after which a tab counts as loaded (DEAN_DESKTOP_QUIT_AFTER_LOAD); other tabs: when built.
LOADED = {CHARTS, REGISTER}

_recorded: set[str] = set()


def record(milestone: str) -> None:
    """Note that ``milestone`` is now on screen (written once per process, when a trace file is set); closes the
    windows when the benchmark asked to quit at this milestone."""
    if milestone not in _recorded:
        _recorded.add(milestone)
        path = os.environ.get(TRACE_ENV)
        if path:
            with open(path, "a", encoding="utf-8") as out:
                out.write(json.dumps({"milestone": milestone, "t": time.time()}) + "\n")
    if (milestone == FRAME and os.environ.get(QUIT_AFTER_SHOW_ENV)) or (
        milestone in LOADED and os.environ.get(QUIT_AFTER_LOAD_ENV)
    ):
        QTimer.singleShot(0, QApplication.closeAllWindows)


def recorded(milestone: str) -> bool:
    return milestone in _recorded


_WATCHES: set[QObject] = set()


class _PaintWatch(QObject):
    """After the first paint of ``widget`` at which ``ready()`` holds: records the milestone, runs ``then``."""

    def __init__(
        self, widget: QObject, milestone: str, ready: Callable[[], bool], then: Callable[[], None] | None
    ) -> None:
        # Not a child of the widget: an event filter deleted with (and while) the widget it watches crashed PySide's
        # garbage collection later. Kept alive here until it fires or the widget goes.
        super().__init__()
        self.milestone, self.ready, self.then = milestone, ready, then
        _WATCHES.add(self)
        widget.destroyed.connect(self._forget)
        widget.installEventFilter(self)

    def _forget(self, *_args: object) -> None:
        _WATCHES.discard(self)
        self.then = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.ready():
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)  # after this paint and its flush
        return False

    def _painted(self) -> None:
        if self not in _WATCHES:
            return  # its widget was deleted before the timer fired
        _WATCHES.discard(self)
        if self.milestone:
            record(self.milestone)
        if self.then is not None:
            self.then()


def record_on_paint(
    widget: QObject, milestone: str, ready: Callable[[], bool] = lambda: True, then: Callable[[], None] | None = None
) -> None:
    """Record ``milestone`` (if any) and run ``then`` after the first paint of ``widget`` at which ``ready()`` holds."""
    _PaintWatch(widget, milestone, ready, then)
