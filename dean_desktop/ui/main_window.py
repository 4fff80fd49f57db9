"""The main window: six tabs, menus and the status bar; it composes, the tabs do the work."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QTabWidget, QWidget

from .. import APP_NAME, __version__
from ..paths import data_dir
from ..services.errors import DomainError
from ..store import open_store
from . import printing
from .backup_actions import install_backup_actions
from .dialogs.export_forms_dialog import ExportFormsDialog
from .import_flow import ImportController, is_workbook_drop
from .signals import AppSignals
from .single_instance import DatabaseInUseError, hold_database, release_database
from .tabs.cadres import CadresTab
from .tabs.checklist import ChecklistTab
from .tabs.import_log import ImportLogTab
from .tabs.offices import OfficesTab
from .tabs.overview import OverviewTab
from .tabs.roster import RosterTab
from .widgets import messages
from .workers import run_with_progress


def ask_summary_path(parent: QWidget) -> str:
    """The save dialog for the summary workbook (module-level so tests can replace it); starts in Documents."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = Path(documents) / f"tong-hop-de-an-{date.today():%Y-%m-%d}.xlsx"
    path, _ = QFileDialog.getSaveFileName(parent, "Xuất bảng tổng hợp", str(suggested), "Sổ tính Excel (*.xlsx)")
    return path


