"""Blank unit-return forms: one .xlsx per unit for a period, in the layout of PRODUCT.md §4."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from openpyxl import Workbook

from ..errors import DomainError, NotFoundError
from ..periods import MAX_YEAR, Period
from ..rows import UnitRow
from ..units import list_units
from ..vntext import fold, strip_marks
from ..vocab import EDUCATION, ETHNIC_GROUPS, GENDERS, POLITICAL_THEORY, STATE_MGMT
from .form_sheets import Column, Field, ListSpec, label_sheet, lists_sheet, meta_sheet, table_sheet

log = logging.getLogger(__name__)

FORM_ID = "dean_desktop.unit_return"
FORM_VERSION = "1"

SHEET_INFO = "Thông tin chung"
SHEET_OFFICE = "Một cửa"
SHEET_EDOC = "Văn bản điện tử"
SHEET_CADRES = "Cán bộ"
SHEET_META = "_meta"
SHEET_LISTS = "_lists"

INFO_FIELDS: tuple[Field, ...] = (
    Field("Đơn vị", "unit"),
    Field("Kỳ báo cáo", "period"),
    Field("Ngày lập", "date"),
    Field("Người lập", "text"),
    Field("Điện thoại", "phone"),
)
OFFICE_FIELDS: tuple[Field, ...] = (
    Field("Có phòng làm việc riêng", "yesno"),
    Field("Diện tích phòng (m²)", "decimal"),
    Field("Số máy vi tính", "whole"),
    Field("Số máy in", "whole"),
    Field("Số máy quét", "whole"),
    Field("Kết nối Internet", "yesno"),
    Field("Số công chức làm việc", "whole"),
    Field("Niêm yết công khai TTHC", "yesno"),
    Field("Ngày đưa vào sử dụng", "date"),
    Field("Ghi chú", "note"),
)
EDOC_COLUMNS: tuple[Column, ...] = (
    Column("STT", "seq", 6),
    Column("Tổ chức", "text", 32),
    Column("Trao đổi văn bản điện tử", "yesno", 16),
    Column("Từ ngày", "date", 14),
    Column("Ghi chú", "note", 30),
)
CADRE_COLUMNS: tuple[Column, ...] = (
    Column("STT", "seq", 5),
    Column("Họ và tên", "text", 24),
    Column("Năm sinh", "birth_year", 8),
    Column("Giới tính", "gender", 8),
    Column("Dân tộc", "ethnic", 10),
    Column("Chức vụ", "text", 22),
    Column("Chuyên môn", "education", 16),
    Column("Chuyên ngành", "text", 16),
    Column("Lý luận chính trị", "theory", 16),
    Column("Quản lý nhà nước", "state", 19),
    Column("Tin học", "text", 10),
    Column("Ngoại ngữ", "text", 10),
    Column("Ghi chú", "note", 14),
)
#: The grassroots organisations of a commune, pre-filled on `Văn bản điện tử`.
EDOC_ORGS: tuple[str, ...] = (
    "Đảng ủy",
    "HĐND",
    "UBND",
    "Ủy ban MTTQ",
    "Hội Phụ nữ",
    "Đoàn Thanh niên",
    "Hội Nông dân",
    "Hội Cựu chiến binh",
)
EDOC_EXTRA_ROWS = 20  # bordered empty rows below the pre-filled organisations
CADRE_BORDERED_ROWS = 40  # bordered rows; the columns stay open (unlocked, formatted) below
VALIDATED_ROWS = 300  # dropdowns and checks cover this many data rows

_NOTE_LABELS = (
    "Điền vào các ô màu trắng ở cột B; chọn giá trị trong danh sách ở các ô có mũi tên. Không đổi tên trang tính."
)
_NOTE_EDOC = (
    "Mỗi tổ chức một dòng; điền vào các ô màu trắng, chọn Có/Không trong danh sách. "
    "Có thể chèn thêm dòng. Không đổi tên trang tính và dòng tiêu đề cột."
)
_NOTE_CADRES = (
    "Mỗi cán bộ lãnh đạo, quản lý một dòng; điền vào các ô màu trắng, chọn giá trị trong danh sách ở các ô có mũi tên. "
    "Bắt buộc: Họ và tên, Năm sinh, Chuyên môn, Lý luận chính trị. Có thể chèn thêm dòng. Không đổi tên trang tính."
)
_PREFIXES = {"xa": "Xã", "thi_tran": "Thị trấn"}
_NOT_FILENAME = re.compile(r"[^A-Za-z0-9]+")

Progress = Callable[[int, int, str], None]


class FormExportError(DomainError):
    """Forms could not be written (unit not valid in the period, folder not writable…)."""


# --------------------------------------------------------------------------- names


def unit_display_name(unit: UnitRow) -> str:
    """The unit as written on its form: "Xã Linh Thông", "Thị trấn Chợ Chu", agencies by name."""
    prefix = _PREFIXES.get(unit.kind)
    if prefix and not fold(unit.name).startswith(fold(prefix) + " "):
        return f"{prefix} {unit.name}"
    return unit.name


def _ascii_part(text: str, limit: int = 60) -> str:
    return _NOT_FILENAME.sub("-", strip_marks(text)).strip("-")[:limit].strip("-")


def form_file_name(unit: UnitRow, period: Period) -> str:
    """ASCII file name, safe on Windows, in zip tools and in e-mail: "Bao-cao_2017-H1_05539_Linh-Thong.xlsx"."""
    parts = ["Bao-cao", _ascii_part(period.code), _ascii_part(unit.code) or str(unit.id), _ascii_part(unit.name)]
    return "_".join(p for p in parts if p) + ".xlsx"


# --------------------------------------------------------------------------- the workbook


def _period_choices(period: Period) -> tuple[str, ...]:
    labels: list[str] = []
    for year in range(period.year, min(period.year + 1, MAX_YEAR) + 1):
        periods = [Period("year", year)]
        periods += [Period("half", year, i) for i in (1, 2)]
        periods += [Period("quarter", year, i) for i in range(1, 5)]
        periods += [Period("month", year, i) for i in range(1, 13)]
        labels += [p.label for p in periods]
    return tuple(labels)


def _lists(period: Period) -> list[ListSpec]:
    return [
        ListSpec("DS_COKHONG", ("Có", "Không")),
        ListSpec("DS_GIOITINH", tuple(GENDERS)),
        ListSpec("DS_CHUYENMON", tuple(EDUCATION.values())),
        ListSpec("DS_LLCT", tuple(POLITICAL_THEORY.values())),
        ListSpec("DS_QLNN", tuple(STATE_MGMT.values())),
        ListSpec("DS_DANTOC", ETHNIC_GROUPS),
        ListSpec("DS_KYBAOCAO", _period_choices(period)),
    ]


def build_form(unit: UnitRow, period: Period) -> Workbook:
    """The blank form of ``unit`` for ``period``; a district unit's form has only `Thông tin chung` and `Cán bộ`."""
    wb = Workbook()
    wb.remove(wb.active)
    name = unit_display_name(unit)
    heading = f"{name} – {period.label}"
    info = {"Đơn vị": name, "Kỳ báo cáo": period.label}
    label_sheet(wb, SHEET_INFO, f"BÁO CÁO THỰC HIỆN ĐỀ ÁN\n{heading}", _NOTE_LABELS, INFO_FIELDS, info)
    if unit.is_commune:
        title = f"BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ (MỘT CỬA)\n{heading}"
        label_sheet(wb, SHEET_OFFICE, title, _NOTE_LABELS, OFFICE_FIELDS, {})
        table_sheet(
            wb,
            SHEET_EDOC,
            f"TRAO ĐỔI VĂN BẢN ĐIỆN TỬ CỦA CÁC TỔ CHỨC Ở CƠ SỞ\n{heading}",
            _NOTE_EDOC,
            EDOC_COLUMNS,
            prefill=[(i, org) for i, org in enumerate(EDOC_ORGS, start=1)],
            bordered_rows=len(EDOC_ORGS) + EDOC_EXTRA_ROWS,
            validated_rows=VALIDATED_ROWS,
            frozen_columns=0,
        )
    table_sheet(
        wb,
        SHEET_CADRES,
        f"DANH SÁCH CÁN BỘ LÃNH ĐẠO, QUẢN LÝ\n{heading}",
        _NOTE_CADRES,
        CADRE_COLUMNS,
        bordered_rows=CADRE_BORDERED_ROWS,
        validated_rows=VALIDATED_ROWS,
        landscape=True,
        frozen_columns=2,
    )
    meta_sheet(
        wb,
        SHEET_META,
        [("form", FORM_ID), ("form_version", FORM_VERSION), ("unit_code", unit.code), ("period", period.code)],
    )
    lists_sheet(wb, SHEET_LISTS, _lists(period))
    wb.active = 0
    wb.properties.creator = "Đề án Desktop"
    wb.properties.title = f"Biểu báo cáo – {heading}"
    return wb


