"""Importing returns from the window: choose or drop files → analyse (off the GUI thread) → preview → import."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from .dialogs.import_preview import ImportPreviewDialog
from .signals import AppSignals
from .widgets import messages
from .workers import Job, run_with_progress

FILE_FILTER = "Sổ tính Excel (*.xlsx *.xlsm *.xls);;Tất cả các tệp (*)"


def documents_dir() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def ask_open_files(parent: QWidget) -> list[str]:
    """The file dialog (module-level so tests can replace it)."""
    files, _ = QFileDialog.getOpenFileNames(parent, "Chọn các tệp báo cáo cần nhập", documents_dir(), FILE_FILTER)
    return files


class ImportController(QObject):
    """One import at a time; the window calls ``choose_files`` or ``start`` (drag and drop)."""

    def __init__(self, window: QWidget, signals: AppSignals) -> None:
        super().__init__(window)
        self.window = window
        self.signals = signals
        self.job: Job | None = None
        self.last_outcomes: list[Any] = []
        self.on_finished: Callable[[list[Any]], None] | None = None

    @property
    def busy(self) -> bool:
        return self.job is not None

    def choose_files(self) -> None:
        files = ask_open_files(self.window)
        if files:
            self.start([Path(f) for f in files])

    def start(self, paths: Sequence[Path]) -> None:
        if self.busy:
            messages.show_error(self.window, "Đang nhập các tệp khác; hãy đợi xong rồi nhập tiếp.")
            return
        from ..services.excel_import import operation  # on use: the importer is not needed to open the window

        files = operation.find_files(paths)
        if not files:
            messages.show_error(self.window, "Không có tệp Excel (.xlsx, .xlsm, .xls) nào trong những gì đã chọn.")
            return

        def analyse(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> list[Any]:
            return operation.analyse_files(files, _reading(progress, "Đang đọc"), cancelled)

        self.job = run_with_progress(self.window, "Đang đọc các tệp báo cáo…", analyse, self._preview, self._failed)

    def _failed(self, message: str) -> None:
        self.job = None
        messages.show_error(self.window, message)

    def _preview(self, plans: list[Any]) -> None:
        self.job = None
        if not plans:
            return
        dialog = ImportPreviewDialog(plans, self.window)
        if not messages.run_dialog(dialog):
            return
        chosen = dialog.chosen()
        rejected = [p for p in plans if not p.ok]
        to_apply = chosen + rejected  # rejected files are recorded in the import history, nothing else
        if not to_apply:
            return

        def apply(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> list[Any]:
            from ..services.excel_import import operation

            # Backs up first; a backup that fails raises, and the job shows why with nothing written.
            return operation.apply_plans(to_apply, _reading(progress, "Đang nhập"), cancelled)

        self.job = run_with_progress(self.window, "Đang nhập báo cáo…", apply, self._done, self._failed)

    def _done(self, outcomes: list[Any]) -> None:
        self.job = None
        self.last_outcomes = outcomes
        self.signals.returns_changed.emit()
        self.signals.roster_changed.emit()
        self.signals.rotations_changed.emit()
        imported = [o for o in outcomes if o.status == "imported"]
        rejected = [o for o in outcomes if o.status != "imported"]
        text = f"Đã nhập {len(imported)} tệp."
        if rejected:
            text += f" {len(rejected)} tệp bị từ chối (xem tab Nhật ký nhập)."
        if self.on_finished is not None:
            self.on_finished(outcomes)
        messages.show_info(self.window, text, "Nhập báo cáo")


def _reading(progress: Callable[[int, int, str], None], verb: str) -> Callable[[int, int, str], None]:
    """The operation's (done, total, file name) as the progress dialog's text: "Đang đọc x.xlsx (2/5)…"."""

    def report(done: int, total: int, name: str) -> None:
        progress(done, total, f"{verb} {name} ({done + 1}/{total})…" if name else "")

    return report
