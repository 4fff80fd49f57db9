"""Rotation records (luân chuyển): district heads sent to lead communes."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from ..models import Rotation, db
from . import audit
from .errors import NotFoundError, ValidationError
from .rows import RotationRow
from .vntext import nfc


@dataclass(frozen=True, slots=True)
class RotationInput:
    full_name: str
    from_position: str = ""
    to_position: str = ""
    decision_no: str = ""
    decision_date: date | None = None
    months: int | None = None
    notes: str = ""


def _row(r: Rotation, version: int = 0) -> RotationRow:
    return RotationRow(
        id=r.id,
        full_name=r.full_name,
        from_position=r.from_position,
        to_position=r.to_position,
        decision_no=r.decision_no,
        decision_date=r.decision_date,
        months=r.months,
        notes=r.notes,
        version=version,
    )


def list_rotations() -> list[RotationRow]:
    # NULLS FIRST: SQLite's default, spelled out so PostgreSQL (NULLS LAST by default) lists the same order.
    versions = audit.row_versions("rotation")
    query = Rotation.select().order_by(Rotation.decision_date.asc(nulls="first"), Rotation.id)
    return [_row(r, versions.get(r.id, 0)) for r in query]


def _clean(data: RotationInput) -> dict[str, object]:
    values: dict[str, object] = asdict(data)
    for key, value in values.items():
        if isinstance(value, str):
            values[key] = nfc(value)
    if not values["full_name"]:
        raise ValidationError("Chưa nhập họ và tên người được luân chuyển.")
    if data.months is not None and not 0 < data.months <= 120:
        raise ValidationError("Thời gian luân chuyển (tháng) phải từ 1 đến 120.")
    duplicate = Rotation.select().where(
        (Rotation.decision_no == values["decision_no"]) & (Rotation.full_name == values["full_name"])
    )
    values["_duplicate_ids"] = [r.id for r in duplicate]
    return values


def add_rotation(data: RotationInput, source: str = "ui") -> int:
    values = _clean(data)
    if values.pop("_duplicate_ids"):
        raise ValidationError(
            f'Đã có bản ghi luân chuyển của "{data.full_name}" theo quyết định số "{data.decision_no}".'
        )
    with db.atomic():
        rotation = Rotation.create(**values)
        audit.record("rotation", rotation.id, "*", None, values["full_name"], source)
    return int(rotation.id)


def update_rotation(rotation_id: int, data: RotationInput, source: str = "ui", seen: int | None = None) -> list[str]:
    """Change a rotation record; ``seen`` is the version the user was shown (refused if changed since)."""
    values = _clean(data)
    if [i for i in values.pop("_duplicate_ids") if i != rotation_id]:  # type: ignore[attr-defined]
        raise ValidationError(
            f'Đã có bản ghi luân chuyển của "{data.full_name}" theo quyết định số "{data.decision_no}".'
        )
    with db.atomic("IMMEDIATE"):
        rotation = Rotation.get_or_none(Rotation.id == rotation_id)
        if rotation is None:
            raise NotFoundError("Không tìm thấy bản ghi luân chuyển này (có thể đã bị xóa).")
        audit.ensure_unchanged("rotation", rotation_id, seen)
        old = {k: getattr(rotation, k) for k in values}
        changed = audit.record_changes("rotation", rotation_id, old, values, source)
        if changed:
            Rotation.update(**values).where(Rotation.id == rotation_id).execute()
    return changed


def remove_rotation(rotation_id: int, source: str = "ui") -> None:
    with db.atomic():
        rotation = Rotation.get_or_none(Rotation.id == rotation_id)
        if rotation is not None:
            audit.record("rotation", rotation_id, "*", rotation.full_name, None, source)
            rotation.delete_instance()