# --------------------------------------------------------------------------- export


def _not_valid_reason(unit: UnitRow, period: Period) -> str:
    name = unit_display_name(unit)
    if not unit.active:
        return f"{name} không còn được theo dõi; không lập biểu cho kỳ {period.label}."
    if unit.valid_from is not None and period.end < unit.valid_from:
        return f"{name} chỉ có từ {unit.valid_from:%d/%m/%Y}; không lập biểu cho kỳ {period.label}."
    if unit.valid_to is not None and unit.merged_into:
        since = unit.valid_to + timedelta(days=1)
        return (
            f"{name} đã sáp nhập vào {unit.merged_into} từ {since:%d/%m/%Y}; "
            f"không lập biểu cho kỳ {period.label} (hãy lập biểu cho {unit.merged_into})."
        )
    return f"{name} không còn từ {unit.valid_to:%d/%m/%Y}; không lập biểu cho kỳ {period.label}."


def units_for_forms(period: Period, unit_ids: list[int] | None = None) -> list[UnitRow]:
    """Units that get a form: all units existing at the end of ``period``, or the chosen ones (checked)."""
    units = list_units()
    if unit_ids is None:
        return [u for u in units if u.valid_on(period.end)]
    known = {u.id for u in units}
    missing = [i for i in unit_ids if i not in known]
    if missing:
        raise NotFoundError(f"Không tìm thấy đơn vị có mã số nội bộ {', '.join(map(str, missing))}.")
    wanted = set(unit_ids)
    chosen = [u for u in units if u.id in wanted]
    invalid = [u for u in chosen if not u.valid_on(period.end)]
    if invalid:
        raise FormExportError(" ".join(_not_valid_reason(u, period) for u in invalid))
    return chosen


