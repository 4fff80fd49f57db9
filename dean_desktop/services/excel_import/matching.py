"""Recognising sheets, labels and column headers as people type them: any case, diacritics, spacing, abbreviations."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..vntext import fold
from .reader import Cell, SheetInfo

_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def key(text: object) -> str:
    """Folded words only: ``"Họ và\\ntên (*):"`` -> ``"ho va ten"``."""
    if text is None:
        return ""
    return _text_key(text if type(text) is str else str(text))


@lru_cache(maxsize=65536)  # a header row's texts are keyed several times (split tokens, fields, exact aliases)
def _text_key(text: str) -> str:
    folded = fold(text).replace("²", "2")
    return " ".join(_NON_WORD.sub(" ", folded).split())


def bare_key(text: object) -> str:
    """``key`` without anything in brackets: ``"Diện tích phòng (m²)"`` -> ``"dien tich phong"``."""
    if text is None:
        return ""
    return key(_PARENS.sub(" ", str(text)))


def compact(text: str) -> str:
    return text.replace(" ", "")


@dataclass(frozen=True)
class Field:
    """A column of a table sheet or a label of a label sheet, with the spellings people use (already keys)."""

    name: str
    label: str
    aliases: tuple[str, ...]
    required: bool = False
    contains: bool = True  # may match a longer header that contains one of the aliases as whole words


def fields(*items: tuple[str, str, Iterable[str]] | tuple[str, str, Iterable[str], bool]) -> tuple[Field, ...]:
    built = []
    for item in items:
        name, label, aliases = item[0], item[1], item[2]
        required = bool(item[3]) if len(item) > 3 else False
        keys = {key(label), bare_key(label), *(key(a) for a in aliases)}
        built.append(Field(name, label, tuple(sorted(k for k in keys if k)), required))
    return tuple(built)


def _contains_words(haystack: str, needle: str) -> bool:
    return f" {needle} " in f" {haystack} "


def match_field(text: object, specs: Sequence[Field]) -> Field | None:
    """The field a header or label means: an exact spelling first, else the longest alias it contains."""
    if isinstance(text, str) and isinstance(specs, tuple):
        return _match_cached(text, specs)
    return _match(text, specs)


# Answers per tuple of fields (the specs are module constants), found by the tuple's identity: hashing the tuple for
# an lru_cache key hashed every Field dataclass at each lookup, most of the time of finding a sheet's header row.
_MATCHES: dict[int, tuple[tuple[Field, ...], dict[str, Field | None]]] = {}
_MATCHES_KEPT = 8192


def _match_cached(text: str, specs: tuple[Field, ...]) -> Field | None:
    entry = _MATCHES.get(id(specs))
    if entry is None or entry[0] is not specs:
        entry = _MATCHES[id(specs)] = (specs, {})
    answers = entry[1]
    if text in answers:
        return answers[text]
    if len(answers) >= _MATCHES_KEPT:
        answers.clear()
    found = answers[text] = _match(text, specs)
    return found


def _match(text: object, specs: Sequence[Field]) -> Field | None:
    full, bare = key(text), bare_key(text)
    if not full:
        return None
    for spec in specs:
        if full in spec.aliases or bare in spec.aliases or compact(bare) in spec.aliases:
            return spec
    # The longest alias held as whole words; the first of equal length wins (the table keeps the fields' order).
    padded_bare, padded_full = f" {bare} ", f" {full} "
    best: tuple[int, Field] | None = None
    for padded, length, spec in _containable(specs):
        if (padded in padded_bare or padded in padded_full) and (best is None or length > best[0]):
            best = (length, spec)
    return best[1] if best else None


_CONTAINABLE: dict[int, tuple[Sequence[Field], list[tuple[str, int, Field]]]] = {}


def _containable(specs: Sequence[Field]) -> list[tuple[str, int, Field]]:
    """(" alias ", its length, field) for every alias a longer header may contain, in the fields' order; kept per
    tuple of fields (the specs are module constants), found by identity like ``_MATCHES``."""
    entry = _CONTAINABLE.get(id(specs))
    if entry is not None and entry[0] is specs:
        return entry[1]
    table = [(f" {alias} ", len(alias), spec) for spec in specs if spec.contains for alias in spec.aliases
             if len(alias) >= 4]  # fmt: skip
    if isinstance(specs, tuple):
        _CONTAINABLE[id(specs)] = (specs, table)
    return table


# --------------------------------------------------------------------------------------------- sheets

SHEET_ALIASES: dict[str, tuple[str, ...]] = {
    "info": ("thong tin chung", "thong tin", "ttc", "thong tin don vi", "chung", "thong tin bao cao"),
    "office": (
        "mot cua", "bo phan mot cua", "mot cua cap xa", "bp mot cua", "tiep nhan va tra ket qua",
        "bo phan tiep nhan va tra ket qua", "tn tkq", "mc",
    ),
    "edoc": (
        "van ban dien tu", "vb dien tu", "vbdt", "van ban dt", "vb dt", "trao doi van ban dien tu",
        "trao doi vbdt", "vbđt", "van ban",
    ),
    "cadres": (
        "can bo", "danh sach can bo", "ds can bo", "cb", "can bo lanh dao quan ly", "trinh do can bo",
        "can bo lanh dao", "cbld", "cbldql", "doi ngu can bo",
    ),
    "rotations": (
        "luan chuyen", "can bo luan chuyen", "danh sach luan chuyen", "ds luan chuyen", "luan chuyen can bo",
        "danh sach can bo luan chuyen",
    ),
    "roster": (
        "ban chi dao", "bcd", "thanh vien ban chi dao", "danh sach ban chi dao", "ds ban chi dao",
        "thanh vien bcd", "danh sach thanh vien ban chi dao",
    ),
    "targets": (
        "chi tieu", "danh muc chi tieu", "cac chi tieu", "bang chi tieu", "chi tieu de an", "ds chi tieu",
    ),
    "meta": ("meta",),
    "lists": ("lists",),
}  # fmt: skip

# Sheets whose name holds an alias but that are something else: the district summary's computed results stand
# beside its `Chỉ tiêu` sheet and are never read back.
NOT_A_RETURN_SHEET = ("ket qua chi tieu",)

SHEET_LABELS = {
    "info": "Thông tin chung",
    "office": "Một cửa",
    "edoc": "Văn bản điện tử",
    "cadres": "Cán bộ",
    "rotations": "Luân chuyển",
    "roster": "Ban Chỉ đạo",
    "targets": "Chỉ tiêu",
}


def _sheet_kind(name: str) -> tuple[str, bool] | None:
    """(kind, exact) of a sheet name, or None; contains-matching only when one kind is clearly meant."""
    text = key(name)
    if not text:
        return None
    raw = name.strip()
    if text in NOT_A_RETURN_SHEET:
        return None
    if raw.startswith("_"):
        return (text, True) if text in ("meta", "lists") else None
    short = compact(text)
    for kind, aliases in SHEET_ALIASES.items():
        if kind in ("meta", "lists"):
            continue
        if text in aliases or short in {compact(a) for a in aliases}:
            return kind, True
    best: dict[str, int] = {}
    for kind, aliases in SHEET_ALIASES.items():
        if kind in ("meta", "lists"):
            continue
        for alias in aliases:
            if len(alias) >= 5 and (_contains_words(text, alias) or (" " in alias and compact(alias) in short)):
                best[kind] = max(best.get(kind, 0), len(alias))
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0], False


@dataclass
class SheetMatch:
    by_kind: dict[str, SheetInfo] = field(default_factory=dict)
    ignored: list[tuple[str, SheetInfo]] = field(default_factory=list)  # (kind, sheet) matched but not used
    competing: dict[str, list[SheetInfo]] = field(default_factory=dict)  # kind -> two or more visible sheets


def match_sheets(sheets: Sequence[SheetInfo]) -> SheetMatch:
    """Pick one sheet per kind: visible sheets before hidden ones (a hidden `Cán bộ` is a stale copy beside the
    visible `Cán bộ (2)`), then exact names, then workbook order. Visible sheets of one kind are listed in
    ``competing``: which one holds the return cannot be known."""
    candidates: dict[str, list[tuple[int, SheetInfo]]] = {}
    for order, sheet in enumerate(sheets):
        found = _sheet_kind(sheet.name) or (_sheet_kind(sheet.raw_name) if sheet.raw_name != sheet.name else None)
        if found is None:
            continue
        kind, exact = found
        rank = (0 if sheet.visible or kind in ("meta", "lists") else 2) + (0 if exact else 1)
        candidates.setdefault(kind, []).append((rank * 1000 + order, sheet))
    result = SheetMatch()
    for kind, items in candidates.items():
        items.sort(key=lambda item: item[0])
        result.by_kind[kind] = items[0][1]
        result.ignored.extend((kind, sheet) for _, sheet in items[1:])
        visible = [sheet for _, sheet in items if sheet.visible]
        if kind not in ("meta", "lists") and len(visible) > 1:
            result.competing[kind] = visible
    return result


# --------------------------------------------------------------------------------------------- rows


def cell(row: Sequence[Cell], index: int | None) -> Cell:
    if index is None or index >= len(row):
        return None
    return row[index]


_DATE_LINE = re.compile(r"\bngay\b[\s\d./…_-]*\bthang\b[\s\d./…_-]*\bnam\b")
_FOOTER_STARTS = (
    "tong cong", "tong so", "cong:", "nguoi lap", "nguoi bao cao", "nguoi tong hop", "ky ghi ro", "ky ten",
    "ky va ghi ro", "ky, ghi ro", "(ky", "xac nhan", "thu truong", "t/m", "tm.", "tm ", "k/t", "kt.", "kt ",
    "noi nhan", "ghi chu:", "luu y:", "* ghi chu", "*ghi chu", "lanh dao don vi", "dai dien don vi",
    "can bo lap bieu", "chu tich ubnd", "tm ubnd", "tm dang uy", "tm. ubnd", "tm. dang uy",
)  # fmt: skip


def is_footer_text(text: object) -> bool:
    """A total or signature line ("Tổng cộng", "Người lập biểu", "Định Hóa, ngày … tháng … năm …", "(Ký, ghi rõ…")."""
    if not isinstance(text, str):
        return False
    folded = fold(text)
    if folded in ("cong", "tong", "tong cong", "cong:", "tong:"):
        return True
    if folded.startswith(_FOOTER_STARTS):
        return True
    return "ngay" in folded and len(folded) < 80 and _DATE_LINE.search(folded) is not None  # (asked of every name)


_SIGNER_TITLES = (
    "chu tich", "pho chu tich", "truong phong", "pho truong phong", "giam doc", "pho giam doc", "truong ban",
    "pho truong ban", "bi thu", "pho bi thu", "chanh van phong", "pho chanh van phong", "chanh thanh tra",
    "thu truong", "q truong phong", "q. truong phong", "tl.", "tuq.",
)  # fmt: skip


def is_signer_title(text: object) -> bool:
    """A signature block's title typed in capitals ("CHỦ TỊCH", "TRƯỞNG PHÒNG"), which may fall in any column."""
    if not isinstance(text, str):
        return False
    has_letters = False
    for ch in text:  # every letter a capital (stops at the first small letter: asked of every data row's name)
        if ch.isalpha():
            if not ch.isupper():
                return False
            has_letters = True
    return has_letters and fold(text).startswith(_SIGNER_TITLES)


