"""Controlled values as communes write them: qualifications with abbreviations and specialities, gender, roles."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from .. import vocab
from ..vntext import fold, nfc
from .reader import Cell
from .values import ValueProblem, is_blank, show, text

_EDUCATION_PREFIXES: dict[str, str] = {
    "dai hoc": "dai_hoc", "dh": "dai_hoc", "cu nhan": "dai_hoc", "ky su": "dai_hoc", "bac si": "dai_hoc",
    "bac sy": "dai_hoc", "duoc si": "dai_hoc", "kien truc su": "dai_hoc", "luat su": "dai_hoc", "dhsp": "dai_hoc",
    "thac si": "thac_si", "thac sy": "thac_si", "ths": "thac_si", "th s": "thac_si", "cao hoc": "thac_si",
    "bac si chuyen khoa": "thac_si", "bs ck1": "thac_si", "bs cki": "thac_si",
    "tien si": "tien_si", "tien sy": "tien_si", "ts": "tien_si", "tskh": "tien_si", "pgs ts": "tien_si",
    "gs ts": "tien_si", "pgs": "tien_si",
    "cao dang": "cao_dang", "cd": "cao_dang", "trung cap": "trung_cap", "tc": "trung_cap", "thcn": "trung_cap",
    "trung hoc chuyen nghiep": "trung_cap", "so cap": "so_cap", "sc": "so_cap",
    "chua qua dao tao": "chua_dao_tao", "chua dao tao": "chua_dao_tao",
}  # fmt: skip
_EDUCATION_ORDER = sorted(_EDUCATION_PREFIXES, key=len, reverse=True)
_COMPACT_EDU = ("ths", "tskh", "ts", "dh", "cd", "tc", "sc")

_THEORY_LEVELS = {
    "so cap": "so_cap", "sc": "so_cap", "trung cap": "trung_cap", "tc": "trung_cap", "cao cap": "cao_cap",
    "cc": "cao_cap", "cu nhan": "cu_nhan", "cn": "cu_nhan",
}  # fmt: skip
_THEORY_SUFFIXES = (
    "", "llct", "ly luan chinh tri", "ly luan ct", "ll chinh tri", "ll ct", "chinh tri", "ct", "lyluan chinh tri",
    "ly luan chinh tri hanh chinh", "llct hanh chinh", "llct hc", "chinh tri hanh chinh", "ct hc", "lu luan chinh tri",
)  # fmt: skip
_THEORY: dict[str, str] = {
    " ".join(f"{level} {suffix}".split()): code for level, code in _THEORY_LEVELS.items() for suffix in _THEORY_SUFFIXES
}
_THEORY.update({k.replace(" ", ""): v for k, v in list(_THEORY.items())})
_THEORY.update(
    {
        "chua qua dao tao": "chua_dao_tao", "chua dao tao": "chua_dao_tao", "chua": "chua_dao_tao",
        "khong": "chua_dao_tao", "chua co": "chua_dao_tao", "chua hoc": "chua_dao_tao",
        "chua qua dao tao llct": "chua_dao_tao", "cao cap cu nhan": "cao_cap", "cu nhan cao cap": "cu_nhan",
        "dai hoc chinh tri": "cu_nhan", "dai hoc llct": "cu_nhan",
    }
)  # fmt: skip

_STATE_PREFIXES = ("chuong trinh", "ngach", "qlnn", "boi duong", "bd", "quan ly nha nuoc", "tuong duong", "trinh do")
_STATE: dict[str, str] = {
    "chuyen vien": "chuyen_vien", "cv": "chuyen_vien", "chuyen vien chinh": "chuyen_vien_chinh",
    "cv chinh": "chuyen_vien_chinh", "cvc": "chuyen_vien_chinh", "chuyen vien cao cap": "chuyen_vien_cao_cap",
    "cv cao cap": "chuyen_vien_cao_cap", "cvcc": "chuyen_vien_cao_cap", "chua qua boi duong": "chua_boi_duong",
    "chua boi duong": "chua_boi_duong", "chua": "chua_boi_duong", "khong": "chua_boi_duong",
    "chua co": "chua_boi_duong",
    "chua hoc": "chua_boi_duong",
}  # fmt: skip

# Abbreviations and variants people type, already folded (see vntext.fold).
_EDUCATION_ALIASES = {
    "dh": "dai_hoc",
    "cu nhan": "dai_hoc",
    "ky su": "dai_hoc",
    "bac si": "dai_hoc",
    "ths": "thac_si",
    "th.s": "thac_si",
    "th s": "thac_si",
    "thac sy": "thac_si",
    "cao hoc": "thac_si",
    "ts": "tien_si",
    "t.s": "tien_si",
    "tien sy": "tien_si",
    "cd": "cao_dang",
    "tc": "trung_cap",
    "sc": "so_cap",
    "chua dao tao": "chua_dao_tao",
    "chua qua dao tao": "chua_dao_tao",
    "khong": "chua_dao_tao",
    "chua": "chua_dao_tao",
}
_THEORY_ALIASES = {
    "cc": "cao_cap",
    "cn": "cu_nhan",
    "tc": "trung_cap",
    "sc": "so_cap",
    "cu nhan chinh tri": "cu_nhan",
    "cao cap chinh tri": "cao_cap",
    "cao cap lltt": "cao_cap",
    "cao cap llct": "cao_cap",
    "trung cap llct": "trung_cap",
    "so cap llct": "so_cap",
    "chua dao tao": "chua_dao_tao",
    "chua qua dao tao": "chua_dao_tao",
    "khong": "chua_dao_tao",
    "chua": "chua_dao_tao",
}
_STATE_ALIASES = {
    "cv": "chuyen_vien",
    "cvc": "chuyen_vien_chinh",
    "cvcc": "chuyen_vien_cao_cap",
    "chua boi duong": "chua_boi_duong",
    "chua qua boi duong": "chua_boi_duong",
    "chua": "chua_boi_duong",
}


def _lookup(text: str | None, labels: dict[str, str], aliases: dict[str, str]) -> str | None:
    key = fold(text).strip(" .")
    if not key:
        return None
    for code, label in labels.items():
        if key == fold(label):
            return code
    return aliases.get(key) or aliases.get(key.replace(".", "").replace(" ", ""))


def _education_code(text: str | None) -> str | None:
    """Code of a qualification as typed (``ĐH``, ``Th.S``, ``Thạc sỹ``…), or None if unknown."""
    return _lookup(text, vocab.EDUCATION, _EDUCATION_ALIASES)


def _theory_code(text: str | None) -> str | None:
    return _lookup(text, vocab.POLITICAL_THEORY, _THEORY_ALIASES)


def _state_mgmt_code(text: str | None) -> str | None:
    return _lookup(text, vocab.STATE_MGMT, _STATE_ALIASES)


T = TypeVar("T")


def _memo(parse: Callable[[Cell], T]) -> Callable[[Cell], T]:
    """Cache a parser of text values: a period's 7,200 cadres hold a few dozen distinct spellings."""

    @lru_cache(maxsize=4096)
    def cached(raw: str) -> tuple[T | None, str | None]:
        try:
            return parse(raw), None
        except ValueProblem as problem:
            return None, str(problem)

    def run(value: Cell) -> T:
        if not isinstance(value, str):
            return parse(text(value))
        result, problem = cached(value)
        if problem is not None:
            raise ValueProblem(problem)
        return result  # type: ignore[return-value]

    run.__doc__ = parse.__doc__
    return run


