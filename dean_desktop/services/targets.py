"""The target table (PRODUCT.md §2 "Targets as data"): listing, adding, changing and retiring targets, audited."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..models import Project, Target, db
from . import audit
from .errors import NotFoundError, ValidationError
from .indicators import IndicatorValue, TargetSpec, compute_indicators, limits_text, load_facts
from .periods import Period
from .target_rules import (
    CADRE_SHARE,
    LEVELS,
    METHODS,
    TargetRuleError,
    check_code,
    criteria_for,
    dump_values,
    levels_for,
    load_values,
    unit_of,
    values_text,
)
from .vntext import nfc


@dataclass(frozen=True, slots=True)
class TargetInput:
    """A target as the window and the `Chỉ tiêu` sheet state it; method, level and criterion are stored codes."""

    code: str
    project_code: str
    title: str
    method: str
    level: str
    criterion: str = ""
    counted_values: tuple[str, ...] = ()
    target_min: float | None = None
    target_max: float | None = None
    deadline_year: int = 2020


@dataclass(frozen=True, slots=True)
class TargetRow:
    id: int
    data: TargetInput
    project_short: str
    unit: str
    retired: bool

    @property
    def code(self) -> str:
        return self.data.code

    @property
    def method_label(self) -> str:
        return METHODS.get(self.data.method, self.data.method)

    @property
    def level_label(self) -> str:
        return LEVELS.get(self.data.level, self.data.level)

    @property
    def criterion_label(self) -> str:
        return criteria_for(self.data.method).get(self.data.criterion, self.data.criterion)

    @property
    def values_label(self) -> str:
        return values_text(self.data.criterion, self.data.counted_values)

    @property
    def limits_label(self) -> str:
        """``≥ 15 %``, ``4–6 người``."""
        return limits_text(self.data.target_min, self.data.target_max, self.unit)


def _input_of(target: Target, project_code: str) -> TargetInput:
    return TargetInput(
        code=target.code,
        project_code=project_code,
        title=target.title,
        method=target.method,
        level=target.level,
        criterion=target.criterion,
        counted_values=load_values(target.counted_values),
        target_min=target.target_min,
        target_max=target.target_max,
        deadline_year=target.deadline_year,
    )


def list_targets(*, include_retired: bool = True) -> list[TargetRow]:
    query = Target.select(Target, Project).join(Project).order_by(Project.sort_order, Target.sort_order, Target.id)
    if not include_retired:
        query = query.where(~Target.retired)
    return [TargetRow(t.id, _input_of(t, t.project.code), t.project.short_name, t.unit, bool(t.retired)) for t in query]


def check_target(data: TargetInput) -> TargetInput:
    """The input cleaned (NFC text, values without repeats); ValidationError in Vietnamese when it cannot compute."""
    try:
        code = check_code(data.code)
    except TargetRuleError as error:
        raise ValidationError(str(error)[:1].upper() + str(error)[1:]) from None
    title = " ".join(nfc(data.title).split())
    if not title:
        raise ValidationError("Chưa nhập nội dung chỉ tiêu.")
    if Project.get_or_none(Project.code == data.project_code) is None:
        raise ValidationError(f'Không có đề án mã "{data.project_code}".')
    if data.method not in METHODS:
        raise ValidationError(f"Cách tính không hợp lệ (chọn một trong: {', '.join(METHODS.values())}).")
    if data.level not in levels_for(data.method):
        allowed = ", ".join(levels_for(data.method).values())
        raise ValidationError(f'Cấp không hợp lệ cho cách tính "{METHODS[data.method]}" (chọn một trong: {allowed}).')
    criteria = criteria_for(data.method)
    if criteria and data.criterion not in criteria:
        raise ValidationError(f"Chưa chọn tiêu chí (chọn một trong: {', '.join(criteria.values())}).")
    criterion = data.criterion if criteria else ""
    values = tuple(dict.fromkeys(v for v in data.counted_values if v)) if data.method == CADRE_SHARE else ()
    if data.method == CADRE_SHARE and not values:
        raise ValidationError("Chưa ghi giá trị được tính (các giá trị cách nhau bởi dấu phẩy).")
    low, high = data.target_min, data.target_max
    if low is None and high is None:
        raise ValidationError("Chưa ghi mức chỉ tiêu (tối thiểu hoặc tối đa).")
    if any(v is not None and v < 0 for v in (low, high)) or (low is not None and high is not None and low > high):
        raise ValidationError("Mức tối thiểu, tối đa không hợp lệ (không âm, tối thiểu không lớn hơn tối đa).")
    if unit_of(data.method) == "%" and any(v is not None and v > 100 for v in (low, high)):
        raise ValidationError("Tỷ lệ chỉ tiêu không được vượt quá 100 %.")
    if not 1945 <= int(data.deadline_year) <= 2100:
        raise ValidationError(f"Năm hạn {data.deadline_year} không hợp lệ.")
    return replace(data, code=code, title=title, criterion=criterion, counted_values=values)


def _fields(data: TargetInput) -> dict[str, object]:
    """Column values of a cleaned input (the project by its id)."""
    project = Project.get(Project.code == data.project_code)
    return {
        "project": project.id,
        "title": data.title,
        "method": data.method,
        "level": data.level,
        "criterion": data.criterion,
        "counted_values": dump_values(data.counted_values),
        "unit": unit_of(data.method),
        "target_min": data.target_min,
        "target_max": data.target_max,
        "deadline_year": int(data.deadline_year),
    }


def _stored_fields(target: Target) -> dict[str, object]:
    return {
        "project": target.project_id,
        "title": target.title,
        "method": target.method,
        "level": target.level,
        "criterion": target.criterion,
        "counted_values": target.counted_values,
        "unit": target.unit,
        "target_min": target.target_min,
        "target_max": target.target_max,
        "deadline_year": target.deadline_year,
    }


def add_target(data: TargetInput, source: str = "ui") -> int:
    data = check_target(data)
    with db.atomic():
        if Target.get_or_none(Target.code == data.code) is not None:
            raise ValidationError(f'Đã có chỉ tiêu mã "{data.code}".')
        last = Target.select(Target.sort_order).order_by(Target.sort_order.desc()).limit(1).scalar() or 0
        target = Target.create(code=data.code, sort_order=int(last) + 1, **_fields(data))
        audit.record("target", target.id, "code", None, data.code, source)
        for name, value in _fields(data).items():
            audit.record("target", target.id, name, None, value, source)
    return int(target.id)


def target_changes(data: TargetInput) -> list[str]:
    """The fields a cleaned input would change in the stored target of its code ([] when equal or new)."""
    target = Target.get_or_none(Target.code == data.code)
    if target is None:
        return []
    old, new = _stored_fields(target), _fields(data)
    return [name for name, value in new.items() if old[name] != value]


def update_target(target_id: int, data: TargetInput, source: str = "ui") -> list[str]:
    """Change a target (its code stays); returns the changed fields, each audited old → new."""
    data = check_target(data)
    with db.atomic():
        target = Target.get_or_none(Target.id == target_id)
        if target is None:
            raise NotFoundError("Không tìm thấy chỉ tiêu (có thể đã bị xóa).")
        if data.code != target.code:
            raise ValidationError("Không đổi được mã chỉ tiêu; hãy thêm chỉ tiêu mới với mã mới.")
        old, new = _stored_fields(target), _fields(data)
        changed = audit.record_changes("target", target.id, old, new, source)
        if changed:
            Target.update(**new).where(Target.id == target.id).execute()
    return changed


def save_target(data: TargetInput, source: str = "import") -> str:
    """Add the target or change the one with its code: "added", "changed" or "unchanged". Never deletes."""
    data = check_target(data)
    target = Target.get_or_none(Target.code == data.code)
    if target is None:
        add_target(data, source)
        return "added"
    return "changed" if update_target(int(target.id), data, source) else "unchanged"


def set_retired(target_id: int, retired: bool = True, source: str = "ui") -> bool:
    """Retire a target (kept, no longer computed or listed) or bring it back; True when it changed."""
    with db.atomic():
        target = Target.get_or_none(Target.id == target_id)
        if target is None:
            raise NotFoundError("Không tìm thấy chỉ tiêu (có thể đã bị xóa).")
        if bool(target.retired) == retired:
            return False
        audit.record("target", target.id, "retired", bool(target.retired), retired, source)
        Target.update(retired=retired).where(Target.id == target.id).execute()
    return True


def preview_target(data: TargetInput, as_of: Period | None = None) -> IndicatorValue | None:
    """The value a target would have on the current data, before it is saved (ValidationError when it cannot)."""
    data = check_target(data)
    project = Project.get(Project.code == data.project_code)
    spec = TargetSpec(
        code=data.code,
        title=data.title,
        project_code=data.project_code,
        unit=unit_of(data.method),
        target_min=data.target_min,
        target_max=data.target_max,
        deadline_year=int(data.deadline_year),
        method=data.method,
        level=data.level,
        criterion=data.criterion,
        counted_values=data.counted_values,
        project_years=(project.start_year, project.end_year),
    )
    values = compute_indicators([spec], load_facts(as_of, [spec]))
    return values[0] if values else None
