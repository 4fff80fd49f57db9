"""The main window: six tabs, menus and the status bar; it composes, the tabs do the work.

Start-up is kept to what an empty Qt window costs: the frame, the tab titles and the menus are built at once, each
tab's module is imported and its widget built the first time the tab is shown, and menu actions import what they need
when used. ``deferred=True`` (the application) builds even the first tab only after the window is on screen.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMenu, QTabWidget, QVBoxLayout, QWidget

from .. import APP_NAME, __version__
from ..paths import data_dir
from ..services.files import is_workbook_drop
from . import recent_folders
from .application import warn_if_on_network
from .signals import AppSignals
from .single_instance import DatabaseInUseError, hold_database, release_database
from .widgets import messages
from .window_actions import install_backup_actions, install_data_menu, install_print_menu

if TYPE_CHECKING:
    from .import_flow import ImportController
    from .tabs.cadres import CadresTab
    from .tabs.checklist import ChecklistTab
    from .tabs.import_log import ImportLogTab
    from .tabs.offices import OfficesTab
    from .tabs.overview import OverviewTab
    from .tabs.roster import RosterTab

# (attribute, title, module under ui.tabs, class)
TABS = (
    ("overview", "Tổng quan", "overview", "OverviewTab"),
    ("roster", "Ban Chỉ đạo", "roster", "RosterTab"),
    ("offices", "Một cửa cấp xã", "offices", "OfficesTab"),
    ("cadres", "Trình độ cán bộ", "cadres", "CadresTab"),
    ("checklist", "Nhóm giải pháp", "checklist", "ChecklistTab"),
    ("import_log", "Nhật ký nhập", "import_log", "ImportLogTab"),
)


def settings() -> QSettings:
    """Window state lives in an INI file in the data folder (no registry writes, easy to reset)."""
    return QSettings(str(data_dir() / "giao-dien.ini"), QSettings.Format.IniFormat)


def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    return [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]


class MainWindow(QMainWindow):
    def __init__(
        self, db_path: Path, signals: AppSignals | None = None, parent: QWidget | None = None, *, deferred: bool = False
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.signals = signals or AppSignals(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._built: dict[str, QWidget] = {}
        self._pages: dict[str, QWidget] = {}
        for key, title, _module, _cls in TABS:
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.setContentsMargins(0, 0, 0, 0)
            self._pages[key] = page
            self.tabs.addTab(page, title)
        self.setCentralWidget(self.tabs)
        self._imports: ImportController | None = None
        self.setAcceptDrops(True)  # drop returns (files or folders) anywhere on the window to import them
        self._db_label = QLabel()
        self.statusBar().addPermanentWidget(self._db_label)
        self.print_actions: dict[str, QAction] = {}
        self._build_menus()
        self._show_db()
        self.resize(1200, 760)
        self._ready = False
        self._restore_state()
        self.tabs.currentChanged.connect(self._tab_shown)
        if not deferred:
            self.start()

    def start(self) -> None:
        """Build the current tab (the store must be open); the others are built when first shown."""
        self._ready = True
        self._tab_shown(self.tabs.currentIndex())

    # --- tabs, built on first use ---------------------------------------------
    def tab(self, key: str) -> Any:
        widget = self._built.get(key)
        if widget is None:
            _key, _title, module_name, class_name = next(t for t in TABS if t[0] == key)
            module = importlib.import_module(f"{__package__}.tabs.{module_name}")
            widget = getattr(module, class_name)(self.signals)
            self._built[key] = widget
            layout = self._pages[key].layout()
            assert layout is not None
            layout.addWidget(widget)
            if self._pages[key].isVisible():
                widget.show()  # now, not on Qt's queued show: the tab loads its data before this returns
        return widget

    def _tab_shown(self, index: int) -> None:
        if self._ready and 0 <= index < len(TABS):
            self.tab(TABS[index][0])

    @property
    def overview(self) -> OverviewTab:
        return self.tab("overview")  # type: ignore[no-any-return]

    @property
    def roster(self) -> RosterTab:
        return self.tab("roster")  # type: ignore[no-any-return]

    @property
    def offices(self) -> OfficesTab:
        return self.tab("offices")  # type: ignore[no-any-return]

    @property
    def cadres(self) -> CadresTab:
        return self.tab("cadres")  # type: ignore[no-any-return]

    @property
    def checklist(self) -> ChecklistTab:
        return self.tab("checklist")  # type: ignore[no-any-return]

    @property
    def import_log(self) -> ImportLogTab:
        return self.tab("import_log")  # type: ignore[no-any-return]

    @property
    def imports(self) -> ImportController:
        if self._imports is None:
            from .import_flow import ImportController

            self._imports = ImportController(self, self.signals)
        return self._imports

    # --- menus ---------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu: QMenu = self.menuBar().addMenu("&Tệp")
        self.open_action = QAction("&Mở cơ sở dữ liệu khác…", self)
        self.open_action.setShortcuts(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_database)
        file_menu.addAction(self.open_action)
        install_backup_actions(self, file_menu)
        file_menu.addSeparator()
        quit_action = QAction("T&hoát", self)
        quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        install_data_menu(self)
        install_print_menu(self)
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

    # --- drag and drop ---------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        paths = _dropped_paths(event)
        if is_workbook_drop(paths):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.imports.start(paths)

    # --- another database ------------------------------------------------------
    def choose_database(self) -> None:
        path = recent_folders.save_file(
            self,
            recent_folders.DATABASE,
            "Mở hoặc tạo cơ sở dữ liệu",
            "",
            "Cơ sở dữ liệu (*.db *.sqlite)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.switch_database(Path(path))

    def switch_database(self, path: Path) -> None:
        from ..store import open_store

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
        warn_if_on_network(self, self.db_path)

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
