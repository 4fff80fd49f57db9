"""The cadre register table (fast search and sort over tens of thousands of rows) and the statistics tables."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...services.cadres import LEVEL_LABELS, LevelStats
from ...services.formatting import format_number, format_percent
from ...services.indicators import IndicatorValue, target_text, value_text
from ...services.periods import PeriodError, period_from_code
from ...services.rows import CadreRow
from ...services.vntext import fold, name_sort_text, sort_key
from ...services.vocab import EDUCATION, POLITICAL_THEORY, POSTGRAD, SENIOR_THEORY, STATE_MGMT
from .base import UNMET_BRUSH, Column, RowTableModel
from .register_rows import ShownRows, name_order

MET_BRUSH = QBrush(QColor("#d4edda"))
_FOLDED_NAME = attrgetter("name_folded")
SUMMARY_BRUSH = QBrush(QColor("#e8eef7"))

_EDUCATION_RANK = {code: i for i, code in enumerate(EDUCATION)}
_THEORY_RANK = {code: i for i, code in enumerate(POLITICAL_THEORY)}
_STATE_RANK = {code: i for i, code in enumerate(STATE_MGMT)}


def _label(labels: dict[str, str], code: str) -> str:
    return labels.get(code, code or "")


@dataclass(frozen=True)
class CadreFilter:
    """What the user asked for; ``None`` means "Tất cả"."""

    text: str = ""
    unit_id: int | None = None
    level: str | None = None
    education: str | None = None
    theory: str | None = None


class CadreTableModel(RowTableModel[CadreRow]):
    """Holds the whole register once; ``apply`` shows the rows matching a filter, in the current sort order.

    Rows are addressed by their position in the loaded list. What costs more than a list lookup is computed once:
    the folded search text of each row (in ``load``) and the ascending order of each column (the first time it is
    sorted by). So a keystroke is one scan of short strings (or of the previous matches, when the new text only
    narrows the old), and a sort is one pass over a precomputed order — never a ``sorted`` over 50,000 keys.
    """

    COL_NAME, COL_BIRTH, COL_GENDER, COL_ETHNICITY, COL_POSITION, COL_UNIT, COL_LEVEL = range(7)
    COL_EDUCATION, COL_MAJOR, COL_THEORY, COL_STATE, COL_IT, COL_LANGUAGE, COL_PERIOD = range(7, 14)
    WIDTHS = (180, 70, 65, 80, 170, 260, 80, 120, 110, 125, 140, 150, 100, 100)

    def __init__(self, parent: Any = None) -> None:
        self._loaded: list[CadreRow] = []  # in the service's order
        self._places: list[str] = []  # folded position and unit of each loaded row
        self._ascending: dict[int, array[int]] = {}  # column -> loaded positions in ascending order, blanks last
        self._rank: dict[int, array[int]] = {}  # column -> the inverse of its ascending order (computed when needed)
        self._order: array[int] = array("l")  # loaded positions in the current sort order (the whole register)
        self._shown: array[int] = array("l")  # loaded positions of the rows shown, in the current sort order
        self._filter: tuple[CadreFilter, list[str]] | None = None  # what ``_shown`` matches, with its folded words
        self._period_labels: dict[str, str] = {}
        self._period_keys: dict[str, object] = {}
        self._text_keys: dict[str, object] = {}
        self._sort_column: int | None = self.COL_NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        super().__init__(self._columns(), parent)

    def _text_key(self, text: str) -> object:
        key = self._text_keys.get(text)
        if key is None:
            key = self._text_keys[text] = sort_key(text)
        return key

    def _columns(self) -> list[Column[CadreRow]]:
        periods = self._period_labels
        return [
            # One short string per row (names are mostly distinct: a cache would cost more than it saves).
            Column("Họ và tên", lambda r: r.full_name, sort=lambda r: name_sort_text(r.full_name)),
            Column(
                "Năm sinh",
                lambda r: "" if r.birth_year is None else str(r.birth_year),
                sort=lambda r: r.birth_year,
                align_right=True,
            ),
            Column("Giới tính", lambda r: r.gender),
            Column("Dân tộc", lambda r: r.ethnicity, sort=lambda r: self._text_key(r.ethnicity)),
            Column(
                "Chức vụ", lambda r: r.position, sort=lambda r: self._text_key(r.position), tooltip=lambda r: r.position
            ),
            Column(
                "Đơn vị",
                lambda r: r.unit_name,
                sort=lambda r: self._text_key(r.unit_name),
                tooltip=lambda r: r.unit_name,
            ),
            Column("Cấp", lambda r: LEVEL_LABELS.get(r.level, r.level)),
            Column(
                "Chuyên môn", lambda r: _label(EDUCATION, r.education), sort=lambda r: _EDUCATION_RANK.get(r.education)
            ),
            Column("Chuyên ngành", lambda r: r.major, sort=lambda r: self._text_key(r.major)),
            Column(
                "Lý luận chính trị",
                lambda r: _label(POLITICAL_THEORY, r.political_theory),
                sort=lambda r: _THEORY_RANK.get(r.political_theory),
            ),
            Column(
                "Quản lý nhà nước",
                lambda r: _label(STATE_MGMT, r.state_mgmt),
                sort=lambda r: _STATE_RANK.get(r.state_mgmt),
            ),
            Column("Tin học", lambda r: r.it_skill, sort=lambda r: self._text_key(r.it_skill)),
            Column("Ngoại ngữ", lambda r: r.language, sort=lambda r: self._text_key(r.language)),
            Column(
                "Kỳ báo cáo",
                lambda r: periods.get(r.period_code, r.period_code),
                sort=lambda r: self._period_keys.get(r.period_code),
            ),
        ]

    # --- the register ------------------------------------------------------------
    def load(self, rows: Sequence[CadreRow]) -> None:
        """Take a new register, precompute its search text (once per reload) and show all of it in the current order."""
        self._loaded = list(rows)
        self._text_keys = {}
        self._ascending, self._rank = {}, {}
        folded: dict[str, str] = {}

        def fold_once(text: str) -> str:
            value = folded.get(text)
            if value is None:
                value = folded[text] = fold(text)
            return value

        # What a search looks in, per row, as shared strings: the folded name, and "position\x1funit" (few distinct).
        places: dict[tuple[str, str], str] = {}
        self._places = [
            places.get((r.position, r.unit_name))
            or places.setdefault((r.position, r.unit_name), f"{fold_once(r.position)}\x1f{fold_once(r.unit_name)}")
            for r in self._loaded
        ]
        for code in {r.period_code for r in self._loaded}:
            try:
                period = period_from_code(code)
            except PeriodError:
                self._period_labels[code], self._period_keys[code] = code, None
            else:
                self._period_labels[code], self._period_keys[code] = period.label, period.sort_key
        self._order = self._in_order(self._sort_column, self._sort_order)
        self._show(self._order)  # the whole register until a filter is applied (arrays are never changed in place)

    def total(self) -> int:
        return len(self._loaded)

    def all_rows(self) -> list[CadreRow]:
        """The whole register in the current sort order."""
        return list(map(self._loaded.__getitem__, self._order))

    def _positions(self, wanted: CadreFilter) -> array[int]:
        """Loaded positions matching the filter, in the current order; each search word must appear (folded)."""
        words = fold(wanted.text).split()
        if not words and (wanted.unit_id, wanted.level, wanted.education, wanted.theory) == (None, None, None, None):
            return self._order
        loaded, places = self._loaded, self._places
        previous = self._filter
        if previous is not None and _narrows(previous, wanted, words) and len(self._shown) * 8 < len(loaded):
            # The new text only narrows the old and few rows match: look only among the current matches.
            candidates: Iterable[int] = self._shown
            for word in words:
                candidates = [i for i in candidates if word in loaded[i].name_folded or word in places[i]]
            return array("l", candidates)
        # Passes over the rows in the order they are stored (memory-friendly), then read off in the sort order.
        match: list[bool] | None = None
        for word in words:
            hits = [word in n or word in p for n, p in zip(map(_FOLDED_NAME, loaded), places, strict=True)]
            match = hits if match is None else [m and h for m, h in zip(match, hits, strict=True)]
        for value, field in (
            (wanted.unit_id, "unit_id"),
            (wanted.level, "level"),
            (wanted.education, "education"),
            (wanted.theory, "political_theory"),
        ):
            if value is not None:
                get = attrgetter(field)
                hits = [get(r) == value for r in loaded]
                match = hits if match is None else [m and h for m, h in zip(match, hits, strict=True)]
        assert match is not None
        return array("l", [i for i in self._order if match[i]])

    def matching(self, wanted: CadreFilter) -> list[CadreRow]:
        """Rows matching every part of the filter; each search word must appear (diacritics and case ignored)."""
        return list(map(self._loaded.__getitem__, self._positions(wanted)))

    def apply(self, wanted: CadreFilter) -> None:
        """Show the rows matching the filter; the register is kept in the current sort order, so no sort is needed."""
        self._show(self._positions(wanted))
        self._filter = (wanted, fold(wanted.text).split())

    def set_rows(self, rows: Sequence[CadreRow]) -> None:
        """Show these rows of the register (in the order given)."""
        position = {row.id: i for i, row in enumerate(self._loaded)}
        self._show(array("l", [position[row.id] for row in rows]))

    def _show(self, shown: array[int]) -> None:
        self.beginResetModel()
        self._shown, self._filter = shown, None
        self._rows = ShownRows(self._loaded, shown)  # type: ignore[assignment]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the register and the shown rows by a column's precomputed order, keeping the selection."""
        if not 0 <= column < len(self.columns):
            return
        if (column, order) == (self._sort_column, self._sort_order):
            return  # already in this order (QTableView.sortByColumn asks twice)
        self._sort_column, self._sort_order = column, order
        self._order = self._in_order(column, order)
        if len(self._shown) == len(self._order):
            shown = self._order
        else:
            on = bytearray(len(self._loaded))
            for i in self._shown:
                on[i] = 1
            shown = array("l", [i for i in self._order if on[i]])
        self._move_to(shown)

    def _move_to(self, shown: array[int]) -> None:
        """Show the same rows in a new order as a layout change; persistent indexes (selection) follow their rows."""
        self.layoutAboutToBeChanged.emit()
        old = self._shown
        persistent = self.persistentIndexList()
        self._shown = shown
        self._rows = ShownRows(self._loaded, shown)  # type: ignore[assignment]
        if persistent:
            # ``shown`` is in the current order, so a row's new place is found by bisection on its rank.
            rank = self._ranks(self._sort_column)
            sign = -1 if self._sort_order == Qt.SortOrder.DescendingOrder else 1

            def key(i: int) -> int:
                return sign * rank[i]

            moved = []
            for index in persistent:
                row = index.row()
                if not 0 <= row < len(old):
                    moved.append(QModelIndex())
                    continue
                moved.append(self.index(bisect_left(shown, key(old[row]), key=key), index.column()))
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _ranks(self, column: int | None) -> array[int]:
        """Loaded position -> place in the column's ascending order (the inverse of ``_ascending``)."""
        if column is None:
            return array("l", range(len(self._loaded)))
        rank = self._rank.get(column)
        if rank is None:
            rank = self._rank[column] = array("l", [0]) * len(self._loaded)
            for place, i in enumerate(self._ascending[column]):
                rank[i] = place
        return rank

    def _in_order(self, column: int | None, order: Qt.SortOrder) -> array[int]:
        """Loaded positions in the column's order; an array, so reading it makes fresh ints in sequence (fast)."""
        if column is None:
            return array("l", range(len(self._loaded)))
        ascending = self._ascending.get(column)
        if ascending is None:
            col = self.columns[column]
            if column == self.COL_NAME:
                ascending = self._ascending[column] = name_order(self._loaded)
            else:
                positions = sorted_positions(self._loaded, col.sort or col.display, Qt.SortOrder.AscendingOrder)
                ascending = self._ascending[column] = array("l", positions)
            self._text_keys = {}  # keys are needed only while ordering; the order is kept
        return ascending[::-1] if order == Qt.SortOrder.DescendingOrder else ascending


