"""Seeding: first start fills the reference data; later starts never duplicate or overwrite edits."""

from __future__ import annotations

from pathlib import Path

from dean_desktop.models import Project, SolutionGroup, Target, Unit, db
from dean_desktop.services.seed import seed_database
from dean_desktop.store import open_store


def test_first_start_seeds_units_projects_targets_groups(store: Path) -> None:
    assert Unit.select().where(Unit.kind.in_(["xa", "thi_tran"])).count() == 24
    assert Unit.select().where(Unit.kind == "huyen").count() == 25
    kim_son = Unit.get(Unit.code == "05557")
    assert kim_son.name == "Kim Sơn" and kim_son.merged_into.name == "Kim Phượng"
    assert str(kim_son.valid_to) == "2019-12-31"
    assert Unit.get(Unit.code == "05536").kind == "thi_tran"
    assert Target.select().count() == 5
    counts = {p.code: SolutionGroup.select().where(SolutionGroup.project == p).count() for p in Project.select()}
    assert counts == {"cchc": 6, "cb": 7}
    assert SolutionGroup.get(SolutionGroup.number == 7).name == "Nhóm giải pháp 7"


def test_restart_keeps_user_edits_and_adds_nothing(store: Path) -> None:
    Unit.update(name="Lam Vĩ (sửa)").where(Unit.code == "05542").execute()
    Target.update(target_min=20).where(Target.code == "cadre.postgrad_district").execute()
    SolutionGroup.delete().where(SolutionGroup.number == 7).execute()
    db.close()
    open_store(store)
    assert seed_database() is False
    assert Unit.select().count() == 49
    assert Unit.get(Unit.code == "05542").name == "Lam Vĩ (sửa)"
    assert Target.get(Target.code == "cadre.postgrad_district").target_min == 20
    assert SolutionGroup.select().count() == 12
