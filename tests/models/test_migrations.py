"""Migrations: every database an earlier version made opens with its data intact; a step is backed up and atomic."""

from __future__ import annotations

import hashlib
import importlib
import json
import re
import shutil
import sqlite3
import sys
import uuid
from contextlib import closing
from pathlib import Path
from types import ModuleType

import pytest

from dean_desktop.models import db, schema
from dean_desktop.models import migrations as shipped_migrations
from dean_desktop.models.schema import SCHEMA_VERSION, SchemaTooNewError
from dean_desktop.paths import backup_dir_for
from dean_desktop.store import open_store
from tests.data.make_schema_fixture import record_figures

DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURES = sorted(DATA.glob("schema_v*.db"), key=lambda p: int(re.findall(r"\d+", p.stem)[0]))


def fixture_copy(fixture: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "du-lieu-cu" / "de_an.db"
    copy.parent.mkdir()
    shutil.copyfile(fixture, copy)
    return copy


def recorded(fixture: Path) -> dict[str, object]:
    return json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))


def pragma(path: Path, name: str) -> object:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]


def test_there_is_a_small_fixture_made_by_the_current_schema() -> None:
    assert FIXTURES, "run tests/data/make_schema_fixture.py"
    newest = FIXTURES[-1]
    assert recorded(newest)["schema_version"] == SCHEMA_VERSION, (
        "SCHEMA_VERSION was bumped: run tests/data/make_schema_fixture.py to add the new version's fixture"
    )
    assert all(f.stat().st_size < 1_000_000 for f in FIXTURES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_every_earlier_database_opens_with_its_data_intact(fixture: Path, tmp_path: Path) -> None:
    copy = fixture_copy(fixture, tmp_path)
    made_by = recorded(fixture)["schema_version"]
    assert pragma(copy, "user_version") == made_by
    open_store(copy)
    try:
        assert schema.user_version() == SCHEMA_VERSION
        assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert record_figures() == recorded(fixture)["figures"]
    finally:
        db.close()
    upgrades = sorted(p.name for p in backup_dir_for(copy).glob("*truoc-nang-cap-v*.db"))
    assert len(upgrades) == SCHEMA_VERSION - int(made_by)  # one backup before each step


def _tables_and_indexes(path: Path) -> dict[str, set[str]]:
    """Each table's indexes by name (SQLite's own automatic ones left out)."""
    with closing(sqlite3.connect(path)) as conn:
        found: dict[str, set[str]] = {}
        for kind, name, table in conn.execute("SELECT type, name, tbl_name FROM sqlite_master"):
            if kind == "table" and not name.startswith("sqlite_"):
                found.setdefault(name, set())
            elif kind == "index" and not name.startswith("sqlite_autoindex"):
                found.setdefault(table, set()).add(name)
        return found


@pytest.mark.parametrize("fixture", FIXTURES[:-1], ids=lambda p: p.stem)
def test_an_upgraded_database_has_the_tables_and_indexes_of_a_new_one(fixture: Path, tmp_path: Path) -> None:
    """An office upgrading from any earlier version gets the same store a new install creates: no table or index
    left behind (one the queries no longer use still costs every import its writes), none missing."""
    copy = fixture_copy(fixture, tmp_path)
    open_store(copy)
    db.close()
    fresh = tmp_path / "moi" / "de_an.db"
    fresh.parent.mkdir()
    open_store(fresh)
    db.close()
    upgraded, new = _tables_and_indexes(copy), _tables_and_indexes(fresh)
    assert upgraded == new
    assert new["cadre"] == {"cadre_unit_return_id"}  # every query of the register goes by return


def test_a_version_5_store_loses_the_unused_cadre_indexes_on_either_engine(store: Path | str) -> None:
    """Step 6 on the engine under test (a shared server's store is upgraded by the first app that opens it): a store
    made by version 5, with its three cadre indexes, keeps only the return's index and its cadres."""
    from dean_desktop.models import Cadre
    from dean_desktop.models.engine import set_schema_version
    from dean_desktop.models.migrations.v0006_unused_cadre_indexes import UNUSED
    from tests.factories import district_return

    district_return("Phòng Nội vụ", "Năm 2018", [("thac_si", "cao_cap"), ("dai_hoc", "trung_cap")])
    for name, column in zip(UNUSED, ("name_folded", "education", "political_theory"), strict=True):
        db.execute_sql(f'CREATE INDEX "{name}" ON "cadre" ("{column}")')
    set_schema_version(db, 5)
    db.close()
    open_store(store)
    assert schema.user_version() == SCHEMA_VERSION
    indexes = {index.name for index in db.get_indexes("cadre") if index.columns != ["id"]}  # PostgreSQL lists its key's
    assert indexes == {"cadre_unit_return_id"}
    assert sorted((c.education, c.political_theory) for c in Cadre.select()) == [
        ("dai_hoc", "trung_cap"),
        ("thac_si", "cao_cap"),
    ]


def test_a_database_from_a_newer_version_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    copy = fixture_copy(FIXTURES[-1], tmp_path)
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    with pytest.raises(SchemaTooNewError, match="phiên bản mới hơn"):
        open_store(copy)
    db.close()
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before


def test_shipped_migrations_are_named_by_the_version_they_produce() -> None:
    names = [p.stem for p in Path(shipped_migrations.__file__).parent.glob("*.py") if p.stem != "__init__"]
    assert all(re.fullmatch(r"v\d{4}_[a-z0-9_]+", name) for name in names), names
    assert sorted(int(name[1:5]) for name in names) == list(range(2, SCHEMA_VERSION + 1))
    assert set(schema._migrations()) == set(range(2, SCHEMA_VERSION + 1))


# --- the runner, driven by a made-up migrations package (the real SCHEMA_VERSION is not bumped for a test) -------
# Two made-up steps after the current version N ("step 2" produces N + 1, "step 3" N + 2), run on a copy of the newest
# fixture (made by version N).
STEP_2 = """
def migrate(db):
    db.execute_sql("ALTER TABLE rotation ADD COLUMN checked TEXT DEFAULT ''")
    db.execute_sql("UPDATE rotation SET checked = 'v2'")
"""
STEP_3_BROKEN = """
def migrate(db):
    db.execute_sql("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
    db.execute_sql("UPDATE rotation SET checked = 'v3'")
    raise RuntimeError("step 3 failed half-way")
"""
STEP_3_FIXED = """
def migrate(db):
    db.execute_sql("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
    db.execute_sql("UPDATE rotation SET checked = 'v3'")
"""


def fake_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step_3: str) -> ModuleType:
    name = f"fake_migrations_{uuid.uuid4().hex}"
    package = tmp_path / "pkgs" / name
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / f"v{SCHEMA_VERSION + 1:04d}_rotation_checked.py").write_text(STEP_2, encoding="utf-8")
    (package / f"v{SCHEMA_VERSION + 2:04d}_half_done.py").write_text(step_3, encoding="utf-8")
    monkeypatch.syspath_prepend(str(package.parent))
    module = importlib.import_module(name)
    monkeypatch.setattr(schema, "migrations_pkg", module)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 2)
    return module


