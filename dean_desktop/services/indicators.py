"""The indicator engine: the projects' targets computed from the latest returns (PRODUCT.md §2).

``load_facts`` reads the store once; ``compute_indicators`` is a pure function of those facts and the targets,
so the rules can be tested with hand-made facts and the window, the CLI and the reports share one computation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from peewee import Case, fn

from ..models import Cadre, EdocOrg, OfficeReadiness, Project, SolutionGroup, Target, Task, Unit, UnitReturn
from ..models.units import COMMUNE_KINDS, KIND_DISTRICT
from .periods import Period, period_from_code
from .rotations import rotation_count
from .snapshot import consistent_read
from .vocab import POSTGRAD, SENIOR_THEORY, TASK_DONE


@dataclass(frozen=True, slots=True)
class TargetSpec:
    code: str
    title: str
    project_code: str
    unit: str
    target_min: float | None
    target_max: float | None
    deadline_year: int


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    code: str
    title: str
    project_code: str
    value: float | None
    numerator: int | None
    denominator: int | None
    unit: str
    target_min: float | None
    target_max: float | None
    deadline: int
    met: bool

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "title": self.title,
            "value": self.value,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "unit": self.unit,
            "target_min": self.target_min,
            "target_max": self.target_max,
            "deadline": self.deadline,
            "met": self.met,
        }


@dataclass(frozen=True, slots=True)
class ChecklistFigure:
    project_code: str
    project_short: str
    done: int
    total: int

    @property
    def value(self) -> float | None:
        return 100.0 * self.done / self.total if self.total else None


@dataclass(frozen=True)
class Facts:
    """Everything the indicators need, already narrowed to the reference date."""

    reference_date: date
    project_window: tuple[date, date]
    communes: list[tuple[int, str]]  # units valid on the reference date, in listing order
    commune_has_office: dict[int, bool]  # unit id -> the latest return says it has its own office
    edoc_yes: int
    edoc_total: int
    cadres_total: int
    cadres_postgrad: int
    cadres_senior_theory: int
    rotations: int  # distinct people counted by rotations.judge_rotations
    checklists: list[ChecklistFigure] = field(default_factory=list)


@dataclass(frozen=True)
class IndicatorReport:
    as_of: Period | None
    reference_date: date
    indicators: list[IndicatorValue]
    missing_returns: list[str]
    checklists: list[ChecklistFigure]

    def as_json(self) -> dict[str, object]:
        return {
            "as_of": self.as_of.code if self.as_of else None,
            "indicators": [i.as_json() for i in self.indicators],
            "missing_returns": self.missing_returns,
        }


def _ratio(numerator: int, denominator: int) -> float | None:
    return 100.0 * numerator / denominator if denominator else None


def _met(value: float | None, spec: TargetSpec) -> bool:
    if value is None:
        return False
    if spec.target_min is not None and value < spec.target_min - 1e-9:
        return False
    return not (spec.target_max is not None and value > spec.target_max + 1e-9)


def compute_indicators(targets: list[TargetSpec], facts: Facts) -> list[IndicatorValue]:
    """Pure: each target's value, numerator, denominator and met flag from the facts."""
    figures: dict[str, tuple[int, int | None]] = {
        "cadre.postgrad_district": (facts.cadres_postgrad, facts.cadres_total),
        "cadre.senior_theory_district": (facts.cadres_senior_theory, facts.cadres_total),
        "cadre.rotations": (facts.rotations, None),
        "reform.edoc_orgs": (facts.edoc_yes, facts.edoc_total),
        "reform.commune_offices": (
            sum(1 for unit_id, _ in facts.communes if facts.commune_has_office.get(unit_id)),
            len(facts.communes),
        ),
    }
    values = []
    for spec in targets:
        if spec.code not in figures:
            continue  # a target without a computation yet shows in the data, not here
        numerator, denominator = figures[spec.code]
        value = float(numerator) if denominator is None else _ratio(numerator, denominator)
        values.append(
            IndicatorValue(
                code=spec.code,
                title=spec.title,
                project_code=spec.project_code,
                value=value,
                numerator=numerator,
                denominator=denominator,
                unit=spec.unit,
                target_min=spec.target_min,
                target_max=spec.target_max,
                deadline=spec.deadline_year,
                met=_met(value, spec),
            )
        )
    return values


