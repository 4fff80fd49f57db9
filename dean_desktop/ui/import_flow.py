"""Importing returns from the window: choose or drop files → analyse (off the GUI thread) → preview → import."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ..services.files import expand_workbook_paths
from . import recent_folders
from .dialogs.import_preview import ImportPreviewDialog
from .signals import AppSignals
from .widgets import messages
from .workers import Job, run_with_progress

FILE_FILTER = "Sổ tính Excel (*.xlsx *.xlsm *.xls);;Tất cả các tệp (*)"


def ask_open_files(parent: QWidget) -> list[str]:
    """The file dialog (module-level so tests can replace it)."""
    return recent_folders.open_files(parent, recent_folders.IMPORT, "Chọn các tệp báo cáo cần nhập", FILE_FILTER)


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
        files = expand_workbook_paths(paths)
        if not files:
            messages.show_error(self.window, "Không có tệp Excel (.xlsx, .xlsm, .xls) nào trong những gì đã chọn.")
            return

        def analyse(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> list[Any]:
            from ..services.excel_import import analyse_file
            from ..services.units import list_units

            units = list_units()
            plans = []
            for index, path in enumerate(files):
                if cancelled():
                    break
                progress(index, len(files), f"Đang đọc {path.name} ({index + 1}/{len(files)})…")
                plans.append(analyse_file(path, units))
            progress(len(files), len(files), "")
            return plans

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
            from ..services.excel_import import analyse_file, apply_plan
            from ..services.units import list_units

            if chosen:
                _backup_before_import()
            units = list_units()
            outcomes = []
            for index, plan in enumerate(to_apply):
                if cancelled():
                    break
                progress(index, len(to_apply), f"Đang nhập {plan.path.name} ({index + 1}/{len(to_apply)})…")
                # Analysed again against the store as it is now: an earlier file of this batch may have
                # replaced the same unit and period, which would make the preview's "unchanged" stale.
                fresh = analyse_file(plan.path, units) if plan.ok else plan
                outcomes.append(apply_plan(fresh))
            return outcomes

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


def _backup_before_import() -> None:
    """An automatic backup before each import batch, when the backup service is available."""
    try:
        from ..services.backup import backup_now
    except ImportError:
        return
    backup_now("truoc-khi-nhap")
