"""The search rule: each typed word begins a word of the text; diacritics count only when typed."""

from __future__ import annotations

import pytest

from dean_desktop.services.text_search import marked_form, matches, prefix_key, query_narrows, query_words
from dean_desktop.services.vntext import fold

NAMES = ["Ma Thị Hằng", "Nguyễn Văn Thắng", "Lê Thị Hàng", "Đinh Thị Hạnh", "Nguyễn Thị Hòa"]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Hằng", ["Ma Thị Hằng"]),
        ("HẰNG", ["Ma Thị Hằng"]),
        ("hang", ["Ma Thị Hằng", "Lê Thị Hàng"]),
        ("ang", []),
        ("dinh", ["Đinh Thị Hạnh"]),
        ("Đinh", ["Đinh Thị Hạnh"]),
        ("đ", ["Đinh Thị Hạnh"]),
        ("d", ["Đinh Thị Hạnh"]),
        ("hoà", ["Nguyễn Thị Hòa"]),  # old tone placement typed, new stored
        ("thị h", ["Ma Thị Hằng", "Lê Thị Hàng", "Đinh Thị Hạnh", "Nguyễn Thị Hòa"]),
        ("văn thắng", ["Nguyễn Văn Thắng"]),
        ("", NAMES),
    ],
)
def test_rule(query: str, found: list[str]) -> None:
    assert [n for n in NAMES if matches(query, n)] == found


def test_words_break_at_punctuation_and_span_several_texts() -> None:
    assert matches("ke hoach", "Phòng Tài chính - Kế hoạch")
    assert matches("hoạch tài", "Trưởng phòng", "Phòng Tài chính - Kế hoạch")
    assert not matches("oach", "Phòng Tài chính - Kế hoạch")
    assert matches("ubnd", "Phó Chủ tịch UBND xã")


def test_nfd_input_is_the_same_as_nfc() -> None:
    import unicodedata

    assert matches(unicodedata.normalize("NFD", "Hằng"), "Ma Thị Hằng")
    assert not matches(unicodedata.normalize("NFD", "Hằng"), "Nguyễn Văn Thắng")


def test_narrowing_knows_that_a_mark_narrows_but_erasing_it_widens() -> None:
    assert query_narrows(query_words("hằ"), query_words("ha"))
    assert query_narrows(query_words("hang"), query_words("ha"))
    assert not query_narrows(query_words("ha"), query_words("hằ"))
    assert not query_narrows(query_words("ngu"), query_words("gu"))  # "gu" is not at a word start in "Nguyễn"


def test_prefix_key_for_a_word_index() -> None:
    words = ["hằng", "thắng", "hàng", "hạnh", "hòa"]
    index = {marked_form(w): w for w in words}

    def lookup(typed: str) -> list[str]:
        prefix, with_marks = prefix_key(typed)
        return [w for key, w in index.items() if (key if with_marks else fold(key)).startswith(prefix)]

    assert lookup("Hằng") == ["hằng"]
    assert lookup("HANG") == ["hằng", "hàng"]
    assert lookup("hoà") == ["hòa"]
    assert lookup("ang") == []
