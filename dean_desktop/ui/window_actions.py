"""The Dữ liệu and In menus: forms, the summary workbook and printing. Heavy modules are imported when used,
so the window opens without them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ..services.errors import DomainError
from . import recent_folders
from .widgets import messages

if TYPE_CHECKING:
    from .main_window import MainWindow

PREVIEW, PRINT, PDF = "preview", "print", "pdf"  # the same modes as ui.printing


def ask_summary_path(parent: QWidget) -> str:
    """The save dialog for the summary workbook (module-level so tests can replace it); starts where the last export
    went."""
    name = f"tong-hop-de-an-{date.today():%Y-%m-%d}.xlsx"
    return recent_folders.save_file(parent, recent_folders.EXPORT, "Xuất bảng tổng hợp", name, "Sổ tính Excel (*.xlsx)")


def _action(window: MainWindow, menu: QMenu, text: str, shortcut: str, slot, tip: str = "") -> QAction:  # type: ignore[no-untyped-def]
    action = QAction(text, window)
    if shortcut:
        action.setShortcuts([QKeySequence(shortcut)])  # setShortcut() costs ~11 ms on first use in PySide6
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def install_backup_actions(window: MainWindow, menu: QMenu) -> None:
    """Back up…, Restore… and the audit log in the File menu (ui.backup_actions is imported when one is used)."""

    def run(name: str) -> None:
        from . import backup_actions

        getattr(backup_actions, name)(window)

    menu.addSeparator()
    for text, tip, name in (
        ("&Sao lưu dữ liệu…", "Lưu một bản sao toàn bộ dữ liệu vào tệp bạn chọn", "back_up"),
        ("&Khôi phục từ bản sao lưu…", "Thay dữ liệu hiện tại bằng một bản sao lưu đã kiểm tra", "restore"),
        ("Nhật ký &thay đổi…", "Xem ai đã sửa gì, khi nào", "show_audit_log"),
    ):
        _action(window, menu, text, "", lambda _checked=False, n=name: run(n), tip)


def install_data_menu(window: MainWindow) -> None:
    menu = window.menuBar().addMenu("&Dữ liệu")
    window.import_action = _action(
        window,
        menu,
        "&Nhập báo cáo…",
        "Ctrl+I",
        lambda: window.imports.choose_files(),
        "Nhập các tệp báo cáo của xã, cơ quan (có thể kéo thả tệp vào cửa sổ)",
    )
    window.export_forms_action = _action(window, menu, "&Xuất biểu mẫu trống…", "Ctrl+E", lambda: export_forms(window))
    window.export_summary_action = _action(
        window,
        menu,
        "Xuất &bảng tổng hợp (Excel)…",
        "Ctrl+Shift+E",
        lambda: export_summary(window),
        "Bảng tổng hợp của huyện, tính đến kỳ đang chọn ở tab Tổng quan",
    )
    window.data_menu = menu


def install_print_menu(window: MainWindow) -> None:
    menu = window.menuBar().addMenu("&In")
    actions = window.print_actions
    actions["report_preview"] = _action(
        window, menu, "&Xem trước báo cáo…", "Ctrl+Shift+P", lambda: print_report(window, PREVIEW)
    )
    actions["report_print"] = _action(window, menu, "&In báo cáo…", "Ctrl+P", lambda: print_report(window, PRINT))
    actions["report_pdf"] = _action(
        window, menu, "&Lưu báo cáo thành PDF…", "Ctrl+Shift+S", lambda: print_report(window, PDF)
    )
    menu.addSeparator()
    actions["roster_preview"] = _action(
        window, menu, "Danh sách Ban Chỉ đạo và &phân công…", "", lambda: print_roster(window, PREVIEW)
    )
    actions["roster_pdf"] = _action(
        window, menu, "Lưu danh sách Ban Chỉ đạo thành P&DF…", "", lambda: print_roster(window, PDF)
    )
    actions["urging_preview"] = _action(
        window, menu, "Danh sách đôn đốc của &tất cả thành viên…", "", lambda: print_urging(window)
    )


def _as_of(window: MainWindow):  # type: ignore[no-untyped-def]
    """The period chosen on the overview tab (None: the latest data)."""
    overview = window.overview
    return overview.selected_period() if overview.period_combo.count() else None


def print_report(window: MainWindow, mode: str) -> None:
    from ..services.report_content import report_html
    from . import printing

    as_of = _as_of(window)
    printing.output(
        window,
        mode,
        "Báo cáo kết quả thực hiện các Đề án",
        printing.dated_name("bao-cao-de-an"),
        lambda: report_html(as_of),
    )


def print_roster(window: MainWindow, mode: str) -> None:
    from ..services.report_content import roster_html
    from . import printing

    printing.output(window, mode, "Danh sách Ban Chỉ đạo", printing.dated_name("ban-chi-dao"), roster_html)


def print_urging(window: MainWindow) -> None:
    window.roster.ensure_loaded()
    window.roster.panel.urging.print_list(all_members=True)


def export_summary(window: MainWindow) -> None:
    from .workers import run_with_progress

    path = ask_summary_path(window)
    if not path:
        return
    target = Path(path if path.lower().endswith(".xlsx") else f"{path}.xlsx")
    as_of = _as_of(window)

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        from ..services.excel_export.summary import export_summary as write_summary

        try:
            return write_summary(
                target, as_of, progress=lambda done, total, *_: progress(done, total, ""), should_cancel=cancelled
            )
        except OSError as error:
            raise DomainError(
                f'Không ghi được tệp "{target}": tệp có đang mở trong Excel không? ({error.strerror or error})'
            ) from error

    run_with_progress(
        window,
        "Đang xuất bảng tổng hợp…",
        work,
        lambda _path: messages.show_info(window, f"Đã xuất bảng tổng hợp vào tệp:\n{target}"),
        lambda text: messages.show_error(window, text),
    )


def export_forms(window: MainWindow) -> None:
    from .dialogs.export_forms_dialog import ExportFormsDialog
    from .workers import run_with_progress

    dialog = ExportFormsDialog(window)
    if not messages.run_dialog(dialog):
        return
    period, folder, unit_ids = dialog.period(), dialog.folder(), dialog.unit_ids()
    assert period is not None

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        from ..services.excel_export.forms import export_forms as write_forms

        return write_forms(folder, period, unit_ids, progress=progress, should_cancel=cancelled)

    def done(paths: list[Path]) -> None:
        messages.show_info(window, f"Đã tạo {len(paths)} biểu mẫu kỳ {period.label} trong thư mục:\n{folder}")

    run_with_progress(window, "Đang tạo biểu mẫu…", work, done, lambda text: messages.show_error(window, text))
