"""Tổng quan: each target's value against its goal, the checklist completion and who has not reported.

At start-up the tab paints the figures and charts kept in the store (``show_kept``) before the database layer is
loaded, so this module imports none of it: the indicator engine and the completeness panel load when first used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...services.formatting import format_date, format_judged_percent, format_percent
from ...services.indicator_cache import History, KeptFigures, cached_history, cached_report
from ...services.indicator_types import ChecklistFigure, IndicatorReport, IndicatorValue, target_text, value_text
from ...services.periods import Period, period_from_code
from .. import startup_trace
from ..signals import AppSignals
from .base import LazyTab

if TYPE_CHECKING:
    from ..widgets.completeness_panel import CompletenessPanel

MET_STYLE = "color: #1b6e20; font-weight: bold;"
UNMET_STYLE = "color: #b3261e; font-weight: bold;"


class TargetCard(QFrame):
    """One target: title, value, numerator/denominator, a bar towards the goal and the met mark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.value = QLabel()
        self.value.setStyleSheet("font-size: 20pt;")
        self.detail = QLabel()
        self.mark = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(True)
        layout = QGridLayout(self)
        layout.addWidget(self.title, 0, 0, 1, 2)
        layout.addWidget(self.value, 1, 0)
        layout.addWidget(self.mark, 1, 1)  # kept right by the stretching first column (no Qt namespace: ≈20 ms)
        layout.setColumnStretch(0, 1)
        layout.addWidget(self.bar, 2, 0, 1, 2)
        layout.addWidget(self.detail, 3, 0, 1, 2)
        self.chart_slot = layout
        self.chart = None  # created once the figures are on screen: they come first

    def ensure_chart(self):  # type: ignore[no-untyped-def]
        if self.chart is None:
            from ..widgets.indicator_chart import IndicatorChart

            self.chart = IndicatorChart(self)
            self.chart_slot.addWidget(self.chart, 4, 0, 1, 2)
        return self.chart

    def show_value(self, item: IndicatorValue) -> None:
        self.title.setText(item.title)
        self.value.setText(value_text(item))
        if item.denominator is not None:
            detail = f"{item.numerator}/{item.denominator} — chỉ tiêu {target_text(item)} đến năm {item.deadline}"
        else:
            detail = f"Chỉ tiêu {target_text(item)} trong giai đoạn, hạn {item.deadline}"
        self.detail.setText(detail)
        goal = item.target_min if item.target_min else (item.target_max or 100.0)
        reached = 0.0 if item.value is None else min(item.value / goal, 1.0) if goal else 0.0
        self.bar.setValue(int(round(reached * 1000)))
        self.bar.setFormat(f"{format_judged_percent(reached * 100, 100.0)} chỉ tiêu")
        self.mark.setText("✔ Đạt" if item.met else "✘ Chưa đạt")
        self.mark.setStyleSheet(MET_STYLE if item.met else UNMET_STYLE)
        self.setToolTip(f"Mã chỉ tiêu: {item.code}")


