"""Driving widgets as a person would, including Vietnamese typing (qtbot.keyClicks aborts on non-ASCII)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QWidget)


def show(qtbot: QtBot, widget: W) -> W:
    """Show a tab or panel at a usual window size and wait until it is on screen."""
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def show_overview(qtbot: QtBot, tab: W) -> W:
    """Show the overview and wait for what it fills after its figures are painted: the completeness table and the
    list of communes that did not report."""
    show(qtbot, tab)
    qtbot.waitUntil(lambda: tab.completeness.result is not None and tab.missing_list.count() > 0, timeout=5000)
    return tab


def type_text(widget: QWidget, text: str) -> None:
    """Type text the way a Vietnamese input method commits it: one QInputMethodEvent with the whole string."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def type_keys(widget: QWidget, text: str) -> None:
    """Type character by character with key events carrying the text (works for any Unicode character)."""
    widget.setFocus()
    for ch in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
