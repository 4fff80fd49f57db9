"""The cadre register (cadres in each unit's latest return) and statistics by level."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Cadre, Unit, UnitReturn
from ..models.units import KIND_DISTRICT
from .indicators import latest_returns, reference_date
from .periods import Period
from .rows import CadreRow
from .vocab import EDUCATION, POLITICAL_THEORY, POSTGRAD, SENIOR_THEORY

LEVEL_DISTRICT = "huyen"
LEVEL_COMMUNE = "xa"
LEVEL_LABELS = {LEVEL_DISTRICT: "Cấp huyện", LEVEL_COMMUNE: "Cấp xã"}


def list_cadres(as_of: Period | None = None) -> list[CadreRow]:
    """All cadre rows of the latest return of each unit, as compact rows (one query, no per-row lookups)."""
    latest = latest_returns(reference_date(as_of))
    if not latest:
        return []
    query = (
        Cadre.select(
            Cadre.id,
            Unit.id,
            Unit.name,
            Unit.kind,
            Cadre.full_name,
            Cadre.birth_year,
            Cadre.gender,
            Cadre.ethnicity,
            Cadre.position,
            Cadre.education,
            Cadre.major,
            Cadre.political_theory,
            Cadre.state_mgmt,
            Cadre.it_skill,
            Cadre.language,
            Cadre.notes,
            UnitReturn.period_code,
            Cadre.name_folded,
        )
        .join(UnitReturn)
        .join(Unit)
        .where(UnitReturn.id.in_(list(latest.values())))
        .order_by(Unit.sort_order, Cadre.seq)
        .tuples()
    )
    return [
        CadreRow(
            id=r[0],
            unit_id=r[1],
            unit_name=r[2],
            level=LEVEL_DISTRICT if r[3] == KIND_DISTRICT else LEVEL_COMMUNE,
            full_name=r[4],
            birth_year=r[5],
            gender=r[6],
            ethnicity=r[7],
            position=r[8],
            education=r[9],
            major=r[10],
            political_theory=r[11],
            state_mgmt=r[12],
            it_skill=r[13],
            language=r[14],
            notes=r[15],
            period_code=r[16],
            name_folded=r[17],
        )
        for r in query
    ]


@dataclass(frozen=True, slots=True)
class LevelStats:
    level: str
    total: int
    by_education: dict[str, int]
    by_theory: dict[str, int]

    @property
    def postgrad(self) -> int:
        return sum(self.by_education.get(code, 0) for code in POSTGRAD)

    @property
    def senior_theory(self) -> int:
        return sum(self.by_theory.get(code, 0) for code in SENIOR_THEORY)


def level_statistics(rows: list[CadreRow]) -> list[LevelStats]:
    """Counts by qualification and political theory, per level (district first)."""
    stats = []
    for level in (LEVEL_DISTRICT, LEVEL_COMMUNE):
        subset = [r for r in rows if r.level == level]
        stats.append(
            LevelStats(
                level=level,
                total=len(subset),
                by_education={code: sum(r.education == code for r in subset) for code in EDUCATION},
                by_theory={code: sum(r.political_theory == code for r in subset) for code in POLITICAL_THEORY},
            )
        )
    return stats
