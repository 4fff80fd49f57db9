"""Dữ liệu → Chỉ tiêu… driven with real clicks and typing: a target added with its value shown before saving, a
built-in threshold changed, a target retired after a confirmation and brought back, invalid input refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from dean_desktop.models import AuditEntry, Target
from dean_desktop.services.indicators import indicator_report
from dean_desktop.services.target_rules import CADRE_SHARE, COMMUNE_SHARE, EDOC_SHARE, METHODS, ROTATION_COUNT
from dean_desktop.services.targets import TargetInput, list_targets, preview_target
from dean_desktop.ui.dialogs.target_dialogs import TargetDialog, TargetsDialog, preview_text
from dean_desktop.ui.main_window import MainWindow
from dean_desktop.ui.widgets import messages

from .helpers import type_text

NEW_TARGET = TargetInput(
    code="cb.chi_tieu_1",
    project_code="cb",
    title="Cán bộ cấp huyện có lý luận chính trị cao cấp, cử nhân",
    method=CADRE_SHARE,
    level="huyen",
    criterion="political_theory",
    counted_values=("cao_cap", "cu_nhan"),
    target_min=90.0,
    deadline_year=2020,
)


def click(qtbot: QtBot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(combo, label: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findText(label)
    assert index >= 0, f"{label!r} not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def replace_text(edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    edit.del_()
    type_text(edit, text)


def check_labels(dialog: TargetDialog, labels: set[str]) -> None:
    for row in range(dialog.values_list.count()):
        item = dialog.values_list.item(row)
        if item.text() in labels:
            item.setCheckState(Qt.CheckState.Checked)


def answer_dialogs(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, **steps: Callable[[QDialog], None]) -> list[QDialog]:
    """Stands in for messages.run_dialog: each real dialog is shown and handed to the step named by its class; a form
    is then saved with its Lưu button, a list closed with Đóng."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> bool:
        seen.append(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        steps[type(dialog).__name__](dialog)
        if dialog.isVisible():
            button = getattr(dialog, "ok_button", None) or dialog.close_button  # type: ignore[attr-defined]
            if button.isEnabled():
                click(qtbot, button)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(messages, "run_dialog", run)
    return seen


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def menu_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    return next(a for a in window.data_menu.actions() if a.text().replace("&", "") == text)


def fill_new_target(dialog: TargetDialog) -> None:
    type_text(dialog.title_edit, NEW_TARGET.title)
    choose(dialog.method_combo, METHODS[CADRE_SHARE])
    choose(dialog.level_combo, "Cấp huyện")
    choose(dialog.criterion_combo, "Lý luận chính trị")
    check_labels(dialog, {"Cao cấp", "Cử nhân"})
    type_text(dialog.min_edit, "90")


def test_a_target_added_in_the_window_shows_its_value_before_saving_then_on_the_overview(
    qtbot: QtBot, demo_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, demo_store)
    assert NEW_TARGET.code not in window.overview.cards
    shown_before_saving: list[str] = []

    def form(dialog: QDialog) -> None:
        assert isinstance(dialog, TargetDialog)
        assert dialog.code_edit.text() == NEW_TARGET.code  # suggested from the project
        fill_new_target(dialog)
        assert dialog.target_input() == NEW_TARGET
        shown_before_saving.append(dialog.preview_label.text())
        assert dialog.ok_button.isEnabled() and dialog.error_label.isHidden()

    seen = answer_dialogs(
        qtbot,
        monkeypatch,
        TargetsDialog=lambda d: click(qtbot, d.add_button),
        TargetDialog=form,  # type: ignore[attr-defined]
    )
    menu_action(window, "Chỉ tiêu…").trigger()
    expected = preview_target(NEW_TARGET)
    assert expected is not None and expected.denominator
    assert shown_before_saving == [preview_text(expected)]
    assert shown_before_saving[0].startswith("Giá trị hiện nay: ") and "Chưa đạt" in shown_before_saving[0]
    saved = {i.code: i for i in indicator_report().indicators}[NEW_TARGET.code]
    assert (saved.value, saved.numerator, saved.denominator) == (
        expected.value,
        expected.numerator,
        expected.denominator,
    )
    targets_dialog = seen[0]
    assert isinstance(targets_dialog, TargetsDialog) and targets_dialog.item_of(saved_id(NEW_TARGET.code)) is not None
    card = window.overview.cards[NEW_TARGET.code]  # the overview refreshed through the app signals
    assert card.title.text() == NEW_TARGET.title and card.mark.text() == "✘ Chưa đạt"
    assert AuditEntry.select().where((AuditEntry.table == "target") & (AuditEntry.field == "code")).count() == 1


def saved_id(code: str) -> int:
    return next(t.id for t in list_targets() if t.code == code)


def select(qtbot: QtBot, dialog: TargetsDialog, code: str) -> None:
    item = dialog.item_of(saved_id(code))
    assert item is not None
    dialog.tree.scrollToItem(item)
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=dialog.tree.visualItemRect(item).center())
    assert dialog.selected() is not None and dialog.selected().code == code  # type: ignore[union-attr]


