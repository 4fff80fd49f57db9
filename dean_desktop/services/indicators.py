"""The indicator engine: the projects' targets computed from the latest returns (PRODUCT.md §2).

``load_facts`` reads the store once; ``compute_indicators`` is a pure function of those facts and the targets,
so the rules can be tested with hand-made facts and the window, the CLI and the reports share one computation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from peewee import Case, fn

from ..models import (
    Cadre,
    EdocOrg,
    OfficeReadiness,
    Project,
    SolutionGroup,
    Target,
    Task,
    Unit,
    UnitReturn,
    db,
)
from ..models.tallies import TALLIED_FIELDS, TALLY_TOTAL
from ..models.units import COMMUNE_KINDS, KIND_DISTRICT
from .indicator_types import (  # noqa: F401 - the engine's answers, re-exported where callers look for them
    ChecklistFigure,
    IndicatorReport,
    IndicatorValue,
    limits_text,
    percent,
    target_text,
    value_text,
)
from .periods import Period, period_from_code
from .snapshot import consistent_read
from .target_rules import (
    CADRE_CRITERIA,
    CADRE_SHARE,
    COMMUNE_SHARE,
    EDOC_SHARE,
    FREE_TEXT_CRITERIA,
    LEVEL_COMMUNE,
    LEVEL_DISTRICT,
    OFFICE_CRITERIA,
    ROTATION_COUNT,
    load_values,
)
from .vntext import fold
from .vocab import TASK_DONE


@dataclass(frozen=True, slots=True)
class TargetSpec:
    """One row of the target table, as the engine reads it (see ``target_rules`` for the codes)."""

    code: str
    title: str
    project_code: str
    unit: str
    target_min: float | None
    target_max: float | None
    deadline_year: int
    method: str = ""
    level: str = ""
    criterion: str = ""
    counted_values: tuple[str, ...] = ()
    project_years: tuple[int, int] = (2016, 2020)

    @property
    def window(self) -> tuple[date, date]:
        return date(self.project_years[0], 1, 1), date(self.project_years[1], 12, 31)


CadreKey = tuple[str, str, tuple[str, ...]]  # (level, Cán bộ column, counted values)


@dataclass(frozen=True)
class Facts:
    """Everything the indicators need, already narrowed to the reference date."""

    reference_date: date
    project_window: tuple[date, date]
    units: list[tuple[int, str, str]]  # (id, name, kind) of the units valid on the reference date, in listing order
    office: dict[int, dict[str, bool | None]]  # unit id -> Một cửa item -> the latest return's answer
    edoc: dict[int, tuple[int, int]]  # unit id -> (organisations exchanging, organisations) in its latest return
    cadre_shares: dict[CadreKey, tuple[int, int]]  # -> (cadres holding a counted value, cadres)
    rotations: dict[tuple[date, date], int]  # project span -> distinct people counted by rotations.judge_rotations
    checklists: list[ChecklistFigure] = field(default_factory=list)
    units_with_return: frozenset[int] = frozenset()  # units with some return up to the reference date

    @property
    def communes(self) -> list[tuple[int, str]]:
        return [(unit_id, name) for unit_id, name, kind in self.units if kind in COMMUNE_KINDS]


def _met(value: float | None, spec: TargetSpec) -> bool:
    if value is None:
        return False
    if spec.target_min is not None and value < spec.target_min - 1e-9:
        return False
    return not (spec.target_max is not None and value > spec.target_max + 1e-9)


def _kinds_of(level: str) -> tuple[str, ...]:
    if level == LEVEL_DISTRICT:
        return (KIND_DISTRICT,)
    if level == LEVEL_COMMUNE:
        return COMMUNE_KINDS
    return (KIND_DISTRICT, *COMMUNE_KINDS)


def cadre_key(spec: TargetSpec) -> CadreKey:
    return spec.level, spec.criterion, spec.counted_values


def _figure(spec: TargetSpec, facts: Facts) -> tuple[int, int | None] | None:
    """(numerator, denominator) of one target; denominator None for a count; None for a method the app lacks."""
    if spec.method == CADRE_SHARE:
        return facts.cadre_shares.get(cadre_key(spec), (0, 0))
    if spec.method == COMMUNE_SHARE:
        communes = [unit_id for unit_id, _ in facts.communes]
        met = sum(1 for unit_id in communes if facts.office.get(unit_id, {}).get(spec.criterion) is True)
        return met, len(communes)
    if spec.method == EDOC_SHARE:
        kinds = _kinds_of(spec.level)
        rows = [facts.edoc.get(unit_id, (0, 0)) for unit_id, _, kind in facts.units if kind in kinds]
        return sum(yes for yes, _ in rows), sum(total for _, total in rows)
    if spec.method == ROTATION_COUNT:
        return facts.rotations.get(spec.window, 0), None
    return None


def compute_indicators(targets: list[TargetSpec], facts: Facts) -> list[IndicatorValue]:
    """Pure: each target's value, numerator, denominator and met flag from the facts."""
    values = []
    for spec in targets:
        figure = _figure(spec, facts)
        if figure is None:
            continue  # a method this version does not know (a newer app wrote it)
        numerator, denominator = figure
        value = float(numerator) if denominator is None else percent(numerator, denominator)
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
                method=spec.method,
                level=spec.level,
            )
        )
    return values


