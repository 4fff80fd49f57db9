"""File dialogs start in the folder last chosen for the same kind of file, remembered across windows and runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dean_desktop.ui import backup_actions, database_dialog, import_flow, printing, recent_folders, window_actions
from dean_desktop.ui.dialogs.export_forms_dialog import ExportFormsDialog


class FakeFileDialogs:
    """Stands in for the dialogs themselves: records where each one starts and answers a chosen path."""

    def __init__(self) -> None:
        self.starts: list[str] = []
        self.answer = ""

    def ask(self, parent: Any, title: str, start: str, *rest: Any) -> str:
        self.starts.append(start)
        return self.answer

    def ask_many(self, parent: Any, title: str, start: str, filters: str) -> list[str]:
        answer = self.ask(parent, title, start)
        return [answer] if answer else []


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeFileDialogs:
    dialogs = FakeFileDialogs()
    monkeypatch.setattr(recent_folders, "_get_open_file_names", dialogs.ask_many)
    for name in ("_get_open_file_name", "_get_save_file_name", "_get_existing_directory"):
        monkeypatch.setattr(recent_folders, name, dialogs.ask)
    monkeypatch.setattr(database_dialog, "_choose", lambda parent, start: dialogs.ask(parent, "", start))
    return dialogs


def test_import_dialog_starts_where_the_last_import_came_from(fake: FakeFileDialogs, tmp_path: Path) -> None:
    returns = tmp_path / "Bao cao 2019"
    returns.mkdir()
    fake.answer = str(returns / "linh-thong.xlsx")
    assert import_flow.ask_open_files(None) == [fake.answer]
    assert fake.starts[0] == str(recent_folders.documents_dir())  # the first time: Documents
    fake.answer = ""
    assert import_flow.ask_open_files(None) == []  # cancelled: nothing forgotten
    assert import_flow.ask_open_files(None) == []
    assert fake.starts[1:] == [str(returns), str(returns)]


def test_each_kind_keeps_its_own_folder(fake: FakeFileDialogs, tmp_path: Path) -> None:
    returns, exports = tmp_path / "nhan", tmp_path / "gui"
    returns.mkdir()
    exports.mkdir()
    fake.answer = str(returns / "a.xlsx")
    import_flow.ask_open_files(None)
    fake.answer = str(exports / "tong-hop.xlsx")
    window_actions.ask_summary_path(None)  # type: ignore[arg-type]
    fake.answer = ""
    printing.ask_pdf_path(None, "bao-cao.pdf")  # type: ignore[arg-type]
    import_flow.ask_open_files(None)
    assert fake.starts[2:] == [str(exports / "bao-cao.pdf"), str(returns)]


def test_backup_and_restore_share_the_backup_folder(fake: FakeFileDialogs, tmp_path: Path) -> None:
    usb = tmp_path / "USB"
    usb.mkdir()
    automatic = tmp_path / "sao-luu"
    automatic.mkdir()
    fake.answer = ""
    backup_actions.ask_restore_file(None, automatic)  # type: ignore[arg-type]
    assert fake.starts == [str(automatic)]  # nothing remembered yet: the automatic backups
    fake.answer = str(usb / "de-an.db")
    backup_actions.ask_backup_file(None, Path("/khong/quan/trong/de-an-sao-luu.db"))  # type: ignore[arg-type]
    assert fake.starts[1] == str(recent_folders.documents_dir() / "de-an-sao-luu.db")
    fake.answer = ""
    backup_actions.ask_restore_file(None, automatic)  # type: ignore[arg-type]
    assert fake.starts[2] == str(usb)


def test_a_folder_deleted_since_falls_back_to_documents(fake: FakeFileDialogs, tmp_path: Path) -> None:
    gone = tmp_path / "o-usb-da-rut"
    gone.mkdir()
    fake.answer = str(gone / "a.xlsx")
    import_flow.ask_open_files(None)
    gone.rmdir()
    fake.answer = ""
    import_flow.ask_open_files(None)
    assert fake.starts[1] == str(recent_folders.documents_dir())


def test_export_forms_dialog_offers_the_folder_used_last_time(
    qtbot: QtBot, store: Path, fake: FakeFileDialogs, tmp_path: Path
) -> None:
    chosen = tmp_path / "Gui xa"
    chosen.mkdir()
    dialog = ExportFormsDialog()
    qtbot.addWidget(dialog)
    fake.answer = str(chosen)
    browse = next(b for b in dialog.findChildren(type(dialog.ok_button)) if b.text() == "Chọn…")
    qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)
    assert dialog.folder_edit.text() == str(chosen)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ExportFormsDialog.DialogCode.Accepted

    again = ExportFormsDialog()
    qtbot.addWidget(again)
    assert again.folder_edit.text() == str(chosen)
    fake.answer = ""
    qtbot.mouseClick(
        next(b for b in again.findChildren(type(again.ok_button)) if b.text() == "Chọn…"), Qt.MouseButton.LeftButton
    )
    assert fake.starts[-1] == str(chosen)


def test_opening_another_database_starts_where_the_last_one_was(
    qtbot: QtBot, store: Path, fake: FakeFileDialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dean_desktop.ui.main_window import MainWindow

    window = MainWindow(store)
    qtbot.addWidget(window)
    opened: list[Path] = []
    monkeypatch.setattr(window, "switch_database", opened.append)  # opening it is tested elsewhere
    office = tmp_path / "May chu" / "Phong To chuc"
    office.mkdir(parents=True)
    fake.answer = str(office / "de-an-2020.db")
    window.open_action.trigger()
    assert opened == [office / "de-an-2020.db"]
    fake.answer = ""
    window.open_action.trigger()
    assert fake.starts == [str(recent_folders.documents_dir()), str(office)]
