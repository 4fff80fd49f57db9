"""Make ``tests/data/schema_vN.db`` (N = the current SCHEMA_VERSION) and the figures it holds, for test_migrations.

Run it once per schema version, from the repository root, with the app of that version:

    python tests/data/make_schema_fixture.py

The database is made by the current schema (seed, clearly marked sample data, a few edits and import records),
vacuumed and checkpointed into one small file. ``schema_vN.json`` records what every later version must still show
when it opens a copy: the indicator figures, and digests of the returns, roster, tasks, rotations and audit log, read
through the services (the stable face of the data), not raw tables. Existing fixtures are history: never remade.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import tempfile
from contextlib import closing
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dean_desktop.models import ImportRecord, db  # noqa: E402
from dean_desktop.models.schema import SCHEMA_VERSION  # noqa: E402
from dean_desktop.services import offices, roster  # noqa: E402
from dean_desktop.services.cadres import list_cadres  # noqa: E402
from dean_desktop.services.checklist import list_tasks  # noqa: E402
from dean_desktop.services.demo import load_demo  # noqa: E402
from dean_desktop.services.history import list_audit, list_imports  # noqa: E402
from dean_desktop.services.indicators import indicator_report  # noqa: E402
from dean_desktop.services.periods import parse_period  # noqa: E402
from dean_desktop.services.rotations import list_rotations  # noqa: E402
from dean_desktop.services.units import list_units  # noqa: E402
from dean_desktop.store import open_store  # noqa: E402

DATA = Path(__file__).resolve().parent
PERIODS = ("Năm 2016", "Năm 2017", "Năm 2018")


def _digest(rows: list[tuple[object, ...]]) -> dict[str, object]:
    text = json.dumps(sorted(rows, key=repr), ensure_ascii=False, default=str)
    return {"count": len(rows), "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def _indicators(period: str | None) -> dict[str, object]:
    """The figures computed from the data; titles and targets are editable settings, left out."""
    report = indicator_report(parse_period(period) if period else None)
    return {
        "values": [(i.code, i.value, i.numerator, i.denominator) for i in report.indicators],
        "missing_returns": report.missing_returns,
    }


def record_figures() -> dict[str, object]:
    """What the open database shows through the services; equal figures mean the data came through intact."""
    figures: dict[str, object] = {
        "indicators": {p or "latest": _indicators(p) for p in (None, *PERIODS)},
        "units": _digest([(u.code, u.name, u.kind, str(u.valid_to), u.merged_into or "") for u in list_units()]),
        "members": _digest(
            [(m.full_name, m.role, m.position, m.phone, m.email, m.unit_names) for m in roster.list_members()]
        ),
        "tasks": _digest([(t.title, t.status, str(t.deadline), t.evidence, t.member_name) for t in list_tasks()]),
        "rotations": _digest([(r.full_name, r.decision_no, str(r.decision_date), r.months) for r in list_rotations()]),
        "audit": _digest([(a.at.isoformat(), a.who, a.table, a.field, a.old, a.new, a.source) for a in list_audit()]),
        "imports": _digest([(i.file_name, i.file_hash, i.status, i.period_code, i.errors) for i in list_imports()]),
    }
    for label in PERIODS:
        period = parse_period(label)
        figures[f"cadres {label}"] = _digest(
            [(c.unit_name, c.period_code, c.full_name, c.birth_year, c.education, c.political_theory, c.position)
             for c in list_cadres(period)]
        )  # fmt: skip
        figures[f"offices {label}"] = _digest(
            [(o.unit_code, o.period_code, o.has_office, o.floor_area, o.computers, o.edoc_yes, o.edoc_total, o.notes)
             for o in offices.list_offices(period)]
        )  # fmt: skip
    return json.loads(json.dumps(figures, ensure_ascii=False, default=str))


def _fill() -> None:
    load_demo()
    first = roster.list_members()[0]
    roster.update_member(
        first.id,
        roster.MemberInput(full_name=first.full_name, role=first.role, position=first.position, phone="0208 3878 123"),
    )
    row = next(o for o in offices.list_offices() if o.return_id is not None)
    offices.update_office(row.return_id, "computers", (row.computers or 0) + 1)  # type: ignore[arg-type]
    for name, status, errors in (
        ("Bao cao Phu Dinh 2018.xlsx", "imported", []),
        ("Kim Son 2020.xlsx", "rejected", ["Xã Kim Sơn đã sáp nhập vào xã Kim Phượng từ 01/01/2020."]),
    ):
        ImportRecord.create(
            at=datetime(2019, 1, 15, 9, 30),
            who="bantochuc",
            file_name=name,
            file_hash=hashlib.sha256(name.encode()).hexdigest(),
            status=status,
            period_code="" if errors else "2018",
            errors=json.dumps(errors, ensure_ascii=False),
        )


def make(force: bool = False) -> Path:
    target = DATA / f"schema_v{SCHEMA_VERSION}.db"
    if target.exists() and not force:
        raise SystemExit(f"{target.name} exists; fixtures of released versions are never remade (use --force)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "de_an.db"
        open_store(path)
        _fill()
        figures = record_figures()
        db.close()
        with closing(sqlite3.connect(path)) as conn:
            conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        target.write_bytes(path.read_bytes())
    (DATA / f"schema_v{SCHEMA_VERSION}.json").write_text(
        json.dumps({"schema_version": SCHEMA_VERSION, "figures": figures}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    return target


if __name__ == "__main__":
    made = make(force="--force" in sys.argv[1:])
    print(f"{made} ({made.stat().st_size // 1024} KiB)")
