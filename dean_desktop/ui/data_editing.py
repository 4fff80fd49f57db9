"""Dữ liệu → Chỉ tiêu…, Đề án và nhóm giải pháp…, Đơn vị…: the dialogs that edit the data the targets are computed
from, and the signals that make the tabs show what changed. The dialog modules are imported when used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..services import changes
from .live_updates import emit_changes
from .widgets import messages

if TYPE_CHECKING:
    from .main_window import MainWindow


def edit_targets(window: MainWindow) -> None:
    from .dialogs.target_dialogs import TargetsDialog

    dialog = TargetsDialog(window)
    messages.run_dialog(dialog)
    if dialog.changed:
        emit_changes(window.signals, {changes.TARGETS})


def edit_projects(window: MainWindow) -> None:
    from .dialogs.project_dialog import ProjectsDialog

    dialog = ProjectsDialog(window)
    messages.run_dialog(dialog)
    if dialog.changed:  # the overview shows projects' targets and checklists; the checklist tab shows the groups
        emit_changes(window.signals, {changes.TARGETS, changes.TASKS})


def edit_units(window: MainWindow) -> None:
    from .dialogs.unit_dialogs import UnitsDialog

    dialog = UnitsDialog(window)
    messages.run_dialog(dialog)
    if dialog.changed:
        emit_changes(window.signals, {changes.UNITS})
