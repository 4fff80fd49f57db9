"""Units: listing, effective dates, and recognising a unit from the name people type."""

from __future__ import annotations

import re
from datetime import date

from ..models import Unit
from ..models.units import COMMUNE_KINDS
from .errors import DomainError
from .rows import UnitRow
from .vntext import fold, match_key

_PREFIX = re.compile(r"^(xa|thi tran|tt\.?|tt)\s+", re.IGNORECASE)


def list_units(*, communes_only: bool = False, district_only: bool = False) -> list[UnitRow]:
    merged = {u.id: u.name for u in Unit.select(Unit.id, Unit.name)}
    rows = []
    for unit in Unit.select().order_by(Unit.sort_order, Unit.code):
        if communes_only and unit.kind not in COMMUNE_KINDS:
            continue
        if district_only and unit.kind in COMMUNE_KINDS:
            continue
        rows.append(
            UnitRow(
                id=unit.id,
                code=unit.code,
                name=unit.name,
                kind=unit.kind,
                valid_from=unit.valid_from,
                valid_to=unit.valid_to,
                merged_into=merged.get(unit.merged_into_id),
                active=unit.active,
                aliases=tuple(a for a in (unit.aliases or "").split(";") if a),
            )
        )
    return rows


def communes_valid_on(day: date) -> list[UnitRow]:
    return [u for u in list_units(communes_only=True) if u.valid_on(day)]


def _bare(text: str) -> str:
    """Folded name without the 'Xã'/'Thị trấn' prefix."""
    return _PREFIX.sub("", fold(text)).strip()


def _exact(text: str) -> str:
    key = match_key(text)
    for prefix in ("xã ", "thị trấn ", "tt. ", "tt "):
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


class UnitNotFoundError(DomainError):
    pass


def resolve_unit(name: str, units: list[UnitRow] | None = None) -> UnitRow:
    """Find the unit a person meant: exact up to case, spacing, tone placement and prefix; else without diacritics
    where that is still unambiguous. Raises UnitNotFoundError with a Vietnamese message."""
    units = units if units is not None else list_units()
    wanted = _exact(name)
    exact = [u for u in units if wanted in {_exact(n) for n in [u.name, *u.aliases]}]
    if len(exact) == 1:
        return exact[0]
    bare = _bare(name)
    loose = [u for u in units if bare in {_bare(n) for n in [u.name, *u.aliases]}]
    if len(loose) == 1:
        return loose[0]
    if len(loose) > 1:
        names = ", ".join(u.name for u in loose)
        raise UnitNotFoundError(f'Tên đơn vị "{name}" không rõ ràng (có thể là: {names}); hãy ghi đủ dấu.')
    raise UnitNotFoundError(f'Không tìm thấy đơn vị "{name}" trong danh sách đơn vị của huyện.')


_PLACE_WORDS = {("xa",): 1, ("thi", "tran"): 2, ("tt",): 1, ("tt.",): 1}


def commune_named_in(text: str, communes: list[UnitRow]) -> UnitRow | None:
    """The commune/town a free text names ("Bí thư Đảng ủy xã Bảo Linh", "UBND thị trấn Chợ Chu"), else None.

    The words after "xã"/"thị trấn" are matched with ``resolve_unit`` (longest first); without such a word, only a
    name written exactly (diacritics included) counts, so "Phòng Lao động - Thương binh và Xã hội" names no commune.
    """
    words = re.findall(r"[^\s,;:()]+", text or "")
    folded = [fold(w) for w in words]
    for i in range(len(words)):
        for place, size in _PLACE_WORDS.items():
            if tuple(folded[i : i + size]) != place:
                continue
            start = i + size
            for n in range(min(4, len(words) - start), 0, -1):
                try:
                    return resolve_unit(" ".join(words[start : start + n]), communes)
                except UnitNotFoundError:
                    continue
    keys = [match_key(w) for w in words]
    for unit in communes:
        for name in (unit.name, *unit.aliases):
            wanted = _exact(name).split()
            if any(keys[i : i + len(wanted)] == wanted for i in range(len(keys))):
                return unit
    return None
