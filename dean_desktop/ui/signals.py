"""App-level signals: what changed in the store, so each view refreshes only what it shows."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppSignals(QObject):
    roster_changed = Signal()
    returns_changed = Signal()  # returns imported or replaced: offices, cadres, e-documents, history
    offices_changed = Signal()  # an office row corrected by hand
    rotations_changed = Signal()
    tasks_changed = Signal()
    units_changed = Signal()
    database_switched = Signal()  # another database file was opened: everything reloads
