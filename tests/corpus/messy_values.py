"""How clerks really type values in returns: spellings with the category each one means, names, dates, numbers.

Written from PRODUCT.md §2/§4 and from how Vietnamese office forms look, independently of the importer and of
tests/services/excel_import/builders.py. Every spelling is paired with its true meaning, so the answer key never
has to read anything back.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date

# ---------------------------------------------------------------------------------------------------------------
# Units: GSO code, official name (as the app lists it), the ways clerks write it.
# ---------------------------------------------------------------------------------------------------------------
COMMUNES: list[tuple[str, str]] = [
    ("05536", "Thị trấn Chợ Chu"), ("05539", "Linh Thông"), ("05542", "Lam Vỹ"), ("05545", "Quy Kỳ"),
    ("05548", "Tân Thịnh"), ("05551", "Kim Phượng"), ("05554", "Bảo Linh"), ("05557", "Kim Sơn"),
    ("05560", "Phúc Chu"), ("05563", "Tân Dương"), ("05566", "Phượng Tiến"), ("05569", "Bảo Cường"),
    ("05572", "Đồng Thịnh"), ("05575", "Định Biên"), ("05578", "Thanh Định"), ("05581", "Trung Hội"),
    ("05584", "Trung Lương"), ("05587", "Bình Yên"), ("05590", "Điềm Mặc"), ("05593", "Phú Tiến"),
    ("05596", "Bộc Nhiêu"), ("05599", "Sơn Phú"), ("05602", "Phú Đình"), ("05605", "Bình Thành"),
]  # fmt: skip
KIM_SON = "05557"
CHO_CHU = "05536"

AGENCIES: list[str] = [
    "Văn phòng Huyện ủy", "Ban Tổ chức Huyện ủy", "Ban Tuyên giáo Huyện ủy", "Ban Dân vận Huyện ủy",
    "Ủy ban Kiểm tra Huyện ủy", "Trung tâm Bồi dưỡng chính trị huyện", "Văn phòng HĐND và UBND huyện",
    "Phòng Nội vụ", "Phòng Tài chính - Kế hoạch", "Phòng Tư pháp", "Phòng Kinh tế và Hạ tầng",
    "Phòng Nông nghiệp và Phát triển nông thôn", "Phòng Tài nguyên và Môi trường", "Phòng Giáo dục và Đào tạo",
    "Phòng Văn hóa và Thông tin", "Phòng Y tế", "Phòng Lao động - Thương binh và Xã hội", "Phòng Dân tộc",
    "Thanh tra huyện", "Ủy ban MTTQ huyện", "Hội Liên hiệp Phụ nữ huyện", "Huyện đoàn", "Hội Nông dân huyện",
    "Hội Cựu chiến binh huyện", "Liên đoàn Lao động huyện",
]  # fmt: skip

_COMMUNE_SPELLINGS = {"05542": ["Lam Vĩ", "Lam Vỹ"], "05545": ["Qui Kỳ", "Quy Kỳ"]}


def strip_marks(text: str) -> str:
    """Vietnamese without diacritics, as typed on a keyboard without an input method."""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return bare.replace("đ", "d").replace("Đ", "D")


def old_tones(text: str) -> str:
    """The old tone placement people still type: Hoá, Uỷ, Thuỷ."""
    for new, old in (("óa", "oá"), ("òa", "oà"), ("ủy", "uỷ"), ("Ủy", "Uỷ"), ("ùy", "uỳ"), ("úy", "uý")):
        text = text.replace(new, old)
    return text


def commune_spelling(rng: random.Random, code: str, name: str) -> str:
    """How a commune clerk writes the unit's name in ``Đơn vị``."""
    if code == CHO_CHU:
        return rng.choice(["TT Chợ Chu", "Thị trấn Chợ Chu", "THỊ TRẤN CHỢ CHU", "thi tran Cho Chu", "TT. Chợ Chu",
                           "UBND thị trấn Chợ Chu"])  # fmt: skip
    base = rng.choice(_COMMUNE_SPELLINGS.get(code, [name]))
    form = rng.choice(["Xã {}", "{}", "{UP}", "{bare}", "UBND xã {}", "xã {}", "XÃ {UP}", "Xã {bare}", "UBND XÃ {UP}"])
    return form.format(base, UP=base.upper(), bare=strip_marks(base).lower())


