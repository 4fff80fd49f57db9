"""The report as Word from the In menu, the number and signer asked for and remembered, and the urging letters."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from dean_desktop.services.periods import parse_period
from dean_desktop.services.roster import list_members
from dean_desktop.services.urging import urging_by_unit
from dean_desktop.ui.dialogs.document_dialogs import SigningDialog, UrgingLettersDialog
from dean_desktop.ui.main_window import MainWindow


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_signer_is_remembered_and_not_tied_to_the_roster(qtbot: QtBot, demo_store: Path) -> None:
    first = SigningDialog("Số văn bản và người ký")
    qtbot.addWidget(first)
    first.fields.number_edit.setText("125-BC/BTCHU")
    first.fields.signer_edit.setText("Hà Thị Ký")
    first.fields.title_edit.setText("PHÓ TRƯỞNG BAN")
    first.accept()
    again = SigningDialog("Số văn bản và người ký")
    qtbot.addWidget(again)
    signing = again.signing()
    assert (signing.number, signing.signer, signing.signer_title) == ("125-BC/BTCHU", "Hà Thị Ký", "PHÓ TRƯỞNG BAN")
    assert "Hà Thị Ký" not in {m.full_name for m in list_members()}


def test_save_the_report_as_word_from_the_menu(qtbot: QtBot, demo_store: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "bao-cao"
    infos: list[str] = []

    def sign(dialog: QDialog) -> bool:
        assert isinstance(dialog, SigningDialog)
        dialog.fields.number_edit.setText("125-BC/BTCHU")
        dialog.fields.signer_edit.setText("Hà Thị Ký")
        dialog.accept()
        return True

    monkeypatch.setattr("dean_desktop.ui.widgets.messages.run_dialog", sign)
    monkeypatch.setattr("dean_desktop.ui.window_actions.ask_docx_path", lambda parent, suggested: str(target))
    monkeypatch.setattr("dean_desktop.ui.widgets.messages.show_info", lambda parent, text, title="": infos.append(text))
    window = open_window(qtbot, demo_store)
    window.print_actions["report_docx"].trigger()
    qtbot.waitUntil(lambda: bool(infos), timeout=30000)
    out = target.with_suffix(".docx")
    doc = Document(str(out))
    text = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "Số 125-BC/BTCHU" in text and "Hà Thị Ký" in text and str(out) in infos[0]


def test_urging_letters_from_the_menu(qtbot: QtBot, demo_store: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    infos: list[str] = []

    def choose(window: MainWindow) -> UrgingLettersDialog:
        dialog = UrgingLettersDialog(list_members(), None, window)
        qtbot.addWidget(dialog)
        dialog.period_box.setCurrentText("Năm 2017")
        dialog.folder_edit.setText(str(tmp_path / "cong-van"))
        dialog.fields.signer_edit.setText("Hà Thị Ký")
        dialog.accept()
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialog

    monkeypatch.setattr("dean_desktop.ui.window_actions.ask_urging_letters", choose)
    monkeypatch.setattr("dean_desktop.ui.widgets.messages.show_info", lambda parent, text, title="": infos.append(text))
    window = open_window(qtbot, demo_store)
    window.print_actions["urging_letters"].trigger()
    qtbot.waitUntil(lambda: bool(infos), timeout=60000)
    expected = urging_by_unit(parse_period("Năm 2017"))
    assert len(list((tmp_path / "cong-van").glob("*.docx"))) == len(expected)
    assert f"Đã tạo {len(expected)} công văn đôn đốc kỳ Năm 2017" in infos[0]
    assert expected[0].unit.name in infos[0]


def test_a_wrong_period_is_refused_in_the_letters_dialog(qtbot: QtBot, demo_store: Path) -> None:
    dialog = UrgingLettersDialog(list_members())
    qtbot.addWidget(dialog)
    dialog.period_box.setCurrentText("Năm nào đó")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "không hợp lệ" in dialog.error_label.text()


def test_save_the_roster_as_word(qtbot: QtBot, demo_store: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "ban-chi-dao.docx"
    infos: list[str] = []
    monkeypatch.setattr("dean_desktop.ui.window_actions.ask_docx_path", lambda parent, suggested: str(target))
    monkeypatch.setattr("dean_desktop.ui.widgets.messages.show_info", lambda parent, text, title="": infos.append(text))
    window = open_window(qtbot, demo_store)
    window.print_actions["roster_docx"].trigger()
    qtbot.waitUntil(lambda: bool(infos), timeout=30000)
    doc = Document(str(target))
    names = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    assert all(m.full_name in names for m in list_members())