def _narrows(previous: tuple[CadreFilter, list[str]], wanted: CadreFilter, words: list[str]) -> bool:
    """True when every row matching ``wanted`` also matched the previous filter (same choices, each old word
    contained in some new word, e.g. "ng" → "ngu")."""
    old, old_words = previous
    same_choices = (old.unit_id, old.level, old.education, old.theory) == (
        wanted.unit_id,
        wanted.level,
        wanted.education,
        wanted.theory,
    )
    return same_choices and bool(old_words) and all(any(w in new for new in words) for w in old_words)


def sorted_positions(rows: Sequence[Any], key: Callable[[Any], Any], order: Qt.SortOrder) -> list[int]:
    """Positions of ``rows`` in sorted order, computing each key once; empty values last when ascending, first when
    descending; equal keys keep their order (a stable sort either way)."""
    keys = [key(row) for row in rows]
    filled = [i for i, k in enumerate(keys) if k is not None and k != ""]
    empty = [i for i, k in enumerate(keys) if k is None or k == ""]
    descending = order == Qt.SortOrder.DescendingOrder
    filled.sort(key=keys.__getitem__, reverse=descending)
    return empty + filled if descending else filled + empty


def reorder_rows(model: RowTableModel[Any], order_of: list[int]) -> None:
    """Move the model's rows to ``order_of`` (new position -> old position) as a layout change, keeping selection."""
    model.layoutAboutToBeChanged.emit()
    rows = model._rows  # a RowTableModel's own list, reordered in place
    new_position = {old: new for new, old in enumerate(order_of)}
    model._rows = [rows[i] for i in order_of]
    persistent = model.persistentIndexList()
    moved = [
        model.index(new_position[p.row()], p.column()) if p.row() in new_position else QModelIndex() for p in persistent
    ]
    model.changePersistentIndexList(persistent, moved)
    model.layoutChanged.emit()


