"""The cadre register held as columns, with a word index for search: what the register tab shows at province scale.

``read_register`` reads the latest returns' cadres straight from the cursor into columns — one small code per row
and column (arrays), each distinct text kept once — instead of a row object per cadre: 200,000 cadres take a few
megabytes. Rows are stored in Vietnamese name order (the register's default order), so a search in that order needs
no reordering. ``SearchIndex`` maps each distinct word of the names, positions and units to the rows holding it:
a search finds the matching words in a vocabulary of a few thousand (``search_rule.words_matching``), then joins
their rows as bit sets — no pass over the rows in Python.
"""

from __future__ import annotations

import copy
import heapq
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress
from typing import Any, overload

from ..models import Cadre, Unit, UnitReturn, db
from ..models.engine import one_pass_read
from ..models.units import KIND_DISTRICT
from .cadres import LEVEL_COMMUNE, LEVEL_DISTRICT
from .indicators import latest_returns, reference_date
from .periods import Period
from .rows import CadreRow
from .search_rule import Vocabulary, query_words, words_matching
from .vntext import fold, name_parts, part_keys, sort_key

# Columns coded through a vocabulary of distinct texts (CadreRow field names).
CODED = (
    "gender",
    "ethnicity",
    "position",
    "education",
    "major",
    "political_theory",
    "state_mgmt",
    "it_skill",
    "language",
    "notes",
    "period_code",
)
# A word's rows are kept as a bit set (one bit per row) when it is in at least 1/FREQUENT of the rows.
FREQUENT = 64
# A large register is read on a background thread. A loop run inside one C call (``map`` into an array, ``sorted``
# with a C key, ``Counter`` over a ``zip``) holds the interpreter lock until it ends: over 200,000 rows that kept the
# window's thread waiting 60–100 ms at a time. Such loops run a slice of rows per call, the lock changing hands
# between slices.
SLICE = 16_384


def gathered(typecode: str, source: Sequence[int], order: Sequence[int]) -> array[int]:
    """``array(typecode, (source[i] for i in order))``, a slice at a time (see SLICE)."""
    out = array(typecode)
    get = source.__getitem__
    for start in range(0, len(order), SLICE):
        out.extend(map(get, order[start : start + SLICE]))
    return out


def _pair_counts(first: Sequence[int], second: Sequence[int]) -> Counter[tuple[int, int]]:
    """``Counter(zip(first, second))``, a slice at a time (see SLICE)."""
    counts: Counter[tuple[int, int]] = Counter()
    for start in range(0, len(first), SLICE):
        counts.update(zip(first[start : start + SLICE], second[start : start + SLICE], strict=True))
    return counts


class PackedTexts(Sequence[str]):
    """Read-only texts kept as one UTF-8 buffer with offsets: a Vietnamese name takes ~20 bytes instead of a ~100-byte
    string object (a province's ~120,000 distinct names: ~10 MB less). Each text is decoded when asked for."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._data = bytearray()
        self._ends = array("l")
        for text in texts:
            self._data += text.encode("utf-8")
            self._ends.append(len(self._data))

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        if i < 0:
            i += len(self._ends)
        start = self._ends[i - 1] if i else 0
        return self._data[start : self._ends[i]].decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        return map(self.__getitem__, range(len(self._ends)))


@dataclass
class Coded:
    """One column: each row's code into ``values`` (distinct texts, first seen first)."""

    values: list[str] | PackedTexts = field(default_factory=list)  # packed once read (names: ``packed()``)
    codes: array[int] = field(default_factory=lambda: array("H"))
    _index: dict[str, int] = field(default_factory=dict)

    def add(self, value: str) -> None:
        code = self._index.get(value)
        if code is None:
            code = self._index[value] = len(self.values)
            self.values.append(value)  # type: ignore[union-attr]  # only while reading, before packed()
            if code == 0xFFFF and self.codes.typecode == "H":  # more distinct values than two bytes can number
                self.codes = array("I", self.codes)
        self.codes.append(code)

    def packed(self) -> Coded:
        """The column with its texts in one buffer (``PackedTexts``); read-only. This column gives up its texts."""
        self._index = {}
        values, self.values = self.values, []
        return Coded(PackedTexts(values), self.codes, {})

    def permuted(self, order: Sequence[int]) -> Coded:
        """The column with its rows in ``order``; read-only (the lookup used while adding is dropped)."""
        return Coded(self.values, gathered(self.codes.typecode, self.codes, order), {})


