"""Urging lists ("đôn đốc"): what each steering-committee member must chase in the units assigned to them.

For a chosen period, a member's list holds their units that (a) have not sent a return for that period,
(b) are behind a target in their latest return up to that period (communes: no own one-stop office,
organisations not exchanging documents electronically; district agencies: cadre shares below the district
targets), and (c) overdue checklist tasks the member or one of their units is responsible for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..models import Cadre, EdocOrg, OfficeReadiness
from .checklist import list_groups, list_tasks
from .completeness import completeness, default_period
from .formatting import format_date, format_judged_percent, format_number
from .indicators import latest_returns, load_targets
from .periods import Period, period_from_code
from .roster import list_members
from .rows import MemberRow, TaskRow
from .units import list_units
from .vocab import POSTGRAD, SENIOR_THEORY

MISSING_RETURN = "missing_return"
NO_OFFICE = "no_office"
NO_OFFICE_DATA = "no_office_data"
EDOC = "edoc"
CADRE_POSTGRAD = "cadre_postgrad"
CADRE_THEORY = "cadre_theory"
OVERDUE_TASK = "overdue_task"

KIND_LABELS = {
    MISSING_RETURN: "Chưa gửi báo cáo",
    NO_OFFICE: "Chưa có phòng một cửa",
    NO_OFFICE_DATA: "Chưa có số liệu một cửa",
    EDOC: "Văn bản điện tử",
    CADRE_POSTGRAD: "Trình độ sau đại học",
    CADRE_THEORY: "Lý luận chính trị",
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


@dataclass(frozen=True)
class _UnitFigures:
    """What the latest returns up to the period say about each unit."""

    office: dict[int, bool]  # unit id -> has own office (only units whose latest return has an office sheet)
    edoc: dict[int, list[tuple[str, bool]]]  # unit id -> (organisation, exchanges) rows
    cadres: dict[int, tuple[int, int, int]]  # unit id -> (total, postgrad, senior theory)


def _unit_figures(day: date) -> _UnitFigures:
    latest = latest_returns(day)
    by_return = {return_id: unit_id for unit_id, return_id in latest.items()}
    ids = list(by_return)
    office: dict[int, bool] = {}
    edoc: dict[int, list[tuple[str, bool]]] = {}
    cadres: dict[int, list[int]] = {}
    if ids:
        query = OfficeReadiness.select(OfficeReadiness.unit_return, OfficeReadiness.has_office)
        for return_id, flag in query.where(OfficeReadiness.unit_return.in_(ids)).tuples():
            office[by_return[return_id]] = bool(flag)
        query = EdocOrg.select(EdocOrg.unit_return, EdocOrg.org_name, EdocOrg.exchanges)
        for return_id, name, flag in query.where(EdocOrg.unit_return.in_(ids)).order_by(EdocOrg.seq).tuples():
            edoc.setdefault(by_return[return_id], []).append((name, bool(flag)))
        query = Cadre.select(Cadre.unit_return, Cadre.education, Cadre.political_theory)
        for return_id, education, theory in query.where(Cadre.unit_return.in_(ids)).tuples():
            counts = cadres.setdefault(by_return[return_id], [0, 0, 0])
            counts[0] += 1
            counts[1] += education in POSTGRAD
            counts[2] += theory in SENIOR_THEORY
    return _UnitFigures(office, edoc, {k: (v[0], v[1], v[2]) for k, v in cadres.items()})


def _commune_items(unit_id: int, name: str, figures: _UnitFigures) -> list[UrgingItem]:
    items = []
    if unit_id not in figures.office:
        items.append(UrgingItem(NO_OFFICE_DATA, unit_id, name, "Chưa có số liệu về phòng làm việc của bộ phận một cửa"))
    elif not figures.office[unit_id]:
        items.append(UrgingItem(NO_OFFICE, unit_id, name, "Chưa có phòng làm việc riêng của bộ phận một cửa"))
    orgs = figures.edoc.get(unit_id, [])
    lagging = [org for org, flag in orgs if not flag]
    if lagging:
        reason = f"{len(lagging)}/{len(orgs)} tổ chức chưa trao đổi văn bản điện tử"
        items.append(UrgingItem(EDOC, unit_id, name, reason, ", ".join(lagging)))
    return items


def _district_items(unit_id: int, name: str, figures: _UnitFigures, goals: dict[str, float]) -> list[UrgingItem]:
    total, postgrad, senior = figures.cadres.get(unit_id, (0, 0, 0))
    if not total:
        return []
    items = []
    checks = (
        (CADRE_POSTGRAD, "cadre.postgrad_district", postgrad, "cán bộ lãnh đạo, quản lý có trình độ sau đại học"),
        (CADRE_THEORY, "cadre.senior_theory_district", senior, "cán bộ có trình độ cao cấp, cử nhân LLCT"),
    )
    for kind, code, count, what in checks:
        goal = goals.get(code)
        share = 100.0 * count / total
        if goal is not None and share < goal - 1e-9:
            shown = format_judged_percent(share, goal)
            reason = f"Tỷ lệ {what} {shown} ({count}/{total}), dưới chỉ tiêu {format_number(goal, 0)} %"
            items.append(UrgingItem(kind, unit_id, name, reason))
    return items


def _task_item(task: TaskRow, project_short: str) -> UrgingItem:
    reason = f"Nhiệm vụ quá hạn: {task.title} (hạn {format_date(task.deadline)})"
    detail = f"Đề án {project_short}, nhóm giải pháp {task.group_number}"
    return UrgingItem(OVERDUE_TASK, task.unit_id, task.unit_name, reason, detail, task_id=task.id)


def urging_lists(
    period: Period | str | None = None, *, member_id: int | None = None, today: date | None = None
) -> list[MemberUrging]:
    """Each active member (or only ``member_id``) with what to chase for ``period`` (default: the current one).

    ``today`` decides which checklist tasks are overdue (default: the real date).
    """
    if period is None:
        period = default_period()
    elif isinstance(period, str):
        period = period_from_code(period)
    today = today or date.today()
    report = completeness(period)
    expected = {u.unit_id: u for u in (*report.communes, *report.district)}
    units = {u.id: u for u in list_units()}
    figures = _unit_figures(period.end)
    goals = {t.code: t.target_min for t in load_targets() if t.target_min is not None}
    overdue = [t for t in list_tasks() if t.overdue(today)]
    shorts = {g.project_code: g.project_short for g in list_groups()}
    result = []
    for member in list_members():
        if member_id is not None and member.id != member_id:
            continue
        items: list[UrgingItem] = []
        for unit_id in member.unit_ids:
            unit = units.get(unit_id)
            if unit is None or unit_id not in expected:
                continue  # not expected to report in this period (merged away, inactive)
            if not expected[unit_id].sent:
                reason = f"Chưa gửi báo cáo kỳ {period.label}"
                items.append(UrgingItem(MISSING_RETURN, unit_id, unit.name, reason))
            if unit.is_commune:
                items.extend(_commune_items(unit_id, unit.name, figures))
            else:
                items.extend(_district_items(unit_id, unit.name, figures, goals))
        mine = set(member.unit_ids)
        items.extend(
            _task_item(t, shorts.get(t.project_code, t.project_code))
            for t in overdue
            if t.member_id == member.id or t.unit_id in mine
        )
        result.append(MemberUrging(member=member, items=tuple(items)))
    return result