def test_a_failing_step_leaves_the_database_as_that_step_found_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixture = FIXTURES[-1]
    assert recorded(fixture)["schema_version"] == SCHEMA_VERSION
    copy = fixture_copy(fixture, tmp_path)
    fake_migrations(tmp_path, monkeypatch, STEP_3_BROKEN)

    with pytest.raises(RuntimeError, match="step 3 failed"):
        open_store(copy)
    db.close()

    with closing(sqlite3.connect(copy)) as conn:
        # step 2 committed, step 3 rolled back
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        assert {row[0] for row in conn.execute("SELECT DISTINCT checked FROM rotation")} == {"v2"}
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    backups = sorted(backup_dir_for(copy).glob("*.db"))
    steps = [f"v{SCHEMA_VERSION + 1}.db", f"v{SCHEMA_VERSION + 2}.db"]
    assert [b.name.rsplit("-", 1)[-1] for b in backups] == steps  # one before each step
    assert [pragma(b, "user_version") for b in backups] == [SCHEMA_VERSION, SCHEMA_VERSION + 1]

    # the step fixed in the next release: the database finishes migrating with every figure intact
    for module in [m for m in sys.modules if m.startswith(schema.migrations_pkg.__name__ + ".")]:
        del sys.modules[module]
    step_3 = Path(schema.migrations_pkg.__file__).parent / f"v{SCHEMA_VERSION + 2:04d}_half_done.py"
    step_3.write_text(STEP_3_FIXED, encoding="utf-8")
    importlib.invalidate_caches()
    open_store(copy)
    try:
        assert schema.user_version() == SCHEMA_VERSION + 2
        assert record_figures() == recorded(fixture)["figures"]
    finally:
        db.close()
