"""An office cell edited on a row a colleague changed since it was shown: refused with who and when, then reloaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dean_desktop.services import offices
from dean_desktop.ui.signals import AppSignals
from dean_desktop.ui.tabs.offices import FIELDS, OfficesTab
from dean_desktop.ui.widgets import messages


def test_a_stale_office_edit_is_refused_and_the_row_reloaded(
    qtbot: QtBot, demo_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title="": shown.append(text))
    tab = OfficesTab(AppSignals())
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    row = next(i for i in range(tab.model.rowCount()) if tab.model.row_at(i).return_id is not None)
    stale = tab.model.row_at(row)
    offices.update_office(stale.return_id, "computers", 42)  # a colleague, on another PC, a moment ago

    column = FIELDS.index("printers")
    assert not tab.model.setData(tab.model.index(row, column), "5")
    assert shown and "đã được" in shown[0] and "sửa lúc" in shown[0] and "đã tải lại" in shown[0]
    qtbot.waitUntil(lambda: tab.model.row_at(row).computers == 42)
    assert offices.list_offices()[row].printers == stale.printers  # the stale edit wrote nothing
