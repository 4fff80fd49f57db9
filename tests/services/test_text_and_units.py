"""Vietnamese folding, sorting and unit recognition."""

from __future__ import annotations

from pathlib import Path

import pytest

from dean_desktop.services.units import UnitNotFoundError, resolve_unit
from dean_desktop.services.vntext import fold, match_key, name_sort_key, sort_key


def test_fold_and_tone_placement() -> None:
    assert fold("  ĐỊNH   Hóa ") == "dinh hoa"
    assert match_key("Định Hoá") == match_key("ĐỊNH HÓA")
    assert match_key("Uỷ ban") == match_key("Ủy ban")


def test_vietnamese_letter_and_tone_order() -> None:
    words = ["đa", "da", "ăn", "an", "ân", "bà", "ba", "bá", "bả", "bã", "bạ"]
    assert sorted(words, key=sort_key) == ["an", "ăn", "ân", "ba", "bà", "bả", "bã", "bá", "bạ", "da", "đa"]


def test_people_sort_by_given_name_then_family_name() -> None:
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn Bình", "Đinh Đức", "Hoàng Thị Dung"]
    assert sorted(names, key=name_sort_key) == [
        "Nguyễn Thị An",
        "Lê Văn Bình",
        "Trần Văn Bình",
        "Hoàng Thị Dung",
        "Đinh Đức",
    ]


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Lam Vỹ", "05542"),
        ("Lam Vĩ", "05542"),
        ("Xã Lam Vỹ", "05542"),
        ("Qui Kỳ", "05545"),
        ("XÃ QUY KỲ", "05545"),
        ("Thị trấn Chợ Chu", "05536"),
        ("Chợ Chu", "05536"),
        ("cho chu", "05536"),
        ("Dinh Bien", "05575"),
        ("Phượng  Tiến", "05566"),
        ("Phòng Văn hoá và Thông tin", "H15"),
        ("Uỷ ban MTTQ huyện", "H20"),
    ],
)
def test_unit_names_as_people_type_them(store: Path, typed: str, code: str) -> None:
    assert resolve_unit(typed).code == code


def test_unknown_unit_has_a_vietnamese_message(store: Path) -> None:
    with pytest.raises(UnitNotFoundError, match="Không tìm thấy đơn vị"):
        resolve_unit("Xã Không Có")
