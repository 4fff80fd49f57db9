"""The Dữ liệu and In menus: forms, the summary workbook and printing. Heavy modules are imported when used,
so the window opens without them (even ``datetime`` and the file dialogs: this module is imported before the frame)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ..services.errors import DomainError
from .widgets import messages

if TYPE_CHECKING:
    from .main_window import MainWindow

PREVIEW, PRINT, PDF, WORD = "preview", "print", "pdf", "docx"  # the first three are ui.printing's modes


def ask_summary_path(parent: QWidget) -> str:
    """The save dialog for the summary workbook (module-level so tests can replace it); starts where the last export
    went."""
    from datetime import date

    from . import recent_folders

    name = f"tong-hop-de-an-{date.today():%Y-%m-%d}.xlsx"
    return recent_folders.save_file(parent, recent_folders.EXPORT, "Xuất bảng tổng hợp", name, "Sổ tính Excel (*.xlsx)")


def ask_signing(parent: QWidget):  # type: ignore[no-untyped-def]
    """The number and signer of the report (module-level so tests can replace it); None when cancelled."""
    from .dialogs.document_dialogs import SigningDialog

    dialog = SigningDialog("Số văn bản và người ký", parent)
    return dialog.signing() if messages.run_dialog(dialog) else None


def ask_docx_path(parent: QWidget, suggested: str) -> str:
    """The save dialog for a Word file (module-level so tests can replace it), in the remembered export folder."""
    from . import recent_folders

    return recent_folders.save_file(
        parent, recent_folders.EXPORT, "Lưu thành văn bản Word", suggested, "Văn bản Word (*.docx)"
    )


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
    menu.addSeparator()

    def run(name: str) -> None:
        from . import data_editing

        getattr(data_editing, name)(window)

    for text, tip, name in (
        ("&Chỉ tiêu…", "Xem, thêm, sửa các chỉ tiêu của các Đề án; thôi theo dõi một chỉ tiêu", "edit_targets"),
        ("Đề án và nhóm &giải pháp…", "Thêm đề án (giai đoạn mới), sửa đề án, thêm nhóm giải pháp", "edit_projects"),
        ("Đơn &vị…", "Thêm, đổi tên, đổi loại đơn vị; ngày hiệu lực; sáp nhập vào đơn vị khác", "edit_units"),
    ):
        _action(window, menu, text, "", lambda _checked=False, n=name: run(n), tip)
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
    actions["report_docx"] = _action(
        window,
        menu,
        "Lưu báo cáo thành &Word (.docx)…",
        "",
        lambda: print_report(window, WORD),
        "Văn bản Word đúng thể thức, để sửa trước khi trình ký",
    )
    menu.addSeparator()
    actions["roster_preview"] = _action(
        window, menu, "Danh sách Ban Chỉ đạo và &phân công…", "", lambda: print_roster(window, PREVIEW)
    )
    actions["roster_pdf"] = _action(
        window, menu, "Lưu danh sách Ban Chỉ đạo thành P&DF…", "", lambda: print_roster(window, PDF)
    )
    actions["roster_docx"] = _action(
        window, menu, "Lưu danh sách Ban Chỉ đạo thành Wo&rd…", "", lambda: print_roster(window, WORD)
    )
    actions["urging_preview"] = _action(
        window, menu, "Danh sách đôn đốc của &tất cả thành viên…", "", lambda: print_urging(window)
    )
    actions["urging_letters"] = _action(
        window,
        menu,
        "&Công văn đôn đốc…",
        "",
        lambda: write_urging_letters(window),
        "Mỗi đơn vị còn việc cần đôn đốc một công văn (Word), gửi cấp ủy của đơn vị",
    )


def _as_of(window: MainWindow):  # type: ignore[no-untyped-def]
    """The period chosen on the overview tab (None: the latest data)."""
    overview = window.overview
    return overview.selected_period() if overview.period_combo.count() else None


def print_report(window: MainWindow, mode: str) -> None:
    """Ask for the number and signer, then preview, print, or save the report as PDF or Word."""
    from ..services.report_content import report_document
    from . import printing

    signing = ask_signing(window)
    if signing is None:
        return
    as_of = _as_of(window)
    if mode == WORD:
        save_report_docx(window, as_of, signing)
        return
    printing.output(
        window,
        mode,
        "Báo cáo kết quả thực hiện các Đề án",
        printing.dated_name("bao-cao-de-an"),
        lambda: report_document(as_of, signing=signing),
    )


def save_report_docx(window: MainWindow, as_of, signing) -> None:  # type: ignore[no-untyped-def]
    from ..services.report_content import report_document

    save_docx(window, "báo cáo", "bao-cao-de-an", lambda: report_document(as_of, signing=signing))


def save_docx(window: MainWindow, what: str, stem: str, build) -> None:  # type: ignore[no-untyped-def]
    """Ask where, then build a Party document off the GUI thread and write it as an editable Word file."""
    from datetime import date

    from .workers import run_with_progress

    path = ask_docx_path(window, f"{stem}-{date.today():%Y-%m-%d}.docx")
    if not path:
        return
    target = Path(path if path.lower().endswith(".docx") else f"{path}.docx")

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        from ..rendering.docx import write_docx

        progress(0, 1, f"Đang lập {what}…")
        try:
            return write_docx(build(), target)
        except OSError as error:
            raise DomainError(
                f'Không ghi được tệp "{target}": tệp có đang mở trong Word không? ({error.strerror or error})'
            ) from error

    run_with_progress(
        window,
        f"Đang lập {what}…",
        work,
        lambda _path: messages.show_info(window, f"Đã lưu {what} vào tệp:\n{target}", "Lưu Word"),
        lambda text: messages.show_error(window, text),
    )


def ask_urging_letters(window: MainWindow):  # type: ignore[no-untyped-def]
    """The letters dialog (module-level so tests can replace it); None when cancelled."""
    from ..services.roster import list_members
    from .dialogs.document_dialogs import UrgingLettersDialog

    dialog = UrgingLettersDialog(list_members(), _as_of(window), window)
    return dialog if messages.run_dialog(dialog) else None


def write_urging_letters(window: MainWindow) -> None:
    """In → Công văn đôn đốc…: one letter per unit to urge, then what was written (units, items)."""
    from .workers import run_with_progress

    dialog = ask_urging_letters(window)
    if dialog is None:
        return
    period, member_id, folder = dialog.period(), dialog.member_id(), dialog.folder()
    signing, pdf = dialog.fields.signing(), dialog.pdf_check.isChecked()

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        from ..rendering.letters import write_urging_letters as write

        try:
            folder.mkdir(parents=True, exist_ok=True)
            return write(
                folder, period, member_id=member_id, signing=signing, pdf=pdf, progress=progress,
                should_cancel=cancelled,
            )  # fmt: skip
        except OSError as error:
            raise DomainError(f'Không ghi được vào thư mục "{folder}": {error.strerror or error}') from error

    def done(result) -> None:  # type: ignore[no-untyped-def]
        lines = [result.summary()]
        lines += [f"– {letter.unit_name}: {letter.item_count} nội dung" for letter in result.letters[:30]]
        if len(result.letters) > 30:
            lines.append(f"… và {len(result.letters) - 30} đơn vị khác.")
        messages.show_info(window, "\n".join(lines), "Công văn đôn đốc")

    run_with_progress(window, "Đang tạo công văn đôn đốc…", work, done, lambda text: messages.show_error(window, text))


def print_roster(window: MainWindow, mode: str) -> None:
    from ..services.report_content import roster_document
    from . import printing

    if mode == WORD:
        save_docx(window, "danh sách Ban Chỉ đạo", "ban-chi-dao", roster_document)
        return
    printing.output(window, mode, "Danh sách Ban Chỉ đạo", printing.dated_name("ban-chi-dao"), roster_document)


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
