"""Rotation records (luân chuyển) and the Đề án's rule for counting them (PRODUCT.md §2, `cadre.rotations`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from ..models import Rotation, db
from . import audit
from .errors import NotFoundError, ValidationError
from .formatting import format_date
from .rows import RotationRow, UnitRow
from .units import commune_named_in, list_units
from .vntext import fold, match_key, modern_tones, nfc


@dataclass(frozen=True, slots=True)
class RotationInput:
    full_name: str
    from_position: str = ""
    to_position: str = ""
    decision_no: str = ""
    decision_date: date | None = None
    months: int | None = None
    notes: str = ""
    from_head: bool | None = None  # "Cấp trưởng" as the register states it; None: inferred from the post
    from_unit: str = ""
    to_unit: str = ""


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
        from_head=r.from_head,
        from_unit=r.from_unit,
        to_unit=r.to_unit,
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


# --------------------------------------------------------------------------------------------- the counting rule

# Posts that head an agency, as a post's first words (lower case, modern tone marks); "Phó …" is checked first.
_HEAD_TITLES = (
    "trưởng", "chánh", "giám đốc", "chủ tịch", "bí thư", "chủ nhiệm", "viện trưởng", "hiệu trưởng",
    "chỉ huy trưởng", "tổng biên tập", "quyền trưởng", "q. trưởng", "q.trưởng",
)  # fmt: skip
_DEPUTY_TITLES = ("phó", "p.", "p ")
COUNTED_LABEL, NOT_COUNTED_LABEL = "Tính", "Không tính"


@dataclass(frozen=True, slots=True)
class RotationVerdict:
    """Whether one record counts towards ``cadre.rotations``, and the sentence that says why (or why not)."""

    rotation_id: int
    counted: bool
    reason: str
    head: bool  # the post left is a head post (as stated, else as inferred from its text)
    head_stated: bool  # from the register's "Cấp trưởng" column rather than inferred
    destination: str  # the commune/town the person went to, "" when none is named

    @property
    def label(self) -> str:
        return COUNTED_LABEL if self.counted else NOT_COUNTED_LABEL

    @property
    def brief(self) -> str:
        """The verdict in a column headed "Tính vào chỉ tiêu": "Tính" (and how the head post was known), or why not
        — without repeating what the heading says."""
        if not self.counted:
            return self.reason
        return COUNTED_LABEL + ("" if self.head_stated else " (cấp trưởng suy ra từ chức vụ)")


@dataclass(frozen=True)
class RotationCount:
    """The number of distinct people the Đề án counts, with a verdict for every record."""

    count: int
    rows: tuple[RotationRow, ...]
    verdicts: dict[int, RotationVerdict]  # rotation id -> verdict

    @property
    def counted(self) -> list[RotationRow]:
        return [r for r in self.rows if self.verdicts[r.id].counted]

    @property
    def not_counted(self) -> list[RotationRow]:
        return [r for r in self.rows if not self.verdicts[r.id].counted]


def _post_text(post: str) -> tuple[str, str]:
    """(lower case with modern tone marks, folded) of a post's text."""
    text = modern_tones(nfc(post)).lower().strip(" .,-")
    return text, fold(text)


def is_deputy_post(post: str) -> bool:
    text, plain = _post_text(post)
    return text.startswith(_DEPUTY_TITLES) or (text.isascii() and plain.startswith(("pho ", "p.")))


def head_from_post(post: str) -> bool | None:
    """Is this post a head (cấp trưởng)? True for "Trưởng phòng…", "Chánh Văn phòng…", "Giám đốc…", "Bí thư…";
    False for "Phó …" and other posts; None for a blank post. Text typed without diacritics is read folded."""
    text, plain = _post_text(post)
    if not text:
        return None
    if is_deputy_post(post):
        return False
    if text.startswith(_HEAD_TITLES):
        return True
    return text.isascii() and plain.startswith(tuple(fold(t) for t in _HEAD_TITLES))


def _why_not_head(row: RotationRow) -> str:
    if row.from_head is False:
        return 'không phải cấp trưởng (cột "Cấp trưởng" ghi Không)'
    if is_deputy_post(row.from_position):
        return f'chức vụ trước "{row.from_position}" là cấp phó, không phải cấp trưởng'
    post = row.from_position or "(trống)"
    return f'chức vụ trước "{post}" không phải cấp trưởng; nếu đúng là cấp trưởng, ghi "Có" ở cột "Cấp trưởng"'


def judge_rotations(
    rows: list[RotationRow], communes: list[UnitRow], window: tuple[date, date], until: date | None = None
) -> RotationCount:
    """Pure: the Đề án's count and a verdict per record.

    Counted: distinct people moved, by a decision dated within ``window`` (and not after ``until``), from a head
    post at district level to a post in a commune/town. Not counted, with the reason: a record without a decision
    date or outside the span, a deputy's rotation, a move from a commune, a destination that is not a commune, a
    further decision for a person already counted.
    """
    last = min(window[1], until) if until is not None else window[1]
    verdicts: dict[int, RotationVerdict] = {}
    counted_by_person: dict[str, RotationRow] = {}
    ordered = sorted(rows, key=lambda r: (r.decision_date is None, r.decision_date or date.max, r.id))
    for row in ordered:
        head = row.from_head if row.from_head is not None else bool(head_from_post(row.from_position))
        stated = row.from_head is not None
        # A unit the register states wins over what the post's text names.
        goes_to = commune_named_in(row.to_unit or row.to_position, communes)
        comes_from = commune_named_in(row.from_unit or row.from_position, communes)
        destination = goes_to.name if goes_to else ""
        why_not = ""
        if row.decision_date is None:
            why_not = "chưa có ngày quyết định"
        elif not window[0] <= row.decision_date <= window[1]:
            why_not = (
                f"quyết định ngày {format_date(row.decision_date)} ngoài giai đoạn {window[0].year}–{window[1].year}"
            )
        elif row.decision_date > last:
            why_not = f"quyết định ngày {format_date(row.decision_date)}, sau thời điểm tính ({format_date(last)})"
        elif not head:
            why_not = _why_not_head(row)
        elif comes_from is not None:
            why_not = f"chuyển từ {comes_from.name} (cấp xã), không phải từ cấp huyện"
        elif goes_to is None:
            why_not = "nơi đến không phải xã, thị trấn"
        elif (person := match_key(row.full_name)) in counted_by_person:
            earlier = counted_by_person[person]
            why_not = (
                f"đồng chí này đã được tính theo quyết định số {earlier.decision_no or '(không số)'} "
                f"ngày {format_date(earlier.decision_date)}"
            )
        if why_not:
            verdicts[row.id] = RotationVerdict(row.id, False, f"Không tính: {why_not}.", head, stated, destination)
            continue
        counted_by_person[match_key(row.full_name)] = row
        how = "" if stated else " (cấp trưởng suy ra từ chức vụ)"
        reason = f"Tính vào chỉ tiêu: cấp trưởng cấp huyện về {destination}{how}."
        verdicts[row.id] = RotationVerdict(row.id, True, reason, head, stated, destination)
    return RotationCount(len(counted_by_person), tuple(rows), verdicts)


def rotation_count(until: date | None = None, window: tuple[date, date] | None = None) -> RotationCount:
    """The one count of ``cadre.rotations`` (and every record's verdict) from the store; ``until``: the end of the
    as-of period, None for all decisions within the span; ``window``: a project's span (default: all projects')."""
    from .indicators import project_window

    communes = list_units(communes_only=True)
    return judge_rotations(list_rotations(), communes, window or project_window(), until)