@dataclass
class RegisterColumns:
    """The register, column by column, rows in Vietnamese name order."""

    ids: array[int] = field(default_factory=lambda: array("q"))
    units: list[tuple[int, str, str]] = field(default_factory=list)  # (unit id, name, level), by unit code
    unit: array[int] = field(default_factory=lambda: array("H"))  # index into ``units``
    birth: array[int] = field(default_factory=lambda: array("h"))  # 0: unknown
    names: Coded = field(default_factory=Coded)  # each row's full name (mostly distinct; kept once each)
    coded: dict[str, Coded] = field(default_factory=lambda: {name: Coded() for name in CODED})

    def __len__(self) -> int:
        return len(self.ids)

    def row(self, i: int) -> CadreRow:
        """Row ``i`` as the register's row tuple (built when asked: only shown rows are ever built)."""
        unit_id, unit_name, level = self.units[self.unit[i]]
        text = {name: column.values[column.codes[i]] for name, column in self.coded.items()}
        full_name = self.names.values[self.names.codes[i]]
        return CadreRow(
            self.ids[i],
            unit_id,
            unit_name,
            level,
            full_name,
            self.birth[i] or None,
            text["gender"],
            text["ethnicity"],
            text["position"],
            text["education"],
            text["major"],
            text["political_theory"],
            text["state_mgmt"],
            text["it_skill"],
            text["language"],
            text["notes"],
            text["period_code"],
            fold(full_name),
        )

    @classmethod
    def from_rows(cls, rows: Sequence[CadreRow]) -> RegisterColumns:
        """Columns holding ``rows`` (in name order), e.g. rows already read with ``list_cadres``."""
        columns = cls()
        places: dict[int, int] = {}
        for row in rows:
            place = places.get(row.unit_id)
            if place is None:
                place = places[row.unit_id] = len(columns.units)
                columns.units.append((row.unit_id, row.unit_name, row.level))
            columns.ids.append(row.id)
            columns.unit.append(place)
            columns.birth.append(row.birth_year or 0)
            columns.names.add(row.full_name)
            for name, column in columns.coded.items():
                column.add(getattr(row, name) or "")
        columns.names = columns.names.packed()
        return columns.reorder(name_order(columns.names))

    def rows(self) -> Iterator[CadreRow]:
        return map(self.row, range(len(self)))

    def reorder(self, order: Sequence[int]) -> RegisterColumns:
        """Put the rows in ``order`` (positions) in place, one column at a time: the register is never held twice
        (a copy of every column beside the old one was most of the peak memory of loading a province's register).
        The lookups used while adding are dropped."""
        self.ids = gathered("q", self.ids, order)
        self.unit = gathered("H", self.unit, order)
        self.birth = gathered("h", self.birth, order)
        self.names = self.names.permuted(order)
        for name in list(self.coded):
            self.coded[name] = self.coded[name].permuted(order)
        return self

    def permuted(self, order: Sequence[int]) -> RegisterColumns:
        """The same register with its rows in ``order`` (positions)."""
        return RegisterColumns(
            ids=gathered("q", self.ids, order),
            units=self.units,
            unit=gathered("H", self.unit, order),
            birth=gathered("h", self.birth, order),
            names=self.names.permuted(order),
            coded={name: column.permuted(order) for name, column in self.coded.items()},
        )


_SELECT = (
    Cadre.select(
        Cadre.id,
        Cadre.full_name,
        Cadre.birth_year,
        Cadre.gender,
        Cadre.ethnicity,
        Cadre.position,
        Cadre.education,
        Cadre.major,
        Cadre.political_theory,
        Cadre.state_mgmt,
        Cadre.it_skill,
        Cadre.language,
        Cadre.notes,
    )
    .where(Cadre.unit_return == 0)
    .order_by(Cadre.seq)
)