_YEAR_PARENS = re.compile(r"\(\s*(?:nam\s*)?\d{4}\s*\)")


def _vocab_key(raw: str) -> str:
    folded = fold(_YEAR_PARENS.sub(" ", raw))
    folded = re.sub(r"[.,;:\-–/]+", " ", folded)
    return " ".join(folded.split())


def _choices(labels: dict[str, str]) -> str:
    return ", ".join(labels.values())


@_memo
def education(value: Cell) -> tuple[str | None, str]:
    """(code, speciality typed after the level) for "Chuyên môn": ``ĐH``, ``Th.S``, ``Đại học Luật``, ``ĐHSP``…

    Raises ValueProblem listing the choices; blank gives (None, "")."""
    if is_blank(value):
        return None, ""
    raw = text(value)
    code = _education_code(raw)
    if code:
        return code, ""
    folded = _vocab_key(raw)
    for alias in _EDUCATION_ORDER:
        if folded == alias:
            return _EDUCATION_PREFIXES[alias], ""
        if folded.startswith(alias + " "):
            words = re.sub(r"[.:\-–]+", " ", raw).split()
            rest = " ".join(words[len(alias.split()) :]).strip(" ,;()")
            if rest.lower().startswith(("ngành ", "chuyên ngành ")):
                rest = rest.split(" ", 1)[1] if not rest.lower().startswith("chuyên") else rest.split(" ", 2)[-1]
            return _EDUCATION_PREFIXES[alias], rest
    squeezed = folded.replace(" ", "")
    if " " not in raw.strip() and len(squeezed) <= 7 and raw.upper() == raw:
        for alias in _COMPACT_EDU:
            if squeezed.startswith(alias):
                return _EDUCATION_PREFIXES[alias], ""
    raise ValueProblem(f'giá trị "{raw}" không hợp lệ (chọn một trong: {_choices(vocab.EDUCATION)})')