_AGENCY_SHORT = {
    "Văn phòng Huyện ủy": ["VP Huyện ủy"], "Ủy ban Kiểm tra Huyện ủy": ["UBKT Huyện ủy"],
    "Trung tâm Bồi dưỡng chính trị huyện": ["Trung tâm BDCT huyện"],
    "Văn phòng HĐND và UBND huyện": ["VP HĐND&UBND huyện", "Văn phòng HĐND - UBND huyện"],
    "Phòng Tài chính - Kế hoạch": ["Phòng TC-KH", "Phòng Tài chính Kế hoạch"],
    "Phòng Kinh tế và Hạ tầng": ["Phòng KT&HT", "Phòng Kinh tế - Hạ tầng"],
    "Phòng Nông nghiệp và Phát triển nông thôn": ["Phòng NN&PTNT"], "Phòng Tài nguyên và Môi trường": ["Phòng TN&MT"],
    "Phòng Giáo dục và Đào tạo": ["Phòng GD&ĐT", "Phòng Giáo dục - Đào tạo"],
    "Phòng Văn hóa và Thông tin": ["Phòng VH&TT", "Phòng Văn hóa - Thông tin"],
    "Phòng Lao động - Thương binh và Xã hội": ["Phòng LĐ-TB&XH", "Phòng LĐTB&XH"],
    "Ủy ban MTTQ huyện": ["UBMTTQ huyện", "Ủy ban Mặt trận Tổ quốc huyện"],
    "Hội Liên hiệp Phụ nữ huyện": ["Hội LHPN huyện"],
    "Hội Cựu chiến binh huyện": ["Hội CCB huyện"], "Liên đoàn Lao động huyện": ["LĐLĐ huyện"],
}  # fmt: skip


def agency_spelling(rng: random.Random, name: str) -> str:
    """How a district agency writes its own name."""
    choice = rng.random()
    if choice < 0.15 and name in _AGENCY_SHORT:
        return rng.choice(_AGENCY_SHORT[name])
    if choice < 0.35:
        return name
    if choice < 0.5:
        return name.upper()
    if choice < 0.65:
        return old_tones(name)
    if choice < 0.75:
        return strip_marks(name)
    suffix = " Định Hóa" if name.endswith(("huyện", "Huyện ủy", "Huyện đoàn")) else " huyện Định Hóa"
    return name + suffix


# ---------------------------------------------------------------------------------------------------------------
# Values with meaning. Each list: (what the clerk typed, the true category).
# ---------------------------------------------------------------------------------------------------------------
EDUCATION: dict[str, list[str]] = {
    "Đại học": [
        "Đại học",
        "ĐH",
        "Đại học Luật",
        "đại học",
        "ĐẠI HỌC",
        "Đại học Kinh tế",
        "ĐH Luật",
        "Cử nhân Luật",
        "Kỹ sư Nông nghiệp",
        "Đại học (tại chức)",
    ],
    "Thạc sĩ": ["Thạc sĩ", "Thạc sỹ", "ThS", "Th.S", "thạc sĩ", "Thạc sĩ Quản lý kinh tế", "ThS Kinh tế"],
    "Tiến sĩ": ["Tiến sĩ", "TS", "Tiến sỹ"],
    "Cao đẳng": ["Cao đẳng", "CĐ"],
    "Trung cấp": ["Trung cấp", "TC"],
}
EDUCATION_WEIGHTS = {"Đại học": 55, "Thạc sĩ": 20, "Tiến sĩ": 4, "Cao đẳng": 8, "Trung cấp": 13}
POSTGRAD = frozenset({"Thạc sĩ", "Tiến sĩ"})

