"""Units: listing, effective dates, and recognising a unit from the name people type."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..models import Unit, db
from ..models.units import COMMUNE_KINDS
from . import audit
from .errors import DomainError, NotFoundError, ValidationError
from .rows import UnitRow
from .vntext import fold, match_key, nfc
from .vocab import UNIT_KINDS

_PREFIX = re.compile(r"^(xa|thi tran|tt\.?|tt)\s+", re.IGNORECASE)


def list_units(*, communes_only: bool = False, district_only: bool = False) -> list[UnitRow]:
    # One query of plain tuples: a province's hundreds of units were built as peewee rows twice (once for the
    # names of the units merged into), which the register tab paid on its first showing.
    units = list(
        Unit.select(
            Unit.id,
            Unit.code,
            Unit.name,
            Unit.kind,
            Unit.valid_from,
            Unit.valid_to,
            Unit.merged_into,
            Unit.active,
            Unit.aliases,
        )
        .order_by(Unit.sort_order, Unit.code)
        .tuples()
    )
    names = {unit[0]: unit[2] for unit in units}
    return [
        UnitRow(
            id=unit_id,
            code=code,
            name=name,
            kind=kind,
            valid_from=valid_from,
            valid_to=valid_to,
            merged_into=names.get(merged_into_id),
            active=active,
            aliases=tuple(a for a in (aliases or "").split(";") if a),
            merged_into_id=merged_into_id,
        )
        for unit_id, code, name, kind, valid_from, valid_to, merged_into_id, active, aliases in units
        if not (communes_only and kind not in COMMUNE_KINDS) and not (district_only and kind in COMMUNE_KINDS)
    ]


def communes_valid_on(day: date) -> list[UnitRow]:
    return [u for u in list_units(communes_only=True) if u.valid_on(day)]


# Both are asked of every unit's name and aliases for each file imported: each distinct name is keyed once.
@lru_cache(maxsize=4096)
def _bare(text: str) -> str:
    """Folded name without the 'Xã'/'Thị trấn' prefix."""
    return _PREFIX.sub("", fold(text)).strip()


@lru_cache(maxsize=4096)
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


@dataclass(frozen=True, slots=True)
class UnitInput:
    """A unit as the window edits it; ``merged_into_id``: the unit that took it over (with ``valid_to``)."""

    code: str
    name: str
    kind: str
    valid_from: date | None = None
    valid_to: date | None = None
    merged_into_id: int | None = None
    active: bool = True


def _unit_fields(data: UnitInput, unit_id: int | None = None) -> dict[str, object]:
    code, name = (data.code or "").strip(), " ".join(nfc(data.name).split())
    if not code or not name:
        raise ValidationError("Chưa nhập mã hoặc tên đơn vị.")
    if data.kind not in UNIT_KINDS:
        raise ValidationError(f"Loại đơn vị không hợp lệ (chọn một trong: {', '.join(UNIT_KINDS.values())}).")
    if data.valid_from and data.valid_to and data.valid_from > data.valid_to:
        raise ValidationError("Ngày bắt đầu hiệu lực sau ngày hết hiệu lực.")
    if data.merged_into_id is not None:
        if data.merged_into_id == unit_id:
            raise ValidationError("Một đơn vị không thể sáp nhập vào chính nó.")
        if data.valid_to is None:
            raise ValidationError("Đơn vị đã sáp nhập cần có ngày hết hiệu lực (ngày cuối cùng còn là đơn vị riêng).")
        if Unit.get_or_none(Unit.id == data.merged_into_id) is None:
            raise ValidationError("Không tìm thấy đơn vị nhận sáp nhập.")
    clash = Unit.select().where((Unit.code == code) & (Unit.id != (unit_id or 0))).exists()
    if clash:
        raise ValidationError(f'Đã có đơn vị mã "{code}".')
    return {
        "code": code,
        "name": name,
        "kind": data.kind,
        "valid_from": data.valid_from,
        "valid_to": data.valid_to,
        "merged_into": data.merged_into_id,
        "active": data.active,
    }


def add_unit(data: UnitInput, source: str = "ui") -> int:
    with db.atomic():
        fields = _unit_fields(data)
        last = Unit.select(Unit.sort_order).order_by(Unit.sort_order.desc()).limit(1).scalar() or 0
        unit = Unit.create(sort_order=int(last) + 1, **fields)
        for name, value in fields.items():
            if value is not None:
                audit.record("unit", unit.id, name, None, value, source)
    return int(unit.id)


def update_unit(unit_id: int, data: UnitInput, source: str = "ui") -> list[str]:
    """Rename, change the kind, the dates of validity or the merger; returns the changed fields, audited."""
    with db.atomic():
        unit = Unit.get_or_none(Unit.id == unit_id)
        if unit is None:
            raise NotFoundError("Không tìm thấy đơn vị.")
        new = _unit_fields(data, unit_id)
        old = {name: getattr(unit, "merged_into_id" if name == "merged_into" else name) for name in new}
        changed = audit.record_changes("unit", unit.id, old, new, source)
        if changed:
            Unit.update(**new).where(Unit.id == unit.id).execute()
    return changed