def target_spec(target: Target, project: Project) -> TargetSpec:
    return TargetSpec(
        code=target.code,
        title=target.title,
        project_code=project.code,
        unit=target.unit,
        target_min=target.target_min,
        target_max=target.target_max,
        deadline_year=target.deadline_year,
        method=target.method,
        level=target.level,
        criterion=target.criterion,
        counted_values=load_values(target.counted_values),
        project_years=(project.start_year, project.end_year),
    )


def load_targets(*, include_retired: bool = False) -> list[TargetSpec]:
    """The target table in listing order (project, then target); retired targets only when asked."""
    query = Target.select(Target, Project).join(Project).order_by(Project.sort_order, Target.sort_order, Target.id)
    if not include_retired:
        query = query.where(~Target.retired)
    return [target_spec(t, t.project) for t in query]


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


def count_cadres_matching(return_ids: list[int], column: str, codes: tuple[str, ...]) -> tuple[int, int]:
    """(cadres whose ``column`` holds one of ``codes``, cadres) in these returns — the one count behind every cadre
    share. Coded columns counted at import (``cadre_tally``) are read from those counts, never by a scan of the cadre
    table; the others are counted by the database. Free-text columns (Tin học, Ngoại ngữ) match case- and
    diacritic-insensitively."""
    if not return_ids:
        return 0, 0
    if column in TALLIED_FIELDS:
        return _tallied(return_ids, column, set(codes))
    column_field = getattr(Cadre, column)
    in_returns = Cadre.unit_return.in_(return_ids)
    if column in FREE_TEXT_CRITERIA:
        wanted = {" ".join(fold(code).split()) for code in codes}
        query = Cadre.select(column_field, fn.COUNT(Cadre.id)).where(in_returns).group_by(column_field)
        groups = [(" ".join(fold(value or "").split()), int(n)) for value, n in query.tuples()]
        return sum(n for value, n in groups if value in wanted), sum(n for _, n in groups)
    matched = fn.SUM(Case(None, [(column_field.in_(list(codes)), 1)], 0))
    total, numerator = Cadre.select(fn.COUNT(Cadre.id), matched).where(in_returns).tuples().get()
    return int(numerator or 0), int(total)


