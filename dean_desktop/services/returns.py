"""Storing a unit's return for a period: replace-on-reimport, one transaction, audited. Shared by import and demo."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from itertools import repeat
from operator import attrgetter
from typing import NamedTuple

from ..models import OfficeReadiness, UnitReturn, db
from ..models.engine import bulk_insert, insert_row
from ..models.tallies import TALLIED_FIELDS, TALLY_TOTAL
from . import audit
from .periods import Period
from .storage_checks import translate_disk_full
from .vntext import fold


@dataclass(frozen=True, slots=True)
class OfficeData:
    has_office: bool
    floor_area: float | None = None
    computers: int | None = None
    printers: int | None = None
    scanners: int | None = None
    internet: bool | None = None
    staff: int | None = None
    procedures_posted: bool | None = None
    in_use_since: date | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class EdocData:
    org_name: str
    exchanges: bool
    since: date | None = None
    notes: str = ""
    seq: int = 0


class CadreData(NamedTuple):
    """One cadre row of a return. A named tuple, not a frozen dataclass: an import builds one per row, and a frozen
    dataclass sets each of its 13 fields through ``object.__setattr__`` (~5 µs a row against ~0.6 µs)."""

    full_name: str
    birth_year: int | None
    education: str
    political_theory: str
    gender: str = ""
    ethnicity: str = ""
    position: str = ""
    major: str = ""
    state_mgmt: str = ""
    it_skill: str = ""
    language: str = ""
    notes: str = ""
    seq: int = 0


@dataclass(frozen=True)
class ReturnData:
    unit_id: int
    period: Period
    office: OfficeData | None = None
    edoc: list[EdocData] | None = None
    cadres: list[CadreData] | None = None
    reported_on: date | None = None
    reporter: str = ""
    reporter_phone: str = ""
    source_file: str = ""
    file_hash: str = ""
    extra: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class SaveResult:
    return_id: int
    replaced: bool
    counts: dict[str, int]


CADRE_COLUMNS = (
    "unit_return_id",
    "seq",
    "full_name",
    "name_folded",
    "birth_year",
    "gender",
    "ethnicity",
    "position",
    "education",
    "major",
    "political_theory",
    "state_mgmt",
    "it_skill",
    "language",
    "notes",
)

# The rows of a return's organisations and cadre counts go in by the driver's executemany as well: peewee's
# insert_many spent longer building the statement than SQLite took to run it.
EDOC_COLUMNS = ("unit_return_id", "seq", "org_name", "exchanges", "since", "notes")
TALLY_COLUMNS = ("unit_return_id", "field", "code", "count")


def store_tallies(return_id: int, cadres: list[CadreData]) -> None:
    """The return's cadre counts (total, by each tallied field's value), counted from the rows being written."""
    counts: Counter[tuple[str, str]] = Counter()
    for name in TALLIED_FIELDS:
        counts.update(zip(repeat(name), map(attrgetter(name), cadres)))
    rows = [(return_id, TALLY_TOTAL, "", len(cadres))] + [(return_id, f, code, n) for (f, code), n in counts.items()]
    bulk_insert(db, "cadre_tally", TALLY_COLUMNS, rows)


def stored_return(unit_id: int, period_code: str) -> UnitReturn | None:
    """The return stored for a unit and period, if any. An import asks twice per file (to compare, then to replace),
    and nearly always of a new period: the lookup is plain SQL (peewee takes ~40 times longer to write the statement
    than the database to answer it), and the row is loaded only when there is one."""
    mark = db.param  # "?" on SQLite, "%s" on PostgreSQL
    found = db.execute_sql(
        f'SELECT id FROM "unit_return" WHERE unit_id = {mark} AND period_code = {mark}', (unit_id, period_code)
    ).fetchone()
    return UnitReturn.get_by_id(found[0]) if found else None


def save_return(data: ReturnData, source: str = "import") -> SaveResult:
    """Write a return; an existing return of the same unit and period is replaced whole. Runs in one transaction.

    The transaction takes the write lock at once (BEGIN IMMEDIATE) so a concurrent writer waits on busy_timeout
    instead of failing half-way; a full disk becomes a DiskFullError with the Vietnamese message.
    """
    with translate_disk_full(db.database), db.atomic("IMMEDIATE"):
        existing = stored_return(data.unit_id, data.period.code)
        if existing is not None:
            audit.record("unit_return", existing.id, "*", existing.source_file or existing.period_code, None, source)
            existing.delete_instance(recursive=True)
        return_id = insert_row(
            db,
            UnitReturn,
            unit=data.unit_id,
            period_code=data.period.code,
            period_start=data.period.start,
            period_end=data.period.end,
            imported_at=datetime.now(),
            imported_by=audit.current_user(),
            source_file=data.source_file,
            file_hash=data.file_hash,
            reported_on=data.reported_on,
            reporter=data.reporter,
            reporter_phone=data.reporter_phone,
        )
        counts = {"office": 0, "edoc": 0, "cadres": 0}
        if data.office is not None:
            insert_row(db, OfficeReadiness, unit_return=return_id, **asdict(data.office))
            counts["office"] = 1
        if data.edoc:
            edoc = [(return_id, e.seq, e.org_name, e.exchanges, e.since, e.notes) for e in data.edoc]
            bulk_insert(db, "edoc_org", EDOC_COLUMNS, edoc)
            counts["edoc"] = len(data.edoc)
        if data.cadres:
            rows = [
                (
                    return_id,
                    c.seq,
                    c.full_name,
                    fold(c.full_name),
                    c.birth_year,
                    c.gender,
                    c.ethnicity,
                    c.position,
                    c.education,
                    c.major,
                    c.political_theory,
                    c.state_mgmt,
                    c.it_skill,
                    c.language,
                    c.notes,
                )
                for c in data.cadres
            ]
            # The driver's executemany: ~12x faster than insert_many for thousands of rows (STACK-FACTS.md).
            bulk_insert(db, "cadre", CADRE_COLUMNS, rows)
            counts["cadres"] = len(rows)
            store_tallies(return_id, data.cadres)
        audit.record("unit_return", return_id, "*", None, f"{data.period.code} ({sum(counts.values())} dòng)", source)
    return SaveResult(return_id=return_id, replaced=existing is not None, counts=counts)
