"""Every top-level window fits the screen it opens on (1366×768 with a taskbar, 1920×1080 at 150 %: ≈1280×690).

``fit_to_screen`` gives a window its preferred size or less, shrinks a minimum size that the screen cannot hold,
and moves the window back inside the screen's available area (the part the taskbar leaves). The main window calls it
(also after restoring a saved geometry), dialogs with a preferred size call it, and ``messages.run_dialog``, through
which every modal dialog is shown, calls it before showing. (An application-wide event filter would catch every
window too, at the price of a Python call on every event the application handles.)
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# Title bar and borders of a window not shown yet (Windows 10/11 at 100 %: ≈31 px title, ≈8 px resize borders).
ASSUMED_FRAME = QMargins(8, 32, 8, 8)


def _screen_of(window: QWidget) -> QScreen | None:
    parent = window.parentWidget()
    anchor = parent.window() if parent is not None and parent.isVisible() else window
    return anchor.screen() or QGuiApplication.primaryScreen()


def _frame_margins(window: QWidget) -> QMargins:
    handle = window.windowHandle()
    if window.isVisible() and handle is not None:
        margins = handle.frameMargins()
        if margins.top() or margins.left():
            return margins
    return ASSUMED_FRAME


def available_area(window: QWidget) -> QRect:
    """The screen area the window may use, in logical pixels (what is left beside the taskbar)."""
    screen = _screen_of(window)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 688)


def fit_to_screen(window: QWidget, preferred: QSize | None = None, *, placed: bool = False) -> None:
    """Size ``window`` to ``preferred`` (or its current size) but no larger than its screen, and keep it on screen.

    The window is moved back inside the screen when it is visible or ``placed`` (its position restored); a dialog
    not yet shown keeps Qt's placement over its parent. A maximised or full-screen window is left alone.
    Uses no ``Qt.*`` enum: the first one touched builds all of the namespace's (~0.3 s), and the main window calls
    this before it is first shown.
    """
    if window.isMaximized() or window.isFullScreen():
        return
    area = available_area(window)
    margins = _frame_margins(window)
    room = QSize(
        max(200, area.width() - margins.left() - margins.right()),
        max(150, area.height() - margins.top() - margins.bottom()),
    )
    minimum = window.minimumSize()
    if minimum.width() > room.width() or minimum.height() > room.height():
        window.setMinimumSize(minimum.boundedTo(room))
    wanted = (preferred or window.size()).boundedTo(room)
    if wanted != window.size():
        window.resize(wanted)
    if window.isVisible() or placed:
        _keep_inside(window, area, margins)


def _keep_inside(window: QWidget, area: QRect, margins: QMargins) -> None:
    frame = window.geometry().marginsAdded(margins)
    x = min(max(frame.left(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.top(), area.top()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.left(), frame.top()):
        window.move(x, y)  # move() places the frame's top-left corner
