"""The target table: every way of computing at every level, on small hand-computed cases (PRODUCT.md §2)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from dean_desktop.models import AuditEntry, Target, db
from dean_desktop.services.errors import ValidationError
from dean_desktop.services.indicators import indicator_report
from dean_desktop.services.periods import parse_period
from dean_desktop.services.projects import ProjectInput, add_project, list_projects
from dean_desktop.services.returns import CadreData, EdocData, OfficeData, ReturnData, save_return
from dean_desktop.services.rotations import RotationInput, add_rotation
from dean_desktop.services.target_rules import TargetRuleError, counted_codes
from dean_desktop.services.targets import (
    TargetInput,
    add_target,
    list_targets,
    preview_target,
    set_retired,
    update_target,
)
from dean_desktop.store import open_store
from tests.factories import unit_id

DATA = Path(__file__).resolve().parents[1] / "data"


def cadres_return(unit: str, period: str, rows: list[dict[str, str]]) -> None:
    """A return holding only cadres; each row gives the columns that matter (the rest are ordinary)."""
    cadres = [
        CadreData(
            full_name=f"Cán bộ {unit} {i}",
            birth_year=1975,
            education=row.get("education", "dai_hoc"),
            political_theory=row.get("theory", "trung_cap"),
            gender=row.get("gender", "Nam"),
            it_skill=row.get("it", ""),
            seq=i,
        )
        for i, row in enumerate(rows)
    ]
    save_return(ReturnData(unit_id=unit_id(unit), period=parse_period(period), cadres=cadres))


def theory(*codes: str) -> list[dict[str, str]]:
    return [{"theory": c} for c in codes]


def values(code: str, as_of: str | None = None) -> tuple[int | None, int | None, float | None, bool]:
    item = {i.code: i for i in indicator_report(as_of).indicators}[code]
    return item.numerator, item.denominator, item.value, item.met


COMMUNE_THEORY = TargetInput(
    code="cadre.theory_commune",
    project_code="cb",
    title="Cán bộ cấp xã có trình độ trung cấp lý luận chính trị trở lên",
    method="cadre_share",
    level="xa",
    criterion="political_theory",
    counted_values=("trung_cap", "cao_cap", "cu_nhan"),
    target_min=80,
    deadline_year=2020,
)


def test_commune_cadre_target_follows_the_kim_son_merger(store: Path) -> None:
    cadres_return("Kim Sơn", "Năm 2019", theory("trung_cap", "so_cap"))
    cadres_return("Kim Phượng", "Năm 2019", theory("cao_cap", "trung_cap", "chua_dao_tao"))
    cadres_return("Linh Thông", "Năm 2019", theory("cu_nhan"))
    cadres_return("Phòng Nội vụ", "Năm 2019", theory("trung_cap", "trung_cap"))  # district: not in Cấp xã
    add_target(COMMUNE_THEORY)
    # 2019: Kim Sơn still its own commune: 1 + 2 + 1 = 4 of 2 + 3 + 1 = 6 cadres.
    assert values("cadre.theory_commune", "2019")[:2] == (4, 6)
    assert values("cadre.theory_commune", "2019")[3] is False
    # 2020: Kim Phượng reports for the merged commune (3 of 4); Kim Sơn's 2019 return no longer counts;
    # Linh Thông's 2019 return is still its latest (1 of 1): 4 of 5 = 80 %, met.
    cadres_return("Kim Phượng", "Năm 2020", theory("trung_cap", "trung_cap", "cao_cap", "so_cap"))
    assert values("cadre.theory_commune", "2020") == (4, 5, 80.0, True)
    assert values("cadre.theory_commune", "2019")[:2] == (4, 6)  # as of 2019 nothing changed


def test_cadre_share_at_each_level(store: Path) -> None:
    cadres_return("Kim Sơn", "Năm 2019", theory("trung_cap", "so_cap"))
    cadres_return("Phòng Nội vụ", "Năm 2019", theory("trung_cap", "chua_dao_tao", "cao_cap", "so_cap"))
    for level, code in (("huyen", "t.huyen"), ("toan_huyen", "t.toan")):
        add_target(TargetInput(**{**_fields(COMMUNE_THEORY), "code": code, "level": level}))
    # Cấp huyện: Nội vụ 2 of 4; Toàn huyện: Nội vụ 2 of 4 + Kim Sơn 1 of 2 = 3 of 6.
    assert values("t.huyen") == (2, 4, 50.0, False)
    assert values("t.toan") == (3, 6, 50.0, False)


def _fields(data: TargetInput) -> dict[str, object]:
    return {name: getattr(data, name) for name in TargetInput.__dataclass_fields__}


def test_gender_and_free_text_columns(store: Path) -> None:
    cadres_return(
        "Phòng Nội vụ",
        "Năm 2017",
        [
            {"gender": "Nữ", "it": "Chứng chỉ B"},
            {"gender": "Nam", "it": "chứng chỉ  b"},
            {"gender": "Nữ", "it": "Chứng chỉ A"},
        ],
    )
    cadres_return("Phòng Tư pháp", "Năm 2017", [{"gender": "Nam", "it": "Trung cấp tin học"}])
    base = {**_fields(COMMUNE_THEORY), "level": "huyen", "target_min": 30}
    add_target(TargetInput(**{**base, "code": "women", "criterion": "gender", "counted_values": ("Nữ",)}))
    add_target(TargetInput(**{**base, "code": "it_b", "criterion": "it_skill", "counted_values": ("Chứng chỉ B",)}))
    assert values("women") == (2, 4, 50.0, True)
    assert values("it_b") == (2, 4, 50.0, True)  # "chứng chỉ  b" is the same value typed differently


def test_office_item_target_counts_a_commune_without_a_return_as_not_met(store: Path) -> None:
    def office(name: str, internet: bool | None) -> None:
        data = OfficeData(has_office=True, internet=internet)
        save_return(ReturnData(unit_id=unit_id(name), period=parse_period("Năm 2017"), office=data))

    office("Linh Thông", True)
    office("Lam Vỹ", False)
    office("Quy Kỳ", None)  # not stated: not met
    add_target(
        TargetInput(
            code="reform.internet",
            project_code="cchc",
            title="Bộ phận một cửa cấp xã kết nối Internet",
            method="commune_share",
            level="xa",
            criterion="internet",
            target_min=100,
            deadline_year=2019,
        )
    )
    # 2017: 24 communes/town (Kim Sơn not yet merged); only Linh Thông answers Có; 21 sent nothing.
    assert values("reform.internet") == (1, 24, pytest.approx(100 / 24), False)
    assert values("reform.commune_offices")[:2] == (3, 24)


def test_edoc_share_at_each_level(store: Path) -> None:
    def edoc(name: str, flags: list[bool]) -> None:
        rows = [EdocData(org_name=f"Tổ chức {i}", exchanges=f, seq=i) for i, f in enumerate(flags)]
        save_return(ReturnData(unit_id=unit_id(name), period=parse_period("Năm 2017"), edoc=rows))

    edoc("Linh Thông", [True, True, False])
    edoc("Phòng Nội vụ", [True, False])
    base = {**_fields(COMMUNE_THEORY), "method": "edoc_share", "criterion": "", "counted_values": (), "target_min": 60}
    add_target(TargetInput(**{**base, "code": "e.huyen", "level": "huyen"}))
    add_target(TargetInput(**{**base, "code": "e.toan", "level": "toan_huyen"}))
    assert values("reform.edoc_orgs")[:2] == (2, 3)  # the built-in one: Cấp xã
    assert values("e.huyen") == (1, 2, 50.0, False)
    assert values("e.toan") == (3, 5, 60.0, True)


def head_rotation(name: str, number: str, day: date) -> RotationInput:
    return RotationInput(
        full_name=name,
        from_position="Trưởng phòng Nội vụ",
        to_position="Bí thư Đảng ủy xã Bảo Linh",
        decision_no=number,
        decision_date=day,
    )


def test_a_new_project_counts_rotations_within_its_own_years(store: Path) -> None:
    add_project(ProjectInput("cb_2021", "CB 2021", "Đề án cán bộ giai đoạn 2021 - 2025", 2021, 2025), ["Nhóm 1"])
    add_target(
        TargetInput(
            code="cadre.rotations_2021",
            project_code="cb_2021",
            title="Luân chuyển cấp trưởng cấp huyện về cấp xã giai đoạn 2021 - 2025",
            method="rotation_count",
            level="huyen",
            target_min=2,
            target_max=5,
            deadline_year=2025,
        )
    )
    add_rotation(head_rotation("Nguyễn Văn An", "12-QĐ/HU", date(2017, 3, 1)))
    add_rotation(head_rotation("Trần Thị Bình", "40-QĐ/HU", date(2022, 6, 1)))
    add_rotation(head_rotation("Lê Văn Cường", "41-QĐ/HU", date(2023, 6, 1)))
    assert values("cadre.rotations") == (1, None, 1.0, False)  # 2016–2020: only An
    assert values("cadre.rotations_2021") == (2, None, 2.0, True)  # 2021–2025: Bình and Cường
    assert [p.groups for p in list_projects() if p.code == "cb_2021"] == [("Nhóm 1",)]


def test_editing_a_built_in_threshold_is_audited_and_changes_the_verdict(store: Path) -> None:
    cadres_return("Phòng Nội vụ", "Năm 2017", [{"education": "thac_si"}] + [{"education": "dai_hoc"}] * 5)
    assert values("cadre.postgrad_district") == (1, 6, pytest.approx(100 / 6), True)  # 16.7 % ≥ 15 %
    row = next(r for r in list_targets() if r.code == "cadre.postgrad_district")
    assert (row.method_label, row.level_label, row.criterion_label, row.values_label) == (
        "Tỷ lệ cán bộ", "Cấp huyện", "Chuyên môn", "Thạc sĩ, Tiến sĩ",
    )  # fmt: skip
    assert update_target(row.id, TargetInput(**{**_fields(row.data), "target_min": 20}), source="ui") == ["target_min"]
    assert values("cadre.postgrad_district")[3] is False  # 16.7 % < 20 %
    entry = AuditEntry.get((AuditEntry.table == "target") & (AuditEntry.field == "target_min"))
    assert (entry.row_id, entry.old, entry.new) == (row.id, "15.0", "20")


def test_a_retired_target_is_kept_but_not_computed(store: Path) -> None:
    row = next(r for r in list_targets() if r.code == "reform.edoc_orgs")
    assert set_retired(row.id) is True
    assert "reform.edoc_orgs" not in {i.code for i in indicator_report().indicators}
    assert next(r for r in list_targets() if r.code == "reform.edoc_orgs").retired
    assert AuditEntry.select().where((AuditEntry.table == "target") & (AuditEntry.field == "retired")).count() == 1


def test_preview_computes_before_saving(store: Path) -> None:
    cadres_return("Linh Thông", "Năm 2017", theory("trung_cap", "so_cap", "cao_cap", "cu_nhan"))
    shown = preview_target(COMMUNE_THEORY)
    assert shown is not None and (shown.numerator, shown.denominator, shown.value) == (3, 4, 75.0)
    assert Target.get_or_none(Target.code == COMMUNE_THEORY.code) is None


def test_counted_values_are_read_as_the_importer_reads_the_column() -> None:
    assert counted_codes("education", "Th.S, tiến sỹ") == ["thac_si", "tien_si"]
    assert counted_codes("political_theory", "TC, Cao cấp LLCT, cử nhân") == ["trung_cap", "cao_cap", "cu_nhan"]
    with pytest.raises(TargetRuleError, match="chọn một trong: Chưa qua đào tạo, Sơ cấp, Trung cấp"):
        counted_codes("political_theory", "Trung cấp, rất cao")


def test_a_target_that_cannot_compute_is_refused(store: Path) -> None:
    with pytest.raises(ValidationError, match="Chưa ghi giá trị được tính"):
        add_target(TargetInput(**{**_fields(COMMUNE_THEORY), "counted_values": ()}))
    with pytest.raises(ValidationError, match="Cấp không hợp lệ"):
        add_target(TargetInput(**{**_fields(COMMUNE_THEORY), "method": "commune_share", "level": "huyen"}))
    with pytest.raises(ValidationError, match="Mã chỉ tiêu"):
        add_target(TargetInput(**{**_fields(COMMUNE_THEORY), "code": "Chỉ tiêu 1"}))


def test_migration_keeps_an_edited_threshold_and_gives_the_built_ins_their_rows(tmp_path: Path) -> None:
    copy = tmp_path / "old.db"
    shutil.copyfile(DATA / "schema_v2.db", copy)
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute("UPDATE target SET target_min = 18 WHERE code = 'cadre.postgrad_district'")
        conn.commit()
    open_store(copy)
    try:
        rows = {r.code: r for r in list_targets()}
        postgrad = rows["cadre.postgrad_district"]
        assert postgrad.data.target_min == 18
        assert (postgrad.data.method, postgrad.data.level, postgrad.data.criterion) == (
            "cadre_share", "huyen", "education",
        )  # fmt: skip
        assert postgrad.data.counted_values == ("thac_si", "tien_si")
        assert rows["reform.commune_offices"].data.criterion == "has_office"
        assert rows["cadre.rotations"].data.method == "rotation_count"
    finally:
        db.close()


def test_a_project_change_and_its_new_groups_land_together_or_not_at_all(store: Path) -> None:
    from dean_desktop.services.checklist import list_groups
    from dean_desktop.services.projects import update_project

    project = next(p for p in list_projects() if p.code == "cb")
    groups = len([g for g in list_groups() if g.project_id == project.id])
    renamed = ProjectInput(project.code, "CB mới", project.name, project.start_year, project.end_year)
    with pytest.raises(ValidationError, match="không được để trống"):
        update_project(project.id, renamed, new_groups=["Nhóm hợp lệ", "   "])
    assert next(p for p in list_projects() if p.id == project.id).short_name == project.short_name
    assert len([g for g in list_groups() if g.project_id == project.id]) == groups

    assert update_project(project.id, renamed, new_groups=["Nhóm mới A", "Nhóm mới B"]) == ["short_name"]
    added = [g for g in list_groups() if g.project_id == project.id][groups:]
    assert [(g.number, g.name) for g in added] == [(groups + 1, "Nhóm mới A"), (groups + 2, "Nhóm mới B")]