# --- statistics by level -------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StatLine:
    group: str  # shown on the first line of each group only
    label: str
    count: int
    total: int
    summary: bool = False

    @property
    def percent(self) -> float | None:
        return 100.0 * self.count / self.total if self.total else None


def stat_lines(stats: LevelStats) -> list[StatLine]:
    """One table per level: total, each qualification, each political-theory level, and the two target groups."""
    total = stats.total
    lines = [StatLine("Tổng số", "Cán bộ trong danh sách", total, total, summary=True)]
    for i, (code, label) in enumerate(EDUCATION.items()):
        lines.append(StatLine("Chuyên môn" if i == 0 else "", label, stats.by_education.get(code, 0), total))
    postgrad = ", ".join(EDUCATION[c] for c in POSTGRAD)
    lines.append(StatLine("", f"Sau đại học ({postgrad})", stats.postgrad, total, summary=True))
    for i, (code, label) in enumerate(POLITICAL_THEORY.items()):
        lines.append(StatLine("Lý luận chính trị" if i == 0 else "", label, stats.by_theory.get(code, 0), total))
    senior = " + ".join(POLITICAL_THEORY[c] for c in SENIOR_THEORY)
    lines.append(StatLine("", senior, stats.senior_theory, total, summary=True))
    return lines


def _summary(line: StatLine) -> QBrush | None:
    return SUMMARY_BRUSH if line.summary else None


