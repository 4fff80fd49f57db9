"""Trình độ cán bộ: the cadre register with search and filters, statistics by level against the targets, rotations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services import rotations
from ...services.audit import EditConflictError
from ...services.cadres import LEVEL_COMMUNE, LEVEL_DISTRICT, LEVEL_LABELS, LevelStats, list_cadres
from ...services.errors import DomainError
from ...services.formatting import format_number
from ...services.indicator_cache import cached_report
from ...services.indicators import IndicatorReport, IndicatorValue, project_window
from ...services.register import PreparedRegister, RegisterColumns, prepare, prepare_register, register_size
from ...services.rotations import RotationInput
from ...services.vocab import EDUCATION, POLITICAL_THEORY
from .. import recent_folders, startup_trace
from ..dialogs.rotation_dialog import RotationDialog
from ..signals import AppSignals
from ..table_models.base import RowTableModel
from ..table_models.cadre_model import CadreFilter, CadreTableModel, StatLine, stat_lines, stats_model, targets_model
from ..table_models.rotation_model import RotationTableModel
from ..widgets import messages
from ..widgets.table_view import DataTable
from .base import LazyTab

SEARCH_DELAY_MS = 150
# A register this small is read on the window's thread (well under 100 ms); a larger one in the background.
READ_IN_PLACE = 3000
DISTRICT_TARGETS = ("cadre.postgrad_district", "cadre.senior_theory_district")
ROTATION_TARGET = "cadre.rotations"
ALL = "Tất cả"

CADRES, ROTATIONS = "cadres", "rotations"


def _combo(tooltip: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setToolTip(tooltip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.addItem(ALL, None)
    for label, data in items:
        combo.addItem(label, data)
    return combo


def _labelled(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _small_table(model: RowTableModel[StatLine] | RowTableModel[IndicatorValue]) -> DataTable:
    table = DataTable()
    table.setSortingEnabled(False)
    table.setModel(model)
    table.setSelectionMode(QTableView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return table


def rotation_summary(item: IndicatorValue | None, records: int) -> str:
    """``Đã luân chuyển 5 người (chỉ tiêu 4–6 người giai đoạn 2016–2020)`` plus the met mark."""
    start, end = project_window()
    if item is None:
        return f"Đã luân chuyển {records} người."
    low = format_number(item.target_min, 0) if item.target_min is not None else ""
    high = format_number(item.target_max, 0) if item.target_max is not None else ""
    goal = f"{low}–{high}" if low and high else (f"ít nhất {low}" if low else f"tối đa {high}")
    text = (
        f"Đã luân chuyển {item.numerator} người (chỉ tiêu {goal} {item.unit} giai đoạn {start.year}–{end.year})"
        f" — {'Đạt' if item.met else 'Chưa đạt'}"
    )
    if records != item.numerator:
        text += f". Danh sách có {records} bản ghi; bản ghi không tính vào chỉ tiêu có ghi lý do ở cột “Lý do”."
    return text


class CadresTab(LazyTab):
    title = "Trình độ cán bộ"

    def __init__(self, signals: AppSignals, parent: QWidget | None = None) -> None:
        self._stale = {CADRES, ROTATIONS}
        self._loader: Any = None  # the background read of a large register, while it runs
        super().__init__(signals, parent)
        self.pages = QTabWidget()
        self.pages.addTab(self._build_register(), "Danh sách cán bộ")
        self.pages.addTab(self._build_stats(), "Thống kê theo cấp")
        self.pages.addTab(self._build_rotations(), "Luân chuyển")
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        signals.returns_changed.connect(self._cadres_changed)
        signals.units_changed.connect(self._cadres_changed)
        signals.rotations_changed.connect(self._rotations_changed)

    # --- building ------------------------------------------------------------------
    def _build_register(self) -> QWidget:
        page = QWidget()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm theo họ tên, chức vụ, đơn vị…")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Gõ có dấu hoặc không dấu, ví dụ “nguyen” tìm được “Nguyễn” (Ctrl+F)")
        self.count_label = QLabel()
        self.unit_filter = _combo("Lọc theo đơn vị", [])
        self.level_filter = _combo("Lọc theo cấp", [(LEVEL_LABELS[k], k) for k in (LEVEL_DISTRICT, LEVEL_COMMUNE)])
        self.education_filter = _combo("Lọc theo trình độ chuyên môn", [(v, k) for k, v in EDUCATION.items()])
        self.theory_filter = _combo(
            "Lọc theo trình độ lý luận chính trị", [(v, k) for k, v in POLITICAL_THEORY.items()]
        )
        self.clear_filters = QPushButton("Bỏ lọc")
        self.clear_filters.setToolTip("Xóa ô tìm kiếm và đưa mọi bộ lọc về “Tất cả”")
        self.clear_filters.clicked.connect(self._reset_filters)

        top = QHBoxLayout()
        top.addWidget(_labelled("&Tìm:", self.search))
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        filters = QHBoxLayout()
        for text, combo in (
            ("Đơn &vị:", self.unit_filter),
            ("&Cấp:", self.level_filter),
            ("Chuyên &môn:", self.education_filter),
            ("&Lý luận chính trị:", self.theory_filter),
        ):
            filters.addWidget(_labelled(text, combo))
            filters.addWidget(combo)
            filters.addSpacing(8)
        filters.addStretch(1)
        filters.addWidget(self.clear_filters)

        self.cadre_model = CadreTableModel(self)
        self.cadre_table = DataTable()
        self.cadre_table.setModel(self.cadre_model)
        self.cadre_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.cadre_table.horizontalHeader().setSortIndicator(CadreTableModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate(CadreTableModel.WIDTHS):
            self.cadre_table.setColumnWidth(column, width)
        # Lay the table out at once after a filter or a sort (not on Qt's delayed timer), so rows and scroll bar
        # are painted in one pass instead of two.
        self.cadre_model.modelReset.connect(lambda: self.cadre_table.doItemsLayout())
        self.cadre_model.layoutChanged.connect(lambda *_: self.cadre_table.doItemsLayout())

        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.cadre_table, 1)
        note = QLabel("Danh sách lấy từ báo cáo mới nhất của từng đơn vị; muốn sửa, hãy nhập lại báo cáo đã chỉnh.")
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        for combo in (self.unit_filter, self.level_filter, self.education_filter, self.theory_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        self._focus_search = self._shortcut(page, QKeySequence.StandardKey.Find, self._focus_search_box)
        QWidget.setTabOrder(self.search, self.unit_filter)
        QWidget.setTabOrder(self.unit_filter, self.level_filter)
        QWidget.setTabOrder(self.level_filter, self.education_filter)
        QWidget.setTabOrder(self.education_filter, self.theory_filter)
        QWidget.setTabOrder(self.theory_filter, self.clear_filters)
        QWidget.setTabOrder(self.clear_filters, self.cadre_table)
        return page

    def _build_stats(self) -> QWidget:
        page = QWidget()
        self.level_models: dict[str, RowTableModel[StatLine]] = {}
        self.level_boxes: dict[str, QGroupBox] = {}
        levels = QHBoxLayout()
        for level in (LEVEL_DISTRICT, LEVEL_COMMUNE):
            model = stats_model(self)
            table = _small_table(model)
            for column, width in enumerate((120, 200, 80)):
                table.setColumnWidth(column, width)
            box = QGroupBox(LEVEL_LABELS[level])
            QVBoxLayout(box).addWidget(table)
            levels.addWidget(box)
            self.level_models[level], self.level_boxes[level] = model, box
        self.targets_model = targets_model(self)
        self.targets_table = _small_table(self.targets_model)
        for column, width in enumerate((520, 90, 150, 170)):
            self.targets_table.setColumnWidth(column, width)
        self.targets_table.setFixedHeight(self.targets_table.horizontalHeader().sizeHint().height() + 2 * 24 + 4)
        targets = QGroupBox("Chỉ tiêu cán bộ lãnh đạo, quản lý cấp huyện (như ở trang Tổng quan)")
        QVBoxLayout(targets).addWidget(self.targets_table)
        layout = QVBoxLayout(page)
        layout.addWidget(targets)
        layout.addLayout(levels, 1)
        return page

    def _build_rotations(self) -> QWidget:
        page = QWidget()
        self.add_button = QPushButton("&Thêm…")
        self.add_button.setToolTip("Thêm bản ghi luân chuyển (Ctrl+N)")
        self.add_button.setShortcut(QKeySequence("Ctrl+N"))
        self.edit_button = QPushButton("&Sửa…")
        self.edit_button.setToolTip("Sửa bản ghi đang chọn (Enter hoặc nhấp đúp)")
        self.remove_button = QPushButton("&Xóa")
        self.remove_button.setToolTip("Xóa bản ghi đang chọn (Delete)")
        self.blank_register_button = QPushButton("Sổ trống…")
        self.blank_register_button.setToolTip(
            "Lưu sổ luân chuyển trống (có cột Cấp trưởng, Đơn vị trước, Đơn vị đến) để điền rồi nhập lại"
        )
        self.add_button.clicked.connect(self.add_rotation)
        self.edit_button.clicked.connect(self.edit_rotation)
        self.remove_button.clicked.connect(self.remove_rotation)
        self.blank_register_button.clicked.connect(self.save_blank_register)
        self.rotation_summary = QLabel()
        self.rotation_summary.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.blank_register_button):
            buttons.addWidget(button)
        buttons.addSpacing(16)
        buttons.addWidget(self.rotation_summary, 1)

        self.rotation_model = RotationTableModel(self)
        self.rotation_table = DataTable()
        self.rotation_table.setModel(self.rotation_model)
        self.rotation_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        for column, width in enumerate(RotationTableModel.WIDTHS):
            self.rotation_table.setColumnWidth(column, width)
        self.rotation_table.horizontalHeader().setSortIndicator(
            RotationTableModel.COL_DATE, Qt.SortOrder.AscendingOrder
        )
        self.rotation_table.on_activate = self.edit_rotation
        self.rotation_table.on_delete = self.remove_rotation
        self.rotation_table.doubleClicked.connect(lambda _index: self.edit_rotation())
        self.rotation_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.rotation_table, 1)
        return page

    def _shortcut(self, page: QWidget, key: QKeySequence.StandardKey, slot: Callable[[], None]) -> QShortcut:
        shortcut = QShortcut(QKeySequence(key), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def _focus_search_box(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- loading ---------------------------------------------------------------------
    def mark_dirty(self) -> None:
        self._stale = {CADRES, ROTATIONS}
        super().mark_dirty()

    def _cadres_changed(self) -> None:
        self._stale.add(CADRES)
        super().mark_dirty()

    def _rotations_changed(self) -> None:
        self._stale.add(ROTATIONS)
        super().mark_dirty()

    def reload(self) -> None:
        stale, self._stale = self._stale or {CADRES, ROTATIONS}, set()
        report = cached_report()  # the latest data's figures, as the overview shows them (kept: one read)
        if ROTATIONS in stale:
            self._load_rotations(report)
        if CADRES in stale:  # last: a large register is read on a thread that would compete with the work above
            self._load_stats(report)
            self._load_register()

    def _load_register(self) -> None:
        """A small register is read here; a large one in the background (the window never waits for it)."""
        if self._loader is not None:
            self._loader.cancel()
            self._loader = None
        if register_size() <= READ_IN_PLACE:
            self._install(prepare(RegisterColumns.from_rows(list_cadres())))
            return
        from ..workers import Job

        self.count_label.setText("Đang tải danh sách cán bộ…")
        job = self._loader = Job(lambda _progress, stop: prepare_register(should_stop=stop), self)
        job.succeeded.connect(lambda result, job=job: self._loaded(job, result))
        job.failed.connect(lambda text: messages.show_error(self, text))
        job.finished.connect(job.deleteLater)
        app = QCoreApplication.instance()
        if app is not None:  # a window closed while the register loads: stop the read and let the thread end first
            app.aboutToQuit.connect(job.cancel)
            app.aboutToQuit.connect(job.wait)
        job.start()
        # PySide's first call returning the table's viewport (a plain QWidget) looks up the Python types of every
        # QWidget subclass, once per process: ~15-25 ms. Made after the table's first paint, while the window waits
        # for the rows with nothing to do; not in _install, when the rows arrive and the window has most to do.
        startup_trace.record_on_paint(self.cadre_table, "", then=self.cadre_table.viewport)

    def _loaded(self, job: object, register: PreparedRegister) -> None:
        if job is self._loader and not self._loader.cancelled:
            self._loader = None
            self._install(register)

    def _install(self, register: PreparedRegister) -> None:
        self.cadre_model.install(register)
        self._show_stats(register)
        chosen = self.unit_filter.currentData()
        units = {unit_id: name for unit_id, name, _level in register.columns.units}
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.addItem(ALL, None)
        for unit_id, name in units.items():
            self.unit_filter.addItem(name, unit_id)
        self.unit_filter.setCurrentIndex(max(self.unit_filter.findData(chosen), 0) if chosen is not None else 0)
        self.unit_filter.blockSignals(False)
        self.apply_filter()
        startup_trace.record_on_paint(self.cadre_table.viewport(), startup_trace.REGISTER)

    def _show_stats(self, register: PreparedRegister) -> None:
        for level, by_education, by_theory, total in register.stats:
            stats = LevelStats(
                level=level,
                total=total,
                by_education={code: by_education.get(code, 0) for code in EDUCATION},
                by_theory={code: by_theory.get(code, 0) for code in POLITICAL_THEORY},
            )
            self.level_models[level].set_rows(stat_lines(stats))
            self.level_boxes[level].setTitle(f"{LEVEL_LABELS[level]} — {format_number(total)} người")

    def _load_stats(self, report: IndicatorReport) -> None:
        wanted = {item.code: item for item in report.indicators}
        self.targets_model.set_rows([wanted[code] for code in DISTRICT_TARGETS if code in wanted])

    def _load_rotations(self, report: IndicatorReport) -> None:
        current = self._current_rotation()
        judged = rotations.rotation_count()
        rows = judged.rows
        self.rotation_model.set_judged(judged)
        header = self.rotation_table.horizontalHeader()
        if header.isSortIndicatorShown():
            self.rotation_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        item = next((i for i in report.indicators if i.code == ROTATION_TARGET), None)
        self.rotation_summary.setText(rotation_summary(item, len(rows)))
        if current is not None:
            self._select_rotation(current.id)
        self._update_buttons()

    # --- the register ---------------------------------------------------------------
    def current_filter(self) -> CadreFilter:
        return CadreFilter(
            text=self.search.text(),
            unit_id=self.unit_filter.currentData(),
            level=self.level_filter.currentData(),
            education=self.education_filter.currentData(),
            theory=self.theory_filter.currentData(),
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.cadre_model.apply(self.current_filter())
        shown, total = self.cadre_model.rowCount(), self.cadre_model.total()
        self.count_label.setText(f"Hiển thị {format_number(shown)} / {format_number(total)} cán bộ")

    def _reset_filters(self) -> None:
        for combo in (self.unit_filter, self.level_filter, self.education_filter, self.theory_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()
        self.apply_filter()

    # --- rotations -------------------------------------------------------------------
    def _current_rotation(self) -> rotations.RotationRow | None:
        row = self.rotation_table.current_row()
        return self.rotation_model.row_at(row) if row is not None else None

    def _select_rotation(self, rotation_id: int) -> None:
        row = self.rotation_model.row_of(rotation_id)
        if row is not None:
            self.rotation_table.selectRow(row)
            self.rotation_table.setCurrentIndex(self.rotation_model.index(row, 0))

    def _update_buttons(self) -> None:
        has_row = self._current_rotation() is not None
        self.edit_button.setEnabled(has_row)
        self.remove_button.setEnabled(has_row)

    def _run_rotation_dialog(self, dialog: RotationDialog, save: Callable[[RotationInput], int | None]) -> bool:
        """Run the dialog until the service accepts what was entered, or the user cancels; errors keep the input."""
        while messages.run_dialog(dialog):
            try:
                saved_id = save(dialog.value())
            except EditConflictError as error:  # changed by someone else since shown: show theirs, do not retry
                messages.show_error(self, str(error))
                self.signals.rotations_changed.emit()
                return False
            except DomainError as error:
                messages.show_error(self, str(error))
                continue
            self.signals.rotations_changed.emit()
            if saved_id is not None:
                self._select_rotation(saved_id)
            return True
        return False

    def add_rotation(self) -> None:
        self._run_rotation_dialog(RotationDialog(parent=self), rotations.add_rotation)

    def edit_rotation(self) -> None:
        current = self._current_rotation()
        if current is None:
            return

        def save(data: RotationInput) -> int:
            rotations.update_rotation(current.id, data, seen=current.version)
            return current.id

        self._run_rotation_dialog(RotationDialog(current, parent=self), save)

    def remove_rotation(self) -> None:
        current = self._current_rotation()
        if current is None:
            return
        decision = f" (quyết định số {current.decision_no})" if current.decision_no else ""
        if not messages.confirm(
            self, "Xóa bản ghi luân chuyển", f"Xóa bản ghi luân chuyển của “{current.full_name}”{decision}?"
        ):
            return
        try:
            rotations.remove_rotation(current.id)
        except DomainError as error:
            messages.show_error(self, str(error))
            return
        self.signals.rotations_changed.emit()

    def save_blank_register(self) -> None:
        """The blank `Luân chuyển` register, with the columns the Đề án's count needs, to fill in and import."""
        target = ask_register_file(self)
        if not target:
            return
        from ...services.excel_export.district_form import export_rotation_form

        try:
            path = export_rotation_form(Path(target))
        except OSError as error:
            messages.show_error(self, f"Không ghi được tệp {target}: {error.strerror or error}.")
            return
        messages.show_info(self, f"Đã lưu sổ luân chuyển trống vào tệp:\n{path}", "Sổ luân chuyển")


def ask_register_file(parent: QWidget) -> str:
    """The save dialog, in the folder of the last export (module-level so tests can replace it)."""
    return recent_folders.save_file(
        parent, recent_folders.EXPORT, "Lưu sổ luân chuyển trống", "So-luan-chuyen.xlsx", "Sổ tính Excel (*.xlsx)"
    )
