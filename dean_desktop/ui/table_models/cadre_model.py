"""The cadre register table (fast search and sort over tens of thousands of rows) and the statistics tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...services.cadres import LEVEL_LABELS, LevelStats
from ...services.formatting import format_number, format_percent
from ...services.indicators import IndicatorValue
from ...services.periods import PeriodError, period_from_code
from ...services.rows import CadreRow
from ...services.vntext import fold, name_sort_key, sort_key
from ...services.vocab import EDUCATION, POLITICAL_THEORY, POSTGRAD, SENIOR_THEORY, STATE_MGMT
from .base import UNMET_BRUSH, Column, RowTableModel

MET_BRUSH = QBrush(QColor("#d4edda"))
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

    Everything that costs more than a dict lookup (folding, Vietnamese name keys, period labels) is computed once in
    ``load``, so a keystroke is a linear scan of short strings and a sort is one ``sorted`` over cached keys.
    """

    COL_NAME, COL_BIRTH, COL_GENDER, COL_ETHNICITY, COL_POSITION, COL_UNIT, COL_LEVEL = range(7)
    COL_EDUCATION, COL_MAJOR, COL_THEORY, COL_STATE, COL_IT, COL_LANGUAGE, COL_PERIOD = range(7, 14)
    WIDTHS = (180, 70, 65, 80, 170, 260, 80, 120, 110, 125, 140, 150, 100, 100)

    def __init__(self, parent: Any = None) -> None:
        self._loaded: list[CadreRow] = []  # in the service's order
        self._all: list[CadreRow] = []  # the same rows in the current sort order
        self._haystack: list[str] = []  # folded name, position and unit of each row of ``_all``
        self._ranks: dict[int, dict[int, int]] = {}
        self._search_text: dict[int, str] = {}
        self._name_keys: dict[int, tuple[object, ...]] = {}
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
            Column("Họ và tên", lambda r: r.full_name, sort=lambda r: self._name_keys[r.id]),
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
        """Take a new register and precompute the search text and sort keys (once per reload)."""
        self._loaded = list(rows)
        self._text_keys = {}
        self._ranks = {}
        self._name_keys = {}
        folded: dict[str, str] = {}

        def fold_once(text: str) -> str:
            value = folded.get(text)
            if value is None:
                value = folded[text] = fold(text)
            return value

        self._search_text = {
            r.id: f"{r.name_folded}\x1f{fold_once(r.position)}\x1f{fold_once(r.unit_name)}" for r in self._loaded
        }
        name_keys: dict[str, tuple[object, ...]] = {}
        for r in self._loaded:
            key = name_keys.get(r.full_name)
            if key is None:
                key = name_keys[r.full_name] = name_sort_key(r.full_name)
            self._name_keys[r.id] = key
        for code in {r.period_code for r in self._loaded}:
            try:
                period = period_from_code(code)
            except PeriodError:
                self._period_labels[code], self._period_keys[code] = code, None
            else:
                self._period_labels[code], self._period_keys[code] = period.label, period.sort_key
        self._set_register(self._in_order(self._loaded, self._sort_column, self._sort_order))

    def _set_register(self, rows: list[CadreRow]) -> None:
        self._all = rows
        self._haystack = [self._search_text[r.id] for r in rows]

    def total(self) -> int:
        return len(self._all)

    def all_rows(self) -> list[CadreRow]:
        return list(self._all)

    def matching(self, wanted: CadreFilter) -> list[CadreRow]:
        """Rows matching every part of the filter; each search word must appear (diacritics and case ignored)."""
        words = fold(wanted.text).split()
        if not words and wanted == CadreFilter(text=wanted.text):
            return list(self._all)
        result = []
        for row, hay in zip(self._all, self._haystack, strict=True):
            if wanted.unit_id is not None and row.unit_id != wanted.unit_id:
                continue
            if wanted.level is not None and row.level != wanted.level:
                continue
            if wanted.education is not None and row.education != wanted.education:
                continue
            if wanted.theory is not None and row.political_theory != wanted.theory:
                continue
            if all(word in hay for word in words):
                result.append(row)
        return result

    def apply(self, wanted: CadreFilter) -> None:
        """Show the rows matching the filter; the register is kept in the current sort order, so no sort is needed."""
        self.set_rows(self.matching(wanted))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a rank computed once per column and reload; the shown rows follow the register's order."""
        if not 0 <= column < len(self.columns):
            return
        if (column, order) == (self._sort_column, self._sort_order):
            return  # already in this order (QTableView.sortByColumn asks twice)
        self._sort_column, self._sort_order = column, order
        self._set_register(self._in_order(self._all, column, order))
        shown = self._all if len(self._rows) == len(self._all) else self._in_order(self._rows, column, order)
        old_position = {row.id: i for i, row in enumerate(self._rows)}
        reorder_rows(self, [old_position[row.id] for row in shown])

    def _in_order(self, rows: list[CadreRow], column: int | None, order: Qt.SortOrder) -> list[CadreRow]:
        if column is None:
            return list(rows)
        rank = self._rank(column)
        return sorted(rows, key=lambda r: rank[r.id], reverse=order == Qt.SortOrder.DescendingOrder)

    def _rank(self, column: int) -> dict[int, int]:
        """Row id -> position when sorted ascending by this column (ties keep the service's order)."""
        rank = self._ranks.get(column)
        if rank is None:
            col = self.columns[column]
            positions = sorted_positions(self._loaded, col.sort or col.display, Qt.SortOrder.AscendingOrder)
            rank = self._ranks[column] = {self._loaded[i].id: n for n, i in enumerate(positions)}
        return rank


def sorted_positions(rows: Sequence[Any], key: Callable[[Any], Any], order: Qt.SortOrder) -> list[int]:
    """Positions of ``rows`` in sorted order, computing each key once; empty values last when ascending."""
    keys = [key(row) for row in rows]
    return sorted(
        range(len(rows)),
        key=lambda i: (1, 0) if keys[i] is None or keys[i] == "" else (0, keys[i]),
        reverse=order == Qt.SortOrder.DescendingOrder,
    )


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


def target_text(value: IndicatorValue) -> str:
    """``≥ 15 %``, ``4–6 người``."""
    unit = "%" if value.unit == "%" else value.unit
    low = None if value.target_min is None else format_number(value.target_min, 0)
    high = None if value.target_max is None else format_number(value.target_max, 0)
    if low and high:
        return f"{low}–{high} {unit}"
    if low:
        return f"≥ {low} {unit}"
    return f"≤ {high} {unit}" if high else ""


def value_text(value: IndicatorValue) -> str:
    if value.unit == "%":
        return format_percent(value.value)
    return "—" if value.value is None else f"{format_number(value.value, 0)} {value.unit}"


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
