"""Draw the app icon (a red document page with a folded gold corner, a gold star and two text lines) with Qt.

Writes ``resources/icons/dean_desktop.png`` (256 px, the window icon) and ``resources/icons/dean_desktop.ico``
(16–256 px, the Windows executable's icon). Small sizes are drawn, not scaled: below 32 px only the page and the star.

    python packaging/make_icon.py
"""

from __future__ import annotations

import math
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICON_DIR = ROOT / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)

RED_TOP = "#d7261e"
RED_BOTTOM = "#a8140f"
GOLD = "#ffcd00"
GOLD_FOLD = "#f2b705"


def _star_path(cx: float, cy: float, outer: float):  # -> QPainterPath
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPainterPath

    inner = outer * 0.382  # the regular five-pointed star
    path = QPainterPath()
    for index in range(10):
        radius = outer if index % 2 == 0 else inner
        angle = -math.pi / 2 + index * math.pi / 5
        point = QPointF(cx + radius * math.cos(angle), cy + radius * math.sin(angle))
        if index == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    return path


def draw_icon(size: int):  # -> QImage
    """The icon at ``size`` × ``size`` pixels, transparent outside the page."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPainterPath

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    small = size < 32
    left, top = size * (0.10 if small else 0.13), size * 0.05
    right, bottom = size * (0.90 if small else 0.87), size * 0.95
    radius = size * 0.08
    fold = size * (0.22 if small else 0.24)

    # The page: rounded corners except the top right one, which is folded over.
    page = QPainterPath()
    page.moveTo(left + radius, top)
    page.lineTo(right - fold, top)
    page.lineTo(right, top + fold)
    page.lineTo(right, bottom - radius)
    page.arcTo(QRectF(right - 2 * radius, bottom - 2 * radius, 2 * radius, 2 * radius), 0, -90)
    page.lineTo(left + radius, bottom)
    page.arcTo(QRectF(left, bottom - 2 * radius, 2 * radius, 2 * radius), -90, -90)
    page.lineTo(left, top + radius)
    page.arcTo(QRectF(left, top, 2 * radius, 2 * radius), 180, -90)
    page.closeSubpath()
    gradient = QLinearGradient(QPointF(0, top), QPointF(0, bottom))
    gradient.setColorAt(0.0, QColor(RED_TOP))
    gradient.setColorAt(1.0, QColor(RED_BOTTOM))
    painter.fillPath(page, gradient)

    corner = QPainterPath()
    corner.moveTo(right - fold, top)
    corner.lineTo(right - fold, top + fold)
    corner.lineTo(right, top + fold)
    corner.closeSubpath()
    painter.fillPath(corner, QColor(GOLD_FOLD))

    middle = (left + right) / 2
    if small:
        painter.fillPath(_star_path(middle, size * 0.55, size * 0.33), QColor(GOLD))
    else:
        painter.fillPath(_star_path(middle, size * 0.43, size * 0.22), QColor(GOLD))
        bar = size * 0.055
        for y, width in ((0.70, 0.50), (0.80, 0.34)):
            painter.setBrush(QColor(GOLD))
            rect = QRectF(middle - size * width / 2, size * y, size * width, bar)
            painter.drawRoundedRect(rect, bar / 2, bar / 2)
    painter.end()
    return image


def _png_bytes(image) -> bytes:  # image: QImage
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("cannot encode PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    """An ICO file whose entries are PNG images (Windows Vista and later read these at every size)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    directory = b""
    payload = b""
    for size, png in images:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return header + directory + payload


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - painting text-free images still wants a GUI application
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    entries = [(size, _png_bytes(draw_icon(size))) for size in ICO_SIZES]
    (ICON_DIR / "dean_desktop.ico").write_bytes(ico_bytes(entries))
    (ICON_DIR / "dean_desktop.png").write_bytes(entries[-1][1])
    print(f"Đã vẽ biểu tượng: {ICON_DIR / 'dean_desktop.ico'} ({', '.join(map(str, ICO_SIZES))} px)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
