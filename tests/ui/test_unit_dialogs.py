"""Dữ liệu → Đơn vị…: a unit added and set to merge into another with a last day in one form, seen in the unit list;
a unit renamed and given another kind; a merger without a last day refused, nothing stored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from dean_desktop.services.units import list_units
from dean_desktop.ui.dialogs.unit_dialogs import UnitDialog, UnitsDialog

from .helpers import type_text
from .test_target_dialogs import answer_dialogs, choose, click, menu_action, open_window, replace_text


def by_code(code: str):  # type: ignore[no-untyped-def]
    return next(u for u in list_units() if u.code == code)


def test_a_unit_added_with_a_future_merger_in_one_form(
    qtbot: QtBot, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def form(dialog: QDialog) -> None:
        assert isinstance(dialog, UnitDialog)
        type_text(dialog.code_edit, "05999")
        type_text(dialog.name_edit, "Phú Xuyên")
        choose(dialog.kind_combo, "Xã")
        click(qtbot, dialog.has_to)
        dialog.to_edit.setDate(QDate(2030, 6, 30))
        choose(dialog.merged_combo, "Tân Thịnh")

    def units(dialog: QDialog) -> None:
        assert isinstance(dialog, UnitsDialog)
        click(qtbot, dialog.add_button)
        item = dialog.tree.currentItem()
        assert [item.text(c) for c in range(6)] == ["05999", "Phú Xuyên", "Xã", "", "30/06/2030", "Tân Thịnh"]

    window = open_window(qtbot, store)
    emitted: list[bool] = []
    window.signals.units_changed.connect(lambda: emitted.append(True))
    answer_dialogs(qtbot, monkeypatch, UnitsDialog=units, UnitDialog=form)
    menu_action(window, "Đơn vị…").trigger()
    unit = by_code("05999")
    host = by_code("05548")
    assert (unit.name, unit.kind, unit.valid_to, unit.merged_into, unit.merged_into_id) == (
        "Phú Xuyên",
        "xa",
        date(2030, 6, 30),
        "Tân Thịnh",
        host.id,
    )
    assert unit.valid_on(date(2030, 6, 30)) and not unit.valid_on(date(2030, 7, 1))
    assert emitted  # the offices, cadres and roster tabs refresh


def test_a_unit_renamed_and_given_another_kind(qtbot: QtBot, store: Path) -> None:
    unit = by_code("H08")
    dialog = UnitDialog(list_units(), unit)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.merged_combo.currentText() == "— không —" and not dialog.has_to.isChecked()
    replace_text(dialog.name_edit, "Phòng Nội vụ huyện")
    choose(dialog.kind_combo, "Thị trấn")
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (by_code("H08").name, by_code("H08").kind) == ("Phòng Nội vụ huyện", "thi_tran")


def test_a_merger_without_a_last_day_is_refused_and_nothing_is_stored(qtbot: QtBot, store: Path) -> None:
    before = list_units()
    dialog = UnitsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    item = dialog.item_of(by_code("05563").id)
    assert item is not None
    dialog.tree.scrollToItem(item)
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=dialog.tree.visualItemRect(item).center())
    form = UnitDialog(dialog.rows, dialog.selected(), dialog)
    qtbot.addWidget(form)
    form.show()
    choose(form.merged_combo, "Kim Phượng")
    click(qtbot, form.ok_button)
    assert form.isVisible() and form.error_label.text().startswith("Đơn vị đã sáp nhập cần có ngày hết hiệu lực")
    assert list_units() == before and not dialog.changed


def test_the_kim_son_merger_is_shown_greyed_with_its_host(qtbot: QtBot, store: Path) -> None:
    dialog = UnitsDialog()
    qtbot.addWidget(dialog)
    item = dialog.item_of(by_code("05557").id)
    assert item is not None and item.text(4) == "31/12/2019" and item.text(5) == "Kim Phượng"
    assert item.foreground(1).color().name() == "#8a8a8a"
