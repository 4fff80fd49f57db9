"""Tệp → Mở cơ sở dữ liệu khác: the button says "Mở", and showing the open database's folder never reads its files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QFileDialog, QListView
from pytestqt.qtbot import QtBot

from dean_desktop.ui.database_dialog import ExtensionIconProvider, database_dialog
from tests.cli.test_cli import run_cli


def test_the_dialog_opens_or_creates_and_says_mo(qtbot: QtBot) -> None:
    dialog = database_dialog(None)
    qtbot.addWidget(dialog)
    assert dialog.labelText(QFileDialog.DialogLabel.Accept) == "Mở"
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave  # a new name makes a new database
    assert dialog.testOption(QFileDialog.Option.DontConfirmOverwrite)  # an existing one is opened, not replaced
    assert dialog.nameFilters() == ["Cơ sở dữ liệu (*.db *.sqlite)"]


@pytest.mark.skipif(sys.platform == "win32", reason="Windows' native dialog; its locks are per handle")
def test_showing_the_open_database_keeps_its_journal(qtbot: QtBot, store: Path, tmp_path: Path) -> None:
    """STACK-FACTS: reading the open database's file from this process drops SQLite's locks; another process's
    exit then deletes the journal the window still uses. The dialog lists the folder without opening any file."""
    from dean_desktop.models import db

    db.execute_sql("CREATE TABLE IF NOT EXISTS probe (x)")
    db.execute_sql("INSERT INTO probe VALUES (1)")  # the journal (-wal) now holds a write
    wal = Path(f"{store}-wal")
    assert wal.exists()
    dialog = database_dialog(None)
    assert isinstance(dialog.iconProvider(), ExtensionIconProvider)
    assert dialog.iconProvider().type(QFileInfo(str(store))) == "Cơ sở dữ liệu"
    qtbot.addWidget(dialog)
    dialog.setDirectory(str(store.parent))
    dialog.show()
    listing = dialog.findChild(QListView, "listView")
    qtbot.waitUntil(lambda: listing.model().rowCount(listing.rootIndex()) > 0)
    names = {
        listing.model().index(r, 0, listing.rootIndex()).data()
        for r in range(listing.model().rowCount(listing.rootIndex()))
    }
    assert store.name in names
    qtbot.wait(300)  # let icons and types be fetched as a user would see them
    other = run_cli("--db", str(store), "indicators", data_dir=tmp_path / "other")
    assert other.returncode == 0, other.stderr
    assert wal.exists()
    assert db.execute_sql("SELECT COUNT(*) FROM probe").fetchone()[0] == 1
