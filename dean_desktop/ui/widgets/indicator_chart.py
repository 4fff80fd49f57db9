"""A small chart of one indicator across reporting periods, with its target line and deadline marked.

Drawn with QPainter: five of these on the overview cost a few milliseconds, where QtCharts took ~35 ms to import,
a graphics scene per chart and about a third more memory for the whole window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...services.indicator_types import IndicatorValue
from ...services.periods import Period

VALUE_COLOR = QColor("#1565c0")
TARGET_COLOR = QColor("#2e7d32")
DEADLINE_COLOR = QColor("#b3261e")
GRID_COLOR = QColor("#e0e0e0")
AXIS_COLOR = QColor("#757575")
DOT_SIZE = 7.0


def _x(day: date) -> float:
    """A date as a fractional year: a period is plotted where it ends (Năm 2016 just before 2017.0)."""
    start = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - start).days
    return day.year + ((day - start).days + 0.5) / length


def nice_ticks(top: float, most: int = 5) -> tuple[float, list[float]]:
    """A rounded top at or above ``top`` and at most ``most`` evenly spaced ticks from 0 to it (1, 2, 2.5, 5 × 10ⁿ)."""
    if top <= 0:
        top = 1.0
    raw = top / (most - 1)
    magnitude = 10.0 ** int(f"{raw:e}".split("e")[1])
    step = next(m * magnitude for m in (1.0, 2.0, 2.5, 5.0, 10.0) if m * magnitude >= raw)
    count = int(-(-top // step))
    return step * count, [step * i for i in range(count + 1)]


@dataclass(frozen=True)
class Scale:
    """What a chart shows, in data units: the x range (fractional years), the y range and its ticks."""

    left: float
    right: float
    top: float
    ticks: list[float]
    years: list[int]


class IndicatorChart(QWidget):
    """``show_history`` sets the points and ranges; ``paintEvent`` draws them, with a legend below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.small = QFont(self.font())
        self.small.setPointSizeF(max(self.small.pointSizeF() - 1.5, 6.0))
        self.points: list[tuple[date, float]] = []
        self.item: IndicatorValue | None = None
        self.scale: Scale | None = None

    def sizeHint(self) -> QSize:
        return QSize(320, 190)

    def legend(self) -> list[str]:
        """The legend's entries, as drawn: the results, the target (and its ceiling), the deadline."""
        if self.item is None:
            return []
        names = ["Kết quả", "Chỉ tiêu"]
        if self.item.target_min is not None and self.item.target_max is not None:
            names.append("Mức tối đa")
        return [*names, f"Hạn {self.item.deadline}"]

    def show_history(self, item: IndicatorValue, history: list[tuple[Period, float | None]]) -> None:
        self.item = item
        self.points = [(period.end, value) for period, value in history if value is not None]
        deadline = date(item.deadline, 12, 31)
        # From the first reported period (no empty years before it); with nothing reported, the 5 years to the deadline.
        first = min(d for d, _ in self.points) if self.points else date(item.deadline - 4, 1, 1)
        last = max([d for d, _ in self.points] + [deadline])
        goal = item.target_min if item.target_min is not None else item.target_max or 0.0
        top = max([goal * 1.15, 1.0] + [v * 1.1 for _, v in self.points])
        if item.target_max is not None:
            top = max(top, item.target_max * 1.15)
        if item.unit == "%" and top > 60:
            top = 100.0  # a share near its goal: show the whole 0–100 scale
        top, ticks = nice_ticks(top)
        self.scale = Scale(float(first.year), last.year + 1.2, top, ticks, list(range(first.year, last.year + 1)))
        self.update()

    # --- drawing -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()  # before the event returns, not whenever the wrapper is collected

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if self.item is None or self.scale is None:
            return
        painter.setFont(self.small)
        metrics = QFontMetricsF(self.small)
        line = metrics.height()
        label_width = max(metrics.horizontalAdvance(_tick_text(t)) for t in self.scale.ticks)
        plot = QRectF(label_width + 8, line / 2 + 2, 0, 0)
        plot.setRight(self.width() - 6)
        plot.setBottom(self.height() - 2 * line - 10)  # room for the year labels and the legend
        if plot.width() < 20 or plot.height() < 20:
            return
        self._draw_axes(painter, plot, metrics)
        self._draw_lines(painter, plot)
        self._draw_legend(painter, QRectF(0, plot.bottom() + line + 6, self.width(), line), metrics)

    def _to_screen(self, plot: QRectF, x: float, y: float) -> QPointF:
        scale = self.scale
        assert scale is not None
        px = plot.left() + (x - scale.left) / (scale.right - scale.left) * plot.width()
        py = plot.bottom() - min(max(y / scale.top, 0.0), 1.0) * plot.height()
        return QPointF(px, py)

    def _draw_axes(self, painter: QPainter, plot: QRectF, metrics: QFontMetricsF) -> None:
        scale = self.scale
        assert scale is not None
        for tick in scale.ticks:
            y = self._to_screen(plot, scale.left, tick).y()
            painter.setPen(QPen(GRID_COLOR, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS_COLOR)
            text = _tick_text(tick)
            box = QRectF(0, y - metrics.height() / 2, plot.left() - 4, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        painter.setPen(QPen(AXIS_COLOR, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        for year in scale.years:  # each year's label centred on its span
            start = self._to_screen(plot, max(float(year), scale.left), 0).x()
            end = self._to_screen(plot, min(year + 1.0, scale.right), 0).x()
            painter.drawLine(QPointF(end, plot.bottom()), QPointF(end, plot.bottom() + 3))
            box = QRectF(start, plot.bottom() + 2, end - start, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(year))

    def _draw_lines(self, painter: QPainter, plot: QRectF) -> None:
        item, scale = self.item, self.scale
        assert item is not None and scale is not None
        goal = item.target_min if item.target_min is not None else item.target_max or 0.0
        painter.setPen(QPen(TARGET_COLOR, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(self._to_screen(plot, scale.left, goal), self._to_screen(plot, scale.right, goal))
        if item.target_min is not None and item.target_max is not None:
            painter.setPen(QPen(TARGET_COLOR, 1.0, Qt.PenStyle.DotLine))
            ceiling = item.target_max
            painter.drawLine(self._to_screen(plot, scale.left, ceiling), self._to_screen(plot, scale.right, ceiling))
        painter.setPen(QPen(DEADLINE_COLOR, 1.5, Qt.PenStyle.DotLine))
        deadline = float(item.deadline + 1)
        painter.drawLine(self._to_screen(plot, deadline, 0), self._to_screen(plot, deadline, scale.top))
        if not self.points:
            return
        path = QPainterPath()
        screen = [self._to_screen(plot, _x(day), value) for day, value in self.points]
        path.moveTo(screen[0])
        for point in screen[1:]:
            path.lineTo(point)
        painter.setPen(QPen(VALUE_COLOR, 2))
        painter.drawPath(path)
        painter.setBrush(VALUE_COLOR)
        painter.setPen(Qt.PenStyle.NoPen)
        for point in screen:
            painter.drawEllipse(point, DOT_SIZE / 2, DOT_SIZE / 2)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _draw_legend(self, painter: QPainter, box: QRectF, metrics: QFontMetricsF) -> None:
        pens = {
            "Kết quả": QPen(VALUE_COLOR, 2),
            "Chỉ tiêu": QPen(TARGET_COLOR, 1.5, Qt.PenStyle.DashLine),
            "Mức tối đa": QPen(TARGET_COLOR, 1.0, Qt.PenStyle.DotLine),
        }
        entries = [(name, pens.get(name, QPen(DEADLINE_COLOR, 1.5, Qt.PenStyle.DotLine))) for name in self.legend()]
        sample = 18.0
        widths = [sample + 4 + metrics.horizontalAdvance(name) for name, _ in entries]
        gap = 12.0
        x = max((box.width() - sum(widths) - gap * (len(widths) - 1)) / 2, 2.0)
        y = box.center().y()
        for (name, pen), width in zip(entries, widths, strict=True):
            painter.setPen(pen)
            painter.drawLine(QPointF(x, y), QPointF(x + sample, y))
            painter.setPen(Qt.GlobalColor.black)
            text_box = QRectF(x + sample + 4, box.top(), width, box.height())
            painter.drawText(text_box, Qt.AlignmentFlag.AlignVCenter, name)
            x += width + gap


def _tick_text(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}".replace(".", ",")
