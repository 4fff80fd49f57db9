"""Lay one unit return out the way a commune or agency clerk does: titles, shuffled columns, extra rows and sheets.

Input is the true content of a return (``ReturnTruth``); output is a list of ``Sheet``s with every value spelled
as people type it. The layout choices for a file are drawn independently and recorded in ``Style`` for reports.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from dean_desktop.services.legacy_text import encode_tcvn3, encode_vni

from . import messy_values as mv
from .workbook_writers import Sheet


@dataclass
class Cadre:
    education: str  # true category
    theory: str  # true category


@dataclass
class ReturnTruth:
    unit_code: str
    unit_name: str  # official name, as the app lists it
    is_commune: bool
    period_kind: str  # Y, H1, H2, Q1..Q4, M01..M12
    year: int
    has_office: bool | None = None
    orgs: list[tuple[str, str, bool]] = field(default_factory=list)  # (block, organisation, exchanges documents)
    cadres: list[Cadre] = field(default_factory=list)

    @property
    def end(self) -> date:
        return mv.period_end(self.period_kind, self.year)


@dataclass
class Style:
    """The layout decisions for one file (kept so a failure can say which variation broke the importer)."""

    encoding: str = "unicode"  # unicode | nfd | tcvn3 | vni
    legacy_font: bool = False
    sheet_naming: str = "exact"
    notes: list[str] = field(default_factory=list)


SHEETS = ("Thông tin chung", "Một cửa", "Văn bản điện tử", "Cán bộ")
WEEKS_3 = timedelta(days=21)  # a return is made within three weeks of the period's end


def sheet_names(rng: random.Random, style: Style) -> dict[str, str]:
    naming = rng.choice(["exact", "exact", "exact", "lower", "bare", "upper", "spaced", "generic", "bieu", "numbered"])
    style.sheet_naming = naming
    names = {}
    for index, name in enumerate(SHEETS, start=1):
        names[name] = {
            "exact": name,
            "lower": name.lower(),
            "bare": mv.strip_marks(name),
            "upper": name.upper(),
            "spaced": name.replace(" ", "  ", 1) + " ",
            "generic": f"Sheet{index}",
            "bieu": f"Biểu {index:02d}",
            "numbered": f"{index}. {name}",
        }[naming]
    return names


def title_block(rng: random.Random, sheet: Sheet, truth: ReturnTruth, title: str, width: int) -> int:
    """0–4 merged title rows like an official document; returns the next free row."""
    lines = rng.randint(0, 4)
    if lines == 0:
        return 1
    bare = truth.unit_name.removeprefix("Thị trấn ")
    issuer = ("UBND " + ("XÃ " if truth.unit_code != mv.CHO_CHU else "THỊ TRẤN ")) if truth.is_commune else ""
    issuer += mv.strip_marks(bare).upper() if rng.random() < 0.2 else bare.upper()
    left, right = max(2, width // 2 - 1), max(3, width)
    rows: list[list[tuple[int, str, int]]] = [
        [(1, issuer, left), (left + 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right)],
        [(left + 1, "Độc lập - Tự do - Hạnh phúc", right)],
        [(1, title, right)],
        [(1, rng.choice(["(Kèm theo Công văn số 125-CV/BTCHU ngày 05/12/2019)", "(Số liệu tính đến 31/12/2019)"]),
          right)],
    ]  # fmt: skip
    chosen = rows[:lines] if lines < 3 else rows[:2] + [[]] + rows[2:lines]  # a blank row before the title
    row = 1
    for cells in chosen:
        for col, text, last in cells:
            sheet.put(row, col, text, merge_to=last)
        row += 1
    return row + rng.choice([0, 0, 1])


def _label(rng: random.Random, spellings: list[str], number: int | None) -> str:
    text = rng.choice(spellings)
    if rng.random() < 0.15:
        text += ":"
    return f"{number}. {text}" if number is not None else text


def _label_sheet(rng: random.Random, sheet: Sheet, start: int, pairs: list[tuple[list[str], object]]) -> int:
    """Labels and values: label/value in A/B or B/C, STT/label/value (A/B/C), a label merged over A:C with its value
    in D, or "Label: value" in one cell."""
    layout = rng.choices(["ab", "bc", "stt", "wide", "inline"], weights=[10, 1, 1, 1, 1])[0]
    sheet.notes.append(f"labels {layout}")
    numbered = layout in ("ab", "bc", "wide") and rng.random() < 0.2
    row = start
    if layout == "stt":
        for col, text in enumerate(["STT", rng.choice(["Nội dung", "Chỉ tiêu"]), rng.choice(["Số liệu", "Kết quả"])]):
            sheet.put(row, col + 1, text)
        row += 1
    for index, (spellings, value) in enumerate(pairs, start=1):
        label = _label(rng, spellings, index if numbered else None)
        if layout in ("ab", "bc"):
            first = 1 if layout == "ab" else 2
            sheet.put(row, first, label)
            sheet.put(row, first + 1, value)
        elif layout == "wide":
            sheet.put(row, 1, label, merge_to=3)
            sheet.put(row, 4, value)
        elif layout == "stt":
            sheet.put(row, 1, index)
            sheet.put(row, 2, label.rstrip(":"))
            sheet.put(row, 3, value)
        else:
            shown = value.strftime("%d/%m/%Y") if isinstance(value, date) else ("" if value is None else value)
            sheet.put(row, 1, f"{label.rstrip(':')}: {shown}".rstrip())
        row += 1 + (rng.random() < 0.1)
    return row


def general_sheet(rng: random.Random, truth: ReturnTruth, name: str, unit_text: str, period: object) -> Sheet:
    sheet = Sheet(name)
    row = title_block(rng, sheet, truth, "BÁO CÁO KẾT QUẢ THỰC HIỆN ĐỀ ÁN", 4) if rng.random() < 0.4 else 1
    clerk, _ = mv.person(rng)
    pairs: list[tuple[list[str], object]] = [
        (["Đơn vị", "Tên đơn vị", "ĐƠN VỊ", "Đơn vị báo cáo", "Don vi"], unit_text),
        (["Kỳ báo cáo", "KỲ BÁO CÁO", "Kỳ báo cáo (năm)" if truth.period_kind == "Y" else "Kỳ báo cáo"], period),
    ]
    extra: list[tuple[list[str], object]] = [
        (["Ngày lập", "Ngày lập báo cáo"], mv.date_value(rng, mv.some_date(rng, truth.end, truth.end + WEEKS_3))),
        (["Người lập", "Người lập biểu"], clerk),
        (["Điện thoại", "Số điện thoại", "ĐT"], rng.choice(["0912 345 678", 912345678, "0208.3878.123"])),
        (["Email", "Địa chỉ thư điện tử"], "vanthu.dinhhoa@thainguyen.gov.vn"),
    ]
    rng.shuffle(extra)
    if rng.random() < 0.2:
        pairs.reverse()
    _label_sheet(rng, sheet, row, pairs + extra[: rng.randint(0, 4)])
    return sheet


def office_sheet(rng: random.Random, truth: ReturnTruth, name: str) -> Sheet:
    sheet = Sheet(name)
    row = title_block(rng, sheet, truth, "THỰC TRẠNG BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", 3)
    has = bool(truth.has_office)
    pairs: list[tuple[list[str], object]] = [
        (["Có phòng làm việc riêng", "Có phòng làm việc riêng (Có/Không)", "CÓ PHÒNG LÀM VIỆC RIÊNG",
          "Co phong lam viec rieng", "Có phòng làm việc\nriêng"],
         mv.yes_no(rng, has) if rng.random() < 0.85 else rng.choice(mv.OFFICE_PHRASES[has])),
        (["Diện tích phòng (m²)", "Diện tích phòng (m2)", "Diện tích phòng"],
         mv.area_value(rng, rng.choice([18, 20, 24.5, 34.5, 40])) if has else rng.choice(["", 0, "-"])),
        (["Số máy vi tính", "Số máy tính"], mv.count_value(rng, rng.randint(1, 6), "chiếc")),
        (["Số máy in"], mv.count_value(rng, rng.randint(1, 3), "chiếc")),
        (["Số máy quét", "Số máy scan"], mv.count_value(rng, rng.randint(0, 2))),
        (["Kết nối Internet", "Kết nối mạng Internet"], mv.yes_no(rng, rng.random() < 0.9)),
        (["Số công chức làm việc", "Số công chức"], mv.count_value(rng, rng.randint(1, 5), "người")),
        (["Niêm yết công khai TTHC", "Niêm yết công khai thủ tục hành chính"], mv.yes_no(rng, rng.random() < 0.8)),
        (["Ngày đưa vào sử dụng"], mv.date_value(rng, mv.some_date(rng, date(2015, 1, 1), date(2019, 6, 30)))
         if has else ""),
        (["Ghi chú"], rng.choice(["", "Phòng dùng chung với Văn phòng", "Đang sửa chữa"])),
    ]  # fmt: skip
    row = _label_sheet(rng, sheet, row, pairs)
    if rng.random() < 0.5:
        signature(rng, sheet, row + 1, 4)
    return sheet


def signature(rng: random.Random, sheet: Sheet, row: int, width: int) -> int:
    right = max(3, width - 2)
    if rng.random() < 0.6:
        sheet.put(row, right, f"Định Hóa, ngày {rng.randint(1, 28)} tháng 12 năm 2019", merge_to=right + 2)
        row += 1
    sheet.put(row, 2, rng.choice(["Người lập biểu", "NGƯỜI LẬP BIỂU"]))
    sheet.put(row, right, rng.choice(["TM. ỦY BAN NHÂN DÂN", "THỦ TRƯỞNG ĐƠN VỊ", "CHỦ TỊCH", "TRƯỞNG PHÒNG"]))
    sheet.put(row + 1, 2, "(Ký, ghi rõ họ tên)")
    sheet.put(row + 1, right, "(Ký tên, đóng dấu)")
    sheet.put(row + 4, 2, mv.person(rng)[0])
    sheet.put(row + 4, right, mv.person(rng)[0])
    return row + 5


def guide_sheet(name: str) -> Sheet:
    sheet = Sheet(name)
    lines = [
        "HƯỚNG DẪN ĐIỀN BIỂU",
        "1. Ghi đầy đủ tên đơn vị và kỳ báo cáo (ví dụ: Năm 2019).",
        "2. Cột Chuyên môn ghi: Trung cấp, Cao đẳng, Đại học, Thạc sĩ, Tiến sĩ.",
        "3. Cột Lý luận chính trị ghi: Sơ cấp, Trung cấp, Cao cấp, Cử nhân.",
        "4. Các cột Có/Không ghi Có hoặc Không.",
    ]
    for row, line in enumerate(lines, start=1):
        sheet.put(row, 1, line)
    return sheet


def lists_sheet(name: str) -> Sheet:
    sheet = Sheet(name)
    columns = [["Có/Không", "Có", "Không"], ["Trình độ", "Trung cấp", "Cao đẳng", "Đại học", "Thạc sĩ", "Tiến sĩ"],
               ["LLCT", "Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân"]]  # fmt: skip
    for col, items in enumerate(columns, start=1):
        for row, item in enumerate(items, start=1):
            sheet.put(row, col, item)
    return sheet


def encode_text(style: Style, text: str) -> str:
    if style.encoding == "nfd":
        return unicodedata.normalize("NFD", text)
    if style.encoding == "tcvn3":
        return encode_tcvn3(text)
    if style.encoding == "vni":
        return encode_vni(text)
    return text


def apply_encoding(rng: random.Random, style: Style, sheets: list[Sheet]) -> None:
    """Re-type every text cell (and maybe the sheet names) in the file's encoding, with legacy fonts if chosen."""
    legacy_names = style.encoding in ("tcvn3", "vni") and rng.random() < 0.4
    for sheet in sheets:
        if style.encoding == "nfd" or legacy_names:
            sheet.name = encode_text(style, sheet.name)
        elif style.encoding in ("tcvn3", "vni"):
            sheet.name = mv.strip_marks(sheet.name) if not sheet.name.isascii() and rng.random() < 0.5 else sheet.name
        for key, value in list(sheet.cells.items()):
            if isinstance(value, str):
                sheet.cells[key] = encode_text(style, value)
                if style.legacy_font and style.encoding == "tcvn3":
                    sheet.fonts[key] = ".VnTimeH" if value.isupper() else ".VnTime"
                elif style.legacy_font and style.encoding == "vni":
                    sheet.fonts[key] = "VNI-Times"
    if legacy_names:
        style.notes.append("legacy sheet names")