def settings() -> QSettings:
    """Window state lives in an INI file in the data folder (no registry writes, easy to reset)."""
    return QSettings(str(data_dir() / "giao-dien.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    def __init__(self, db_path: Path, signals: AppSignals | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.signals = signals or AppSignals(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.overview = OverviewTab(self.signals)
        self.roster = RosterTab(self.signals)
        self.offices = OfficesTab(self.signals)
        self.cadres = CadresTab(self.signals)
        self.checklist = ChecklistTab(self.signals)
        self.import_log = ImportLogTab(self.signals)
        for tab, title in (
            (self.overview, "Tổng quan"),
            (self.roster, "Ban Chỉ đạo"),
            (self.offices, "Một cửa cấp xã"),
            (self.cadres, "Trình độ cán bộ"),
            (self.checklist, "Nhóm giải pháp"),
            (self.import_log, "Nhật ký nhập"),
        ):
            self.tabs.addTab(tab, title)
        self.setCentralWidget(self.tabs)
        self.imports = ImportController(self, self.signals)
        self.setAcceptDrops(True)  # drop returns (files or folders) anywhere on the window to import them
        self._db_label = QLabel()
        self.statusBar().addPermanentWidget(self._db_label)
        self._build_menus()
        self._show_db()
        self.resize(1200, 760)
        self._restore_state()

    # --- menus ---------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Tệp")
        self.open_action = QAction("&Mở cơ sở dữ liệu khác…", self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_database)
        file_menu.addAction(self.open_action)
        install_backup_actions(self, file_menu)
        file_menu.addSeparator()
        quit_action = QAction("T&hoát", self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        data_menu = self.menuBar().addMenu("&Dữ liệu")
        self.import_action = QAction("&Nhập báo cáo…", self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setStatusTip("Nhập các tệp báo cáo của xã, cơ quan (có thể kéo thả tệp vào cửa sổ)")
        self.import_action.triggered.connect(self.imports.choose_files)
        data_menu.addAction(self.import_action)
        self.export_forms_action = QAction("&Xuất biểu mẫu trống…", self)
        self.export_forms_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_forms_action.triggered.connect(self.export_forms)
        data_menu.addAction(self.export_forms_action)
        self.export_summary_action = QAction("Xuất &bảng tổng hợp (Excel)…", self)
        self.export_summary_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_summary_action.setStatusTip("Bảng tổng hợp của huyện, tính đến kỳ đang chọn ở tab Tổng quan")
        self.export_summary_action.triggered.connect(self.export_summary)
        data_menu.addAction(self.export_summary_action)
        self.data_menu = data_menu
        self._build_print_menu()
        help_menu = self.menuBar().addMenu("Trợ &giúp")
        about = QAction("&Giới thiệu", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        messages.show_info(
            self,
            f"{APP_NAME} {__version__}\nTheo dõi Đề án nâng cao chất lượng đội ngũ cán bộ và Đề án đẩy mạnh "
            f"cải cách hành chính huyện Định Hóa giai đoạn 2016 – 2020.\n\nCơ sở dữ liệu: {self.db_path}",
            "Giới thiệu",
        )

    # --- exchange -------------------------------------------------------------
    def _build_print_menu(self) -> None:
        menu = self.menuBar().addMenu("&In")
        self.print_actions: dict[str, QAction] = {}
        entries = [
            ("report_preview", "&Xem trước báo cáo…", "Ctrl+Shift+P", lambda: self.print_report(printing.PREVIEW)),
            ("report_print", "&In báo cáo…", "Ctrl+P", lambda: self.print_report(printing.PRINT)),
            ("report_pdf", "&Lưu báo cáo thành PDF…", "Ctrl+Shift+S", lambda: self.print_report(printing.PDF)),
            (None, "", "", None),
            ("roster_preview", "Danh sách Ban Chỉ đạo và &phân công…", "", lambda: self.print_roster(printing.PREVIEW)),
            ("roster_pdf", "Lưu danh sách Ban Chỉ đạo thành P&DF…", "", lambda: self.print_roster(printing.PDF)),
            ("urging_preview", "Danh sách đôn đốc của &tất cả thành viên…", "", self.print_urging),
        ]
        for key, text, shortcut, slot in entries:
            if key is None:
                menu.addSeparator()
                continue
            action = QAction(text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            menu.addAction(action)
            self.print_actions[key] = action

    def _as_of(self):  # type: ignore[no-untyped-def]
        """The period chosen on the overview tab (None: the latest data)."""
        return self.overview.selected_period() if self.overview.period_combo.count() else None

    def print_report(self, mode: str) -> None:
        from ..services.report_content import report_html

        as_of = self._as_of()
        printing.output(self, mode, "Báo cáo kết quả thực hiện các Đề án", printing.dated_name("bao-cao-de-an"),
                        lambda: report_html(as_of))

    def print_roster(self, mode: str) -> None:
        from ..services.report_content import roster_html

        printing.output(self, mode, "Danh sách Ban Chỉ đạo", printing.dated_name("ban-chi-dao"), roster_html)

    def print_urging(self) -> None:
        self.roster.ensure_loaded()
        self.roster.panel.urging.print_list(all_members=True)

    def export_summary(self) -> None:
        path = ask_summary_path(self)
        if not path:
            return
        target = Path(path if path.lower().endswith(".xlsx") else f"{path}.xlsx")
        as_of = self._as_of()

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            from ..services.excel_export.summary import export_summary

            try:
                return export_summary(target, as_of, progress=lambda done, total, *_: progress(done, total, ""),
                                      should_cancel=cancelled)
            except OSError as error:
                raise DomainError(
                    f'Không ghi được tệp "{target}": tệp có đang mở trong Excel không? ({error.strerror or error})'
                ) from error

        def failed(text: str) -> None:
            messages.show_error(self, text)

        run_with_progress(self, "Đang xuất bảng tổng hợp…", work,
                          lambda _path: messages.show_info(self, f"Đã xuất bảng tổng hợp vào tệp:\n{target}"), failed)

    def export_forms(self) -> None:
        dialog = ExportFormsDialog(self)
        if not messages.run_dialog(dialog):
            return
        period, folder, unit_ids = dialog.period(), dialog.folder(), dialog.unit_ids()
        assert period is not None

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            from ..services.excel_export.forms import export_forms

            return export_forms(folder, period, unit_ids, progress=progress, should_cancel=cancelled)

        def done(paths: list[Path]) -> None:
            messages.show_info(self, f"Đã tạo {len(paths)} biểu mẫu kỳ {period.label} trong thư mục:\n{folder}")

        run_with_progress(self, "Đang tạo biểu mẫu…", work, done, lambda text: messages.show_error(self, text))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and is_workbook_drop(paths):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.imports.start(paths)

    def choose_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Mở hoặc tạo cơ sở dữ liệu",
            str(self.db_path.parent),
            "Cơ sở dữ liệu (*.db *.sqlite)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.switch_database(Path(path))

    def switch_database(self, path: Path) -> None:
        old_path = self.db_path
        try:
            newly_locked = hold_database(path)  # one window per database file
        except DatabaseInUseError as error:
            messages.show_error(self, str(error), "Cơ sở dữ liệu đang được mở")
            return
        try:
            self.db_path = open_store(path)
        except Exception as error:  # noqa: BLE001 - any failure to open is shown, the old file stays usable
            if newly_locked:
                release_database(path)
            messages.show_error(self, f"Không mở được cơ sở dữ liệu {path}:\n{error}")
            open_store(self.db_path)
            return
        if newly_locked:
            release_database(old_path)
        self._show_db()
        self.signals.database_switched.emit()

    def _show_db(self) -> None:
        self.setWindowTitle(f"{APP_NAME} — {self.db_path.name}")
        self._db_label.setText(f"Cơ sở dữ liệu: {self.db_path}")

    # --- state ---------------------------------------------------------------
    def _restore_state(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = store.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        tab = store.value("window/tab", 0)
        try:
            self.tabs.setCurrentIndex(int(tab))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            pass

    def closeEvent(self, event: QCloseEvent) -> None:
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.setValue("window/tab", self.tabs.currentIndex())
        store.sync()
        super().closeEvent(event)