def test_a_built_in_threshold_changed_in_the_window_changes_the_verdict(
    qtbot: QtBot, demo_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = "cadre.postgrad_district"
    before = {i.code: i for i in indicator_report().indicators}[code]
    assert before.met and before.value is not None and before.value < 30

    def form(dialog: QDialog) -> None:
        assert isinstance(dialog, TargetDialog)
        assert dialog.code_edit.isReadOnly() and dialog.min_edit.text() == "15"
        assert dialog.checked_labels() == ["Thạc sĩ", "Tiến sĩ"]
        assert dialog.preview_label.text().endswith("— Đạt")
        replace_text(dialog.min_edit, "30")
        assert dialog.preview_label.text().endswith("— Chưa đạt")  # judged again as the form changes

    def targets(dialog: QDialog) -> None:
        assert isinstance(dialog, TargetsDialog)
        select(qtbot, dialog, code)
        qtbot.mouseDClick(
            dialog.tree.viewport(),
            Qt.MouseButton.LeftButton,
            pos=dialog.tree.visualItemRect(dialog.tree.currentItem()).center(),
        )
        assert dialog.changed and dialog.tree.currentItem().text(4) == "≥ 30 %"

    window = open_window(qtbot, demo_store)
    answer_dialogs(qtbot, monkeypatch, TargetsDialog=targets, TargetDialog=form)
    menu_action(window, "Chỉ tiêu…").trigger()
    after = {i.code: i for i in indicator_report().indicators}[code]
    assert (after.target_min, after.value, after.met) == (30.0, before.value, False)
    assert window.overview.cards[code].mark.text() == "✘ Chưa đạt"
    entry = AuditEntry.get((AuditEntry.table == "target") & (AuditEntry.field == "target_min"))
    assert (float(entry.old), float(entry.new), entry.source) == (15.0, 30.0, "ui")


def test_retiring_asks_first_and_a_retired_target_is_greyed_and_can_come_back(
    qtbot: QtBot, demo_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = "cadre.rotations"
    answers = iter([False, True])
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _parent, _title, text: asked.append(text) or next(answers))
    dialog = TargetsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    select(qtbot, dialog, code)
    assert dialog.retire_button.isEnabled() and not dialog.restore_button.isEnabled()
    click(qtbot, dialog.retire_button)  # answered Không: nothing changes
    assert len(asked) == 1 and "Luân chuyển" in asked[0]
    assert not Target.get(Target.code == code).retired and not dialog.changed
    click(qtbot, dialog.retire_button)  # answered Đồng ý
    assert Target.get(Target.code == code).retired and dialog.changed
    assert code not in {i.code for i in indicator_report().indicators}
    item = dialog.tree.currentItem()
    assert item.text(2).endswith("(đã thôi theo dõi)") and item.foreground(2).color().name() == "#8a8a8a"
    assert len(list_targets()) == 5  # kept
    assert dialog.restore_button.isEnabled() and not dialog.retire_button.isEnabled()
    click(qtbot, dialog.restore_button)
    assert not Target.get(Target.code == code).retired
    assert code in {i.code for i in indicator_report().indicators}
    assert not dialog.tree.currentItem().text(2).endswith("(đã thôi theo dõi)")


def test_the_choices_follow_the_method(qtbot: QtBot, store: Path) -> None:
    from dean_desktop.services.projects import list_projects

    dialog = TargetDialog(list_projects())
    qtbot.addWidget(dialog)
    assert [dialog.method_combo.itemText(i) for i in range(dialog.method_combo.count())] == list(METHODS.values())
    choose(dialog.method_combo, METHODS[COMMUNE_SHARE])
    assert [dialog.level_combo.itemText(i) for i in range(dialog.level_combo.count())] == ["Cấp xã"]
    assert dialog.criterion_combo.itemText(0) == "Có phòng làm việc riêng"
    assert dialog.values_stack.currentWidget() is dialog.values_none
    choose(dialog.method_combo, METHODS[ROTATION_COUNT])
    assert dialog.unit_label.text() == "người" and not dialog.criterion_combo.isEnabled()
    choose(dialog.method_combo, METHODS[EDOC_SHARE])
    assert dialog.level_combo.count() == 3 and dialog.unit_label.text() == "%"
    choose(dialog.method_combo, METHODS[CADRE_SHARE])
    choose(dialog.criterion_combo, "Tin học")  # free text: typed, not ticked
    assert dialog.values_stack.currentWidget() is dialog.values_edit
    choose(dialog.criterion_combo, "Dân tộc")
    assert dialog.values_list.count() == 54


@pytest.mark.parametrize(
    ("fill", "message"),
    [
        (lambda d: None, "Chưa nhập nội dung chỉ tiêu."),
        (lambda d: (type_text(d.title_edit, "Tỷ lệ nữ"), type_text(d.min_edit, "20")), "Chưa ghi giá trị được tính"),
        (
            lambda d: (type_text(d.title_edit, "Tỷ lệ nữ"), check_labels(d, {"Thạc sĩ"}), type_text(d.min_edit, "120")),
            "Tỷ lệ chỉ tiêu không được vượt quá 100 %.",
        ),
        (
            lambda d: (
                type_text(d.title_edit, "Tỷ lệ nữ"),
                check_labels(d, {"Thạc sĩ"}),
                type_text(d.min_edit, "mười"),
            ),
            'Mức tối thiểu: "mười" không phải là số.',
        ),
        (
            lambda d: (replace_text(d.code_edit, "Mã Mới"), type_text(d.title_edit, "X"), check_labels(d, {"Thạc sĩ"})),
            'Mã chỉ tiêu "Mã Mới" không hợp lệ',
        ),
    ],
)
def test_invalid_input_shows_a_vietnamese_error_and_stores_nothing(
    qtbot: QtBot, store: Path, fill: Callable[[TargetDialog], object], message: str
) -> None:
    from dean_desktop.services.projects import list_projects

    dialog = TargetDialog(list_projects(), None, [t.code for t in list_targets()])
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog)
    assert dialog.error_label.isVisible() and dialog.error_label.text().startswith(message)
    assert not dialog.ok_button.isEnabled()
    assert "chưa tính được" in dialog.preview_label.text()
    dialog.accept()  # Enter pressed anyway: refused again, nothing stored
    assert dialog.result() != QDialog.DialogCode.Accepted and len(list_targets()) == 5


def test_a_code_already_taken_is_refused_when_saving(qtbot: QtBot, store: Path) -> None:
    from dean_desktop.services.projects import list_projects

    dialog = TargetDialog(list_projects())
    qtbot.addWidget(dialog)
    dialog.show()
    fill_new_target(dialog)
    replace_text(dialog.code_edit, "cadre.rotations")
    click(qtbot, dialog.ok_button)
    assert dialog.error_label.text() == 'Đã có chỉ tiêu mã "cadre.rotations".' and dialog.isVisible()
    assert len(list_targets()) == 5
