"""First-start seed data from ``resources/seed``: units, projects, targets and solution groups.

Seeding is keyed by natural keys and a seed version in ``Setting``: a later start never duplicates
anything and never overwrites what the user edited.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from .. import SEED_KEY
from ..models import Project, Setting, SolutionGroup, Target, Unit, db
from ..models.engine import insert_row
from ..paths import resource_dir


def _load(name: str, folder: Path | None = None) -> dict[str, Any]:
    path = (folder or resource_dir() / "seed") / name
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def seed_version() -> int:
    row = Setting.get_or_none(Setting.key == SEED_KEY)
    return int(row.value) if row else 0


def seed_database(folder: Path | None = None) -> bool:
    """Insert the seed rows a database lacks; returns True when anything was seeded."""
    units = _load("units.json", folder)
    projects = _load("projects.json", folder)
    version = max(int(units["version"]), int(projects["version"]))
    if seed_version() >= version:
        return False
    # The write lock first, then the check again: two processes seeding a new database at once must not both seed.
    with db.atomic("IMMEDIATE"):
        if seed_version() >= version:
            return False
        _seed_units(units["units"])
        _seed_projects(projects["projects"])
        Setting.put(SEED_KEY, str(version))
    return True


def _seed_units(rows: list[dict[str, Any]]) -> None:
    existing = {u.code for u in Unit.select(Unit.code)}
    missing = [
        {
            "code": row["code"],
            "name": row["name"],
            "kind": row["kind"],
            "valid_from": _date(row.get("valid_from")),
            "valid_to": _date(row.get("valid_to")),
            "aliases": ";".join(row.get("aliases", [])),
            "sort_order": order,
        }
        for order, row in enumerate(rows)
        if row["code"] not in existing
    ]
    if missing:  # one statement, in order (every new database is seeded: ~10 ms less than a create per unit)
        Unit.insert_many(missing).execute()
    by_code = {u.code: u for u in Unit.select()}
    for row in rows:
        merged = row.get("merged_into")
        unit = by_code[row["code"]]
        if merged and row["code"] not in existing and unit.merged_into_id is None:
            unit.merged_into = by_code[merged]
            unit.save()


def _seed_projects(rows: list[dict[str, Any]]) -> None:
    # Rows go in by insert_row (what create stores, without peewee writing each statement anew): every new
    # database is seeded, the command line's first import into a new file included.
    for p_order, row in enumerate(rows):
        found = Project.get_or_none(Project.code == row["code"])
        if found is not None:
            project_id = found.id
        else:
            project_id = insert_row(
                db,
                Project,
                code=row["code"],
                name=row["name"],
                short_name=row["short_name"],
                start_year=row["start_year"],
                end_year=row["end_year"],
                sort_order=p_order,
            )
        known_targets = {t.code for t in Target.select(Target.code)}
        for t_order, target in enumerate(row["targets"]):
            if target["code"] not in known_targets:
                fields = {**target, "counted_values": json.dumps(target.get("counted_values", []))}
                insert_row(db, Target, project=project_id, sort_order=p_order * 10 + t_order, **fields)
        known_groups = {
            number
            for (number,) in SolutionGroup.select(SolutionGroup.number)
            .where(SolutionGroup.project == project_id)
            .tuples()
        }
        for number, name in enumerate(row["groups"], start=1):
            if number not in known_groups:
                insert_row(db, SolutionGroup, project=project_id, number=number, name=name)
