"""No label shows a literal "&": every label with a mnemonic has a buddy to jump to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from dean_desktop.services import checklist, projects, roster, targets, units
from dean_desktop.ui.dialogs.audit_dialog import AuditDialog
from dean_desktop.ui.dialogs.completion_dialog import CompletionDialog
from dean_desktop.ui.dialogs.export_forms_dialog import ExportFormsDialog
from dean_desktop.ui.dialogs.member_dialog import MemberDialog
from dean_desktop.ui.dialogs.project_dialog import ProjectsDialog
from dean_desktop.ui.dialogs.rotation_dialog import RotationDialog
from dean_desktop.ui.dialogs.target_dialogs import TargetDialog, TargetsDialog
from dean_desktop.ui.dialogs.task_dialog import TaskDialog
from dean_desktop.ui.dialogs.unit_dialogs import UnitDialog, UnitsDialog
from dean_desktop.ui.main_window import MainWindow


def literal_ampersands(widget: QWidget) -> list[str]:
    return [
        label.text()
        for label in widget.findChildren(QLabel)
        if "&" in label.text().replace("&&", "") and label.buddy() is None and not Qt.mightBeRichText(label.text())
    ]


def test_no_label_shows_a_literal_ampersand(qtbot: QtBot, demo_store: Path) -> None:
    task = checklist.list_tasks()[0]
    members, unit_rows = roster.list_members(), units.list_units()
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    widgets: list[QWidget] = [
        window,
        AuditDialog(),
        CompletionDialog(task),
        ExportFormsDialog(),
        MemberDialog(unit_rows, members[0]),
        RotationDialog(),
        TaskDialog(checklist.list_groups(), members, unit_rows, task=task),
        TargetsDialog(),
        ProjectsDialog(),
        UnitsDialog(),
        UnitDialog(unit_rows, unit_rows[0]),
        TargetDialog(projects.list_projects(), targets.list_targets()[0]),
    ]
    for widget in widgets:
        qtbot.addWidget(widget)
        widget.show()
        assert literal_ampersands(widget) == [], type(widget).__name__
