"""The register as columns: the service's rows, in name order; the word index finds what a scan finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from dean_desktop.services import text_search
from dean_desktop.services.cadres import list_cadres
from dean_desktop.services.register import (
    Coded,
    RegisterColumns,
    SearchIndex,
    bit_mask,
    column_order,
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
