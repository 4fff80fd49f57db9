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


class IndicatorChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(170)
        chart = QChart()
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.setBackgroundRoundness(0)
        self.setChart(chart)
        self.points: list[tuple[date, float]] = []

    def show_history(self, item: IndicatorValue, history: list[tuple[Period, float | None]]) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        small = QFont()
        small.setPointSizeF(max(small.pointSizeF() - 1.5, 6.0))
        chart.legend().setFont(small)

        values = QLineSeries()
        values.setName("Kết quả")
        values.setPen(QPen(VALUE_COLOR, 2))
        dots = QScatterSeries()
        dots.setMarkerSize(7)
        dots.setColor(VALUE_COLOR)
        self.points = [(period.end, value) for period, value in history if value is not None]
        for day, value in self.points:
            values.append(_x(day), value)
            dots.append(_x(day), value)
        deadline = date(item.deadline, 12, 31)
        first = min([d for d, _ in self.points] + [date(item.deadline - 4, 1, 1)])
        last = max([d for d, _ in self.points] + [deadline])
        target = QLineSeries()
        target.setName("Chỉ tiêu")
        target.setPen(QPen(TARGET_COLOR, 1.5, Qt.PenStyle.DashLine))
        goal = item.target_min if item.target_min is not None else item.target_max or 0.0
        target.append(float(first.year), goal)
        target.append(last.year + 1.2, goal)
        top = max([goal * 1.15, 1.0] + [v * 1.1 for _, v in self.points])
        if item.unit == "%":
            top = min(max(top, goal + 5), 105.0)
        mark = QLineSeries()
        mark.setName(f"Hạn {item.deadline}")
        mark.setPen(QPen(DEADLINE_COLOR, 1.5, Qt.PenStyle.DotLine))
        mark.append(float(item.deadline + 1), 0.0)
        mark.append(float(item.deadline + 1), top * 2)
        extra = []
        if item.target_min is not None and item.target_max is not None:
            ceiling = QLineSeries()
            ceiling.setName("Mức tối đa")
            ceiling.setPen(QPen(TARGET_COLOR, 1.0, Qt.PenStyle.DotLine))
            ceiling.append(float(first.year), item.target_max)
            ceiling.append(last.year + 1.2, item.target_max)
            extra.append(ceiling)
            top = max(top, item.target_max * 1.15)
        for series in (target, *extra, mark, values, dots):
            chart.addSeries(series)
        chart.legend().markers(dots)[0].setVisible(False)

        x_axis = QCategoryAxis()
        x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
        x_axis.setLabelsFont(small)
        x_axis.setStartValue(float(first.year))
        for year in range(first.year, last.year + 1):
            x_axis.append(str(year), float(year + 1))
        x_axis.setRange(float(first.year), last.year + 1.2)  # room to see the deadline line
        y_axis = QValueAxis()
        y_axis.setRange(0.0, top)
        if item.unit == "%" and top > 60:
            y_axis.setRange(0.0, 100.0)
            y_axis.setTickCount(6)
        else:
            y_axis.applyNiceNumbers()
        y_axis.setLabelFormat("%.0f")
        y_axis.setLabelsFont(small)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in chart.series():
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
