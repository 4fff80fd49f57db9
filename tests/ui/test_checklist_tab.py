"""The "Nhóm giải pháp" tab driven with real clicks and keys: completion, tasks added, edited, removed, overdue rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QTreeWidgetItem

from dean_desktop.services import checklist, roster
from dean_desktop.services.errors import ValidationError
from dean_desktop.services.vocab import TASK_DONE
from dean_desktop.ui.dialogs.completion_dialog import CompletionDialog
from dean_desktop.ui.dialogs.task_dialog import TaskDialog
from dean_desktop.ui.signals import AppSignals
from dean_desktop.ui.table_models.task_model import COL_DEADLINE, COL_STATUS, COL_TITLE, TaskTableModel
from dean_desktop.ui.tabs.checklist import ChecklistTab
from dean_desktop.ui.widgets import messages

from .helpers import type_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tab(demo_store: Path, qtbot) -> ChecklistTab:  # type: ignore[no-untyped-def]
    widget = ChecklistTab(AppSignals())
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tree_item(tab: ChecklistTab, kind: str, ident: int) -> QTreeWidgetItem:
    item = tab._item_of((kind, ident))
    assert item is not None
    return item


def select_item(qtbot, tab: ChecklistTab, item: QTreeWidgetItem) -> None:  # type: ignore[no-untyped-def]
    tab.tree.scrollToItem(item)
    rect = tab.tree.visualItemRect(item)
    qtbot.mouseClick(tab.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.tree.currentItem() is item


def click_task(qtbot, tab: ChecklistTab, task_id: int, column: int = COL_TITLE) -> None:  # type: ignore[no-untyped-def]
    row = tab.model.row_of_task(task_id)
    assert row is not None
    index = tab.model.index(row, column)
    tab.table.scrollTo(index)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=tab.table.visualRect(index).center())
    selected = tab.selected_task()
    assert selected is not None and selected.id == task_id


def fake_dialog(qtbot, fill: Callable[[Any], None], seen: list[Any], kind: type[QDialog] = TaskDialog):  # type: ignore[no-untyped-def]
    """Stands in for messages.run_dialog: fills the real dialog's widgets, then clicks its OK button."""

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, kind)
        seen.append(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        fill(dialog)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        return dialog.result() == QDialog.DialogCode.Accepted

    return run


def fake_completion(qtbot, fill: Callable[[CompletionDialog], None], seen: list[CompletionDialog]):  # type: ignore[no-untyped-def]
    """The same for the dialog asked when a task is marked done (its OK button says Hoàn thành)."""
    return fake_dialog(qtbot, fill, seen, CompletionDialog)


def test_task_model_passes_the_model_tester(demo_store: Path, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = TaskTableModel()
    model.set_rows(checklist.list_tasks())
    qtmodeltester.check(model)
    model.sort(COL_DEADLINE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_mark_done_updates_group_project_and_store(tab: ChecklistTab, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(messages, "run_dialog", fake_completion(qtbot, lambda dialog: None, []))
    group = next(g for g in checklist.list_groups() if g.project_code == "cb" and g.done == 0)
    group_item = tree_item(tab, "group", group.id)
    project_item = tree_item(tab, "project", group.project_id)
    assert group_item.text(1) == "0/3 (0,0 %)"
    assert project_item.text(1) == "5/21 (23,8 %)"
    select_item(qtbot, tab, group_item)
    assert tab.model.rowCount() == 3
    task = tab.model.row_at(0)
    click_task(qtbot, tab, task.id)
    with qtbot.waitSignal(tab.signals.tasks_changed):
        qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    assert group_item.text(1) == "1/3 (33,3 %)"
    assert project_item.text(1) == "6/21 (28,6 %)"
    assert "Đề án CB: 6/21 nhiệm vụ hoàn thành (28,6 %)" in tab.summary_label.text()
    stored = next(t for t in checklist.list_tasks() if t.id == task.id)
    assert stored.status == TASK_DONE and stored.completed_on == date.today()
    assert not tab.done_button.isEnabled()
    row = tab.model.row_of_task(task.id)
    assert row is not None and tab.model.index(row, COL_STATUS).data() == "Hoàn thành"


def test_ctrl_d_asks_the_completion_date_and_document(tab: ChecklistTab, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    task = next(t for t in tab.model.rows() if t.status != TASK_DONE)
    seen: list[CompletionDialog] = []

    def fill(dialog: CompletionDialog) -> None:
        assert dialog.date_edit.date().toPython() == date.today()  # today unless told otherwise
        assert dialog.date_edit.displayFormat() == "dd/MM/yyyy"
        dialog.date_edit.setFocus()
        dialog.date_edit.setDate(dialog.date_edit.date().addYears(-1))
        dialog.evidence_edit.clear()
        type_text(dialog.evidence_edit, "54-KH/HU")

    monkeypatch.setattr(messages, "run_dialog", fake_completion(qtbot, fill, seen))
    click_task(qtbot, tab, task.id)
    qtbot.keyClick(tab.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1 and task.title in seen[0].findChild(QLabel).text()
    stored = next(t for t in checklist.list_tasks() if t.id == task.id)
    assert stored.status == TASK_DONE
    assert stored.completed_on == date.today().replace(year=date.today().year - 1)
    assert stored.evidence == "54-KH/HU"
    row = tab.model.row_of_task(task.id)
    assert row is not None and tab.model.index(row, COL_STATUS).data() == "Hoàn thành"


def test_completion_date_cannot_be_in_the_future(tab: ChecklistTab, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    task = next(t for t in tab.model.rows() if t.status != TASK_DONE)

    def fill(dialog: CompletionDialog) -> None:
        dialog.date_edit.setDate(dialog.date_edit.date().addDays(30))
        assert dialog.date_edit.date().toPython() == date.today()  # the edit stops at today

    monkeypatch.setattr(messages, "run_dialog", fake_completion(qtbot, fill, []))
    click_task(qtbot, tab, task.id)
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    assert next(t for t in checklist.list_tasks() if t.id == task.id).completed_on == date.today()
    with pytest.raises(ValidationError, match="không được sau ngày hôm nay"):
        checklist.complete_task(task.id, date(2999, 1, 1), "")


def test_cancelling_the_completion_dialog_changes_nothing(tab: ChecklistTab, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    task = next(t for t in tab.model.rows() if t.status != TASK_DONE)
    monkeypatch.setattr(messages, "run_dialog", lambda dialog: False)
    click_task(qtbot, tab, task.id)
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    assert next(t for t in checklist.list_tasks() if t.id == task.id).status == task.status


def test_choosing_hoan_thanh_inline_asks_the_date_too(tab: ChecklistTab, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    task = next(t for t in tab.model.rows() if t.status == "dang_thuc_hien")
    seen: list[CompletionDialog] = []
    fill = lambda d: d.date_edit.setDate(QDate(2018, 6, 30))  # noqa: E731
    monkeypatch.setattr(messages, "run_dialog", fake_completion(qtbot, fill, seen))
    done_before = sum(t.status == TASK_DONE for t in tab.model.rows())
    assert tab.scope_counts.text().startswith(f"{done_before}/")
    click_task(qtbot, tab, task.id, COL_STATUS)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    combo = tab.table.findChild(QComboBox)
    assert combo is not None
    with qtbot.waitSignal(tab.signals.tasks_changed):
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # Đang thực hiện → Hoàn thành
    assert seen
    assert tab.scope_counts.text().startswith(f"{done_before + 1}/")  # the counts above the table follow the edit
    stored = next(t for t in checklist.list_tasks() if t.id == task.id)
    assert stored.status == TASK_DONE and stored.completed_on == date(2018, 6, 30)


def test_add_edit_and_delete_a_task(tab: ChecklistTab, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    group = next(g for g in checklist.list_groups() if g.project_code == "cchc")
    member = roster.list_members()[2]
    select_item(qtbot, tab, tree_item(tab, "group", group.id))
    dialogs: list[TaskDialog] = []

    def fill_new(dialog: TaskDialog) -> None:
        assert dialog.group_id() == group.id  # the selected group is preselected
        type_text(dialog.title_edit, "Rà soát quy hoạch cán bộ diện Ban Thường vụ Huyện ủy quản lý")
        dialog.member_combo.setCurrentIndex(dialog.member_combo.findData(member.id))
        qtbot.mouseClick(dialog.has_deadline, Qt.MouseButton.LeftButton)
        dialog.deadline_edit.setDate(date(2030, 12, 31))
        type_text(dialog.evidence_edit, "12-KH/HU")

    monkeypatch.setattr(messages, "run_dialog", fake_dialog(qtbot, fill_new, dialogs))
    with qtbot.waitSignal(tab.signals.tasks_changed):
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    added = next(t for t in checklist.list_tasks() if t.title.startswith("Rà soát quy hoạch"))
    assert added.group_id == group.id
    assert added.member_name == member.full_name
    assert added.deadline == date(2030, 12, 31) and added.evidence == "12-KH/HU"
    assert tab.selected_task() == added
    assert tree_item(tab, "group", group.id).text(1) == "1/4 (25,0 %)"

    def fill_edit(dialog: TaskDialog) -> None:
        assert dialog.title_edit.text() == added.title
        dialog.title_edit.clear()
        type_text(dialog.title_edit, "Rà soát, bổ sung quy hoạch cán bộ")
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(TASK_DONE))
        assert dialog.has_completed.isChecked()  # choosing Hoàn thành fills in today

    monkeypatch.setattr(messages, "run_dialog", fake_dialog(qtbot, fill_edit, dialogs))
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # Enter on a non-editable cell opens the dialog
    assert len(dialogs) == 2
    edited = next(t for t in checklist.list_tasks() if t.id == added.id)
    assert edited.title == "Rà soát, bổ sung quy hoạch cán bộ"
    assert edited.status == TASK_DONE and edited.completed_on == date.today()
    assert tree_item(tab, "group", group.id).text(1) == "2/4 (50,0 %)"

    questions: list[str] = []
    answer = [False]

    def fake_confirm(parent, title: str, text: str) -> bool:  # type: ignore[no-untyped-def]
        questions.append(text)
        return answer[0]

    monkeypatch.setattr(messages, "confirm", fake_confirm)
    click_task(qtbot, tab, added.id)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert "Rà soát, bổ sung quy hoạch cán bộ" in questions[-1]
    assert any(t.id == added.id for t in checklist.list_tasks())  # "Không" keeps it
    answer[0] = True
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert not any(t.id == added.id for t in checklist.list_tasks())
    assert tab.model.row_of_task(added.id) is None
    assert tree_item(tab, "group", group.id).text(1) == "1/3 (33,3 %)"


def test_a_task_without_content_is_refused(tab: ChecklistTab, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = len(checklist.list_tasks())
    dialogs: list[TaskDialog] = []
    monkeypatch.setattr(messages, "run_dialog", fake_dialog(qtbot, lambda dialog: None, dialogs))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert dialogs and dialogs[0].result() != QDialog.DialogCode.Accepted
    assert dialogs[0].error_label.isVisible()
    assert dialogs[0].error_label.text() == "Chưa nhập nội dung nhiệm vụ."
    assert len(checklist.list_tasks()) == before


def test_project_selection_offers_its_first_group(tab: ChecklistTab, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cchc = next(g for g in checklist.list_groups() if g.project_code == "cchc")
    select_item(qtbot, tab, tree_item(tab, "project", cchc.project_id))
    assert tab.model.rowCount() == 18
    assert not tab.rename_button.isEnabled()
    dialogs: list[TaskDialog] = []
    fill = lambda d: type_text(d.title_edit, "Việc mới")  # noqa: E731
    monkeypatch.setattr(messages, "run_dialog", fake_dialog(qtbot, fill, dialogs))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert dialogs[0].group_id() == cchc.id
    assert tab.model.rowCount() == 19


def test_overdue_rows_are_highlighted_and_done_rows_are_not(tab: ChecklistTab) -> None:
    today = date.today()
    rows = tab.model.rows()
    overdue = next(i for i, t in enumerate(rows) if t.status != TASK_DONE and t.deadline and t.deadline < today)
    done = next(i for i, t in enumerate(rows) if t.status == TASK_DONE)
    for column in range(tab.model.columnCount()):
        assert tab.model.index(overdue, column).data(Qt.ItemDataRole.BackgroundRole) is not None
        assert "Quá hạn" in tab.model.index(overdue, column).data(Qt.ItemDataRole.ToolTipRole)
    assert tab.model.index(done, COL_TITLE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "Quá hạn" not in (tab.model.index(done, COL_DEADLINE).data(Qt.ItemDataRole.ToolTipRole) or "")


def test_overdue_filter_shows_only_overdue_tasks(tab: ChecklistTab) -> None:
    tab.filter_combo.setCurrentIndex(tab.filter_combo.findText("Quá hạn"))
    rows = tab.model.rows()
    assert rows and all(t.overdue(date.today()) for t in rows)
    assert "đang hiện" in tab.scope_counts.text()


def test_status_changed_inline_with_the_combo(tab: ChecklistTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    task = next(t for t in tab.model.rows() if t.status == "chua_bat_dau")
    click_task(qtbot, tab, task.id, COL_STATUS)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # Enter on the status cell opens the combo
    combo = tab.table.findChild(QComboBox)
    assert combo is not None and combo.currentData() == "chua_bat_dau"
    with qtbot.waitSignal(tab.signals.tasks_changed):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    stored = next(t for t in checklist.list_tasks() if t.id == task.id)
    assert stored.status == "dang_thuc_hien"
    row = tab.model.row_of_task(task.id)
    assert row is not None and tab.model.index(row, COL_STATUS).data() == "Đang thực hiện"


def test_rename_group_with_f2(tab: ChecklistTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    group = checklist.list_groups()[0]
    item = tree_item(tab, "group", group.id)
    select_item(qtbot, tab, item)
    qtbot.keyClick(tab.tree, Qt.Key.Key_F2)
    editor = tab.tree.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == group.name
    editor.selectAll()
    type_text(editor, "Đổi mới công tác cán bộ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on a queued call
    qtbot.waitUntil(lambda: tab.tree.state() != tab.tree.State.EditingState)
    assert checklist.list_groups()[0].name == "Đổi mới công tác cán bộ"
    assert item.text(0) == "Nhóm giải pháp 1: Đổi mới công tác cán bộ"


def test_changes_elsewhere_reload_the_tab(tab: ChecklistTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    group = checklist.list_groups()[0]
    checklist.add_task(group.id, checklist.TaskInput(title="Nhiệm vụ thêm từ dòng lệnh"))
    tab.signals.tasks_changed.emit()
    assert tree_item(tab, "group", group.id).text(1).endswith("/4 (25,0 %)")
    member = roster.list_members()[1]
    roster.update_member(member.id, roster.MemberInput(full_name="Lò Văn Tên Mới", role=member.role))
    tab.signals.roster_changed.emit()
    assert any(t.member_name == "Lò Văn Tên Mới" for t in tab._tasks)


def test_screenshot(tab: ChecklistTab, tmp_path: Path) -> None:
    """Paints with demo data without Qt warnings; the picture is for a human to look at."""
    tab.grab().save(str(tmp_path / "nhom-giai-phap.png"))
    assert (tmp_path / "nhom-giai-phap.png").stat().st_size > 0
    assert isinstance(tab.tree.currentIndex(), QModelIndex)


def test_editing_the_group_moves_the_task(tab: ChecklistTab, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    first, second = checklist.list_groups()[:2]
    select_item(qtbot, tab, tree_item(tab, "group", first.id))
    task = tab.model.row_at(0)
    click_task(qtbot, tab, task.id)

    def fill(dialog: TaskDialog) -> None:
        dialog.group_combo.setCurrentIndex(dialog.group_combo.findData(second.id))

    monkeypatch.setattr(messages, "run_dialog", fake_dialog(qtbot, fill, []))
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    assert next(t for t in checklist.list_tasks() if t.id == task.id).group_id == second.id
    assert tab.tree.currentItem() is tree_item(tab, "group", second.id)
    assert tab.selected_task() is not None and tab.selected_task().id == task.id
    assert "/2 (" in tree_item(tab, "group", first.id).text(1)
    assert "/4 (" in tree_item(tab, "group", second.id).text(1)