def _tallied(return_ids: list[int], column: str, codes: set[str]) -> tuple[int, int]:
    # Plain SQL: peewee spends longer writing an IN list of a few hundred ids than the database spends answering it.
    mark = db.param  # "?" on SQLite, "%s" on PostgreSQL
    sql = (
        f'SELECT field, code, SUM(count) FROM "cadre_tally" WHERE field IN ({mark}, {mark}) '
        f"AND unit_return_id IN ({', '.join([mark] * len(return_ids))}) GROUP BY field, code"
    )
    total = matched = 0
    for name, code, count in db.execute_sql(sql, [TALLY_TOTAL, column, *return_ids]):
        if name == TALLY_TOTAL:
            total += int(count or 0)
        elif code in codes:
            matched += int(count or 0)
    return matched, total


def office_answers(returns: dict[int, int]) -> dict[int, dict[str, bool | None]]:
    """unit id -> each Một cửa item of its return (``returns``: return id -> unit id)."""
    items = list(OFFICE_CRITERIA)
    query = OfficeReadiness.select(OfficeReadiness.unit_return, *(getattr(OfficeReadiness, i) for i in items))
    answers: dict[int, dict[str, bool | None]] = {}
    for return_id, *flags in query.where(OfficeReadiness.unit_return.in_(list(returns))).tuples():
        answers[returns[return_id]] = {i: (None if f is None else bool(f)) for i, f in zip(items, flags, strict=True)}
    return answers


def _edoc_counts(returns: dict[int, int]) -> dict[int, tuple[int, int]]:
    yes = fn.SUM(Case(None, [(EdocOrg.exchanges, 1)], 0))  # CASE, not SUM(boolean): PostgreSQL refuses that
    query = EdocOrg.select(EdocOrg.unit_return, yes, fn.COUNT(EdocOrg.id))
    rows = query.where(EdocOrg.unit_return.in_(list(returns))).group_by(EdocOrg.unit_return).tuples()
    return {returns[return_id]: (int(yes or 0), int(total)) for return_id, yes, total in rows}


def load_facts(as_of: Period | None = None, targets: list[TargetSpec] | None = None) -> Facts:
    """What ``targets`` (default: the target table) need from the store, as of a period (None: the latest data)."""
    from .rotations import rotation_count  # not at import: the window's start-up reads its figures from the cache

    targets = load_targets() if targets is None else targets
    ref = reference_date(as_of)
    units = _units_valid_on(ref)
    latest = latest_returns(ref)
    returns = {latest[unit_id]: unit_id for unit_id, _, _ in units if unit_id in latest}
    cadre_shares: dict[CadreKey, tuple[int, int]] = {}
    rotations: dict[tuple[date, date], int] = {}
    for spec in targets:
        if spec.method == CADRE_SHARE and cadre_key(spec) not in cadre_shares and spec.criterion in CADRE_CRITERIA:
            kinds = _kinds_of(spec.level)
            ids = [latest[unit_id] for unit_id, _, kind in units if kind in kinds and unit_id in latest]
            cadre_shares[cadre_key(spec)] = count_cadres_matching(ids, spec.criterion, spec.counted_values)
        elif spec.method == ROTATION_COUNT and spec.window not in rotations:
            rotations[spec.window] = rotation_count(ref if as_of is not None else None, spec.window).count
    return Facts(
        reference_date=ref,
        project_window=project_window(),
        units=units,
        office=office_answers(returns) if returns else {},
        edoc=_edoc_counts(returns) if returns else {},
        cadre_shares=cadre_shares,
        rotations=rotations,
        checklists=checklist_figures(),
        units_with_return=frozenset(returns.values()),
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
    targets = load_targets()
    facts = load_facts(period, targets)
    # PRODUCT.md §2: the communes valid at the reference date with no return at all up to it (their figures count as
    # not met). "Did U report for period P" is another question, answered by completeness.reported_unit_ids.
    missing = [name for unit_id, name in facts.communes if unit_id not in facts.units_with_return]
    return IndicatorReport(
        as_of=period,
        reference_date=facts.reference_date,
        indicators=compute_indicators(targets, facts),
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
        for item in compute_indicators(targets, load_facts(period, targets)):
            history.setdefault(item.code, []).append((period, item.value))
    return history
