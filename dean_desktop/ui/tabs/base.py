"""A tab that loads its data the first time it is shown and reloads only when something it shows changed."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from ..signals import AppSignals


class LazyTab(QWidget):
    """Subclasses implement ``reload()``; call ``mark_dirty`` from the app signals they care about."""

    title = ""

    def __init__(self, signals: AppSignals, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signals = signals
        self._dirty = True
        signals.database_switched.connect(self.mark_dirty)

    def mark_dirty(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.ensure_loaded()

    def ensure_loaded(self) -> None:
        if self._dirty:
            self._dirty = False
            self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_loaded()