@_memo
def political_theory(value: Cell) -> str | None:
    if is_blank(value):
        return None
    raw = text(value)
    code = _theory_code(raw)
    if code:
        return code
    folded = _vocab_key(raw)
    found = _THEORY.get(folded) or _THEORY.get(folded.replace(" ", ""))
    if found:
        return found
    raise ValueProblem(f'giá trị "{raw}" không hợp lệ (chọn một trong: {_choices(vocab.POLITICAL_THEORY)})')


@_memo
def state_mgmt(value: Cell) -> str:
    """Code of "Quản lý nhà nước"; blank gives "" (the column is optional)."""
    if is_blank(value):
        return ""
    raw = text(value)
    code = _state_mgmt_code(raw)
    if code:
        return code
    folded = _vocab_key(raw)
    changed = True
    while changed:
        changed = False
        for prefix in _STATE_PREFIXES:
            if folded.startswith(prefix + " "):
                folded = folded[len(prefix) + 1 :]
                changed = True
        for suffix in (" qlnn", " quan ly nha nuoc"):
            if folded.endswith(suffix):
                folded = folded[: -len(suffix)]
                changed = True
    found = _STATE.get(folded)
    if found:
        return found
    raise ValueProblem(f'giá trị "{raw}" không hợp lệ (chọn một trong: {_choices(vocab.STATE_MGMT)})')


_MALE = {"nam", "m", "male", "trai", "ong"}
_FEMALE = {"nu", "f", "female", "gai", "ba", "nư"}


@_memo
def gender(value: Cell) -> str:
    """ "Nam" or "Nữ"; blank gives ""; anything else raises ValueProblem."""
    if is_blank(value):
        return ""
    folded = _vocab_key(text(value))
    if folded in _MALE:
        return "Nam"
    if folded in _FEMALE:
        return "Nữ"
    raise ValueProblem(f'giá trị "{show(value)}" không hợp lệ (chọn một trong: Nam, Nữ)')


_ROLES = {
    "truong ban": "Trưởng ban", "truong bcd": "Trưởng ban", "truong ban chi dao": "Trưởng ban", "tb": "Trưởng ban",
    "pho truong ban thuong truc": "Phó Trưởng ban Thường trực", "pho truong ban tt": "Phó Trưởng ban Thường trực",
    "pho ban thuong truc": "Phó Trưởng ban Thường trực", "ptb thuong truc": "Phó Trưởng ban Thường trực",
    "ptbtt": "Phó Trưởng ban Thường trực", "ptb tt": "Phó Trưởng ban Thường trực",
    "pho truong ban": "Phó Trưởng ban", "pho ban": "Phó Trưởng ban", "ptb": "Phó Trưởng ban",
    "pho truong ban chi dao": "Phó Trưởng ban", "pho truong bcd": "Phó Trưởng ban",
    "uy vien": "Ủy viên", "uv": "Ủy viên", "thanh vien": "Ủy viên", "uy vien bcd": "Ủy viên",
    "uy vien ban chi dao": "Ủy viên", "thu ky": "Thư ký", "thu ky ban chi dao": "Thư ký",
}  # fmt: skip


def committee_role(value: Cell) -> str:
    """A role in the steering committee in its usual spelling; unknown roles are kept as typed."""
    raw = text(value)
    return _ROLES.get(_vocab_key(raw), nfc(raw)) if raw else ""


def person_name(value: Cell) -> str:
    """A person's name, NFC with single spaces; names typed all in capitals or all in small letters get
    the usual capitalisation ("NGUYỄN VĂN AN" -> "Nguyễn Văn An")."""
    raw = text(value)
    letters = list(filter(str.isalpha, raw))  # (filter and map: every new name of a period passes here)
    if letters and (all(map(str.isupper, letters)) or all(map(str.islower, letters))):
        raw = " ".join(word[:1].upper() + word[1:].lower() for word in raw.split(" "))
    return raw
