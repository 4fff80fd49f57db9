"""Importing from the window: choose or drop files, preview (nothing written yet), import, every tab refreshes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from dean_desktop.services.history import list_imports
from dean_desktop.services.offices import list_offices
from dean_desktop.ui.dialogs.import_preview import ImportPreviewDialog
from dean_desktop.ui.main_window import MainWindow
from tests.services.excel_import.builders import Messy, build_return, cadre, office


def make_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    good = build_return(
        folder / "linh-thong.xlsx",
        unit="Linh Thông",
        period="Năm 2019",
        office=office(has_office=True, floor_area=30),
        edoc=[("Đảng ủy", True), ("UBND", False)],
        cadres=[cadre("Nguyễn Văn An", 1975, "Đại học", "Cao cấp")],
    )
    legacy = build_return(
        folder / "lam-vy.xlsx",
        unit="Lam Vỹ",
        period="Năm 2019",
        office=office(has_office=False),
        edoc=[("Đảng ủy", True)],
        style=Messy(encoding="tcvn3", title_rows=2),
    )
    bad = build_return(
        folder / "quy-ky.xlsx",
        unit="Quy Kỳ",
        period="Năm 2019",
        office=office(has_office=True),
        cadres=[cadre("Hà Thị Hoa", 1980, "Đại học", "cao cap lý luận")],
    )
    broken = folder / "khong-phai.xlsx"
    broken.write_text("đây không phải là sổ tính", encoding="utf-8")
    return {"good": good, "legacy": legacy, "bad": bad, "broken": broken}


def open_window(qtbot: QtBot, store: Path) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_preview_then_import_refreshes_every_tab(qtbot: QtBot, store: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    files = make_files(tmp_path / "tra-ve")
    seen: dict[str, object] = {}
    infos: list[str] = []

    def review(dialog: ImportPreviewDialog) -> bool:
        rows = {dialog.table.item(r, 1).text(): r for r in range(dialog.table.rowCount())}
        seen["rows"] = rows
        seen["status"] = {name: dialog.table.item(r, 8).text() for name, r in rows.items()}
        seen["checkable"] = {
            name: bool(dialog.table.item(r, 0).flags() & Qt.ItemFlag.ItemIsUserCheckable) for name, r in rows.items()
        }
        dialog.table.setCurrentCell(rows["quy-ky.xlsx"], 1)
        seen["bad_details"] = dialog.details.toPlainText()
        dialog.table.setCurrentCell(rows["lam-vy.xlsx"], 1)
        seen["legacy_details"] = dialog.details.toPlainText()
        seen["button"] = dialog.import_button.text()
        seen["offices_before_import"] = [r.has_office for r in list_offices() if r.unit_name == "Linh Thông"]
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return dialog.result() == ImportPreviewDialog.DialogCode.Accepted

    monkeypatch.setattr("dean_desktop.ui.widgets.messages.run_dialog", review)
    monkeypatch.setattr("dean_desktop.ui.widgets.messages.show_info", lambda parent, text, title="": infos.append(text))
    monkeypatch.setattr("dean_desktop.ui.import_flow.ask_open_files", lambda parent: [str(p) for p in files.values()])
    window = open_window(qtbot, store)
    window.tabs.setCurrentIndex(2)
    window.import_action.trigger()
    qtbot.waitUntil(lambda: bool(infos), timeout=30000)

    assert seen["checkable"] == {
        "linh-thong.xlsx": True,
        "lam-vy.xlsx": True,
        "quy-ky.xlsx": False,
        "khong-phai.xlsx": False,
    }
    assert seen["status"]["quy-ky.xlsx"].startswith("Lỗi")
    assert 'cột "Lý luận chính trị"' in seen["bad_details"] and "cao cap lý luận" in seen["bad_details"]
    assert "TCVN3" in seen["legacy_details"] and "→" in seen["legacy_details"]
    assert seen["button"] == "Nhập 2 tệp"
    assert seen["offices_before_import"] == [None]  # the preview wrote nothing
    assert infos[0].startswith("Đã nhập 2 tệp.") and "2 tệp bị từ chối" in infos[0]

    offices = {r.unit_name: r for r in list_offices()}
    assert offices["Linh Thông"].has_office is True and offices["Lam Vỹ"].has_office is False
    shown = {
        window.offices.model.row_at(i).unit_name: window.offices.model.row_at(i)
        for i in range(window.offices.model.rowCount())
    }
    assert shown["Linh Thông"].period_label == "Năm 2019"  # the visible tab refreshed
    window.tabs.setCurrentIndex(5)
    statuses = sorted(r.status for r in list_imports())
    assert statuses == ["imported", "imported", "rejected", "rejected"]
    assert window.import_log.model.rowCount() == 4


def test_importing_the_same_file_twice_changes_nothing(qtbot: QtBot, store: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    good = make_files(tmp_path / "a")["good"]
    statuses: list[str] = []
    infos: list[str] = []

    def accept(dialog: ImportPreviewDialog) -> bool:
        statuses.append(dialog.table.item(0, 8).text())
        if dialog.import_button.isEnabled():
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        else:
            dialog.reject()
        return dialog.result() == ImportPreviewDialog.DialogCode.Accepted

    monkeypatch.setattr("dean_desktop.ui.widgets.messages.run_dialog", accept)
    monkeypatch.setattr("dean_desktop.ui.widgets.messages.show_info", lambda parent, text, title="": infos.append(text))
    window = open_window(qtbot, store)
    window.imports.start([good])
    qtbot.waitUntil(lambda: bool(infos), timeout=30000)
    window.imports.start([good])
    qtbot.waitUntil(lambda: len(statuses) == 2, timeout=30000)
    assert statuses[1] == "Đã nhập trước đó — không thay đổi"
    assert len(infos) == 1


def test_dropping_a_folder_on_the_window_imports_it(qtbot: QtBot, store: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "keo-tha"
    make_files(folder)
    previewed: list[int] = []
    monkeypatch.setattr(
        "dean_desktop.ui.widgets.messages.run_dialog", lambda dialog: previewed.append(len(dialog.plans)) or False
    )
    window = open_window(qtbot, store)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: bool(previewed), timeout=30000)
    assert previewed == [4]
    assert list_imports() == []  # cancelled at the preview: nothing recorded


def test_the_safety_backup_is_made_before_writing_and_a_failed_one_stops_the_import(  # type: ignore[no-untyped-def]
    qtbot: QtBot, store: Path, tmp_path: Path, monkeypatch
) -> None:
    from dean_desktop.paths import backup_dir_for
    from dean_desktop.services import backup
    from dean_desktop.services.errors import DomainError

    good = make_files(tmp_path / "a")["good"]
    errors: list[str] = []
    infos: list[str] = []

    def accept(dialog: ImportPreviewDialog) -> bool:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return dialog.result() == ImportPreviewDialog.DialogCode.Accepted

    def disk_full(reason: str = "") -> Path:
        raise DomainError("Không ghi được bản sao lưu: ổ đĩa đã đầy.")

    monkeypatch.setattr("dean_desktop.ui.widgets.messages.run_dialog", accept)
    monkeypatch.setattr("dean_desktop.ui.widgets.messages.show_error", lambda parent, text, *a: errors.append(text))
    monkeypatch.setattr("dean_desktop.ui.widgets.messages.show_info", lambda parent, text, title="": infos.append(text))
    monkeypatch.setattr(backup, "backup_now", disk_full)
    window = open_window(qtbot, store)
    window.imports.start([good])
    qtbot.waitUntil(lambda: bool(errors), timeout=30000)
    assert "bản sao lưu" in errors[0] and not infos
    assert list_imports() == [] and all(r.has_office is None for r in list_offices())  # nothing was written

    monkeypatch.undo()
    monkeypatch.setattr("dean_desktop.ui.widgets.messages.run_dialog", accept)
    monkeypatch.setattr("dean_desktop.ui.widgets.messages.show_info", lambda parent, text, title="": infos.append(text))
    window.imports.start([good])
    qtbot.waitUntil(lambda: bool(infos), timeout=30000)
    assert [b.name for b in backup_dir_for(store).glob("*truoc-khi-nhap.db")]
    assert [r.status for r in list_imports()] == ["imported"]