THEORY: dict[str, list[str]] = {
    "Cao cấp": ["Cao cấp", "CC", "Cao cấp LLCT", "cao cấp", "Cao cấp lý luận chính trị", "Cao cấp chính trị"],
    "Cử nhân": ["Cử nhân", "CN", "Cử nhân chính trị"],
    "Trung cấp": ["Trung cấp", "TC", "trung cấp", "Trung cấp LLCT"],
    "Sơ cấp": ["Sơ cấp", "SC", "Sơ cấp LLCT"],
}
THEORY_WEIGHTS = {"Cao cấp": 40, "Cử nhân": 12, "Trung cấp": 38, "Sơ cấp": 10}
SENIOR_THEORY = frozenset({"Cao cấp", "Cử nhân"})

STATE_MANAGEMENT = ["Chuyên viên", "Chuyên viên chính", "Chuyên viên cao cấp", "Chưa qua bồi dưỡng", "", "CV", "CVC"]
YES = ["Có", "có", "x", "X", "CÓ"]
OFFICE_PHRASES = {
    True: ["Có phòng riêng", "Có (phòng riêng)", "Đã có"],
    False: ["Không, dùng chung", "Chưa có", "Không (dùng chung phòng)"],
}
NO = ["Không", "không", "-", "KHÔNG"]

ETHNIC = ["Kinh", "Kinh", "Kinh", "Tày", "Tày", "Nùng", "Dao", "Sán Chay", "Mông", "Hoa"]
POSITIONS = [
    "Trưởng phòng", "Phó Trưởng phòng", "Chánh Văn phòng", "Phó Chánh Văn phòng", "Trưởng ban", "Phó Trưởng ban",
    "Chủ tịch", "Phó Chủ tịch", "Bí thư", "Phó Bí thư", "Giám đốc", "Chánh Thanh tra",
]  # fmt: skip
MAJORS = ["Luật", "Kinh tế", "Quản lý đất đai", "Kế toán", "Sư phạm Toán", "Nông học", "Hành chính", "Xây dựng Đảng"]
IT_SKILLS = ["Chứng chỉ A", "Chứng chỉ B", "B", "A", "Trung cấp tin học", "", "Ứng dụng CNTT cơ bản"]
LANGUAGES = ["Tiếng Anh B", "Anh B", "Tiếng Anh A2", "B1", "", "Tiếng Trung A"]

ORGANISATIONS = {
    "Đảng": ["Đảng ủy", "Đảng ủy xã", "Đảng uỷ"],
    "Chính quyền": ["HĐND", "Hội đồng nhân dân", "UBND", "Ủy ban nhân dân"],
    "Đoàn thể": ["Ủy ban MTTQ", "MTTQ", "Hội Phụ nữ", "Hội LHPN", "Đoàn Thanh niên", "Đoàn TN", "Hội Nông dân",
                 "Hội Cựu chiến binh", "Hội CCB", "Hội Người cao tuổi", "Hội Chữ thập đỏ"],
}  # fmt: skip

_FAMILY = ["Nguyễn", "Trần", "Lê", "Hoàng", "Ma", "Đinh", "Lưu", "Phạm", "Dương", "Nông", "La", "Hà", "Triệu", "Mạc"]
_MIDDLE_M = ["Văn", "Đức", "Hữu", "Quang", "Minh", "Công", "Xuân", "Thế"]
_MIDDLE_F = ["Thị", "Thu", "Thanh", "Ngọc", "Hồng", "Thị Thu"]
_GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Mạnh", "Nam", "Quyết", "Sơn", "Vượng"]
_GIVEN_F = ["Anh", "Châu", "Dung", "Hà", "Hằng", "Hương", "Lan", "Liên", "Mai", "Nga", "Phượng", "Thảo", "Yến", "Ánh"]


def person(rng: random.Random) -> tuple[str, str]:
    """(full name, gender)."""
    if rng.random() < 0.6:
        return f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE_M)} {rng.choice(_GIVEN_M)}", "Nam"
    return f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE_F)} {rng.choice(_GIVEN_F)}", "Nữ"


def weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _padded(rng: random.Random, text: str) -> str:
    """Now and then a stray space or a non-breaking space copied from Word."""
    return text + rng.choice([" ", "\xa0", "  "]) if rng.random() < 0.05 else text


def spelled(rng: random.Random, table: dict[str, list[str]], category: str) -> str:
    return _padded(rng, rng.choice(table[category]))


def yes_no(rng: random.Random, truth: bool, blank_means_no: bool = False) -> str:
    """Có/Không as typed; a blank only where a blank honestly means "not marked Có"."""
    if not truth and blank_means_no and rng.random() < 0.2:
        return ""
    if blank_means_no and rng.random() < 0.05:
        return rng.choice(["Có (từ 2018)", "Đã trao đổi"] if truth else ["Chưa", "Chưa trao đổi"])
    return _padded(rng, rng.choice(YES if truth else NO))


# ---------------------------------------------------------------------------------------------------------------
# Dates, numbers, periods.
# ---------------------------------------------------------------------------------------------------------------
def some_date(rng: random.Random, first: date, last: date) -> date:
    return date.fromordinal(rng.randint(first.toordinal(), last.toordinal()))


def date_value(rng: random.Random, day: date) -> object:
    """An Excel date or one of the text forms of §4."""
    form = rng.randrange(7)
    if form <= 1:
        return day
    return [
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.day:02d}-{day.month:02d}-{day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        day.isoformat(),
        f"{day.day}/{day.month}/{day.year}",
    ][form - 2]


def birth_value(rng: random.Random, born: date, full_date: bool) -> object:
    if full_date:
        return date_value(rng, born)
    return rng.choice([born.year, born.year, str(born.year)])


def count_value(rng: random.Random, n: int, unit_word: str = "") -> object:
    form = rng.random()
    if form < 0.6:
        return n
    if form < 0.85 or not unit_word:
        return str(n) if rng.random() < 0.7 else f"{n:02d}"
    return f"{n} {unit_word}"


def area_value(rng: random.Random, area: float) -> object:
    text = f"{area:g}".replace(".", ",")
    return rng.choice([area, area, text, f"{text} m2", f"{text}m²", f"{text} m²"])


ANNUAL_FORMS = ["Năm {y}", "năm {y}", "NĂM {y}", "{y}", "{y}!int", "Năm {y} "]
EARLIER_FORMS = [
    ("6 tháng đầu năm {y}", "H1"), ("Quý I/{y}", "Q1"), ("Quý 1/{y}", "Q1"), ("Quý 1 năm {y}", "Q1"),
    ("Quý II/{y}", "Q2"), ("Quý 2 năm {y}", "Q2"), ("Tháng 3/{y}", "M03"), ("tháng 9/{y}", "M09"),
    ("Quý III/{y}", "Q3"), ("Tháng 6/{y}", "M06"),
]  # fmt: skip
LATE_PARTIAL_FORMS = [
    ("6 tháng cuối năm {y}", "H2"), ("Quý IV/{y}", "Q4"), ("Quý 4/{y}", "Q4"), ("Tháng 12/{y}", "M12"),
]  # fmt: skip


def period_end(kind: str, year: int) -> date:
    """The last day a period covers (kind: Y, H1, H2, Q1..Q4, M01..M12)."""
    last_month = {"Y": 12, "H1": 6, "H2": 12}.get(kind)
    if last_month is None:
        last_month = 3 * int(kind[1]) if kind[0] == "Q" else int(kind[1:])
    following = date(year + (last_month == 12), last_month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def period_start(kind: str, year: int) -> date:
    first_month = {"Y": 1, "H1": 1, "H2": 7}.get(kind)
    if first_month is None:
        first_month = 3 * int(kind[1]) - 2 if kind[0] == "Q" else int(kind[1:])
    return date(year, first_month, 1)


def period_cell(form: str, year: int) -> object:
    text = form.format(y=year)
    return int(text.removesuffix("!int")) if text.endswith("!int") else text
