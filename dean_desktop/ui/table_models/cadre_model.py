"""The cadre register table (fast search and sort over tens of thousands of rows) and the statistics tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...services.cadres import LEVEL_LABELS, LevelStats
from ...services.formatting import format_number, format_percent
from ...services.indicators import IndicatorValue, target_text, value_text
from ...services.periods import PeriodError, period_from_code
from ...services.register import (
    GroupedOrder,
    PreparedRegister,
    RegisterColumns,
    bit_mask,
    code_bits,
    column_order,
    descending,
    prepare,
    selected,
)
from ...services.rows import CadreRow
from ...services.vntext import sort_key
from ...services.vocab import EDUCATION, POLITICAL_THEORY, POSTGRAD, SENIOR_THEORY, STATE_MGMT
from .base import UNMET_BRUSH, Column, RowTableModel
from .register_rows import ShownRows

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
    """Holds the register as columns (``services.register``); ``apply`` shows the rows matching a filter, in the
    current sort order.

    Rows are addressed by their position in the columns, which are stored in name order. A search asks the word
    index for a bit set of matching rows (no pass over the rows in Python); the choices (unit, level, education,
    theory) are bit sets too, made once per value. A column's order is made the first time it is sorted by, by
    ranking its distinct values once (a counting sort whose positions are found as they are shown,
    ``GroupedOrder``), and kept.
    """

    COL_NAME, COL_BIRTH, COL_GENDER, COL_ETHNICITY, COL_POSITION, COL_UNIT, COL_LEVEL = range(7)
    COL_EDUCATION, COL_MAJOR, COL_THEORY, COL_STATE, COL_IT, COL_LANGUAGE, COL_PERIOD = range(7, 14)
    WIDTHS = (180, 84, 65, 80, 170, 260, 80, 120, 110, 125, 140, 150, 100, 100)  # room for the sort arrow
    # Columns ordered by a coded field of the register: column -> (field, key of a value).
    _CODED_ORDER: dict[int, tuple[str, Callable[[str], Any]]] = {
        COL_GENDER: ("gender", sort_key),
        COL_ETHNICITY: ("ethnicity", sort_key),
        COL_POSITION: ("position", sort_key),
        COL_EDUCATION: ("education", lambda c: _EDUCATION_RANK.get(c, len(_EDUCATION_RANK))),
        COL_MAJOR: ("major", sort_key),
        COL_THEORY: ("political_theory", lambda c: _THEORY_RANK.get(c, len(_THEORY_RANK))),
        COL_STATE: ("state_mgmt", lambda c: _STATE_RANK.get(c, len(_STATE_RANK))),
        COL_IT: ("it_skill", sort_key),
        COL_LANGUAGE: ("language", sort_key),
        COL_PERIOD: ("period_code", lambda c: _period_key(c)),
    }

    def __init__(self, parent: Any = None) -> None:
        self._register = prepare(RegisterColumns())
        self._ascending: dict[int, Sequence[int]] = {}  # column -> positions in ascending order, blanks last
        self._order: Sequence[int] = range(0)  # positions in the current sort order (the whole register)
        self._shown: Sequence[int] = range(0)  # positions of the rows shown, in the current sort order
        self._mask: bytes | None = None  # the rows matching the filter (one byte per row); None: all
        self._choice_bits: dict[tuple[str, object], int] = {}
        self._cache: dict[int, CadreRow] = {}
        self._period_labels: dict[str, str] = {}
        self._sort_column: int | None = self.COL_NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        super().__init__(self._columns(), parent)

    def _columns(self) -> list[Column[CadreRow]]:
        periods = self._period_labels
        return [
            Column("Họ và tên", lambda r: r.full_name),
            Column("Năm sinh", lambda r: "" if r.birth_year is None else str(r.birth_year), align_right=True),
            Column("Giới tính", lambda r: r.gender),
            Column("Dân tộc", lambda r: r.ethnicity),
            Column("Chức vụ", lambda r: r.position, tooltip=lambda r: r.position),
            Column("Đơn vị", lambda r: r.unit_name, tooltip=lambda r: r.unit_name),
            Column("Cấp", lambda r: LEVEL_LABELS.get(r.level, r.level)),
            Column("Chuyên môn", lambda r: _label(EDUCATION, r.education)),
            Column("Chuyên ngành", lambda r: r.major),
            Column("Lý luận chính trị", lambda r: _label(POLITICAL_THEORY, r.political_theory)),
            Column("Quản lý nhà nước", lambda r: _label(STATE_MGMT, r.state_mgmt)),
            Column("Tin học", lambda r: r.it_skill),
            Column("Ngoại ngữ", lambda r: r.language),
            Column("Kỳ báo cáo", lambda r: periods.get(r.period_code, r.period_code)),
        ]

    # --- the register ------------------------------------------------------------
    def load(self, rows: Sequence[CadreRow]) -> None:
        """Take a new register given as rows (a small one, read on the window's thread)."""
        self.install(prepare(RegisterColumns.from_rows(rows)))

    def install(self, register: PreparedRegister) -> None:
        """Take a register read and indexed (perhaps in the background) and show all of it in the current order."""
        self._register = register
        self._ascending, self._choice_bits, self._mask = {}, {}, None
        for code in register.columns.coded["period_code"].values:
            label = _period_label(code)
            self._period_labels[code] = label
        self._order = self._in_order(self._sort_column, self._sort_order)
        self._show(self._order)

    @property
    def register(self) -> PreparedRegister:
        return self._register

    def total(self) -> int:
        return len(self._register.columns)

    def all_rows(self) -> list[CadreRow]:
        """The whole register in the current sort order."""
        return list(map(self._register.columns.row, self._order))

    def _choice(self, field: str, value: object) -> int:
        """A bit set of the rows with this unit, level, education or theory (made once per value)."""
        bits = self._choice_bits.get((field, value))
        if bits is None:
            columns = self._register.columns
            if field in ("unit_id", "level"):
                at = 0 if field == "unit_id" else 2
                wanted = {place for place, unit in enumerate(columns.units) if unit[at] == value}
                bits = code_bits(columns.unit, wanted)
            else:
                column = columns.coded[field]
                bits = code_bits(column.codes, {code for code, v in enumerate(column.values) if v == value})
            self._choice_bits[(field, value)] = bits
        return bits

    def _matches(self, wanted: CadreFilter) -> bytes | None:
        """The rows matching the filter, one byte per row (None: every row)."""
        bits = self._register.index.rows_matching(wanted.text)
        for value, field in (
            (wanted.unit_id, "unit_id"),
            (wanted.level, "level"),
            (wanted.education, "education"),
            (wanted.theory, "political_theory"),
        ):
            if value is not None:
                choice = self._choice(field, value)
                bits = choice if bits is None else bits & choice
        return None if bits is None else bit_mask(bits, self.total())

    def _positions(self, wanted: CadreFilter) -> tuple[Sequence[int], bytes | None]:
        mask = self._matches(wanted)
        return (self._order if mask is None else selected(self._order, mask)), mask

    def matching(self, wanted: CadreFilter) -> list[CadreRow]:
        """Rows matching every part of the filter, in the current order."""
        return list(map(self._register.columns.row, self._positions(wanted)[0]))

    def apply(self, wanted: CadreFilter) -> None:
        """Show the rows matching the filter; the register is kept in the current sort order, so no sort is needed."""
        shown, mask = self._positions(wanted)
        self._show(shown)
        self._mask = mask

    def set_rows(self, rows: Sequence[CadreRow]) -> None:
        """Show these rows of the register (in the order given)."""
        position = {cadre_id: i for i, cadre_id in enumerate(self._register.columns.ids)}
        self._show([position[row.id] for row in rows])

    def _show(self, shown: Sequence[int]) -> None:
        self.beginResetModel()
        self._shown, self._mask = shown, None
        self._cache = {}
        self._rows = ShownRows(self._register.columns, shown, self._cache)  # type: ignore[assignment]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the register and the shown rows by a column's order (made once), keeping the selection."""
        if not 0 <= column < len(self.columns):
            return
        if (column, order) == (self._sort_column, self._sort_order):
            return  # already in this order (QTableView.sortByColumn asks twice)
        self._sort_column, self._sort_order = column, order
        self._order = self._in_order(column, order)
        shown = self._order if self._mask is None else selected(self._order, self._mask)
        self._move_to(shown)

    def _move_to(self, shown: Sequence[int]) -> None:
        """Show the same rows in a new order as a layout change; persistent indexes (selection) follow their rows."""
        self.layoutAboutToBeChanged.emit()
        old = self._shown
        persistent = self.persistentIndexList()
        self._shown = shown
        self._rows = ShownRows(self._register.columns, shown, self._cache)  # type: ignore[assignment]
        if persistent:
            places: dict[int, int] = {}
            moved = []
            for index in persistent:
                row = index.row()
                if not 0 <= row < len(old):
                    moved.append(QModelIndex())
                    continue
                position = old[row]
                if position not in places:
                    places[position] = shown.index(position)
                moved.append(self.index(places[position], index.column()))
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _in_order(self, column: int | None, order: Qt.SortOrder) -> Sequence[int]:
        """Positions in the column's order: ascending made once per column; descending is its reverse."""
        count = self.total()
        if column is None:
            return range(count)
        ascending = self._ascending.get(column)
        if ascending is None:
            ascending = self._ascending[column] = self._ascending_order(column)
        if order == Qt.SortOrder.DescendingOrder:
            return descending(ascending)
        return ascending

    def _ascending_order(self, column: int) -> Sequence[int]:
        columns = self._register.columns
        if column == self.COL_NAME:
            return range(len(columns))  # the columns are stored in name order
        if column == self.COL_BIRTH:
            births = self._register.birth_rows
            return GroupedOrder(columns.birth, [*sorted(set(births) - {0}), 0], births)
        if column in (self.COL_UNIT, self.COL_LEVEL):
            at = 1 if column == self.COL_UNIT else 2
            labels = [u[at] if at == 1 else LEVEL_LABELS.get(u[at], u[at]) for u in columns.units]
            ranked = sorted(range(len(labels)), key=lambda u: sort_key(labels[u]))
            return GroupedOrder(columns.unit, ranked, self._register.unit_rows)
        field, key = self._CODED_ORDER[column]
        coded = columns.coded[field]
        return column_order(coded.values, coded.codes, key)


def _period_label(code: str) -> str:
    try:
        return period_from_code(code).label
    except PeriodError:
        return code


def _period_key(code: str) -> object:
    try:
        return period_from_code(code).sort_key
    except PeriodError:
        return (date.max, 0)


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