def stats_model(parent: Any = None) -> RowTableModel[StatLine]:
    return RowTableModel(
        [
            Column("Nhóm", lambda s: s.group, background=_summary),
            Column("Trình độ", lambda s: s.label, background=_summary),
            Column(
                "Số người",
                lambda s: format_number(s.count),
                sort=lambda s: s.count,
                align_right=True,
                background=_summary,
            ),
            Column(
                "Tỷ lệ",
                lambda s: format_percent(s.percent),
                sort=lambda s: s.percent,
                align_right=True,
                background=_summary,
            ),
        ],
        parent,
    )


def ratio_text(value: IndicatorValue) -> str:
    if value.denominator is None:
        return ""
    return f"{format_number(value.numerator)} / {format_number(value.denominator)} người"


def targets_model(parent: Any = None) -> RowTableModel[IndicatorValue]:
    def met(value: IndicatorValue) -> QBrush:
        return MET_BRUSH if value.met else UNMET_BRUSH

    return RowTableModel(
        [
            Column("Chỉ tiêu", lambda v: v.title, tooltip=lambda v: v.title),
            Column("Kết quả", value_text, sort=lambda v: v.value, align_right=True, background=met),
            Column("Số người / tổng số", ratio_text, sort=lambda v: v.numerator, align_right=True),
            Column("Mục tiêu", lambda v: f"{target_text(v)} (năm {v.deadline})"),
            Column("Đánh giá", lambda v: "Đạt" if v.met else "Chưa đạt", background=met),
        ],
        parent,
    )
