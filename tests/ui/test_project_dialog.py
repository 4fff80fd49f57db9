"""Dữ liệu → Đề án và nhóm giải pháp…: the 2021–2025 project set up entirely in the window — the project, its
groups, then a target of it in Dữ liệu → Chỉ tiêu… — and computed; an existing project changed; bad input refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from dean_desktop.services.checklist import list_groups
from dean_desktop.services.indicators import indicator_report
from dean_desktop.services.projects import list_projects
from dean_desktop.services.target_rules import METHODS, ROTATION_COUNT
from dean_desktop.ui.dialogs.project_dialog import ProjectsDialog
from dean_desktop.ui.dialogs.target_dialogs import TargetDialog
from dean_desktop.ui.widgets import messages

from .helpers import type_text
from .test_target_dialogs import answer_dialogs, choose, click, menu_action, open_window, replace_text

GROUPS = ["Đổi mới công tác cán bộ", "Luân chuyển, điều động cán bộ", "Đào tạo, bồi dưỡng"]


def add_group(qtbot: QtBot, dialog: ProjectsDialog, name: str) -> None:
    type_text(dialog.group_edit, name)
    qtbot.keyClick(dialog.group_edit, Qt.Key.Key_Return)


def fill_new_project(qtbot: QtBot, dialog: ProjectsDialog) -> None:
    click(qtbot, dialog.new_button)
    assert (dialog.start_spin.value(), dialog.end_spin.value()) == (2021, 2025)  # after the last project
    type_text(dialog.code_edit, "cb_2021")
    type_text(dialog.short_edit, "CB 2021–2025")
    type_text(dialog.name_edit, "Đề án 2021–2025 nâng cao chất lượng đội ngũ cán bộ huyện Định Hóa")
    for name in GROUPS:
        add_group(qtbot, dialog, name)


def test_a_new_project_with_its_groups_and_a_target_is_set_up_in_the_window_and_computed(
    qtbot: QtBot, demo_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, demo_store)
    window.tabs.setCurrentIndex(4)  # the checklist tab is built: it must show the new groups

    def projects(dialog: QDialog) -> None:
        assert isinstance(dialog, ProjectsDialog)
        fill_new_project(qtbot, dialog)
        assert dialog.new_groups() == GROUPS
        click(qtbot, dialog.ok_button)
        assert dialog.error_label.isHidden() and dialog.current is not None and dialog.current.code == "cb_2021"
        assert dialog.new_groups() == [] and dialog.group_list.count() == 3

    answer_dialogs(qtbot, monkeypatch, ProjectsDialog=projects)
    menu_action(window, "Đề án và nhóm giải pháp…").trigger()
    project = next(p for p in list_projects() if p.code == "cb_2021")
    assert (project.short_name, project.start_year, project.end_year, project.groups) == (
        "CB 2021–2025",
        2021,
        2025,
        tuple(GROUPS),
    )
    assert {g.name for g in list_groups() if g.project_short == "CB 2021–2025"} == set(GROUPS)
    assert window.checklist.tree.findItems("CB 2021–2025", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive)

    def form(dialog: QDialog) -> None:
        assert isinstance(dialog, TargetDialog)
        choose(dialog.project_combo, "CB 2021–2025 (2021–2025)")
        assert dialog.code_edit.text() == "cb_2021.chi_tieu_1"
        type_text(dialog.title_edit, "Luân chuyển cấp trưởng cấp huyện về cấp xã giai đoạn 2021 - 2025")
        choose(dialog.method_combo, METHODS[ROTATION_COUNT])
        type_text(dialog.min_edit, "3")
        replace_text(dialog.max_edit, "8")
        dialog.deadline_spin.setValue(2025)
        assert dialog.preview_label.text().startswith("Giá trị hiện nay: ")

    answer_dialogs(
        qtbot,
        monkeypatch,
        TargetsDialog=lambda d: click(qtbot, d.add_button),
        TargetDialog=form,  # type: ignore[attr-defined]
    )
    window.tabs.setCurrentIndex(0)
    menu_action(window, "Chỉ tiêu…").trigger()
    computed = {i.code: i for i in indicator_report().indicators}["cb_2021.chi_tieu_1"]
    assert computed.project_code == "cb_2021" and computed.deadline == 2025
    assert computed.value is not None and computed.numerator is not None and computed.unit == "người"
    assert (computed.target_min, computed.target_max) == (3.0, 8.0)
    assert "cb_2021.chi_tieu_1" in window.overview.cards


def test_an_existing_project_is_renamed_and_given_a_group(qtbot: QtBot, store: Path) -> None:
    dialog = ProjectsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.current is not None and dialog.current.code == "cb" and dialog.code_edit.isReadOnly()
    replace_text(dialog.short_edit, "CB 2016")
    add_group(qtbot, dialog, "Nhóm giải pháp 8")
    click(qtbot, dialog.ok_button)
    project = next(p for p in list_projects() if p.code == "cb")
    assert project.short_name == "CB 2016" and project.groups[-1] == "Nhóm giải pháp 8" and len(project.groups) == 8
    assert dialog.changed


def test_invalid_project_input_shows_an_error_and_stores_nothing(
    qtbot: QtBot, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ProjectsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    click(qtbot, dialog.new_button)
    type_text(dialog.code_edit, "Đề án mới")
    type_text(dialog.short_edit, "Mới")
    type_text(dialog.name_edit, "Đề án mới")
    add_group(qtbot, dialog, "Nhóm 1")
    click(qtbot, dialog.ok_button)
    assert dialog.error_label.isVisible() and dialog.error_label.text().startswith('Mã đề án "Đề án mới" không hợp lệ')
    replace_text(dialog.code_edit, "moi")
    replace_text(dialog.short_edit, "CCHC")  # taken
    click(qtbot, dialog.ok_button)
    assert dialog.error_label.text() == 'Đã có đề án tên "CCHC".'
    assert len(list_projects()) == 2 and not dialog.changed
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text: asked.append(text) or False)
    click(qtbot, dialog.close_button)  # a group typed but not saved: asks first
    assert asked and dialog.isVisible()
