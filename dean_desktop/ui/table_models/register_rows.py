"""The cadre register's shown rows as Qt reads them: row tuples built from the columns only when a row is painted."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from ...services.register import RegisterColumns
from ...services.rows import CadreRow

CACHED_ROWS = 4096  # rows built and kept between resets (a screenful is a few dozen)


class ShownRows(Sequence[CadreRow]):
    """The rows shown, read through their positions in the register's columns."""

    __slots__ = ("_cache", "_columns", "_shown")

    def __init__(self, columns: RegisterColumns, shown: Sequence[int], cache: dict[int, CadreRow]) -> None:
        self._columns, self._shown, self._cache = columns, shown, cache

    def __len__(self) -> int:
        return len(self._shown)

    def _row(self, position: int) -> CadreRow:
        row = self._cache.get(position)
        if row is None:
            if len(self._cache) >= CACHED_ROWS:
                self._cache.clear()
            row = self._cache[position] = self._columns.row(position)
        return row

    @overload
    def __getitem__(self, index: int) -> CadreRow: ...
    @overload
    def __getitem__(self, index: slice) -> list[CadreRow]: ...
    def __getitem__(self, index: int | slice) -> CadreRow | list[CadreRow]:
        if isinstance(index, slice):
            return [self._row(i) for i in self._shown[index]]
        return self._row(self._shown[index])

    def __iter__(self) -> Iterator[CadreRow]:
        return map(self._row, self._shown)
