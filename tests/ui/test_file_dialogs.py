"""File dialogs start in the folder last chosen for the same kind of file, remembered across windows and runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dean_desktop.ui import backup_actions, file_dialogs, import_flow, printing, window_actions
from dean_desktop.ui.dialogs.export_forms_dialog import ExportFormsDialog


class FakeFileDialog:
    """Stands in for QFileDialog's static functions: records where each dialog starts, answers a chosen path."""

    Option = file_dialogs.QFileDialog.Option

    def __init__(self) -> None:
        self.starts: list[str] = []
        self.answer = ""

    def _ask(self, start: str) -> str:
        self.starts.append(start)
        return self.answer

    def getOpenFileNames(self, parent: Any, title: str, start: str, filters: str) -> tuple[list[str], str]:  # noqa: N802
        answer = self._ask(start)
        return ([answer] if answer else []), ""

    def getOpenFileName(self, parent: Any, title: str, start: str, filters: str) -> tuple[str, str]:  # noqa: N802
        return self._ask(start), ""

    def getSaveFileName(self, parent: Any, title: str, start: str, filters: str, **kwargs: Any) -> tuple[str, str]:  # noqa: N802
        return self._ask(start), ""

    def getExistingDirectory(self, parent: Any, title: str, start: str) -> str:  # noqa: N802
        return self._ask(start)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeFileDialog:
    dialog = FakeFileDialog()
    monkeypatch.setattr(file_dialogs, "QFileDialog", dialog)
    return dialog


def test_import_dialog_starts_where_the_last_import_came_from(fake: FakeFileDialog, tmp_path: Path) -> None:
    returns = tmp_path / "Bao cao 2019"
    returns.mkdir()
    fake.answer = str(returns / "linh-thong.xlsx")
    assert import_flow.ask_open_files(None) == [fake.answer]
    assert fake.starts[0] == str(file_dialogs.documents_dir())  # the first time: Documents
    fake.answer = ""
    assert import_flow.ask_open_files(None) == []  # cancelled: nothing forgotten
    assert import_flow.ask_open_files(None) == []
    assert fake.starts[1:] == [str(returns), str(returns)]


def test_each_kind_keeps_its_own_folder(fake: FakeFileDialog, tmp_path: Path) -> None:
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


def test_backup_and_restore_share_the_backup_folder(fake: FakeFileDialog, tmp_path: Path) -> None:
    usb = tmp_path / "USB"
    usb.mkdir()
    automatic = tmp_path / "sao-luu"
    automatic.mkdir()
    fake.answer = ""
    backup_actions.ask_restore_file(None, automatic)  # type: ignore[arg-type]
    assert fake.starts == [str(automatic)]  # nothing remembered yet: the automatic backups
    fake.answer = str(usb / "de-an.db")
    backup_actions.ask_backup_file(None, Path("/khong/quan/trong/de-an-sao-luu.db"))  # type: ignore[arg-type]
    assert fake.starts[1] == str(file_dialogs.documents_dir() / "de-an-sao-luu.db")
    fake.answer = ""
    backup_actions.ask_restore_file(None, automatic)  # type: ignore[arg-type]
    assert fake.starts[2] == str(usb)


def test_a_folder_deleted_since_falls_back_to_documents(fake: FakeFileDialog, tmp_path: Path) -> None:
    gone = tmp_path / "o-usb-da-rut"
    gone.mkdir()
    fake.answer = str(gone / "a.xlsx")
    import_flow.ask_open_files(None)
    gone.rmdir()
    fake.answer = ""
    import_flow.ask_open_files(None)
    assert fake.starts[1] == str(file_dialogs.documents_dir())


def test_export_forms_dialog_offers_the_folder_used_last_time(
    qtbot: QtBot, store: Path, fake: FakeFileDialog, tmp_path: Path
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
