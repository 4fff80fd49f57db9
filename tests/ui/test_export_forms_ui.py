"""Exporting blank forms from the window: the dialog, the unit picker and the background job."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dean_desktop.ui.dialogs.export_forms_dialog import ExportFormsDialog
from dean_desktop.ui.main_window import MainWindow
from tests.ui.helpers import type_text


def test_export_chosen_units_from_the_menu(qtbot: QtBot, store: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "bieu-mau"
    infos: list[str] = []

    def fill(dialog: ExportFormsDialog) -> bool:
        dialog.period_box.lineEdit().selectAll()
        type_text(dialog.period_box.lineEdit(), "6 tháng đầu năm 2019")
        qtbot.mouseClick(dialog.none_button, Qt.MouseButton.LeftButton)
        for i in range(dialog.unit_list.count()):
            if dialog.unit_list.item(i).text() in ("Xã Linh Thông", "Huyện đoàn"):
                dialog.unit_list.item(i).setCheckState(Qt.CheckState.Checked)
        dialog.folder_edit.setText(str(out))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result() == ExportFormsDialog.DialogCode.Accepted

    monkeypatch.setattr("dean_desktop.ui.widgets.messages.run_dialog", fill)
    monkeypatch.setattr("dean_desktop.ui.widgets.messages.show_info", lambda parent, text, title="": infos.append(text))
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.export_forms_action.trigger()
    qtbot.waitUntil(lambda: bool(infos), timeout=15000)
    assert "Đã tạo 2 biểu mẫu kỳ 6 tháng đầu năm 2019" in infos[0]
    assert sorted(p.name for p in out.iterdir()) == [
        "Bao-cao_2019-H1_05539_Linh-Thong.xlsx",
        "Bao-cao_2019-H1_H22_Huyen-doan.xlsx",
    ]


@pytest.mark.parametrize(("text", "has_kim_son"), [("Năm 2019", True), ("Năm 2020", False)])
def test_unit_list_follows_the_period(qtbot: QtBot, store: Path, text: str, has_kim_son: bool) -> None:
    dialog = ExportFormsDialog()
    qtbot.addWidget(dialog)
    dialog.period_box.setCurrentText(text)
    names = [dialog.unit_list.item(i).text() for i in range(dialog.unit_list.count())]
    assert ("Xã Kim Sơn" in names) is has_kim_son
    assert len(names) == (49 if has_kim_son else 48)


def test_bad_period_keeps_the_dialog_open(qtbot: QtBot, store: Path) -> None:
    dialog = ExportFormsDialog()
    qtbot.addWidget(dialog)
    dialog.period_box.setCurrentText("Quý V/2019")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != ExportFormsDialog.DialogCode.Accepted
    assert "không hợp lệ" in dialog.error_label.text()


def test_default_period_is_the_projects_last_year_without_returns(qtbot: QtBot, store: Path) -> None:
    dialog = ExportFormsDialog()
    qtbot.addWidget(dialog)
    assert dialog.period_box.currentText() == "Năm 2020"


def test_default_period_is_the_latest_period_with_returns(qtbot: QtBot, store: Path) -> None:
    from tests.factories import commune_return

    commune_return("Linh Thông", "6 tháng đầu năm 2018", True)
    commune_return("Bảo Linh", "Năm 2017", False)
    dialog = ExportFormsDialog()
    qtbot.addWidget(dialog)
    assert dialog.period_box.currentText() == "6 tháng đầu năm 2018"
    offered = [dialog.period_box.itemText(i) for i in range(dialog.period_box.count())]
    assert offered.index("Năm 2017") < offered.index("Năm 2016")  # reported periods come before the rest


def test_folder_label_is_a_mnemonic_not_a_literal_ampersand(qtbot: QtBot, store: Path) -> None:
    from PySide6.QtWidgets import QLabel

    dialog = ExportFormsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for label in dialog.findChildren(QLabel):
        if "&" in label.text().replace("&&", ""):
            assert label.buddy() is not None, f"{label.text()!r} would show its & literally"
    [folder_label] = [label for label in dialog.findChildren(QLabel) if label.text() == "&Thư mục lưu:"]
    assert folder_label.buddy() is dialog.folder_edit
