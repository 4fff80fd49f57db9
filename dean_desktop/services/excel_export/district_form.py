"""The blank rotation register (`Luân chuyển`) the Organising Committee keeps: the sheet the importer reads back,
with the columns the Đề án's count needs stated, not guessed — `Cấp trưởng` (Có/Không), `Đơn vị trước`,
`Đơn vị đến` (a commune/town of the district, from a list)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from ..indicators import project_window
from ..units import list_units
from .form_sheets import Column, ListSpec, lists_sheet, table_sheet
from .forms import _save

SHEET_ROTATIONS = "Luân chuyển"
SHEET_LISTS = "_lists"
ROTATION_COLUMNS = (
    Column("STT", "whole", 6),
    Column("Họ và tên", "text", 24),
    Column("Chức vụ, đơn vị trước luân chuyển", "text", 30),
    Column("Cấp trưởng", "yesno", 11),
    Column("Đơn vị trước", "text", 22),
    Column("Chức vụ, đơn vị luân chuyển đến", "text", 30),
    Column("Đơn vị đến", "commune", 20),
    Column("Số quyết định", "text", 14),
    Column("Ngày quyết định", "date", 13),
    Column("Thời gian (tháng)", "whole", 10),
    Column("Ghi chú", "text", 24),
)
_NOTE = (
    "Mỗi quyết định luân chuyển một dòng. Chỉ tiêu chỉ tính người giữ chức vụ cấp trưởng ở cấp huyện (cột Cấp trưởng: "
    "Có) được luân chuyển về xã, thị trấn (cột Đơn vị đến), theo quyết định ký trong giai đoạn; mỗi người tính một lần."
)


def build_rotation_form() -> Workbook:
    start, end = project_window()
    communes = tuple(u.name for u in list_units(communes_only=True) if u.active)
    wb = Workbook()
    wb.remove(wb.active)
    title = f"DANH SÁCH CÁN BỘ LUÂN CHUYỂN TỪ CẤP HUYỆN VỀ CẤP XÃ\nGiai đoạn {start.year} - {end.year}"
    table_sheet(wb, SHEET_ROTATIONS, title, _NOTE, ROTATION_COLUMNS, bordered_rows=15, landscape=True, frozen_columns=2)
    lists_sheet(wb, SHEET_LISTS, [ListSpec("DS_COKHONG", ("Có", "Không")), ListSpec("DS_XA", communes)])
    wb.active = 0
    wb.properties.creator = "Đề án Desktop"
    wb.properties.title = "Sổ luân chuyển cán bộ"
    return wb


def export_rotation_form(path: Path) -> Path:
    """Write the blank rotation register to ``path`` (replaced whole, never half-written)."""
    path = Path(path)
    _save(build_rotation_form(), path)
    return path
