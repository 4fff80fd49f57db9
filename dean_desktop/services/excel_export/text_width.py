"""How wide text prints in Times New Roman, from the font's own advance widths (font_metrics, generated from the
metric-compatible Liberation Serif), in points and in Excel's column-width units. No font file, no Qt."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from . import font_metrics

FONT_NAME = "Times New Roman"
BODY_SIZE = 12
LINE_POINTS = 15.75  # Excel's row height for one line of 12-point Times New Roman
_PIXELS_PER_POINT = 96 / 72
# Excel measures a column in widths of the Normal font's widest digit (8 px for Times New Roman 12 at 96 dpi),
# plus 5 px of cell padding.
_DIGIT_PIXELS = font_metrics.REGULAR["0"] / font_metrics.UNITS_PER_EM * BODY_SIZE * _PIXELS_PER_POINT
_PADDING_PIXELS = 5


@lru_cache(maxsize=65536)
def text_points(text: str, size: float = BODY_SIZE, bold: bool = False) -> float:
    """The printed width of one line of ``text``."""
    table, default = (
        (font_metrics.BOLD, font_metrics.BOLD_DEFAULT) if bold else (font_metrics.REGULAR, font_metrics.REGULAR_DEFAULT)
    )
    return sum(table.get(ch, default) for ch in text) * size / font_metrics.UNITS_PER_EM


def points_to_width(points: float) -> float:
    """The Excel column width (in characters of the Normal font) that shows ``points`` of text whole."""
    return (points * _PIXELS_PER_POINT + _PADDING_PIXELS) / _DIGIT_PIXELS


def width_to_points(width: float) -> float:
    return max(width * _DIGIT_PIXELS - _PADDING_PIXELS, 1.0) / _PIXELS_PER_POINT


@lru_cache(maxsize=65536)  # asked again for every row of a column that wraps
def text_width(text: str, size: float = BODY_SIZE, bold: bool = False) -> float:
    """The column width that shows the longest line of ``text`` whole."""
    return max((points_to_width(text_points(line, size, bold)) for line in text.split("\n")), default=0.0)


_WIDEST_REGULAR = max([*font_metrics.REGULAR.values(), font_metrics.REGULAR_DEFAULT])


def widest_text_width(texts: Iterable[str]) -> float:
    """``max(text_width(t) for t in texts)`` without measuring every text: longest first, stopping once no shorter
    text could be wider (each character is at most the font's widest)."""
    best = 0.0
    for text in sorted(texts, key=len, reverse=True):
        if points_to_width(len(text) * _WIDEST_REGULAR * BODY_SIZE / font_metrics.UNITS_PER_EM) <= best:
            break
        best = max(best, text_width(text))
    return best


def longest_word_width(text: str, size: float = BODY_SIZE, bold: bool = False) -> float:
    """The narrowest column that wraps ``text`` without breaking a word."""
    return max((points_to_width(text_points(word, size, bold)) for word in text.split()), default=0.0)


def wrapped_lines(text: str, width: float, size: float = BODY_SIZE, bold: bool = False) -> int:
    """Lines ``text`` takes when word-wrapped into a column ``width`` wide."""
    room = width_to_points(width)
    space = text_points(" ", size, bold)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split():
            size_of = text_points(word, size, bold)
            if used and used + space + size_of > room:
                lines += 1
                used = size_of
            else:
                used = used + space + size_of if used else size_of
    return max(lines, 1)