def load_targets() -> list[TargetSpec]:
    query = Target.select(Target, Project).join(Project).order_by(Project.sort_order, Target.sort_order, Target.id)
    return [
        TargetSpec(
            code=t.code,
            title=t.title,
            project_code=t.project.code,
            unit=t.unit,
            target_min=t.target_min,
            target_max=t.target_max,
            deadline_year=t.deadline_year,
        )
        for t in query
    ]


def project_window() -> tuple[date, date]:
    years = [(p.start_year, p.end_year) for p in Project.select(Project.start_year, Project.end_year)]
    if not years:
        return date(2016, 1, 1), date(2020, 12, 31)
    return date(min(y[0] for y in years), 1, 1), date(max(y[1] for y in years), 12, 31)


def reference_date(as_of: Period | None) -> date:
    """The as-of period's end; else the latest period any return covers; else the end of the projects."""
    if as_of is not None:
        return as_of.end
    latest = UnitReturn.select(UnitReturn.period_end).order_by(UnitReturn.period_end.desc()).limit(1).scalar()
    return latest if latest is not None else project_window()[1]


def latest_returns(day: date) -> dict[int, int]:
    """unit id -> id of its latest return ending on or before ``day`` (ties: the longer period, then the newest).

    Chosen by SQLite (a window function over the returns), so only one pair per unit comes back to Python.
    """
    place = fn.ROW_NUMBER().over(
        partition_by=[UnitReturn.unit],
        order_by=[UnitReturn.period_end.desc(), UnitReturn.period_start.asc(), UnitReturn.id.desc()],
    )
    ranked = UnitReturn.select(
        UnitReturn.unit.alias("unit_id"), UnitReturn.id.alias("return_id"), place.alias("place")
    ).where(UnitReturn.period_end <= day)
    latest = ranked.select_from(ranked.c.unit_id, ranked.c.return_id).where(ranked.c.place == 1)
    return {int(unit_id): int(return_id) for unit_id, return_id in latest.tuples()}


def _units_valid_on(day: date) -> list[tuple[int, str, str]]:
    """(id, name, kind) of the active units valid on ``day``, in listing order (plain tuples: no model objects)."""
    query = Unit.select(Unit.id, Unit.name, Unit.kind, Unit.active, Unit.valid_from, Unit.valid_to).order_by(
        Unit.sort_order, Unit.code
    )
    return [
        (unit_id, name, kind)
        for unit_id, name, kind, active, start, end in query.tuples()
        if active and (start is None or start <= day) and (end is None or day <= end)
    ]


def count_cadres(return_ids: list[int]) -> tuple[int, int, int]:
    """Cadres in these returns: total, post-graduates, advanced political theory — counted by SQLite, not row by row."""
    postgrad = fn.SUM(Case(None, [(Cadre.education.in_(POSTGRAD), 1)], 0))
    senior = fn.SUM(Case(None, [(Cadre.political_theory.in_(SENIOR_THEORY), 1)], 0))
    query = Cadre.select(fn.COUNT(Cadre.id), postgrad, senior).where(Cadre.unit_return.in_(return_ids))
    total, postgrads, seniors = query.tuples().get()
    return int(total), int(postgrads or 0), int(seniors or 0)


