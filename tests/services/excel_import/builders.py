"""Build returns and district workbooks the way communes really make them, for import tests.

    build_return(tmp_path / "lt.xlsx", unit="Linh Thông", period="Năm 2017",
                 office=office(has_office=True, floor_area=34.5),
                 edoc=[("Đảng ủy", True), ("UBND", False)],
                 cadres=[cadre("Nguyễn Văn An", 1975, "Đại học", "Cao cấp")],
                 style=Messy(title_rows=2, reorder=True, signature=True, encoding="tcvn3"))

``Messy()`` with no argument writes the clean layout of PRODUCT.md §4; each field turns on one habit.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from dean_desktop.services.legacy_text import encode_tcvn3, encode_vni
from dean_desktop.services.vntext import strip_marks

ABBREVIATIONS = {
    "education": {"Đại học": "ĐH", "Thạc sĩ": "Th.S", "Tiến sĩ": "TS", "Cao đẳng": "CĐ", "Trung cấp": "TC",
                  "Sơ cấp": "SC"},
    "theory": {"Cao cấp": "CC", "Cử nhân": "CN", "Trung cấp": "TC", "Sơ cấp": "SC"},
    "state_mgmt": {"Chuyên viên": "CV", "Chuyên viên chính": "CVC", "Chuyên viên cao cấp": "CVCC"},
}  # fmt: skip

CADRE_HEADERS = {
    "stt": ("STT", "TT"),
    "name": ("Họ và tên", "Họ tên"),
    "birth_year": ("Năm sinh", "Ngày sinh"),
    "gender": ("Giới tính", "Nam/Nữ"),
    "ethnicity": ("Dân tộc", "DT"),
    "position": ("Chức vụ", "Chức danh"),
    "education": ("Chuyên môn", "Trình độ\nchuyên môn"),
    "major": ("Chuyên ngành", "Chuyên ngành đào tạo"),
    "theory": ("Lý luận chính trị", "Trình độ LLCT"),
    "state_mgmt": ("Quản lý nhà nước", "QLNN"),
    "it": ("Tin học", "Trình độ tin học"),
    "language": ("Ngoại ngữ", "Trình độ ngoại ngữ"),
    "notes": ("Ghi chú", "Ghi chú"),
}
EDOC_HEADERS = {
    "stt": ("STT", "TT"),
    "org": ("Tổ chức", "Tên cơ quan, tổ chức"),
    "exchanges": ("Trao đổi văn bản điện tử", "Trao đổi VBĐT"),
    "since": ("Từ ngày", "Ngày bắt đầu"),
    "notes": ("Ghi chú", "Ghi chú"),
}
OFFICE_LABELS = {
    "has_office": ("Có phòng làm việc riêng", "Bộ phận một cửa có phòng làm việc riêng (*)"),
    "floor_area": ("Diện tích phòng (m²)", "Diện tích (m2)"),
    "computers": ("Số máy vi tính", "Máy vi tính"),
    "printers": ("Số máy in", "Máy in"),
    "scanners": ("Số máy quét", "Máy scan"),
    "internet": ("Kết nối Internet", "Internet"),
    "staff": ("Số công chức làm việc", "Số CBCC làm việc"),
    "procedures_posted": ("Niêm yết công khai TTHC", "Niêm yết công khai thủ tục hành chính"),
    "in_use_since": ("Ngày đưa vào sử dụng", "Đưa vào sử dụng từ ngày"),
    "notes": ("Ghi chú", "Ghi chú"),
}
SHEETS = {
    "info": ("Thông tin chung", "THONG TIN CHUNG"),
    "office": ("Một cửa", "MOT CUA"),
    "edoc": ("Văn bản điện tử", "VB dien tu"),
    "cadres": ("Cán bộ", "Danh sách cán bộ"),
    "rotations": ("Luân chuyển", "LUAN CHUYEN"),
    "roster": ("Ban Chỉ đạo", "BCĐ"),
}


@dataclass(frozen=True)
class Messy:
    """How untidy a workbook is. Every option defaults to the clean form."""

    title_rows: int = 0  # merged title rows above each table and label block
    reorder: bool = False  # columns shuffled (seeded)
    extra_columns: tuple[str, ...] = ()  # unknown columns, e.g. ("Quê quán",)
    signature: bool = False  # total row, date line, "Người lập biểu", "(Ký, ghi rõ họ tên)", the signer's name
    blank_rows: bool = False  # an empty row after every third data row
    numbering_row: bool = False  # "(1) (2) (3)…" under the header
    text_numbers: bool = False  # numbers typed as text, decimals with a comma
    date_format: str | None = None  # dates typed as text, e.g. "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"
    abbreviations: bool = False  # ĐH, Th.S, CC, CN, CV, x for Có and blank for Không
    alias_headers: bool = False  # other usual spellings of headers and labels ("Họ tên", "LLCT", …)
    plain_headers: bool = False  # headers and labels in capitals without diacritics
    plain_sheet_names: bool = False  # "THONG TIN CHUNG", "MOT CUA", …
    nfd: bool = False  # every text cell in Unicode NFD
    encoding: str | None = None  # "tcvn3" or "vni": every text cell typed in that legacy encoding
    legacy_fonts: bool = True  # give legacy text its font (.VnTime / .VnTimeH / VNI-Times)
    labels_in_column: int = 1  # 1 = column A; 2 = labels in B after a numbering column
    split_gender: bool = False  # "Năm sinh" over two columns Nam | Nữ holding the birth year
    meta: tuple[str, str] | None = None  # (unit code, period code) for a hidden `_meta` sheet
    seed: int = 1
    extra_sheets: tuple[str, ...] = ()  # unrelated sheets added ("Sheet1", …)
    sheet_names: dict[str, str] = field(default_factory=dict)  # kind -> exact sheet name, overrides


def office(has_office: bool | None = True, **values: Any) -> dict[str, Any]:
    return {"has_office": has_office, **values}


def cadre(
    name: str,
    birth_year: int | str | date | None = 1975,
    education: str | None = "Đại học",
    theory: str | None = "Trung cấp",
    **values: Any,
) -> dict[str, Any]:
    base = {"gender": "Nam", "ethnicity": "Kinh", "position": "Chủ tịch", "state_mgmt": "Chuyên viên"}
    return {**base, "name": name, "birth_year": birth_year, "education": education, "theory": theory, **values}


class _Writer:
    def __init__(self, style: Messy) -> None:
        self.style = style
        self.rng = random.Random(style.seed)

    def text(self, value: str) -> str:
        style = self.style
        if style.nfd:
            value = unicodedata.normalize("NFD", value)
        if style.encoding == "tcvn3":
            value = encode_tcvn3(value)
        elif style.encoding == "vni":
            value = encode_vni(value)
        return value

    def header(self, clean: str, alias: str) -> str:
        text = alias if self.style.alias_headers else clean
        if self.style.plain_headers:
            text = strip_marks(text).upper()
        return text

    def put(self, ws: Worksheet, row: int, col: int, value: Any) -> None:
        target = ws.cell(row=row, column=col)
        if isinstance(value, str):
            is_caps = value.upper() == value and any(ch.isalpha() for ch in value)
            target.value = self.text(value)
            target.data_type = "s"  # never a formula
            if self.style.encoding and self.style.legacy_fonts:
                font = {"tcvn3": ".VnTimeH" if is_caps else ".VnTime", "vni": "VNI-Times"}[self.style.encoding]
                target.font = Font(name=font)
        elif isinstance(value, date):
            if self.style.date_format:
                self.put(ws, row, col, value.strftime(self.style.date_format))
                return
            target.value = value
            target.number_format = "DD/MM/YYYY"
        elif isinstance(value, int | float) and not isinstance(value, bool) and self.style.text_numbers:
            self.put(ws, row, col, f"{value:g}".replace(".", ","))
        else:
            target.value = value

    def titles(self, ws: Worksheet, width: int, title: str) -> int:
        """Merged title rows and a blank row; returns the next free row."""
        if not self.style.title_rows:
            return 1
        lines = ["UBND HUYỆN ĐỊNH HÓA", title.upper(), "(Kèm theo Công văn số 123/BTC ngày 10/11/2016)"]
        for index in range(self.style.title_rows):
            self.put(ws, index + 1, 1, lines[index % len(lines)])
            ws.merge_cells(start_row=index + 1, start_column=1, end_row=index + 1, end_column=max(width, 2))
        return self.style.title_rows + 2

    def yes_no(self, value: bool | str | None, optional: bool = True) -> Any:
        if value is None or isinstance(value, str):
            return value
        if self.style.abbreviations:
            return "x" if value else (None if optional else "Không")
        return "Có" if value else "Không"

    def sheet_name(self, kind: str) -> str:
        if kind in self.style.sheet_names:
            return self.style.sheet_names[kind]
        return SHEETS[kind][1 if self.style.plain_sheet_names else 0]

    def labels(self, ws: Worksheet, items: list[tuple[str, Any]], title: str) -> None:
        row = self.titles(ws, 2, title)
        col = self.style.labels_in_column
        for number, (label, value) in enumerate(items, start=1):
            if col > 1:
                self.put(ws, row, 1, number)
            self.put(ws, row, col, label + (":" if self.style.alias_headers else ""))
            if value is not None:
                self.put(ws, row, col + 1, value)
            row += 1

    def table(self, ws: Worksheet, headers: list[str], rows: list[list[Any]], title: str) -> None:
        """Header (after titles; "Parent|Sub" headers make a two-row header), data rows, then the optional total
        and signature block."""
        groups: list[list[int]] = []
        for index, text in enumerate(headers):
            parent = text.partition("|")[0] if "|" in text else None
            if parent is not None and groups and "|" in headers[groups[-1][0]] and not parent:
                groups[-1].append(index)
            else:
                groups.append([index])
        if self.style.reorder:
            rest = groups[1:]
            self.rng.shuffle(rest)
            groups = [groups[0], *rest]
        order = [i for group in groups for i in group]
        headers = [headers[i] for i in order] + list(self.style.extra_columns)
        row = self.titles(ws, len(headers), title)
        two_rows = any("|" in h for h in headers)
        for col, text in enumerate(headers, start=1):
            if "|" in text:
                parent, _, sub = text.partition("|")
                if parent:
                    self.put(ws, row, col, parent)
                    ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + 1)
                self.put(ws, row + 1, col, sub)
            else:
                self.put(ws, row, col, text)
                if two_rows:
                    ws.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
        row += 2 if two_rows else 1
        if self.style.numbering_row:
            for col in range(1, len(headers) + 1):
                self.put(ws, row, col, f"({col})")
            row += 1
        for index, values in enumerate(rows):
            ordered = [values[i] for i in order] + [f"ghi thêm {index + 1}" for _ in self.style.extra_columns]
            for col, value in enumerate(ordered, start=1):
                if value is not None:
                    self.put(ws, row, col, value)
            row += 1
            if self.style.blank_rows and index % 3 == 2:
                row += 1
        if self.style.signature:
            self.put(ws, row, 2, "Tổng cộng")
            self.put(ws, row, 3, len(rows))
            row += 2
            self.put(ws, row, 5, "Định Hóa, ngày 10 tháng 12 năm 2017")
            row += 1
            self.put(ws, row, 2, "Người lập biểu")
            self.put(ws, row, 5, "TM. UBND XÃ")
            row += 1
            self.put(ws, row, 2, "(Ký, ghi rõ họ tên)")
            row += 3
            self.put(ws, row, 2, "Nguyễn Văn Lập")
            self.put(ws, row, 5, "Hoàng Văn Ký")

    def meta(self, wb: openpyxl.Workbook) -> None:
        if self.style.meta is None:
            return
        ws = wb.create_sheet("_meta")
        code, period = self.style.meta
        for index, (k, v) in enumerate(
            [("form", "dean_desktop.unit_return"), ("form_version", "1"), ("unit_code", code), ("period", period)],
            start=1,
        ):
            ws.cell(row=index, column=1, value=k)
            cell = ws.cell(row=index, column=2, value=v)
            cell.data_type = "s"
        ws.sheet_state = "veryHidden"

    def finish(self, wb: openpyxl.Workbook, path: Path) -> Path:
        for name in self.style.extra_sheets:
            wb.create_sheet(name).cell(row=1, column=1, value="không liên quan")
        self.meta(wb)
        path.parent.mkdir(parents=True, exist_ok=True)
        wb.save(path)
        return path


def _cadre_rows(writer: _Writer, cadres: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    style = writer.style
    keys = list(CADRE_HEADERS)
    if style.split_gender:
        keys = [k for k in keys if k != "gender"]
    headers = [writer.header(*CADRE_HEADERS[k]) for k in keys]
    rows = []
    for number, person in enumerate(cadres, start=1):
        values: list[Any] = []
        for k in keys:
            value = {"stt": number, "name": person.get("name"), "theory": person.get("theory")}.get(k, person.get(k))
            if style.abbreviations and k in ("education", "theory", "state_mgmt") and isinstance(value, str):
                table = ABBREVIATIONS["theory" if k == "theory" else k]
                value = table.get(value, value)
            values.append(value)
        rows.append(values)
    if style.split_gender:
        at = keys.index("birth_year")
        headers[at : at + 1] = [writer.header("Năm sinh", "Năm sinh") + "|Nam", "|Nữ"]
        for person, values in zip(cadres, rows, strict=True):
            year = values[at]
            male = person.get("gender", "Nam") == "Nam"
            values[at : at + 1] = [year if male else None, None if male else year]
    return headers, rows


def build_return(
    path: Path,
    unit: str = "Linh Thông",
    period: str | int = "Năm 2017",
    office: dict[str, Any] | None = None,
    edoc: list[tuple[Any, ...]] | None = None,
    cadres: list[dict[str, Any]] | None = None,
    style: Messy = Messy(),
    *,
    info: dict[str, Any] | None = None,
) -> Path:
    """A unit return: `Thông tin chung` always, the other sheets when given (None leaves the sheet out)."""
    writer = _Writer(style)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = writer.sheet_name("info")
    details = {"Ngày lập": date(2017, 12, 10), "Người lập": "Nguyễn Văn Lập", "Điện thoại": "0912345678"}
    details.update(info or {})
    items = [(writer.header("Đơn vị", "Tên đơn vị"), unit), (writer.header("Kỳ báo cáo", "Kỳ báo cáo"), period)]
    items += [(writer.header(k, k), v) for k, v in details.items()]
    writer.labels(ws, items, "Thông tin chung")
    if office is not None:
        ws = wb.create_sheet(writer.sheet_name("office"))
        items = []
        for k, labels in OFFICE_LABELS.items():
            value = office.get(k)
            if k in ("has_office", "internet", "procedures_posted"):
                value = writer.yes_no(value, optional=k != "has_office")
            items.append((writer.header(*labels), value))
        writer.labels(ws, items, "Bộ phận một cửa")
    if edoc is not None:
        ws = wb.create_sheet(writer.sheet_name("edoc"))
        headers = [writer.header(*EDOC_HEADERS[k]) for k in EDOC_HEADERS]
        rows = []
        for number, item in enumerate(edoc, start=1):
            name, flag, *rest = item
            rows.append(
                [number, name, writer.yes_no(flag), rest[0] if rest else None, rest[1] if len(rest) > 1 else None]
            )
        writer.table(ws, headers, rows, "Trao đổi văn bản điện tử")
    if cadres is not None:
        ws = wb.create_sheet(writer.sheet_name("cadres"))
        headers, rows = _cadre_rows(writer, cadres)
        writer.table(ws, headers, rows, "Danh sách cán bộ lãnh đạo, quản lý")
    return writer.finish(wb, path)


ROTATION_HEADERS = [
    "STT", "Họ và tên", "Chức vụ, đơn vị trước luân chuyển", "Chức vụ, đơn vị luân chuyển đến", "Số quyết định",
    "Ngày quyết định", "Thời gian (tháng)", "Ghi chú",
]  # fmt: skip
ROSTER_HEADERS = [
    "STT",
    "Họ và tên",
    "Chức vụ",
    "Chức danh trong Ban Chỉ đạo",
    "Điện thoại",
    "Email",
    "Đơn vị phụ trách",
]


def build_rotations(path: Path, rows: list[tuple[Any, ...]], style: Messy = Messy()) -> Path:
    """rows: (name, from, to, decision no, decision date, months[, notes])."""
    writer = _Writer(style)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = writer.sheet_name("rotations")
    data = [[i, *row, *([None] * (7 - len(row)))] for i, row in enumerate(rows, start=1)]
    writer.table(ws, [writer.header(h, h) for h in ROTATION_HEADERS], data, "Danh sách cán bộ luân chuyển")
    return writer.finish(wb, path)


def build_roster(path: Path, rows: list[tuple[Any, ...]], style: Messy = Messy()) -> Path:
    """rows: (name, position, role, phone, email, units)."""
    writer = _Writer(style)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = writer.sheet_name("roster")
    data = [[i, *row] for i, row in enumerate(rows, start=1)]
    writer.table(ws, [writer.header(h, h) for h in ROSTER_HEADERS], data, "Thành viên Ban Chỉ đạo")
    return writer.finish(wb, path)