def read_register(as_of: Period | None = None, should_stop: Callable[[], bool] = lambda: False) -> RegisterColumns:
    """The cadres of each unit's latest return (as ``list_cadres``), as columns in Vietnamese name order."""
    columns = RegisterColumns()
    latest = latest_returns(reference_date(as_of))
    if not latest:
        return columns
    returns = (
        UnitReturn.select(UnitReturn.id, Unit.id, Unit.name, Unit.kind, UnitReturn.period_code)
        .join(Unit)
        .where(UnitReturn.id.in_(list(latest.values())))
        .order_by(Unit.sort_order, Unit.id)
        .tuples()
    )
    sql, _ = _SELECT.sql()
    coded = [columns.coded[name] for name in CODED[:-1]]  # the period is per return
    period = columns.coded["period_code"]
    ids, unit, birth, names = columns.ids, columns.unit, columns.birth, columns.names
    with one_pass_read(db):
        for return_id, unit_id, unit_name, kind, period_code in list(returns):
            if should_stop():
                break
            columns.units.append((unit_id, unit_name, LEVEL_DISTRICT if kind == KIND_DISTRICT else LEVEL_COMMUNE))
            place = len(columns.units) - 1
            for r in db.execute_sql(sql, (return_id,)):
                ids.append(r[0])
                names.add(r[1])
                birth.append(r[2] or 0)
                for column, value in zip(coded, r[3:], strict=True):
                    column.add(value or "")
                unit.append(place)
                period.add(period_code)
    columns.names = columns.names.packed()  # the list of name strings goes before the order is computed
    order = name_order(columns.names)
    return columns.reorder(order)


def name_order(names: Coded) -> array[int]:
    """Row positions in Vietnamese name order (given name, family name, middle names; letters, then tones), ties in
    the order read. Names are made of a few hundred given, family and middle names: each distinct part is ranked
    once, a distinct name's key is one integer made of its six part ranks, and the rows are placed by a counting
    sort on those ranks (arrays: no integer object per row)."""
    vocabularies: tuple[dict[str, int], dict[str, int], dict[str, int]] = ({}, {}, {})
    parts = array("l")  # per distinct name: its given, family and middle name's index in the vocabularies
    for full_name in names.values:
        for vocabulary, part in zip(vocabularies, name_parts(full_name), strict=True):
            parts.append(vocabulary.setdefault(part, len(vocabulary)))
    letters: list[list[int]] = []
    tones: list[list[int]] = []
    for vocabulary in vocabularies:
        keys = [part_keys(part) for part in vocabulary]
        letters.append(_dense_ranks([k[0] for k in keys]))
        tones.append(_dense_ranks([k[1] for k in keys]))
    radices = [max(r, default=0) + 1 for r in letters + tones]
    keys_of = []
    for code in range(len(names.values)):
        g, f, m = parts[3 * code], parts[3 * code + 1], parts[3 * code + 2]
        key = 0
        for radix, rank in zip(
            radices,
            (letters[0][g], letters[1][f], letters[2][m], tones[0][g], tones[1][f], tones[2][m]),
            strict=True,
        ):
            key = key * radix + rank
        keys_of.append(key)
    del parts, letters, tones
    rank = _dense_rank_array(keys_of)
    del keys_of
    row_rank = gathered("i", rank, names.codes)
    del rank
    return counting_order(row_rank)


def counting_order(keys: array[int]) -> array[int]:
    """Positions of ``keys`` (small non-negative integers) in ascending key order, equal keys in position order —
    what ``sorted(range(len(keys)), key=keys.__getitem__)`` gives, without a list of integer objects."""
    counts = [0] * (max(keys, default=-1) + 2)
    for key in keys:
        counts[key + 1] += 1
    starts = list(accumulate(counts))
    order = array("i", bytes(4 * len(keys)))
    for i, key in enumerate(keys):
        order[starts[key]] = i
        starts[key] += 1
    return order


def _dense_rank_array(keys: list[int]) -> array[int]:
    """``_dense_ranks`` of integers as an array, without a set and a dict of every key (province-scale peaks)."""
    ranks = array("i", bytes(4 * len(keys)))
    rank, previous = -1, None
    key = keys.__getitem__
    slices = [sorted(range(s, min(s + SLICE, len(keys))), key=key) for s in range(0, len(keys), SLICE)]
    for i in heapq.merge(*slices, key=key):  # sorted a slice at a time (see SLICE); ties keep position order
        if keys[i] != previous:
            rank, previous = rank + 1, keys[i]
        ranks[i] = rank
    return ranks


