"""Opening another database from the window warns when it sits on a network share, as start-up does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dean_desktop.services import storage_checks
from dean_desktop.ui import single_instance
from dean_desktop.ui.main_window import MainWindow
from dean_desktop.ui.single_instance import hold_database
from dean_desktop.ui.widgets import messages


@pytest.fixture(autouse=True)
def no_locks_left() -> Iterator[None]:
    yield
    single_instance.release_all()


def test_opening_a_database_on_a_share_warns_and_a_local_one_does_not(
    qtbot: QtBot, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "o-mang" / "de_an_chung.db"  # stands for \\server\share\de_an_chung.db
    monkeypatch.setattr(storage_checks, "is_network_path", lambda path: Path(path) == shared)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title="": shown.append((text, title)))
    hold_database(store)
    window = MainWindow(store)
    qtbot.addWidget(window)

    window.switch_database(tmp_path / "may-nay" / "de_an_2017.db")
    assert shown == []

    window.switch_database(shared)
    assert window.db_path == shared  # opened, with a warning, not refused
    assert len(shown) == 1
    text, title = shown[0]
    assert title == "Cơ sở dữ liệu trên mạng"
    assert str(shared) in text and "không được phép dùng chung qua mạng" in text
