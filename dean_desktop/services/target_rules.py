"""The vocabulary of the target table (PRODUCT.md §2 "Targets as data"): ways of computing, levels, criteria and the
values that count, as stored codes and the Vietnamese labels people read and type."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from . import vocab
from .errors import DomainError
from .vntext import fold, nfc

CADRE_SHARE = "cadre_share"
COMMUNE_SHARE = "commune_share"
EDOC_SHARE = "edoc_share"
ROTATION_COUNT = "rotation_count"

METHODS: dict[str, str] = {
    CADRE_SHARE: "Tỷ lệ cán bộ",
    COMMUNE_SHARE: "Tỷ lệ xã, thị trấn",
    EDOC_SHARE: "Tỷ lệ tổ chức trao đổi văn bản điện tử",
    ROTATION_COUNT: "Số người luân chuyển",
}

LEVEL_DISTRICT = "huyen"
LEVEL_COMMUNE = "xa"
LEVEL_WHOLE = "toan_huyen"
LEVELS: dict[str, str] = {LEVEL_DISTRICT: "Cấp huyện", LEVEL_COMMUNE: "Cấp xã", LEVEL_WHOLE: "Toàn huyện"}

# Columns of the `Cán bộ` sheet (the Cadre model's field names) a cadre share can read.
CADRE_CRITERIA: dict[str, str] = {
    "education": "Chuyên môn",
    "political_theory": "Lý luận chính trị",
    "state_mgmt": "Quản lý nhà nước",
    "it_skill": "Tin học",
    "language": "Ngoại ngữ",
    "gender": "Giới tính",
    "ethnicity": "Dân tộc",
}
# Yes/no items of the `Một cửa` sheet (the OfficeReadiness model's field names) a commune share can read.
OFFICE_CRITERIA: dict[str, str] = {
    "has_office": "Có phòng làm việc riêng",
    "internet": "Kết nối Internet",
    "procedures_posted": "Niêm yết công khai TTHC",
}
# Columns whose stored value is free text: matched folded (case and diacritics ignored), stored as typed.
FREE_TEXT_CRITERIA = ("it_skill", "language")


class TargetRuleError(DomainError):
    """A method, level, criterion or counted value that is not one of the allowed ones (message lists them)."""


def _choose(kind: str, raw: str, labels: dict[str, str]) -> str:
    wanted = fold(raw).strip(" .")
    for code, label in labels.items():
        if wanted in (fold(label), fold(code)):
            return code
    allowed = ", ".join(labels.values())
    raise TargetRuleError(f'{kind} "{raw}" không hợp lệ (chọn một trong: {allowed}).')


def method_code(raw: str) -> str:
    return _choose("cách tính", raw, METHODS)


def level_code(raw: str) -> str:
    return _choose("cấp", raw, LEVELS)


def criteria_for(method: str) -> dict[str, str]:
    """The criteria a method reads (empty: the method takes none)."""
    if method == CADRE_SHARE:
        return CADRE_CRITERIA
    if method == COMMUNE_SHARE:
        return OFFICE_CRITERIA
    return {}


def levels_for(method: str) -> dict[str, str]:
    """The levels a method can be computed over."""
    if method == COMMUNE_SHARE:
        return {LEVEL_COMMUNE: LEVELS[LEVEL_COMMUNE]}
    if method == ROTATION_COUNT:
        return {LEVEL_DISTRICT: LEVELS[LEVEL_DISTRICT]}
    return LEVELS


def criterion_code(method: str, raw: str) -> str:
    """The stored code of a criterion as typed; "" for a method without one (anything typed is then refused)."""
    allowed = criteria_for(method)
    if not allowed:
        if raw.strip():
            raise TargetRuleError(f'cách tính "{METHODS[method]}" không dùng tiêu chí (để trống ô này).')
        return ""
    if not raw.strip():
        raise TargetRuleError(f"chưa ghi tiêu chí (chọn một trong: {', '.join(allowed.values())}).")
    return _choose("tiêu chí", raw, allowed)


def _value_parser(column: str) -> Callable[[str], str | None] | None:
    """The importer's own reading of a column's values (so a target counts what the importer stores)."""
    from .excel_import import vocabulary

    parsers: dict[str, Callable[[str], str | None]] = {
        "education": lambda raw: vocabulary.education(raw)[0],
        "political_theory": vocabulary.political_theory,
        "state_mgmt": lambda raw: vocabulary.state_mgmt(raw) or None,
        "gender": lambda raw: vocabulary.gender(raw) or None,
        "ethnicity": vocab.ethnic_group,
    }
    return parsers.get(column)


def allowed_values(column: str) -> list[str]:
    """The labels a vocabulary column takes (empty for free-text columns)."""
    return {
        "education": list(vocab.EDUCATION.values()),
        "political_theory": list(vocab.POLITICAL_THEORY.values()),
        "state_mgmt": list(vocab.STATE_MGMT.values()),
        "gender": list(vocab.GENDERS),
        "ethnicity": list(vocab.ETHNIC_GROUPS),
    }.get(column, [])


def split_values(raw: str) -> list[str]:
    return [nfc(part).strip() for part in re.split(r"[,;\n]+", raw or "") if part.strip()]


def counted_codes(column: str, raw: str) -> list[str]:
    """The stored values a comma-separated list of labels names, read as the importer reads the column.

    Raises TargetRuleError naming the allowed values when one is unknown, or when the list is empty."""
    from .excel_import.values import ValueProblem

    parts = split_values(raw)
    if not parts:
        raise TargetRuleError("chưa ghi giá trị được tính (các giá trị cách nhau bởi dấu phẩy).")
    parse = _value_parser(column)
    codes: list[str] = []
    for part in parts:
        if parse is None:
            code: str | None = " ".join(part.split())
        else:
            try:
                code = parse(part)
            except ValueProblem:
                code = None
            if code is None:
                allowed = ", ".join(allowed_values(column))
                label = CADRE_CRITERIA.get(column, column)
                raise TargetRuleError(f'giá trị "{part}" không hợp lệ cho {label} (chọn một trong: {allowed}).')
        if code not in codes:
            codes.append(code)
    return codes


def value_label(column: str, code: str) -> str:
    labels = {"education": vocab.EDUCATION, "political_theory": vocab.POLITICAL_THEORY, "state_mgmt": vocab.STATE_MGMT}
    return labels.get(column, {}).get(code, code)


def values_text(column: str, codes: list[str] | tuple[str, ...]) -> str:
    """ "Thạc sĩ, Tiến sĩ": the labels of stored values, as the `Chỉ tiêu` sheet and the window show them."""
    return ", ".join(value_label(column, c) for c in codes)


def load_values(stored: str | None) -> tuple[str, ...]:
    try:
        values = json.loads(stored or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in values) if isinstance(values, list) else ()


def dump_values(codes: list[str] | tuple[str, ...]) -> str:
    return json.dumps(list(codes), ensure_ascii=False)


def unit_of(method: str) -> str:
    """What the value is measured in: a share, or people."""
    return "người" if method == ROTATION_COUNT else "%"


CODE_PATTERN = re.compile(r"^[a-z0-9._]+$")


def check_code(raw: str) -> str:
    code = (raw or "").strip()
    if not CODE_PATTERN.match(code):
        raise TargetRuleError(
            f'mã chỉ tiêu "{raw}" không hợp lệ (chỉ gồm chữ thường không dấu, chữ số, dấu chấm và dấu gạch dưới).'
        )
    return code
