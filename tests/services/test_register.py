"""The register as columns: the service's rows, in name order; the word index finds what a scan finds."""

from __future__ import annotations

import random
from array import array
from pathlib import Path

import pytest

from dean_desktop.services import text_search
from dean_desktop.services.cadres import list_cadres
from dean_desktop.services.register import (
    Coded,
    GroupedOrder,
    RegisterColumns,
    SearchIndex,
    bit_mask,
    column_order,
    descending,
    read_register,
    selected,
)
from dean_desktop.services.vntext import name_sort_key, sort_key


def test_columns_hold_the_service_rows_in_name_order(demo_store: Path) -> None:
    columns = read_register()
    rows = list(columns.rows())
    assert sorted(rows) == sorted(list_cadres())
    keys = [name_sort_key(r.full_name) for r in rows]
    assert keys == sorted(keys)
    assert RegisterColumns.from_rows(list_cadres()).ids == columns.ids


@pytest.mark.parametrize("query", ["nguyen", "Đinh", "thị ánh", "xa", "an", "phó chủ", "zzz", "h"])
def test_the_index_finds_what_a_scan_finds(demo_store: Path, query: str) -> None:
    columns = read_register()
    index = SearchIndex(columns)
    rows = list(columns.rows())

    def scan(i: int) -> bool:  # the one search rule, applied row by row
        return text_search.matches(query, rows[i].full_name, rows[i].position, rows[i].unit_name)

    bits = index.rows_matching(query)
    assert bits is not None
    found = selected(range(len(rows)), bit_mask(bits, len(rows)))
    assert found == [i for i in range(len(rows)) if scan(i)]
    assert index.rows_matching("  ") is None


def test_a_column_order_ranks_distinct_values_once_blanks_last() -> None:
    column = Coded()
    for value in ["Tày", "", "Kinh", "Ánh", "Kinh", "anh", ""]:
        column.add(value)
    order = column_order(column.values, column.codes)
    shown = [column.values[column.codes[i]] for i in order]
    assert shown == sorted([v for v in shown if v], key=sort_key) + ["", ""]


def test_a_grouped_order_answers_as_the_full_list_would_in_any_order_of_asking() -> None:
    """A sort is made lazily (``GroupedOrder``): rows asked for one by one from either end, a slice, the whole order,
    the place of a row and the descending order all equal the counting sort's list — for one-byte codes, and for
    two-byte ones (units, birth years) whose bytes can also be found astride two codes (1 then 256 hold 01 00 00 01
    on little-endian machines: 00 01 is found between them)."""
    rng = random.Random(2016)
    wide = [0, 1, 256, 257, 258, 513, 1975, 1999, 2017]
    for trial in range(300):
        size = rng.choice([0, 1, 2, 9, 300])
        values = wide if trial % 2 else list(range(rng.choice([1, 2, 5, 40])))
        present = rng.sample(values, rng.randint(1, len(values)))
        codes = [rng.choice(present) for _ in range(size)]
        ranked = list(values)  # every code, some holding no row
        rng.shuffle(ranked)
        full = [i for code in ranked for i, c in enumerate(codes) if c == code]  # the counting sort, plainly
        lazy = GroupedOrder(array("H" if trial % 2 else rng.choice("BHh"), codes), ranked)
        down = descending(lazy)
        asked = list(range(size))
        rng.shuffle(asked)
        assert [down[i] for i in asked[: size // 2]] == [full[::-1][i] for i in asked[: size // 2]]
        assert [lazy[i] for i in asked] == [full[i] for i in asked]
        assert [lazy.index(p) for p in full] == list(range(size))
        assert [down.index(p) for p in full] == [full[::-1].index(p) for p in full]
        assert list(lazy) == full and list(down) == full[::-1] and len(lazy) == len(full)
        assert lazy[1:7] == full[1:7] and down[::3] == full[::-1][::3]
    with pytest.raises(IndexError):
        GroupedOrder(array("B", [0]), [0])[1]


def test_a_sort_by_a_column_of_few_values_is_lazy_and_filters_like_a_list() -> None:
    column = Coded()
    for value in ["Tày", "", "Kinh", "Nùng", "Kinh", "Tày", ""] * 30:
        column.add(value)
    order = column_order(column.values, column.codes)
    assert isinstance(order, GroupedOrder)
    mask = bytes(i % 3 == 0 for i in range(len(column.codes)))
    assert selected(order, mask) == [p for p in list(order) if mask[p]]
    assert selected(descending(order), mask) == [p for p in list(order)[::-1] if mask[p]]


def test_coded_columns_widen_past_two_bytes() -> None:
    column = Coded()
    for i in range(70_000):
        column.add(str(i))
    assert column.codes.typecode == "I" and column.codes[-1] == 69_999


def test_packed_texts_give_back_the_texts() -> None:
    from dean_desktop.services.register import PackedTexts

    texts = ["Đinh Văn An", "", "Nguyễn Thị Hồng Nhung", "Ma A"]
    packed = PackedTexts(texts)
    assert list(packed) == texts and len(packed) == 4 and packed[-1] == "Ma A" and packed[1] == ""
    assert list(PackedTexts([])) == []
