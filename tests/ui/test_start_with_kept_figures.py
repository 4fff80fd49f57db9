"""Start-up on the overview: the figures kept in the store are painted before the store is opened — and only while
they are still the store's figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from dean_desktop.models import db
from dean_desktop.services import rotations
from dean_desktop.services.indicator_cache import cached_history, cached_report
from dean_desktop.services.indicators import indicator_report, value_text
from dean_desktop.ui import application
from dean_desktop.ui.application import run_application

pytestmark = [
    pytest.mark.sqlite_only,  # the window peeks into a database file
    pytest.mark.usefixtures("application_run"),
]


def run_and_watch(store: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Start the window on ``store`` as a user does; note what the overview shows when the store is about to be
    opened, and once it is open (then close the window)."""
    seen: dict[str, Any] = {}
    real_open = application.open_store_in

    def cards(window: Any) -> list[str] | None:
        tab = window._built.get("overview")
        return None if tab is None else [card.value.text() for card in tab.cards.values()]

    def open_store_in(window: Any, path: Path) -> None:
        if "before" not in seen:
            tab = window._built.get("overview")
            seen["before"] = cards(window)
            seen["charts_before"] = None if tab is None else [c.chart is not None for c in tab.cards.values()]
        real_open(window, path)
        if "after" not in seen and window.isVisible():
            seen["after"] = cards(window)
            seen["periods_after"] = window.overview.period_combo.count()
            QTimer.singleShot(0, window.close)

    monkeypatch.setattr(application, "open_store_in", open_store_in)
    assert run_application(store, []) == 0
    return seen


def test_the_kept_figures_and_charts_are_painted_before_the_store_opens(
    qapp: QApplication, demo_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = cached_report()  # what the window kept when it last showed the overview
    cached_history()
    expected = [value_text(item) for item in report.indicators]
    db.close()

    seen = run_and_watch(demo_store, monkeypatch)

    assert seen["before"] == expected  # on screen before the database layer opened the store
    assert seen["charts_before"] == [True] * len(expected)
    assert seen["after"] == expected  # then read from the store proper: the same
    assert seen["periods_after"] > 1  # and the periods to choose from are listed once it is open


def test_figures_kept_before_a_change_are_not_shown(
    qapp: QApplication, demo_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached_report(), cached_history()
    stale = [value_text(item) for item in cached_report().indicators]
    # Another program (the command line, another office PC) records a rotation after this window last ran.
    moved = rotations.RotationInput(
        full_name="Hà Văn Quân",
        from_position="Trưởng phòng Nội vụ huyện",
        to_position="Bí thư Đảng ủy xã Kim Sơn",
        decision_no="999-QĐ/HU",
        decision_date=date(2018, 6, 1),
        from_head=True,
        to_unit="Kim Sơn",
    )
    rotations.add_rotation(moved)
    fresh = [value_text(item) for item in indicator_report(None).indicators]
    assert fresh != stale
    db.close()

    seen = run_and_watch(demo_store, monkeypatch)

    assert seen["before"] is None  # nothing painted from the stale figures
    assert seen["after"] == fresh
