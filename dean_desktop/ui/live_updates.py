"""One place that turns "what changed in the store" into the app's signals, and a timer that watches the store.

Services and the change feed speak in aggregates ("returns", "tasks"…); ``emit_changes`` maps them to AppSignals, so
call sites do not guess which views to refresh. ``StoreWatcher`` polls the feed about once a second: another window,
the command line or another PC writing to the same store shows here within about two seconds.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer

from ..services import changes
from .signals import AppSignals

log = logging.getLogger("dean_desktop.ui.live_updates")
POLL_MS = 1000


def emit_changes(signals: AppSignals, aggregates: Iterable[str]) -> None:
    """Emit the signal of each changed aggregate once; a change of everything reloads everything."""
    found = set(aggregates)
    if changes.DATABASE in found:
        signals.database_switched.emit()
        return
    mapping = {
        changes.RETURNS: signals.returns_changed,
        changes.OFFICES: signals.offices_changed,
        changes.TASKS: signals.tasks_changed,
        changes.ROTATIONS: signals.rotations_changed,
        changes.ROSTER: signals.roster_changed,
        changes.UNITS: signals.units_changed,
        changes.TARGETS: signals.units_changed,  # the overview and registers that show targets listen to it
    }
    for aggregate in sorted(found):
        signal = mapping.get(aggregate)
        if signal is not None:
            signal.emit()


class StoreWatcher(QObject):
    """Watches the open store for others' writes and emits the matching signals (GUI thread)."""

    def __init__(self, signals: AppSignals, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.signals = signals
        self._feed: changes.ChangeFeed | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        """(Re)start on the store now open (after a start or a switch to another database)."""
        self.stop()
        self._feed = changes.ChangeFeed()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._feed is not None:
            self._feed.close()
            self._feed = None

    def check(self) -> None:
        if self._feed is None:
            return
        try:
            found = self._feed.poll()
        except Exception:  # noqa: BLE001 - a store briefly unreachable (server restart): try again next time
            log.warning("could not check the store for changes", exc_info=True)
            return
        if found:
            emit_changes(self.signals, found)
