"""The two tables of a return as clerks lay them out: `Văn bản điện tử` and `Cán bộ` (see ``messy_layout``)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from . import messy_values as mv
from .messy_layout import ReturnTruth, signature, title_block
from .workbook_writers import Sheet


@dataclass
class Column:
    key: str
    header: str
    value: Callable[[int], object]  # row index -> cell value


def _write_table(
    rng: random.Random,
    sheet: Sheet,
    row: int,
    columns: list[Column],
    groups: list[tuple[str, int]],
    group_key: str,
    total_text: str,
    parents: list[tuple[str, list[str]]] | None = None,
) -> int:
    """Header (one row, or two under parent headers), maybe a numbering row, the rows with blank and group
    rows, a total row, a signature block."""
    start_col = 1 if rng.random() < 0.85 else 2
    width = len(columns)
    notes = sheet.notes
    if start_col == 2:
        notes.append("table from column B")
    if parents:
        notes.append("two-row header: " + ", ".join(p for p, _ in parents))
        children = {key: parent for parent, keys in parents for key in keys}
        for i, col in enumerate(columns):
            c = start_col + i
            if col.key in children:
                sheet.put(row + 1, c, col.header)
            else:
                sheet.put(row, c, col.header)
                sheet.merges.append((row, c, row + 1, c))
        for parent, keys in parents:
            first = next(i for i, c in enumerate(columns) if c.key in keys)
            sheet.put(row, start_col + first, parent, merge_to=start_col + first + len(keys) - 1)
        row += 2
    else:
        for i, col in enumerate(columns):
            sheet.put(row, start_col + i, col.header)
        row += 1
    numbering = rng.random()
    if numbering < 0.35:
        as_text = numbering < 0.25
        notes.append("numbering row " + ("(1) (2)" if as_text else "1 2 3"))
        for i in range(width):
            sheet.put(row, start_col + i, f"({i + 1})" if as_text else i + 1)
        row += 1
    index = 0
    name_col = start_col + next(i for i, c in enumerate(columns) if c.key == group_key)
    marks = rng.choice([["I", "II", "III", "IV"], ["A", "B", "C", "D"]])
    for number, (heading, count) in enumerate(groups):
        if heading:
            if rng.random() < 0.5 and columns[0].key == "stt":
                sheet.put(row, start_col, marks[number])
                sheet.put(row, name_col, heading)
            else:
                sheet.put(row, start_col, f"{marks[number]}. {heading.upper()}", merge_to=start_col + width - 1)
            row += 1
        for _ in range(count):
            for i, col in enumerate(columns):
                sheet.put(row, start_col + i, col.value(index))
            index += 1
            row += 1 + (rng.random() < 0.06)
    if any(heading for heading, _ in groups):
        notes.append("group headings")
    if rng.random() < 0.5:
        notes.append("total row")
        if rng.random() < 0.5:
            sheet.put(row, start_col, total_text, merge_to=start_col + min(2, width - 1))
        else:
            sheet.put(row, name_col, total_text)
        row += 1
    if rng.random() < 0.6:
        notes.append("signature block")
        row = signature(rng, sheet, row + rng.randint(0, 2), start_col + width - 1)
    return row


def _stt(rng: random.Random) -> Callable[[int], object]:
    form = rng.choice(["int", "int", "text", "dot"])
    return lambda i: i + 1 if form == "int" else (str(i + 1) if form == "text" else f"{i + 1}.")


def _keep_together(keys: list[str], children: list[str], rng: random.Random) -> list[str]:
    """The keys with ``children`` moved next to each other (under one parent header), somewhere after the name."""
    rest = [k for k in keys if k not in children]
    at = rng.randint(min(2, len(rest)), len(rest))
    return rest[:at] + children + rest[at:]


def edoc_sheet(rng: random.Random, truth: ReturnTruth, name: str) -> Sheet:
    sheet = Sheet(name)
    orgs = truth.orgs
    starts = [mv.some_date(rng, date(2016, 1, 1), date(2019, 10, 1)) for _ in orgs]
    exchange = rng.choice(["Trao đổi văn bản điện tử", "Trao đổi văn bản điện tử (Có/Không)", "Trao đổi VB điện tử",
                           "Trao đổi\nvăn bản điện tử", "TRAO ĐỔI VĂN BẢN ĐIỆN TỬ"])  # fmt: skip
    tick = rng.choice(["x", "X"])
    columns = [
        Column("stt", rng.choice(["STT", "TT", "Số TT"]), _stt(rng)),
        Column("org", rng.choice(["Tổ chức", "Tên tổ chức", "TỔ CHỨC", "Tên cơ quan, tổ chức"]), lambda i: orgs[i][1]),
        Column("edoc", exchange, lambda i: mv.yes_no(rng, orgs[i][2], blank_means_no=True)),
        Column("yes", "Có", lambda i: tick if orgs[i][2] else ""),
        Column("no", "Không", lambda i: "" if orgs[i][2] else tick),
        Column("from", rng.choice(["Từ ngày", "Từ ngày\n(dd/mm/yyyy)", "TỪ NGÀY"]),
               lambda i: mv.date_value(rng, starts[i]) if orgs[i][2] and rng.random() < 0.85 else ""),
        Column("note", rng.choice(["Ghi chú", "GHI CHÚ"]),
               lambda i: "" if orgs[i][2] else rng.choice(["", "Chưa có máy tính", "Đang triển khai"])),
    ]  # fmt: skip
    ticks = rng.random() < 0.12
    columns = [c for c in columns if c.key not in (("edoc",) if ticks else ("yes", "no"))]
    if rng.random() < 0.3:
        columns.insert(
            rng.randint(2, len(columns)),
            Column("x", rng.choice(["Đầu mối phụ trách", "Địa chỉ email"]), lambda i: mv.person(rng)[0]),
        )
    if rng.random() < 0.3:
        rest = columns[1:]
        rng.shuffle(rest)
        columns[1:] = rest
    for key, chance in (("note", 0.15), ("stt", 0.1)):
        if rng.random() < chance:
            columns = [c for c in columns if c.key != key]
            sheet.notes.append(f"no {key} column")
    if columns[0].key != "stt":  # without an STT, the organisation comes first
        columns.sort(key=lambda c: c.key != "org")
    parents = None
    if ticks:
        by_key = {c.key: c for c in columns}
        columns = [by_key[k] for k in _keep_together([c.key for c in columns], ["yes", "no"], rng)]
        parents = [(exchange, ["yes", "no"])]
    grouped = rng.random() < 0.4
    blocks: list[tuple[str, int]] = []
    for block, _, _ in orgs:
        if blocks and blocks[-1][0] == block:
            blocks[-1] = (block, blocks[-1][1] + 1)
        else:
            blocks.append((block, 1))
    groups = [(f"Khối {b}" if grouped else "", n) for b, n in blocks]
    row = title_block(rng, sheet, truth, "DANH SÁCH TỔ CHỨC TRAO ĐỔI VĂN BẢN ĐIỆN TỬ", len(columns))
    yes = sum(1 for *_, flag in orgs if flag)
    total = rng.choice([f"Tổng cộng: {len(orgs)} tổ chức", "Tổng cộng", "Cộng", f"Tổng số: {yes}/{len(orgs)}"])
    _write_table(rng, sheet, row, columns, groups, "org", total, parents)
    return sheet


_CADRE_HEADERS = {
    "stt": ["STT", "TT", "Số TT"],
    "name": ["Họ và tên", "Họ tên", "HỌ VÀ TÊN", "Họ và\ntên"],
    "gender": ["Giới tính", "Giới\ntính"],
    "ethnic": ["Dân tộc", "DÂN TỘC"],
    "position": ["Chức vụ", "Chức vụ\nhiện nay", "CHỨC VỤ"],
    "education": ["Chuyên môn", "Trình độ chuyên môn", "Trình độ CM", "Trình độ\nchuyên môn", "TRÌNH ĐỘ CHUYÊN MÔN"],
    "major": ["Chuyên ngành", "Chuyên ngành đào tạo"],
    "theory": ["Lý luận chính trị", "LLCT", "Trình độ lý luận chính trị", "Trình độ LLCT", "Lý luận\nchính trị"],
    "state": ["Quản lý nhà nước", "QLNN", "Trình độ QLNN"],
    "it": ["Tin học", "TIN HỌC"],
    "language": ["Ngoại ngữ"],
    "note": ["Ghi chú"],
    "home": ["Quê quán"],
    "party": ["Ngày vào Đảng", "Ngày vào\nĐảng"],
}
_SUB_HEADERS = {"education": ["Chuyên môn", "CM"], "theory": ["LLCT", "Lý luận chính trị"], "state": ["QLNN"],
                "male": ["Nam"], "female": ["Nữ"]}  # fmt: skip


def cadre_sheet(rng: random.Random, truth: ReturnTruth, name: str, bad_theory_row: int | None = None) -> Sheet:
    sheet = Sheet(name)
    capitals = rng.random() < 0.08
    people = [mv.person(rng) for _ in truth.cadres]
    if capitals:
        people = [(full.upper(), gender) for full, gender in people]
        sheet.notes.append("names in capitals")
    born = [mv.some_date(rng, date(1962, 1, 1), date(1990, 12, 31)) for _ in truth.cadres]
    full_birth = rng.random() < 0.35
    birth_header = (
        rng.choice(["Ngày sinh", "Ngày, tháng, năm sinh", "Ngày tháng\nnăm sinh"])
        if full_birth
        else (rng.choice(["Năm sinh", "Năm\nsinh", "NĂM SINH"]))
    )

    def theory(i: int) -> str:
        if i == bad_theory_row:
            return "cao cap lý luận"
        return mv.spelled(rng, mv.THEORY, truth.cadres[i].theory)

    def born_as(gender: str) -> Callable[[int], object]:
        return lambda i: mv.birth_value(rng, born[i], full_birth) if people[i][1] == gender else ""

    values: dict[str, Callable[[int], object]] = {
        "stt": _stt(rng),
        "name": lambda i: people[i][0],
        "birth": lambda i: mv.birth_value(rng, born[i], full_birth),
        "male": born_as("Nam"),
        "female": born_as("Nữ"),
        "gender": lambda i: people[i][1] if rng.random() < 0.9 else people[i][1].upper(),
        "ethnic": lambda i: rng.choice(mv.ETHNIC),
        "position": lambda i: rng.choice(mv.POSITIONS),
        "education": lambda i: mv.spelled(rng, mv.EDUCATION, truth.cadres[i].education),
        "major": lambda i: rng.choice(mv.MAJORS),
        "theory": theory,
        "state": lambda i: rng.choice(mv.STATE_MANAGEMENT),
        "it": lambda i: rng.choice(mv.IT_SKILLS),
        "language": lambda i: rng.choice(mv.LANGUAGES),
        "note": lambda i: rng.choice(["", "", "Kiêm nhiệm", "Nghỉ hưu từ 01/2020"]),
        "home": lambda i: rng.choice(["Định Hóa", "Phú Lương", "Đại Từ", "TP Thái Nguyên"]),
        "party": lambda i: mv.date_value(rng, mv.some_date(rng, date(1985, 1, 1), date(2015, 12, 31))),
    }
    keys = ["stt", "name", "birth", "gender", "ethnic", "position", "education", "major", "theory", "state", "it",
            "language", "note"]  # fmt: skip
    keys = [k for k in keys if k in ("name", "birth", "education", "theory", "stt") or rng.random() < 0.75]
    if rng.random() < 0.1:
        keys.remove("stt")
        keys.sort(key=lambda k: k != "name")  # without an STT, the name comes first
        sheet.notes.append("no STT column")
    for extra in ("home", "party"):
        if rng.random() < 0.25:
            keys.insert(rng.randint(2, len(keys)), extra)
    if rng.random() < 0.3:
        rest = keys[1:]
        rng.shuffle(rest)
        keys[1:] = rest
    parents: list[tuple[str, list[str]]] = []
    if rng.random() < 0.12:  # the year of birth written under "Nam" or "Nữ"
        keys = [k for k in keys if k not in ("birth", "gender")]
        keys = _keep_together(keys, ["male", "female"], rng)
        parents.append((birth_header, ["male", "female"]))
    if rng.random() < 0.15 and "state" in keys:
        keys = _keep_together(keys, ["education", "theory", "state"], rng)
        parents.append(("Trình độ", ["education", "theory", "state"]))
    children = {k for _, ks in parents for k in ks}
    headers = {k: rng.choice((_SUB_HEADERS if k in children else _CADRE_HEADERS).get(k, [""])) for k in keys}
    headers["birth"] = birth_header
    columns = [Column(k, headers[k], values[k]) for k in keys]
    if truth.is_commune and rng.random() < 0.5:
        split = sorted(rng.sample(range(len(truth.cadres) + 1), 2))
        sizes = [split[0], split[1] - split[0], len(truth.cadres) - split[1]]
        groups = [(h, n) for h, n in zip(["Khối Đảng", "Khối Chính quyền", "Khối Mặt trận và đoàn thể"], sizes,
                                          strict=True)]  # fmt: skip
    else:
        groups = [("", len(truth.cadres))]
    row = title_block(rng, sheet, truth, "DANH SÁCH CÁN BỘ LÃNH ĐẠO, QUẢN LÝ", len(columns))
    total = rng.choice([f"Tổng cộng: {len(truth.cadres)} người", "Tổng cộng", f"Cộng: {len(truth.cadres)}"])
    _write_table(rng, sheet, row, columns, groups, "name", total, parents)
    return sheet
