"""Finding a table's header under merged titles and walking its data rows, skipping what is not data."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .issues import Issue
from .matching import (
    Field,
    cell,
    is_footer_text,
    is_lone_heading,
    is_numbering_row,
    is_numbering_text,
    is_signer_title,
    key,
    match_field,
)
from .reader import Cell, column_letter

HEADER_SEARCH_ROWS = 20
# Sub-column headers of the two-column styles: Nam | Nữ (with an x or the birth year), Có | Không (with an x),
# and Ngày | Tháng | Năm under a date of birth.
SPLIT_TOKENS = {"nam": "nam", "nu": "nu", "co": "co", "khong": "khong", "ngay": "day", "thang": "month"}


@dataclass
class Layout:
    header_rows: list[int]  # 0-based indices of the rows that make the header
    data_start: int
    columns: dict[str, int] = field(default_factory=dict)  # field name -> column index
    split: dict[str, int] = field(default_factory=dict)  # "nam", "nu", "co", "khong", "year" -> column index
    headers: dict[int, str] = field(default_factory=dict)  # column index -> header text as typed
    extra: list[tuple[int, str]] = field(default_factory=list)  # unknown columns: (index, header text)

    def col(self, name: str) -> int | None:
        return self.columns.get(name)


def _split_token(text: str, row_keys: set[str]) -> str | None:
    folded = key(text)
    if folded == "nam":
        lowered = unicodedata.normalize("NFC", text.strip().lower())
        if lowered.startswith("năm"):
            return "year"
        if "nu" in row_keys:
            return "nam"
        return "year" if {"ngay", "thang"} & row_keys else None
    return SPLIT_TOKENS.get(folded)


def _match_row(values: Sequence[Cell], specs: Sequence[Field]) -> tuple[dict[str, int], dict[str, int], set[int]]:
    """(field -> column, split token -> column, columns that hold a header text) for one candidate header row."""
    found: dict[str, int] = {}
    exact: dict[str, bool] = {}
    split: dict[str, int] = {}
    texts = {i for i, v in enumerate(values) if isinstance(v, str)}
    row_keys = {key(values[i]) for i in texts}
    for index in sorted(texts):
        text = values[index]
        assert isinstance(text, str)
        token = _split_token(text, row_keys)
        if token is not None:
            split.setdefault(token, index)
            continue
        spec = match_field(text, specs)
        if spec is None:
            continue
        is_exact = key(text) in spec.aliases
        if spec.name not in found or (is_exact and not exact[spec.name]):
            found[spec.name] = index
            exact[spec.name] = is_exact
    return found, split, texts


def locate_table(rows: Sequence[Sequence[Cell]], specs: Sequence[Field], key_field: str) -> Layout | None:
    """The header row (anywhere in the first 20 rows), merged with a header row just above or below it."""
    limit = min(HEADER_SEARCH_ROWS, len(rows))
    matched = [_match_row(rows[r], specs) for r in range(limit)]
    order = sorted(range(limit), key=lambda r: (-(len(matched[r][0]) + len(matched[r][1])), r))
    for best in order:
        columns, split, texts = dict(matched[best][0]), dict(matched[best][1]), set(matched[best][2])
        if len(columns) + len(split) < 2:
            return None
        header_rows = [best]
        for other in (best + 1, best - 1):
            if not 0 <= other < len(rows) or other >= limit + 1:
                continue
            values = rows[other]
            if not _completes(rows[best], values, below=other > best):
                continue
            o_columns, o_split, o_texts = matched[other] if other < limit else _match_row(values, specs)
            used = set(columns.values()) | set(split.values())
            added = False
            for name, index in o_columns.items():
                if name not in columns and index not in used:
                    columns[name] = index
                    added = True
            for token, index in o_split.items():
                if token not in split:
                    split[token] = index
                    added = True
            if added:
                header_rows.append(other)
                texts |= o_texts
        if key_field not in columns:
            continue
        layout = Layout(header_rows=sorted(header_rows), data_start=max(header_rows) + 1, columns=columns, split=split)
        _resolve_splits(layout)
        for r in layout.header_rows:
            for index, value in enumerate(rows[r]):
                if isinstance(value, str):
                    layout.headers.setdefault(index, value)
        claimed = set(layout.columns.values()) | set(layout.split.values())
        for index in sorted(layout.headers):
            if index not in claimed and key(layout.headers[index]) not in ("", "stt", "tt"):
                layout.extra.append((index, layout.headers[index]))
        return layout
    return None


def _completes(header: Sequence[Cell], other: Sequence[Cell], below: bool) -> bool:
    """Whether a row next to the header row is part of a two-row header: it has text where the header row has
    a gap (sub-columns under a merged parent, or parents above vertically merged cells), and, below the header,
    nothing that looks like data (numbers, dates, digits)."""
    if below and any(v is not None and (not isinstance(v, str) or v.strip(" ().").isdigit()) for v in other):
        return False
    texts = [i for i, v in enumerate(header) if v is not None]
    if not texts:
        return False
    first, last = texts[0], texts[-1]
    return any(
        isinstance(cell(other, i), str) and cell(header, i) is None for i in range(first, max(last, len(other) - 1) + 1)
    )


def _resolve_splits(layout: Layout) -> None:
    """A parent header over split sub-columns ("Năm sinh" over Nam | Nữ) gives its column to the split."""
    split_cols = set(layout.split.values())
    for name in ("birth_year", "gender", "exchanges"):
        index = layout.columns.get(name)
        if index is not None and index in split_cols:
            del layout.columns[name]
    if "year" in layout.split and "birth_year" not in layout.columns:
        layout.columns["birth_year"] = layout.split.pop("year")


def extra_column_warnings(sheet: str, layout: Layout) -> list[Issue]:
    return [
        Issue(sheet, None, text, f"cột không có trong mẫu (cột {column_letter(index)}), đã bỏ qua.")
        for index, text in layout.extra
    ]


class DataRow(NamedTuple):  # one per row of a sheet: a tuple is quicker to make than a dataclass
    number: int  # Excel row number (1-based)
    values: Sequence[Cell]


def iter_data_rows(
    rows: Sequence[Sequence[Cell]],
    layout: Layout,
    sheet: str,
    key_col: int | None,
    warnings: list[Issue],
    stt_col: int | None = None,
) -> Iterator[DataRow]:
    """Data rows only: blank rows, the column-number row, rows holding only an STT, group headings and
    everything from a total or signature line on are skipped (data-like rows after it are reported)."""
    claimed = sorted(set(layout.columns.values()) | set(layout.split.values()))
    key_claimed = key_col in claimed
    # A row whose key holds a value has a claimed column besides the STT filled: no need to list them.
    key_fills = key_claimed and key_col != stt_col
    footer_at: int | None = None
    for r in range(layout.data_start, len(rows)):
        values = rows[r]
        width = len(values)
        if values.count(None) == width:
            continue  # a blank row
        if footer_at is not None:
            filled = [i for i in claimed if i < width and values[i] is not None]
            if len([i for i in filled if i != stt_col]) >= 3 and not any(is_footer_text(v) for v in values):
                warnings.append(
                    Issue(sheet, r + 1, None, f"dòng nằm sau dòng tổng cộng/chữ ký (dòng {footer_at}), đã bỏ qua.")
                )
            continue
        key_value = values[key_col] if key_col is not None and key_col < width else None  # cell(), inline
        # (A name's first character is nearly always a letter: the whole text is searched only when it is not.)
        key_is_text = isinstance(key_value, str) and (key_value[:1].isalpha() or any(ch.isalpha() for ch in key_value))
        # (The key's own footer tests only matter for a text key: the same answers, asked only when they count.)
        if (not key_is_text or is_footer_text(key_value) or is_signer_title(key_value)) and any(
            is_footer_text(v) for v in values
        ):
            footer_at = r + 1
            continue
        # A key holding a word is no column number, so the row is no numbering row (is_numbering_row's own rule).
        if not (key_claimed and key_is_text and not is_numbering_text(key_value)) and is_numbering_row(
            [values[i] if i < width else None for i in claimed]
        ):
            continue
        if is_lone_heading(values):
            continue  # "II. KHỐI CHÍNH QUYỀN" merged across the table, whatever column it starts in
        if not (key_fills and key_value is not None) and not any(
            i < width and values[i] is not None for i in claimed if i != stt_col
        ):
            continue  # nothing but an STT (a pre-numbered empty line) or text outside the table's columns
        yield DataRow(r + 1, values)
