"""Long work off the GUI thread: a job with progress, cancel, a result or a Vietnamese error."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..errors import UserError
from ..store import close_thread_connection

log = logging.getLogger("dean_desktop.ui.workers")

# While a job runs, Python switches threads every 0.5 ms instead of 5 ms. The window's thread needs the interpreter
# lock for each Python call it makes while painting (model data, slots); with 5 ms slices a busy job froze the
# window for hundreds of ms at a time (bench/bench_responsive.py). The job gets ~10 % slower; the window stays live.
JOB_SWITCH_INTERVAL = 0.0005
_switch = {"jobs": 0, "previous": sys.getswitchinterval()}
_switch_lock = threading.Lock()


def _short_slices(start: bool) -> None:
    with _switch_lock:
        if start:
            if _switch["jobs"] == 0:
                _switch["previous"] = sys.getswitchinterval()
                sys.setswitchinterval(min(float(_switch["previous"]), JOB_SWITCH_INTERVAL))
            _switch["jobs"] += 1
        else:
            _switch["jobs"] -= 1
            if _switch["jobs"] == 0:
                sys.setswitchinterval(float(_switch["previous"]))


# A job receives (progress, should_cancel) and returns a result.
ProgressFn = Callable[[int, int, str], None]
JobFn = Callable[[ProgressFn, Callable[[], bool]], Any]


class Job(QThread):
    """Runs ``fn`` in a thread with its own database connection (peewee keeps one per thread)."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: JobFn, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        _short_slices(True)
        try:
            result = self._fn(lambda done, total, text: self.progressed.emit(done, total, text), self._cancel.is_set)
        except UserError as error:  # a domain, period or database problem: its Vietnamese sentence
            self.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - a bug: logged with its traceback, shown without killing the app
            log.exception("background job failed")
            self.failed.emit(f"Lỗi không lường trước: {error}")
        else:
            self.succeeded.emit(result)
        finally:
            _short_slices(False)
            close_thread_connection()


def run_with_progress(
    parent: QWidget | None,
    title: str,
    fn: JobFn,
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
) -> Job:
    """Start ``fn`` in a Job with a cancellable progress dialog; the callbacks run on the GUI thread."""
    dialog = QProgressDialog(title, "Hủy", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = Job(fn, parent)

    def progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        if text:
            dialog.setLabelText(text)

    def finish() -> None:
        dialog.close()
        dialog.deleteLater()

    job.progressed.connect(progress)
    job.succeeded.connect(lambda result: (finish(), on_done(result)))
    job.failed.connect(lambda message: (finish(), on_error(message)))
    job.finished.connect(job.deleteLater)
    dialog.canceled.connect(job.cancel)
    job.dialog = dialog  # type: ignore[attr-defined]  # kept for tests
    job.start()
    return job