def _save(wb: Workbook, path: Path) -> None:
    """Write via a temporary file and rename, so a failed or interrupted save never leaves half a form."""
    tmp = path.with_name(f"~{path.stem}.tmp")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        reason = err.strerror or str(err)
        raise FormExportError(f'Không ghi được tệp "{path}": {reason}. Tệp có đang mở trong Excel không?') from err


def export_forms(
    out_dir: Path,
    period: Period,
    unit_ids: list[int] | None = None,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> list[Path]:
    """Write one blank form per unit into ``out_dir`` (created if needed); existing forms are overwritten.

    ``progress(done, total, unit_name)`` is called before each form and once more with ``(total, total, "")`` at
    the end; ``should_cancel()`` is asked before each form; on cancel the forms written so far are returned.
    """
    units = units_for_forms(period, unit_ids)
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise FormExportError(f'Không tạo được thư mục "{folder}": {err.strerror or err}.') from err
    written: list[Path] = []
    total = len(units)
    for done, unit in enumerate(units):
        if should_cancel is not None and should_cancel():
            log.info("form export cancelled after %d of %d", done, total)
            return written
        if progress is not None:
            progress(done, total, unit_display_name(unit))
        path = folder / form_file_name(unit, period)
        _save(build_form(unit, period), path)
        written.append(path)
    if progress is not None:
        progress(total, total, "")
    log.info("wrote %d blank forms for %s into %s", total, period.code, folder)
    return written
