"""Urging lists ("đôn đốc"): what each steering-committee member must chase in the units assigned to them.

For a chosen period, a member's list holds their units that (a) have not sent a return for that period,
(b) are behind a target in their latest return up to that period (communes: no own one-stop office,
organisations not exchanging documents electronically; district agencies: cadre shares below the district
targets), and (c) overdue checklist tasks the member or one of their units is responsible for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..models import EdocOrg
from ..models.units import COMMUNE_KINDS, KIND_DISTRICT
from .checklist import list_groups, list_tasks
from .completeness import completeness, default_period
from .formatting import format_date, format_judged_percent, format_number
from .indicators import TargetSpec, count_cadres_matching, latest_returns, load_targets, office_answers
from .periods import Period, period_from_code
from .roster import list_members
from .rows import MemberRow, TaskRow, UnitRow
from .target_rules import CADRE_SHARE, COMMUNE_SHARE, LEVEL_COMMUNE, LEVEL_DISTRICT, OFFICE_CRITERIA
from .units import list_units

MISSING_RETURN = "missing_return"
NO_OFFICE = "no_office"
NO_OFFICE_DATA = "no_office_data"
EDOC = "edoc"
CADRE_POSTGRAD = "cadre_postgrad"
CADRE_THEORY = "cadre_theory"
CADRE_SHARE_ITEM = "cadre_share"
OFFICE_ITEM = "office_item"
OVERDUE_TASK = "overdue_task"

KIND_LABELS = {
    MISSING_RETURN: "Chưa gửi báo cáo",
    NO_OFFICE: "Chưa có phòng một cửa",
    NO_OFFICE_DATA: "Chưa có số liệu một cửa",
    EDOC: "Văn bản điện tử",
    CADRE_POSTGRAD: "Trình độ sau đại học",
    CADRE_THEORY: "Lý luận chính trị",
    CADRE_SHARE_ITEM: "Chỉ tiêu cán bộ",
    OFFICE_ITEM: "Một cửa",
    OVERDUE_TASK: "Nhiệm vụ quá hạn",
}


@dataclass(frozen=True, slots=True)
class UrgingItem:
    """One thing to chase: ``reason`` is the Vietnamese sentence; ``detail`` adds names or figures, may be empty."""

    kind: str
    unit_id: int | None
    unit_name: str
    reason: str
    detail: str = ""
    task_id: int | None = None

    @property
    def text(self) -> str:
        if not self.detail:
            return self.reason
        return f"{self.reason} – {self.detail}" if self.kind == OVERDUE_TASK else f"{self.reason}: {self.detail}"


@dataclass(frozen=True)
class MemberUrging:
    member: MemberRow
    items: tuple[UrgingItem, ...]


# The built-in cadre targets keep their own kinds and wording; any other cadre target reads by its title.
_CADRE_WORDING = {
    "cadre.postgrad_district": (CADRE_POSTGRAD, "cán bộ lãnh đạo, quản lý có trình độ sau đại học"),
    "cadre.senior_theory_district": (CADRE_THEORY, "cán bộ có trình độ cao cấp, cử nhân LLCT"),
}


@dataclass(frozen=True)
class _UnitFigures:
    """What the latest returns up to the period say about each unit."""

    office: dict[int, dict[str, bool | None]]  # unit id -> Một cửa item -> answer (units with an office sheet)
    edoc: dict[int, list[tuple[str, bool]]]  # unit id -> (organisation, exchanges) rows
    cadres: dict[tuple[int, str], tuple[int, int]]  # (unit id, target code) -> (cadres counted, cadres)


def _covers(spec: TargetSpec, kind: str) -> bool:
    if spec.level == LEVEL_DISTRICT:
        return kind == KIND_DISTRICT
    if spec.level == LEVEL_COMMUNE:
        return kind in COMMUNE_KINDS
    return True


def _unit_figures(day: date, targets: list[TargetSpec], kinds: dict[int, str]) -> _UnitFigures:
    latest = latest_returns(day)
    by_return = {return_id: unit_id for unit_id, return_id in latest.items()}
    ids = list(by_return)
    office: dict[int, dict[str, bool | None]] = {}
    edoc: dict[int, list[tuple[str, bool]]] = {}
    cadres: dict[tuple[int, str], tuple[int, int]] = {}
    if ids:
        office = office_answers(by_return)
        query = EdocOrg.select(EdocOrg.unit_return, EdocOrg.org_name, EdocOrg.exchanges)
        for return_id, name, flag in query.where(EdocOrg.unit_return.in_(ids)).order_by(EdocOrg.seq).tuples():
            edoc.setdefault(by_return[return_id], []).append((name, bool(flag)))
        for spec in targets:
            if spec.method != CADRE_SHARE or spec.target_min is None:
                continue
            for unit_id, return_id in latest.items():
                if _covers(spec, kinds.get(unit_id, "")):
                    counted = count_cadres_matching([return_id], spec.criterion, spec.counted_values)
                    cadres[(unit_id, spec.code)] = counted
    return _UnitFigures(office, edoc, cadres)


def _commune_items(unit_id: int, name: str, figures: _UnitFigures, targets: list[TargetSpec]) -> list[UrgingItem]:
    items = []
    answers = figures.office.get(unit_id)
    if answers is None:
        items.append(UrgingItem(NO_OFFICE_DATA, unit_id, name, "Chưa có số liệu về phòng làm việc của bộ phận một cửa"))
    elif not answers.get("has_office"):
        items.append(UrgingItem(NO_OFFICE, unit_id, name, "Chưa có phòng làm việc riêng của bộ phận một cửa"))
    if answers is not None:
        for spec in targets:
            if spec.method == COMMUNE_SHARE and spec.criterion != "has_office" and not answers.get(spec.criterion):
                label = OFFICE_CRITERIA.get(spec.criterion, spec.criterion)
                items.append(UrgingItem(OFFICE_ITEM, unit_id, name, f"Bộ phận một cửa chưa đạt: {label}", spec.title))
    orgs = figures.edoc.get(unit_id, [])
    lagging = [org for org, flag in orgs if not flag]
    if lagging:
        reason = f"{len(lagging)}/{len(orgs)} tổ chức chưa trao đổi văn bản điện tử"
        items.append(UrgingItem(EDOC, unit_id, name, reason, ", ".join(lagging)))
    return items


def _cadre_items(unit_id: int, name: str, figures: _UnitFigures, targets: list[TargetSpec]) -> list[UrgingItem]:
    """Each cadre target of the unit's level whose share in the unit's latest return is below the target."""
    items = []
    for spec in targets:
        counted, total = figures.cadres.get((unit_id, spec.code), (0, 0))
        goal = spec.target_min
        if not total or goal is None:
            continue
        kind, what = _CADRE_WORDING.get(spec.code, (CADRE_SHARE_ITEM, spec.title[:1].lower() + spec.title[1:]))
        share = 100.0 * counted / total
        if share < goal - 1e-9:
            shown = format_judged_percent(share, goal)
            reason = f"Tỷ lệ {what} {shown} ({counted}/{total}), dưới chỉ tiêu {format_number(goal, 0)} %"
            items.append(UrgingItem(kind, unit_id, name, reason))
    return items


def _task_item(task: TaskRow, project_short: str) -> UrgingItem:
    reason = f"Nhiệm vụ quá hạn: {task.title} (hạn {format_date(task.deadline)})"
    detail = f"Đề án {project_short}, nhóm giải pháp {task.group_number}"
    return UrgingItem(OVERDUE_TASK, task.unit_id, task.unit_name, reason, detail, task_id=task.id)


@dataclass(frozen=True)
class UnitUrging:
    """What to chase in one unit, whoever follows it: the content of an urging letter to that unit."""

    unit: UnitRow
    items: tuple[UrgingItem, ...]
    contacts: tuple[MemberRow, ...]  # the steering-committee members who follow the unit


class _Context:
    """Everything the urging rules read for one period, read once."""

    def __init__(self, period: Period | str | None, today: date | None) -> None:
        if period is None:
            period = default_period()
        elif isinstance(period, str):
            period = period_from_code(period)
        self.period = period
        report = completeness(period)
        self.expected = {u.unit_id: u for u in (*report.communes, *report.district)}
        self.units = {u.id: u for u in list_units()}
        self.targets = load_targets()
        self.figures = _unit_figures(period.end, self.targets, {u.id: u.kind for u in self.units.values()})
        today = today or date.today()
        self.overdue = [t for t in list_tasks() if t.overdue(today)]
        self.shorts = {g.project_code: g.project_short for g in list_groups()}

    def unit_items(self, unit_id: int) -> list[UrgingItem]:
        """What the unit itself must catch up on (no return, behind a target); empty for a unit not expected to
        report in the period (merged away, inactive)."""
        unit = self.units.get(unit_id)
        if unit is None or unit_id not in self.expected:
            return []
        items = []
        if not self.expected[unit_id].sent:
            items.append(UrgingItem(MISSING_RETURN, unit_id, unit.name, f"Chưa gửi báo cáo kỳ {self.period.label}"))
        if unit.is_commune:
            items.extend(_commune_items(unit_id, unit.name, self.figures, self.targets))
        items.extend(_cadre_items(unit_id, unit.name, self.figures, self.targets))
        return items

    def task_item(self, task: TaskRow) -> UrgingItem:
        return _task_item(task, self.shorts.get(task.project_code, task.project_code))


def urging_lists(
    period: Period | str | None = None, *, member_id: int | None = None, today: date | None = None
) -> list[MemberUrging]:
    """Each active member (or only ``member_id``) with what to chase for ``period`` (default: the current one).

    ``today`` decides which checklist tasks are overdue (default: the real date).
    """
    context = _Context(period, today)
    result = []
    for member in list_members():
        if member_id is not None and member.id != member_id:
            continue
        items: list[UrgingItem] = []
        for unit_id in member.unit_ids:
            items.extend(context.unit_items(unit_id))
        mine = set(member.unit_ids)
        items.extend(context.task_item(t) for t in context.overdue if t.member_id == member.id or t.unit_id in mine)
        result.append(MemberUrging(member=member, items=tuple(items)))
    return result


def urging_by_unit(
    period: Period | str | None = None, *, member_id: int | None = None, today: date | None = None
) -> list[UnitUrging]:
    """Each unit with something to chase for ``period`` — the same rules as :func:`urging_lists`, seen from the
    unit: its own items and the overdue tasks it is responsible for. With ``member_id``, only that member's units.
    Units with nothing to chase are left out."""
    context = _Context(period, today)
    members = list_members()
    followers: dict[int, list[MemberRow]] = {}
    for member in members:
        for unit_id in member.unit_ids:
            followers.setdefault(unit_id, []).append(member)
    if member_id is not None:
        chosen = [m for m in members if m.id == member_id]
        unit_ids = list(chosen[0].unit_ids) if chosen else []
    else:
        unit_ids = list(context.expected)
    tasks: dict[int, list[TaskRow]] = {}
    for task in context.overdue:
        if task.unit_id is not None:
            tasks.setdefault(task.unit_id, []).append(task)
    result = []
    for unit_id in unit_ids:
        unit = context.units.get(unit_id)
        if unit is None:
            continue
        items = context.unit_items(unit_id) + [context.task_item(t) for t in tasks.get(unit_id, [])]
        if items:
            result.append(UnitUrging(unit, tuple(items), tuple(followers.get(unit_id, ()))))
    return result