_NUMBERING = re.compile(r"^\(?\s*(\d{1,3}|[a-z])\s*\)?\.?$")


def is_numbering_text(value: str) -> bool:
    """A text that ``is_numbering_row`` accepts as a column number: ``(1)``, ``2.``, ``a``."""
    if value[:2].isalpha():
        return False  # two letters first, as every name (the pattern allows one letter)
    return _NUMBERING.match(value.strip().lower()) is not None


def is_numbering_row(values: Sequence[Cell]) -> bool:
    """The row of column numbers under a header: ``(1) (2) (3)…`` or ``1 2 3…`` or ``A B 1 2…``."""
    filled = [v for v in values if v is not None]
    if len(filled) < 3:
        return False
    for value in filled:
        if isinstance(value, bool):
            return False
        if isinstance(value, int) and 0 <= value <= 200:
            continue
        if isinstance(value, str) and is_numbering_text(value):
            continue
        return False
    return True


_ROMAN = re.compile(r"^(?:[ivxlc]+|[a-z])[.)\-:]?$")
_HEADING_START = re.compile(r"^(?:[ivxlc]+|[a-z]|\d{1,2})[.)\-:]\s")


def looks_like_heading(stt: Cell, text: Cell) -> bool:
    """A group heading inside a table ("I. Khối Đảng", "A - KHỐI CHÍNH QUYỀN"), not a data row."""
    if isinstance(stt, str) and _ROMAN.match(fold(stt)):
        return True
    if not isinstance(text, str):
        return False
    folded = fold(text)
    if _HEADING_START.match(folded):
        return True
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 3 and all(ch.isupper() for ch in letters) and folded.startswith(("khoi ", "cac ", "can bo "))


_LETTERED_HEADING = re.compile(r"^(?:[ivxlc]+|[a-z])\s*[.)\-:–]\s")


def is_lone_heading(values: Sequence[Cell]) -> bool:
    """A row whose only cell is a lettered or Roman-numbered heading ("II. KHỐI CHÍNH QUYỀN", "A - Lãnh đạo")."""
    if len(values) - values.count(None) != 1:  # asked of every data row: most hold several cells
        return False
    filled = [v for v in values if v is not None]
    if not isinstance(filled[0], str):
        return False
    folded = fold(filled[0])
    return bool(_LETTERED_HEADING.match(folded)) or (looks_like_heading(None, filled[0]) and not folded[:1].isdigit())