def _dense_ranks(keys: Sequence[object]) -> list[int]:
    """Each key's place among the distinct keys in ascending order (equal keys, equal rank)."""
    place = {key: rank for rank, key in enumerate(sorted(set(keys)))}  # type: ignore[type-var]
    return [place[key] for key in keys]


def column_order(values: list[str], codes: array[int], key: Callable[[str], object] | None = None) -> Sequence[int]:
    """Row positions ordered by a coded column: its distinct values ranked once (blanks last), then the rows of each
    value in the stored order — a counting sort, never a comparison per row; each position is found when it is
    asked for (``GroupedOrder``)."""
    key = key or sort_key
    filled = sorted((v for v in range(len(values)) if values[v]), key=lambda v: key(values[v]))  # type: ignore[misc]
    blanks = [v for v in range(len(values)) if not values[v]]
    return GroupedOrder(codes, filled + blanks)


class _Found:
    """The positions of each code found so far, shared by an order and its reverse."""

    __slots__ = ("full", "heads", "tails")

    def __init__(self) -> None:
        self.heads: dict[int, list[int]] = {}  # code -> its first positions, found from the start
        self.tails: dict[int, list[int]] = {}  # code -> its last positions, found from the end (last first)
        self.full: list[int] | None = None  # the whole ascending order, once it has been gone through


class GroupedOrder(Sequence[int]):
    """Row positions grouped by code, codes in ``ranked`` order, rows in stored order within each code (a counting
    sort), each position found only when it is asked for.

    A sort shows its first screen at once, and a list of every position costs a pass over every row in Python
    (~20-40 ms at 200,000 rows, as long as a repaint or longer). Here ``order[i]`` comes from the count of each
    code and the positions of one code found in the codes' bytes by ``bytes.find`` from the start, or ``rfind``
    from the end, as far as asked: the first screen of either direction is a few dozen finds. Codes of one byte
    (most columns) are counted by ``bytes.count``; wider ones (units, birth years) once, and a find that lands
    between two codes is passed over. Going through the whole order (a filter) finds each position once and keeps
    the list. ``reversed()`` is the descending order, sharing what was found.
    """

    __slots__ = ("_data", "_descending", "_found", "_group", "_ranked", "_starts", "_width")

    def __init__(
        self,
        codes: array[int],
        ranked: Sequence[int],
        counts: Mapping[int, int] | None = None,
        descending: bool = False,
        found: _Found | None = None,
    ) -> None:
        """``counts``: the rows of each code, when known (wide codes are otherwise counted here, in a pass)."""
        self._ranked, self._descending = list(ranked), descending
        width = codes.itemsize
        if width > 1 and max(self._ranked, default=0) < 256:  # each code is its low byte
            low = 0 if sys.byteorder == "little" else width - 1
            data, width = codes.tobytes()[low::width], 1
        else:
            data = codes.tobytes()
        self._data, self._width = data, width
        if counts is None:
            counts = {c: data.count(bytes((c,))) for c in self._ranked} if width == 1 else Counter(codes)
        self._starts = list(accumulate((counts.get(c, 0) for c in self._ranked), initial=0))
        self._group = {c: g for g, c in enumerate(self._ranked)}
        self._found = found or _Found()

    def reversed(self) -> GroupedOrder:
        order = copy.copy(self)  # sharing what was found
        order._descending = not self._descending
        return order

    def __len__(self) -> int:
        return self._starts[-1]

    def _needle(self, code: int) -> bytes:
        return code.to_bytes(self._width, sys.byteorder)

    def _head(self, group: int, length: int) -> list[int]:
        """The first ``length`` (at least) positions with the group's code, found from the start."""
        code, width = self._ranked[group], self._width
        head = self._found.heads.setdefault(code, [])
        find, needle, at = self._data.find, self._needle(code), (head[-1] + 1) * width if head else 0
        while len(head) < length:
            at = find(needle, at)
            if at % width:  # the end of one code and the start of the next
                at += 1
                continue
            head.append(at // width)
            at += width
        return head

    def _nth(self, group: int, k: int) -> int:
        """The position of the ``k``-th row (from 0) with the group's code."""
        code, width = self._ranked[group], self._width
        head, tail = self._found.heads.get(code, ()), self._found.tails.setdefault(code, [])
        if k < len(head):
            return head[k]
        from_end = self._starts[group + 1] - self._starts[group] - 1 - k
        if from_end < len(tail):
            return tail[from_end]
        if k <= from_end:  # nearer the start
            return self._head(group, k + 1)[k]
        rfind, needle = self._data.rfind, self._needle(code)
        end = tail[-1] * width + width - 1 if tail else len(self._data)
        while len(tail) <= from_end:
            at = rfind(needle, 0, end)
            end = at + width - 1  # the next find ends before this one's last byte
            if not at % width:
                tail.append(at // width)
        return tail[from_end]

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        size = len(self)
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(size))]
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("GroupedOrder index out of range")
        if self._found.full is not None:
            return self._found.full[size - 1 - index if self._descending else index]
        if self._descending:
            index = size - 1 - index
        group = bisect_right(self._starts, index) - 1  # the last group starting at or before it: never an empty one
        return self._nth(group, index - self._starts[group])

    def __iter__(self) -> Iterator[int]:
        full = self._found.full
        if full is None:
            full = self._found.full = [
                position
                for group in range(len(self._ranked))
                for position in self._head(group, self._starts[group + 1] - self._starts[group])
            ]
        return reversed(full) if self._descending else iter(full)

    def index(self, value: Any, start: int = 0, stop: int | None = None) -> int:
        """Where row position ``value`` stands in this order (``start``/``stop`` as for a list)."""
        width = self._width
        if not isinstance(value, int) or not 0 <= value < len(self._data) // width:
            raise ValueError(f"{value!r} is not in the order")
        code = int.from_bytes(self._data[value * width : (value + 1) * width], sys.byteorder)
        group = self._group.get(code)
        if group is None:
            raise ValueError(f"{value!r} is not in the order")
        if width == 1:
            before = self._data.count(self._needle(code), 0, value)
        else:
            before = bisect_left(self._head(group, self._starts[group + 1] - self._starts[group]), value)
        at = self._starts[group] + before
        if self._descending:
            at = len(self) - 1 - at
        if not start <= at < (len(self) if stop is None else stop):
            raise ValueError(f"{value!r} is not in the order between {start} and {stop}")
        return at


