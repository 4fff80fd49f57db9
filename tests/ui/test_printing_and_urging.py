"""Printing from the window (preview, PDF), the summary workbook from the menu, and the urging lists."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from pytestqt.qtbot import QtBot

from dean_desktop.services.formatting import format_percent
from dean_desktop.services.indicators import indicator_report
from dean_desktop.services.report_content import Signing
from dean_desktop.services.urging import urging_lists
from dean_desktop.ui.main_window import MainWindow


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_save_the_report_as_pdf_for_the_chosen_period(
    qtbot: QtBot, demo_store: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "bao-cao.pdf"
    infos: list[str] = []
    monkeypatch.setattr("dean_desktop.ui.printing.ask_pdf_path", lambda parent, suggested: str(target))
    monkeypatch.setattr("dean_desktop.ui.widgets.messages.show_info", lambda parent, text, title="": infos.append(text))
    monkeypatch.setattr("dean_desktop.ui.window_actions.ask_signing", lambda parent: Signing("7-BC/BTCHU", "Lò Văn Ký"))
    window = open_window(qtbot, demo_store)
    window.overview.period_combo.setCurrentIndex(window.overview.period_combo.findText("Năm 2017"))
    window.print_actions["report_pdf"].trigger()
    qtbot.waitUntil(lambda: bool(infos), timeout=30000)
    text = pdf_text(target)
    assert "Số 7-BC/BTCHU" in text and "Lò Văn Ký" in text
    assert "HUYỆN ỦY ĐỊNH HÓA" in text and "BÁO CÁO" in text
    postgrad = next(i for i in indicator_report("2017").indicators if i.code == "cadre.postgrad_district")
    assert format_percent(postgrad.value) in text


def test_print_preview_paints_the_roster(qtbot: QtBot, demo_store: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[QPrintPreviewDialog] = []
    monkeypatch.setattr("dean_desktop.ui.widgets.messages.run_dialog", lambda dialog: shown.append(dialog) or False)
    window = open_window(qtbot, demo_store)
    window.print_actions["roster_preview"].trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    dialog = shown[0]
    assert isinstance(dialog, QPrintPreviewDialog)
    printer = QPrinter()
    out = tmp_path / "xem-truoc.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    dialog.paintRequested.emit(printer)  # what the preview does to draw its pages
    del printer
    text = pdf_text(out)
    assert "DANH SÁCH" in text and "Ban Chỉ đạo và phân công nhiệm vụ" in text
    assert "Trưởng ban" in text


def test_export_summary_from_the_menu(qtbot: QtBot, demo_store: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "tong-hop"
    infos: list[str] = []
    monkeypatch.setattr("dean_desktop.ui.window_actions.ask_summary_path", lambda parent: str(target))
    monkeypatch.setattr("dean_desktop.ui.widgets.messages.show_info", lambda parent, text, title="": infos.append(text))
    window = open_window(qtbot, demo_store)
    window.export_summary_action.trigger()
    qtbot.waitUntil(lambda: bool(infos), timeout=30000)
    book = load_workbook(tmp_path / "tong-hop.xlsx")
    assert "Chỉ tiêu" in book.sheetnames and "Một cửa" in book.sheetnames


def test_urging_list_of_the_selected_member(qtbot: QtBot, demo_store: Path) -> None:
    window = open_window(qtbot, demo_store)
    window.tabs.setCurrentIndex(1)
    tab = window.roster
    row = next(i for i in range(tab.model.rowCount()) if urging_lists(member_id=tab.model.row_at(i).id)[0].items)
    member = tab.model.row_at(row)
    tab.table.selectRow(row)
    panel = tab.panel.urging
    expected = [item.text for item in urging_lists(panel.period(), member_id=member.id)[0].items]
    shown = [
        panel.tree.topLevelItem(i).child(j).text(0)
        for i in range(panel.tree.topLevelItemCount())
        for j in range(panel.tree.topLevelItem(i).childCount())
    ]
    assert shown == expected and shown
    assert panel.summary.text().startswith(f"{len(expected)} việc cần đôn đốc")
    qtbot.mouseClick(panel.print_member, Qt.MouseButton.NoButton)  # enabled for a selected member
    assert panel.print_member.isEnabled()