class OverviewTab(LazyTab):
    def __init__(self, signals: AppSignals, parent: QWidget | None = None) -> None:
        super().__init__(signals, parent)
        for signal in (
            signals.returns_changed,
            signals.offices_changed,
            signals.rotations_changed,
            signals.tasks_changed,
            signals.units_changed,
        ):
            signal.connect(self.mark_dirty)
        self.period_combo = QComboBox()
        self.period_combo.setMinimumWidth(220)
        self.period_combo.setToolTip("Tính các chỉ tiêu theo báo cáo mới nhất của mỗi đơn vị, đến hết kỳ đã chọn")
        self.period_combo.currentIndexChanged.connect(self._period_chosen)
        self.reference = QLabel()
        top = QHBoxLayout()
        caption = QLabel("Tính đến &kỳ:")
        caption.setBuddy(self.period_combo)
        top.addWidget(caption)
        top.addWidget(self.period_combo)
        top.addWidget(self.reference, 1)

        self.cards: dict[str, TargetCard] = {}
        self.cards_box = QGroupBox("Chỉ tiêu của các Đề án")
        self.cards_layout = QGridLayout(self.cards_box)
        self.checklist_box = QGroupBox("Nhiệm vụ theo nhóm giải pháp")
        self.checklist_layout = QVBoxLayout(self.checklist_box)
        self.checklist_labels: dict[str, tuple[QLabel, QProgressBar]] = {}
        self._completeness: CompletenessPanel | None = None
        self._completeness_slot = QWidget()  # holds the panel from its first use; keeps its place meanwhile
        slot_layout = QVBoxLayout(self._completeness_slot)
        slot_layout.setContentsMargins(0, 0, 0, 0)
        self.missing_box = QGroupBox("Xã, thị trấn chưa gửi báo cáo")
        self.missing_list = QListWidget()
        missing_layout = QVBoxLayout(self.missing_box)
        missing_layout.addWidget(self.missing_list)

        side = QVBoxLayout()
        side.addWidget(self.checklist_box)
        side.addWidget(self._completeness_slot, 3)
        side.addWidget(self.missing_box, 1)
        body = QHBoxLayout()
        body.addWidget(self.cards_box, 5)
        body.addLayout(side, 3)
        content = QWidget()
        outer = QVBoxLayout(content)
        outer.addLayout(top)
        outer.addLayout(body, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.report: IndicatorReport | None = None
        self._filling = False
        self._first_paint_done = False  # the first report: figures painted before the side panels and the charts
        self._waiting_for_paint = False
        self._kept_history: History | None = None  # from show_kept, until the store is open
        self._after_kept: Callable[[], None] | None = None

    @property
    def completeness(self) -> CompletenessPanel:
        """Who reported for the chosen period (built when first shown: it is not needed for the figures)."""
        if self._completeness is None:
            from ..widgets.completeness_panel import CompletenessPanel

            self._completeness = CompletenessPanel()
            layout = self._completeness_slot.layout()
            assert layout is not None
            layout.addWidget(self._completeness)
        return self._completeness

    # --- data ----------------------------------------------------------------
    def selected_period(self) -> Period | None:
        code = self.period_combo.currentData()
        return period_from_code(code) if code else None

    def _fill_periods(self) -> None:
        from ...services.indicators import reported_periods

        current = self.period_combo.currentData()
        periods = reported_periods()
        self._filling = True
        self.period_combo.clear()
        self.period_combo.addItem("Số liệu mới nhất", None)
        for period in periods:
            self.period_combo.addItem(period.label, period.code)
        index = self.period_combo.findData(current) if current else 0
        self.period_combo.setCurrentIndex(max(index, 0))
        self._filling = False

    def _period_chosen(self) -> None:
        if not self._filling:
            self.show_report()

    def reload(self) -> None:
        self._fill_periods()
        self.show_report()

    def show_report(self) -> None:
        period = self.selected_period()
        if period is None:  # the latest data (the tab's start-up view) is kept in the store: one read, no computation
            self._show_figures(cached_report())
        else:
            from ...services.indicators import indicator_report

            self._show_figures(indicator_report(period))

    def show_kept(self, kept: KeptFigures, then: Callable[[], None]) -> None:
        """Start-up, before the store is opened: the figures and charts kept in it (``indicator_cache.peek_kept``),
        the same values ``show_report`` would show; ``then`` runs once the charts are painted. The tab loads from the
        store proper when ``mark_dirty`` is called once it is open; until then it counts as loaded."""
        self._dirty = False
        if self.period_combo.count() == 0:
            self._filling = True  # the other periods are listed once the store is open
            self.period_combo.addItem("Số liệu mới nhất", None)
            self._filling = False
        self._kept_history, self._after_kept = kept.history, then
        self._show_figures(kept.report)

    def _show_figures(self, report: IndicatorReport) -> None:
        self.report = report
        self.reference.setText(f"Ngày tính: {format_date(report.reference_date)}")
        self._place_cards([item.code for item in report.indicators])
        for item in report.indicators:
            self.cards[item.code].show_value(item)
        for figure in report.checklists:
            self._show_checklist(figure)
        if self._first_paint_done:
            self._show_the_rest()
        elif not self._waiting_for_paint:  # start-up: the completeness table and the charts after the figures' paint
            self._waiting_for_paint = True
            startup_trace.record_on_paint(self.cards_box, startup_trace.FIGURES, then=self._figures_painted)

    def _place_cards(self, codes: list[str]) -> None:
        """One card per target, in the report's order: a target added in the window gets one, a retired one loses
        its own (the others close up)."""
        if list(self.cards) == codes:
            return
        for code, card in list(self.cards.items()):
            self.cards_layout.removeWidget(card)
            if code not in codes:
                del self.cards[code]
                card.deleteLater()
        for position, code in enumerate(codes):
            card = self.cards.get(code) or TargetCard()
            self.cards[code] = card
            self.cards_layout.addWidget(card, position // 2, position % 2)
        self.cards = {code: self.cards[code] for code in codes}

    def _show_missing(self) -> None:
        """The communes that did not report, as the completeness panel just computed them (one rule, one answer):
        call it right after ``completeness.show_period``."""
        result = self.completeness.result
        missing = [u.unit_name for u in result.missing_communes] if result is not None else []
        self.missing_list.clear()
        if missing:
            self.missing_list.addItems(missing)
            self.missing_box.setTitle(f"Xã, thị trấn chưa gửi báo cáo ({len(missing)})")
        else:
            self.missing_list.addItem("Tất cả xã, thị trấn đã gửi báo cáo.")
            self.missing_box.setTitle("Xã, thị trấn chưa gửi báo cáo")

    def _figures_painted(self) -> None:
        self._first_paint_done = True
        if self._kept_history is not None:  # start-up from the kept figures: their charts; the store is not open yet
            self._fill_charts()
        else:
            self._show_the_rest()

    def _show_the_rest(self) -> None:
        """The completeness table of the chosen period, then (in the next turn) the charts."""
        self._kept_history = None  # the store is open: from now on everything is read from it
        self.completeness.show_period(self.selected_period())
        self._show_missing()
        QTimer.singleShot(0, self.show_charts)

    def show_charts(self) -> None:
        """Each target across the reported periods, with its target line and deadline."""
        self._fill_charts()

    def _fill_charts(self) -> None:
        if self.report is None:
            return
        # computed again only when the data changed
        history = self._kept_history if self._kept_history is not None else cached_history()
        charts = []
        for item in self.report.indicators:
            card = self.cards.get(item.code)
            if card is not None:
                chart = card.ensure_chart()
                chart.show_history(item, history.get(item.code, []))
                charts.append(chart)
        after, self._after_kept = self._after_kept, None
        if not startup_trace.recorded(startup_trace.CHARTS) or after is not None:
            waiting, done = set(charts), []

            def one_painted(chart) -> None:  # type: ignore[no-untyped-def]
                """Once every chart on screen has painted (those scrolled out of view never do): the milestone."""
                waiting.discard(chart)
                if not done and all(c.visibleRegion().isEmpty() for c in waiting):
                    done.append(chart)
                    startup_trace.record(startup_trace.CHARTS)
                    if after is not None:
                        after()

            for chart in charts:
                startup_trace.record_on_paint(chart, "", then=lambda chart=chart: one_painted(chart))

    def _show_checklist(self, figure: ChecklistFigure) -> None:
        pair = self.checklist_labels.get(figure.project_code)
        if pair is None:
            label, bar = QLabel(), QProgressBar()
            bar.setRange(0, 1000)
            self.checklist_layout.addWidget(label)
            self.checklist_layout.addWidget(bar)
            pair = self.checklist_labels[figure.project_code] = (label, bar)
        label, bar = pair
        label.setText(f"Đề án {figure.project_short}: {figure.done}/{figure.total} nhiệm vụ hoàn thành")
        bar.setValue(int(round((figure.value or 0.0) * 10)))
        bar.setFormat(format_percent(figure.value))
