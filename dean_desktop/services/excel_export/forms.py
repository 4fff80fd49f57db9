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
from .form_sheets import Column, Field, ListSpec, guide_sheet, label_sheet, lists_sheet, meta_sheet, table_sheet
from .summary_sheet import use_times_new_roman

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
    Field("Đơn vị", "unit", required=True),
    Field("Kỳ báo cáo", "period", required=True),
    Field("Ngày lập", "date"),
    Field("Người lập", "text"),
    Field("Điện thoại", "phone"),
)
OFFICE_FIELDS: tuple[Field, ...] = (
    Field("Có phòng làm việc riêng", "yesno", required=True),
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
    Column("Tổ chức", "text", 32, required=True),
    Column("Trao đổi văn bản điện tử", "yesno", 16, required=True),
    Column("Từ ngày", "date", 14),
    Column("Ghi chú", "note", 30),
)
CADRE_COLUMNS: tuple[Column, ...] = (
    Column("STT", "seq", 5),
    Column("Họ và tên", "text", 24, required=True),
    Column("Năm sinh", "birth_year", 9, required=True),
    Column("Giới tính", "gender", 8),
    Column("Dân tộc", "ethnic", 10),
    Column("Chức vụ", "text", 22),
    Column("Chuyên môn", "education", 16, required=True),
    Column("Chuyên ngành", "text", 16),
    Column("Lý luận chính trị", "theory", 16, required=True),
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

# Instructions that read right on screen and on paper (a printed form has no colours to point at, no dropdowns).
_NOTE_LABELS = (
    "Ghi giá trị vào cột B, mỗi dòng một mục; mục có dấu (*) là bắt buộc. Cách ghi in ở cột C; trên máy tính có thể"
    " chọn trong danh sách của ô. Không đổi tên trang tính."
)
_NOTE_EDOC = (
    "Mỗi tổ chức một dòng; cột có dấu (*) là bắt buộc. Cột Trao đổi văn bản điện tử ghi Có hoặc Không. "
    "Có thể thêm dòng. Không đổi tên trang tính và dòng tiêu đề cột."
)
_NOTE_CADRES = (
    "Mỗi cán bộ lãnh đạo, quản lý một dòng; cột có dấu (*) là bắt buộc. Các cột Giới tính, Chuyên môn, Lý luận chính"
    ' trị, Quản lý nhà nước ghi đúng một giá trị in ở trang "Hướng dẫn" (trên máy tính: chọn trong danh sách'
    " của ô). Có thể thêm dòng. Không đổi tên trang tính."
)
SHEET_GUIDE = "Hướng dẫn"
#: How to write a value of each kind, printed beside a label and on the guide page.
_HOW: dict[str, str] = {
    "yesno": "Có / Không",
    "date": "ngày/tháng/năm, ví dụ 25/11/2016",
    "decimal": "một số, ví dụ 34,5",
    "whole": "số nguyên, ví dụ 3",
    "birth_year": "năm sinh 4 chữ số, ví dụ 1975",
    "period": "ví dụ: Năm 2017; 6 tháng đầu năm 2017; Quý I/2017",
    "phone": "số điện thoại, ví dụ 0912 345 678",
    "seq": "số thứ tự 1, 2, 3…",
    "text": "ghi tự do",
    "note": "ghi tự do",
    "unit": "tên đơn vị (đã in sẵn)",
}
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


def _how(kind: str) -> str:
    """How to write a value of ``kind``: the allowed values of a coded kind, or the shape of the value."""
    coded = {
        "gender": GENDERS,
        "education": tuple(EDUCATION.values()),
        "theory": tuple(POLITICAL_THEORY.values()),
        "state": tuple(STATE_MGMT.values()),
    }
    if kind in coded:
        return " / ".join(coded[kind])
    if kind == "ethnic":
        return f"một trong {len(ETHNIC_GROUPS)} dân tộc, ví dụ: {', '.join(ETHNIC_GROUPS[:6])}…"
    return _HOW.get(kind, "")


def _guide_rows(unit: UnitRow) -> list[tuple[str, str, bool, str]]:
    rows = [(SHEET_INFO, f.label, f.required, _how(f.kind)) for f in INFO_FIELDS]
    if unit.is_commune:
        rows += [(SHEET_OFFICE, f.label, f.required, _how(f.kind)) for f in OFFICE_FIELDS]
        rows += [(SHEET_EDOC, c.header, c.required, _how(c.kind)) for c in EDOC_COLUMNS]
    rows += [(SHEET_CADRES, c.header, c.required, _how(c.kind)) for c in CADRE_COLUMNS]
    return rows


def build_form(unit: UnitRow, period: Period) -> Workbook:
    """The blank form of ``unit`` for ``period``; a district unit's form has only `Thông tin chung` and `Cán bộ`."""
    wb = Workbook()
    use_times_new_roman(wb)
    wb.remove(wb.active)
    name = unit_display_name(unit)
    heading = f"{name} – {period.label}"
    info = {"Đơn vị": name, "Kỳ báo cáo": period.label}
    hints = {kind: _how(kind) for kind in ("yesno", "date", "decimal", "whole", "period")}
    label_sheet(wb, SHEET_INFO, f"BÁO CÁO THỰC HIỆN ĐỀ ÁN\n{heading}", _NOTE_LABELS, INFO_FIELDS, info, hints)
    if unit.is_commune:
        title = f"BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ (MỘT CỬA)\n{heading}"
        label_sheet(wb, SHEET_OFFICE, title, _NOTE_LABELS, OFFICE_FIELDS, {}, hints)
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
            hand_rows=True,
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
        hand_rows=True,
    )
    guide_sheet(wb, SHEET_GUIDE, f"HƯỚNG DẪN GHI BIỂU MẪU\n{heading}", _guide_rows(unit))
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
