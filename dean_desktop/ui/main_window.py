"""The main window: six tabs, menus and the status bar; it composes, the tabs do the work.

Start-up is kept to what an empty Qt window costs: the frame, the tab titles and the menus are built at once, each
tab's module is imported and its widget built the first time the tab is shown, and menu actions import what they need
when used. ``deferred=True`` (the application) builds even the first tab only after the window is on screen.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget, QVBoxLayout, QWidget

from .. import APP_NAME, __version__
from ..paths import data_dir
from ..services.files import is_workbook_drop
from ..targets import is_server_target, target_label, target_name
from .application import warn_if_on_network
from .getting_started import FirstStartPanel, SampleBanner, back_to_own_data, install_help_menu
from .screen_fit import fit_to_screen
from .server_actions import install_server_actions
from .signals import AppSignals
from .single_instance import DatabaseInUseError, hold_database, release_database
from .widgets import messages
from .window_actions import install_backup_actions, install_data_menu, install_print_menu

if TYPE_CHECKING:
    from ..services.indicator_cache import KeptFigures
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
        central = QWidget()
        self._column = QVBoxLayout(central)  # the sample-data banner goes above the tabs, once the store is open
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.tabs)
        self.setCentralWidget(central)
        self._sample_banner: SampleBanner | None = None
        self._first_start: FirstStartPanel | None = None
        self._imports: ImportController | None = None
        self.setAcceptDrops(True)  # drop returns (files or folders) anywhere on the window to import them
        self._db_label = QLabel()
        self.statusBar().addPermanentWidget(self._db_label)
        self.print_actions: dict[str, QAction] = {}
        self._build_menus()
        self.signals.database_switched.connect(self._show_start_help)
        self.signals.returns_changed.connect(self._show_start_help)
        self._show_db()
        fit_to_screen(self, QSize(1200, 760))
        self._ready = False
        self.watcher: Any = None
        self._restore_state()
        self.tabs.currentChanged.connect(self._tab_shown)
        if not deferred:
            self.start()

    def start(self) -> None:
        """Build the current tab (the store must be open); the others are built when first shown. From now on, what
        others write to the store shows here within about two seconds (live_updates.StoreWatcher)."""
        self._ready = True
        self._show_start_help()
        self._tab_shown(self.tabs.currentIndex())
        overview = self._built.get("overview")
        if overview is not None:  # shown from the kept figures before the store was open (show_kept): load it now
            overview.mark_dirty()  # type: ignore[attr-defined]
        if self.watcher is None:
            from .live_updates import StoreWatcher

            self.watcher = StoreWatcher(self.signals, self)
            self.signals.database_switched.connect(self.watcher.start)
        self.watcher.start()

    def _show_start_help(self) -> None:
        """The sample-data banner on a sample database; the first steps while no return has been imported.

        Each is built the first time it is shown (after the window is on screen, never in ``__init__``): a store with
        real returns, the usual start, pays for neither (their styled widgets took ≈25 ms before the figures).
        """
        from ..services.indicators import reported_periods
        from ..services.sample_data import is_sample_database

        sample, empty = is_sample_database(), not reported_periods()
        if sample or self._sample_banner is not None:
            self.sample_banner.setVisible(sample)
        if empty or self._first_start is not None:
            self.first_start.setVisible(empty)

    @property
    def sample_banner(self) -> SampleBanner:
        """The DỮ LIỆU MẪU bar under the menu (built hidden when first asked for)."""
        if self._sample_banner is None:
            self._sample_banner = SampleBanner(lambda: back_to_own_data(self))
            self._sample_banner.hide()
            self._column.insertWidget(0, self._sample_banner)  # under the menu, above the tabs
        return self._sample_banner

    @property
    def first_start(self) -> FirstStartPanel:
        """The first steps above the overview (built hidden when first asked for)."""
        if self._first_start is None:
            actions = {"export_forms": self.export_forms_action, "import": self.import_action}
            actions["report_preview"] = self.print_actions["report_preview"]
            self._first_start = FirstStartPanel({**actions, **self.help_actions})
            self._first_start.hide()
            overview = self._pages["overview"].layout()
            assert isinstance(overview, QVBoxLayout)
            overview.insertWidget(0, self._first_start)  # above the overview tab, which may be built already
        return self._first_start

    def show_kept(self, kept: KeptFigures, then: Callable[[], None]) -> bool:
        """Start-up, before the store is opened: when the window opens on the overview, paint the figures and charts
        kept in the store and call ``then`` once the charts are painted; False (nothing done) on another tab."""
        if TABS[self.tabs.currentIndex()][0] != "overview":
            return False
        self.tab("overview", prepare=lambda tab: tab.show_kept(kept, then))
        return True

    def loads_in_stages(self) -> bool:
        """True when the current tab paints its data after it is built (and records that as a start-up milestone)."""
        return TABS[self.tabs.currentIndex()][0] in ("overview", "cadres")

    # --- tabs, built on first use ---------------------------------------------
    def tab(self, key: str, prepare: Callable[[Any], None] | None = None) -> Any:
        """The tab ``key``, built on first use (``prepare`` then runs on it before it is shown)."""
        widget = self._built.get(key)
        if widget is None:
            _key, _title, module_name, class_name = next(t for t in TABS if t[0] == key)
            module = importlib.import_module(f"{__package__}.tabs.{module_name}")
            widget = getattr(module, class_name)(self.signals)
            if prepare is not None:
                prepare(widget)
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
        install_server_actions(self, file_menu)
        file_menu.addSeparator()
        install_backup_actions(self, file_menu)
        file_menu.addSeparator()
        quit_action = QAction("T&hoát", self)
        quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        install_data_menu(self)
        install_print_menu(self)
        help_menu = self.menuBar().addMenu("Trợ &giúp")
        self.help_actions = install_help_menu(self, help_menu)
        about = QAction("&Giới thiệu", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        messages.show_info(
            self,
            f"{APP_NAME} {__version__}\nTheo dõi Đề án nâng cao chất lượng đội ngũ cán bộ và Đề án đẩy mạnh "
            f"cải cách hành chính huyện Định Hóa giai đoạn 2016 – 2020.\n\nCơ sở dữ liệu: {target_label(self.db_path)}",
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
        from .database_dialog import ask_database_path

        path = ask_database_path(self)
        if path is not None:
            self.switch_database(path)

    def switch_database(self, path: Path | str) -> None:
        from ..store import open_store

        old_path = self.db_path
        try:  # one window per database file; a server database is shared by design
            newly_locked = False if is_server_target(path) else hold_database(path)
        except DatabaseInUseError as error:
            messages.show_error(self, str(error), "Cơ sở dữ liệu đang được mở")
            return
        try:
            self.db_path = open_store(path)
        except Exception as error:  # noqa: BLE001 - any failure to open is shown, the old file stays usable
            if newly_locked:
                release_database(path)
            messages.show_error(self, f"Không mở được cơ sở dữ liệu {target_label(path)}:\n{error}")
            open_store(self.db_path)
            return
        moved = newly_locked or is_server_target(path)  # not moved: the same file again
        if moved and not is_server_target(old_path):
            release_database(old_path)
        self._show_db()
        self.signals.database_switched.emit()
        warn_if_on_network(self, self.db_path)

    def _show_db(self) -> None:
        self.setWindowTitle(f"{APP_NAME} — {target_name(self.db_path)}")
        self._db_label.setText(f"Cơ sở dữ liệu: {target_label(self.db_path)}")

    # --- state ---------------------------------------------------------------
    def _restore_state(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
            fit_to_screen(self, placed=True)  # saved on a larger screen, or on one no longer attached
        state = store.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        tab = store.value("window/tab", 0)
        try:
            self.tabs.setCurrentIndex(int(tab))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            pass

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.watcher is not None:
            self.watcher.stop()
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.setValue("window/tab", self.tabs.currentIndex())
        store.sync()
        super().closeEvent(event)