def load_facts(as_of: Period | None = None) -> Facts:
    ref = reference_date(as_of)
    window = project_window()
    units = _units_valid_on(ref)
    communes = [(unit_id, name) for unit_id, name, kind in units if kind in COMMUNE_KINDS]
    district_ids = {unit_id for unit_id, _, kind in units if kind == KIND_DISTRICT}
    latest = latest_returns(ref)
    commune_returns = {latest[uid]: uid for uid, _ in communes if uid in latest}
    district_returns = [rid for uid, rid in latest.items() if uid in district_ids]

    has_office: dict[int, bool] = {}
    if commune_returns:
        for return_id, flag in (
            OfficeReadiness.select(OfficeReadiness.unit_return, OfficeReadiness.has_office)
            .where(OfficeReadiness.unit_return.in_(list(commune_returns)))
            .tuples()
        ):
            has_office[commune_returns[return_id]] = bool(flag)
    edoc_total = edoc_yes = 0
    if commune_returns:
        query = EdocOrg.select(fn.COUNT(EdocOrg.id), fn.SUM(EdocOrg.exchanges)).where(
            EdocOrg.unit_return.in_(list(commune_returns))
        )
        total, yes = query.tuples().get()
        edoc_total, edoc_yes = int(total), int(yes or 0)
    cadres_total, postgrad, senior = count_cadres(district_returns) if district_returns else (0, 0, 0)
    rotations = rotation_count(ref if as_of is not None else None).count
    return Facts(
        reference_date=ref,
        project_window=window,
        communes=communes,
        commune_has_office=has_office,
        edoc_yes=edoc_yes,
        edoc_total=edoc_total,
        cadres_total=cadres_total,
        cadres_postgrad=postgrad,
        cadres_senior_theory=senior,
        rotations=rotations,
        checklists=checklist_figures(),
    )


def checklist_figures() -> list[ChecklistFigure]:
    figures = []
    for project in Project.select().order_by(Project.sort_order):
        tasks = Task.select(Task.status).join(SolutionGroup).where(SolutionGroup.project == project)
        statuses = [t.status for t in tasks]
        figures.append(
            ChecklistFigure(project.code, project.short_name, sum(s == TASK_DONE for s in statuses), len(statuses))
        )
    return figures


@consistent_read
def indicator_report(as_of: Period | str | None = None) -> IndicatorReport:
    """The targets table, missing returns and checklist figures, as of a period (None: the latest data)."""
    period = period_from_code(as_of) if isinstance(as_of, str) else as_of
    facts = load_facts(period)
    from .completeness import completeness

    # "Not reported" is completeness's one rule: no return for the period itself (as-of, else the current one).
    missing = [u.unit_name for u in completeness(period).missing_communes]
    return IndicatorReport(
        as_of=period,
        reference_date=facts.reference_date,
        indicators=compute_indicators(load_targets(), facts),
        missing_returns=missing,
        checklists=facts.checklists,
    )


def reported_periods() -> list[Period]:
    """Every period some return covers, newest first."""
    codes = {row[0] for row in UnitReturn.select(UnitReturn.period_code).distinct().tuples()}
    return sorted((period_from_code(c) for c in codes), reverse=True)


def indicator_history() -> dict[str, list[tuple[Period, float | None]]]:
    """Each indicator's value as of every reported period, oldest first (for the overview's charts)."""
    history: dict[str, list[tuple[Period, float | None]]] = {}
    targets = load_targets()
    for period in reversed(reported_periods()):
        for item in compute_indicators(targets, load_facts(period)):
            history.setdefault(item.code, []).append((period, item.value))
    return history


def target_text(item: IndicatorValue) -> str:
    """A target as people read it: ``≥ 15 %``, ``4–6 người``."""
    from .formatting import format_number

    unit = " %" if item.unit == "%" else f" {item.unit}"
    if item.target_min is not None and item.target_max is not None:
        return f"{format_number(item.target_min, 0)}–{format_number(item.target_max, 0)}{unit}"
    if item.target_min is not None:
        return f"≥ {format_number(item.target_min, 0)}{unit}"
    return f"≤ {format_number(item.target_max, 0)}{unit}" if item.target_max is not None else ""


def value_text(item: IndicatorValue) -> str:
    """``16,4 %`` for shares (more decimals near the target, see ``format_judged_percent``), ``5 người`` for counts."""
    from .formatting import format_judged_percent

    if item.unit == "%":
        return format_judged_percent(item.value, item.target_min, item.target_max)
    return f"{item.numerator} {item.unit}"
