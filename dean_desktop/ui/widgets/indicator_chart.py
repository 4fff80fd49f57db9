"""A small chart of one indicator across reporting periods, with its target line and deadline marked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ...services.indicators import IndicatorValue
from ...services.periods import Period

VALUE_COLOR = QColor("#1565c0")
TARGET_COLOR = QColor("#2e7d32")
DEADLINE_COLOR = QColor("#b3261e")


def _x(day: date) -> float:
    """A date as a fractional year: a period is plotted where it ends (Năm 2016 just before 2017.0)."""
    start = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - start).days
    return day.year + ((day - start).days + 0.5) / length


def _line(name: str, pen: QPen) -> QLineSeries:
    series = QLineSeries()
    series.setName(name)
    series.setPen(pen)
    return series


class IndicatorChart(QChartView):
    """Series and axes are made once; ``show_history`` only replaces points and ranges."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(190)
        small = QFont()
        small.setPointSizeF(max(small.pointSizeF() - 1.5, 6.0))
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setFont(small)
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.setBackgroundRoundness(0)
        self.target = _line("Chỉ tiêu", QPen(TARGET_COLOR, 1.5, Qt.PenStyle.DashLine))
        self.ceiling = _line("Mức tối đa", QPen(TARGET_COLOR, 1.0, Qt.PenStyle.DotLine))
        self.deadline = _line("Hạn", QPen(DEADLINE_COLOR, 1.5, Qt.PenStyle.DotLine))
        self.values = _line("Kết quả", QPen(VALUE_COLOR, 2))
        self.dots = QScatterSeries()
        self.dots.setMarkerSize(7)
        self.dots.setColor(VALUE_COLOR)
        self.x_axis = QCategoryAxis()
        self.x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
        self.x_axis.setLabelsFont(small)
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%.0f")
        self.y_axis.setLabelsFont(small)
        self.y_axis.setRange(0.0, 100.0)  # the widest labels first, so the layout reserves room for "100"
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.target, self.ceiling, self.deadline, self.values, self.dots):
            chart.addSeries(series)
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        chart.legend().markers(self.dots)[0].setVisible(False)
        self.setChart(chart)
        self.points: list[tuple[date, float]] = []

    def show_history(self, item: IndicatorValue, history: list[tuple[Period, float | None]]) -> None:
        self.points = [(period.end, value) for period, value in history if value is not None]
        deadline = date(item.deadline, 12, 31)
        first = min([d for d, _ in self.points] + [date(item.deadline - 4, 1, 1)])
        last = max([d for d, _ in self.points] + [deadline])
        left, right = float(first.year), last.year + 1.2  # room to see the deadline line
        goal = item.target_min if item.target_min is not None else item.target_max or 0.0
        top = max([goal * 1.15, 1.0] + [v * 1.1 for _, v in self.points])
        if item.target_max is not None:
            top = max(top, item.target_max * 1.15)
        if item.unit == "%" and top > 60:
            top = 100.0  # a share near its goal: show the whole 0–100 scale
        self.values.replace([])
        self.dots.replace([])
        for day, value in self.points:
            self.values.append(_x(day), value)
            self.dots.append(_x(day), value)
        self.target.replace([])
        self.target.append(left, goal)
        self.target.append(right, goal)
        self.ceiling.replace([])
        if item.target_min is not None and item.target_max is not None:
            self.ceiling.append(left, item.target_max)
            self.ceiling.append(right, item.target_max)
        self.chart().legend().markers(self.ceiling)[0].setVisible(item.target_max is not None)
        self.deadline.setName(f"Hạn {item.deadline}")
        self.deadline.replace([])
        self.deadline.append(float(item.deadline + 1), 0.0)
        self.deadline.append(float(item.deadline + 1), top * 2)
        for label in list(self.x_axis.categoriesLabels()):
            self.x_axis.remove(label)
        self.x_axis.setStartValue(left)
        for year in range(first.year, last.year + 1):
            self.x_axis.append(str(year), float(year + 1))
        self.x_axis.setRange(left, right)
        self.y_axis.setRange(0.0, top)
        self.y_axis.applyNiceNumbers()
        if self.y_axis.tickCount() > 5:
            self.y_axis.setTickCount(5)  # QtCharts elides labels ("…") that are packed too tightly