def descending(order: Sequence[int]) -> Sequence[int]:
    """``order`` reversed (a ``GroupedOrder`` stays one)."""
    return order.reversed() if isinstance(order, GroupedOrder) else order[::-1]


class SearchIndex:
    """Each distinct word of the names, positions and units -> the rows holding it (a bit set or positions)."""

    def __init__(self, columns: RegisterColumns) -> None:
        count = len(columns)
        self.count = count
        rows_of: dict[str, array[int]] = {}  # word -> its rows, in order (arrays: no int object per entry)
        # Names: the rows are in name order, so the rows of one name follow each other; split each name once.
        names, last, words = columns.names.values, -1, ()
        for i, code in enumerate(columns.names.codes):
            if code != last:
                last, words = code, tuple({w: None for w in names[code].lower().split()})
            for word in words:
                found = rows_of.get(word)
                if found is None:
                    found = rows_of[word] = array("i")
                found.append(i)
        # Positions and units: few distinct values; their words' rows come from each value's rows.
        for words_of, codes in (
            ([p.lower().split() for p in columns.coded["position"].values], columns.coded["position"].codes),
            ([u[1].lower().split() for u in columns.units], columns.unit),
        ):
            value_rows = [array("i") for _ in words_of]
            for i, code in enumerate(codes):
                value_rows[code].append(i)
            for code, value_words in enumerate(words_of):
                for word in dict.fromkeys(value_words):
                    rows_of.setdefault(word, array("i")).extend(value_rows[code])
            del value_rows
        self.vocabulary = Vocabulary(list(rows_of))
        self.bits: dict[int, int] = {}  # word id -> bit set of its rows (frequent words)
        self.positions: dict[int, array[int]] = {}  # word id -> its rows (the others)
        for word_id, word in enumerate(self.vocabulary.words):
            rows = rows_of.pop(word)
            if len(rows) * FREQUENT >= count:
                self.bits[word_id] = _bit_set(rows, count)
            else:
                self.positions[word_id] = rows  # a word found twice in a row (name and unit) is harmless: a bit set

    def rows_matching(self, text: str) -> int | None:
        """A bit set of the rows holding every word of ``text`` (None: no words, every row)."""
        result: int | None = None
        for word in query_words(text):
            found = 0
            scattered = bytearray((self.count + 7) // 8)
            for word_id in words_matching(word, self.vocabulary):
                bits = self.bits.get(word_id)
                if bits is not None:
                    found |= bits
                else:
                    for i in self.positions[word_id]:
                        scattered[i >> 3] |= 1 << (i & 7)
            found |= int.from_bytes(scattered, "little")
            result = found if result is None else result & found
            if not result:
                break
        return result


def _bit_set(rows: Sequence[int], count: int) -> int:
    bits = bytearray((count + 7) // 8)
    for i in rows:
        bits[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(bits, "little")


_BIT_BYTES = bytes.maketrans(b"01", b"\x00\x01")


def bit_mask(bits: int, count: int) -> bytes:
    """A bit set as one byte (0 or 1) per row, row 0 first — for ``itertools.compress``."""
    text = bin(bits)[2:][::-1].encode("ascii").translate(_BIT_BYTES)
    return text + bytes(count - len(text)) if len(text) < count else text[:count]


def code_bits(codes: array[int], wanted: set[int]) -> int:
    """A bit set of the rows whose code is in ``wanted``."""
    return _bit_set([i for i, c in enumerate(codes) if c in wanted], len(codes))


def selected(order: Sequence[int], mask: bytes) -> list[int]:
    """The positions of ``order`` whose row is set in ``mask`` (one byte per row), in ``order``'s order."""
    if isinstance(order, range) and order == range(len(mask)):
        return list(compress(order, mask))
    if not isinstance(order, list | range):
        order = list(order)  # a GroupedOrder: its positions found once, not twice
    return list(compress(order, map(mask.__getitem__, order)))


@dataclass(frozen=True)
class PreparedRegister:
    """What the register tab installs at once: the columns, their search index, the counts by level, and the rows
    of each unit and each birth year (what a sort by those two-byte codes would otherwise count on the window's
    thread)."""

    columns: RegisterColumns
    index: SearchIndex
    stats: list[tuple[str, dict[str, int], dict[str, int], int]]  # (level, by education, by theory, total)
    unit_rows: Mapping[int, int] = field(default_factory=dict)  # unit code -> rows
    birth_rows: Mapping[int, int] = field(default_factory=dict)  # birth year (0: unknown) -> rows


def prepare(columns: RegisterColumns) -> PreparedRegister:
    levels = [u[2] for u in columns.units]
    level_of = array("B", (0 if levels[u] == LEVEL_DISTRICT else 1 for u in columns.unit))
    edu, theory = columns.coded["education"], columns.coded["political_theory"]
    stats = []
    for number, level in enumerate((LEVEL_DISTRICT, LEVEL_COMMUNE)):
        by_edu: Counter[str] = Counter()
        by_theory: Counter[str] = Counter()
        for (lv, code), n in _pair_counts(level_of, edu.codes).items():
            if lv == number:
                by_edu[edu.values[code]] += n
        for (lv, code), n in _pair_counts(level_of, theory.codes).items():
            if lv == number:
                by_theory[theory.values[code]] += n
        stats.append((level, dict(by_edu), dict(by_theory), level_of.count(number)))
    return PreparedRegister(columns, SearchIndex(columns), stats, Counter(columns.unit), Counter(columns.birth))


def prepare_register(as_of: Period | None = None, should_stop: Callable[[], bool] = lambda: False) -> PreparedRegister:
    """Read and index the register (the work done off the window's thread for a large register)."""
    return prepare(read_register(as_of, should_stop))


def register_size(as_of: Period | None = None) -> int:
    """How many cadres the register holds, from the counts stored with the returns (no scan)."""
    from .indicators import count_cadres_matching

    ids = list(latest_returns(reference_date(as_of)).values())
    _, total = count_cadres_matching(ids, "education", ())  # the denominator of any share: every cadre, by the tallies
    return total
