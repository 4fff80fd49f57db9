"""The indicator engine on small hand-computed cases (PRODUCT.md §2)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dean_desktop.services.indicators import indicator_report
from dean_desktop.services.periods import parse_period
from dean_desktop.services.rotations import RotationInput, add_rotation
from tests.factories import commune_return, district_return


def by_code(report):  # type: ignore[no-untyped-def]
    return {i.code: i for i in report.indicators}


def head_rotation(name: str, number: str, day: date) -> RotationInput:
    """A rotation the Đề án counts: a district head sent to lead a commune."""
    return RotationInput(
        full_name=name,
        from_position="Trưởng phòng Nội vụ",
        to_position="Bí thư Đảng ủy xã Bảo Linh",
        decision_no=number,
        decision_date=day,
    )


def test_fresh_database_lists_five_targets_with_23_communes(store: Path) -> None:
    report = indicator_report()
    items = by_code(report)
    assert list(items) == [
        "cadre.postgrad_district",
        "cadre.senior_theory_district",
        "cadre.rotations",
        "reform.edoc_orgs",
        "reform.commune_offices",
    ]
    assert [(i.target_min, i.target_max, i.deadline) for i in report.indicators] == [
        (15, None, 2020),
        (65, None, 2020),
        (4, 6, 2020),
        (100, None, 2018),
        (100, None, 2020),
    ]
    offices = items["reform.commune_offices"]
    assert (offices.numerator, offices.denominator, offices.value, offices.met) == (0, 23, 0.0, False)
    assert len(report.missing_returns) == 23
    assert "Kim Sơn" not in report.missing_returns  # merged into Kim Phượng from 2020
    assert report.reference_date == date(2020, 12, 31)
    assert items["cadre.postgrad_district"].value is None


def test_latest_return_of_each_unit_counts(store: Path) -> None:
    commune_return("Linh Thông", "Năm 2016", has_office=False, edoc=[False, False])
    commune_return("Linh Thông", "Năm 2017", has_office=True, edoc=[True, False, True])
    commune_return("Lam Vỹ", "Năm 2017", has_office=False, edoc=[True])
    items = by_code(indicator_report())
    # 2017 is the latest period: 24 communes valid on 31/12/2017 (Kim Sơn still exists)
    assert (items["reform.commune_offices"].numerator, items["reform.commune_offices"].denominator) == (1, 24)
    assert (items["reform.edoc_orgs"].numerator, items["reform.edoc_orgs"].denominator) == (3, 4)
    assert items["reform.edoc_orgs"].value == pytest.approx(75.0)


def test_as_of_uses_returns_ending_by_then(store: Path) -> None:
    commune_return("Linh Thông", "Năm 2016", has_office=False, edoc=[False, False])
    commune_return("Linh Thông", "Năm 2017", has_office=True, edoc=[True, True])
    report = indicator_report(parse_period("Quý IV/2016"))
    items = by_code(report)
    assert items["reform.commune_offices"].numerator == 0
    assert (items["reform.edoc_orgs"].numerator, items["reform.edoc_orgs"].denominator) == (0, 2)
    assert report.as_json()["as_of"] == "2016-Q4"
    assert "Linh Thông" not in report.missing_returns
    assert len(report.missing_returns) == 23


def test_merger_changes_the_denominator_in_2020(store: Path) -> None:
    commune_return("Kim Sơn", "Năm 2019", has_office=True)
    commune_return("Kim Phượng", "Năm 2020", has_office=True)
    latest = by_code(indicator_report())["reform.commune_offices"]
    assert (latest.numerator, latest.denominator) == (1, 23)  # Kim Sơn no longer counts
    in_2019 = by_code(indicator_report(parse_period("Năm 2019")))["reform.commune_offices"]
    assert (in_2019.numerator, in_2019.denominator) == (1, 24)


def test_district_cadre_shares(store: Path) -> None:
    district_return(
        "Phòng Nội vụ",
        "Năm 2018",
        [("thac_si", "cao_cap"), ("dai_hoc", "cu_nhan"), ("dai_hoc", "trung_cap"), ("tien_si", "trung_cap")],
    )
    district_return("Huyện đoàn", "Năm 2018", [("dai_hoc", "cao_cap")])
    # an older return of the same unit is superseded and must not count
    district_return("Huyện đoàn", "Năm 2017", [("thac_si", "cao_cap")] * 10)
    items = by_code(indicator_report())
    postgrad = items["cadre.postgrad_district"]
    theory = items["cadre.senior_theory_district"]
    assert (postgrad.numerator, postgrad.denominator) == (2, 5)
    assert postgrad.value == pytest.approx(40.0) and postgrad.met
    assert (theory.numerator, theory.denominator) == (3, 5)
    assert theory.value == pytest.approx(60.0) and not theory.met


def test_commune_cadres_do_not_count_for_district_targets(store: Path) -> None:
    from dean_desktop.services.returns import CadreData, ReturnData, save_return
    from tests.factories import unit_id

    save_return(
        ReturnData(
            unit_id=unit_id("Bảo Linh"),
            period=parse_period("Năm 2018"),
            cadres=[CadreData(full_name="Hà Văn A", birth_year=1980, education="thac_si", political_theory="cao_cap")],
        )
    )
    assert by_code(indicator_report())["cadre.postgrad_district"].denominator == 0


@pytest.mark.parametrize(("count", "met"), [(3, False), (4, True), (6, True), (7, False)])
def test_rotations_between_four_and_six(store: Path, count: int, met: bool) -> None:
    for i in range(count):
        add_rotation(head_rotation(f"Người {i}", f"{i}-QĐ/HU", date(2018, 1, 1)))
    add_rotation(head_rotation("Ngoài giai đoạn", "1-QĐ/HU", date(2021, 2, 1)))
    item = by_code(indicator_report())["cadre.rotations"]
    assert (item.value, item.numerator, item.met) == (count, count, met)


def test_rotations_as_of_count_only_decisions_by_then(store: Path) -> None:
    add_rotation(head_rotation("A", "1", date(2017, 3, 1)))
    add_rotation(head_rotation("B", "2", date(2019, 3, 1)))
    assert by_code(indicator_report(parse_period("Năm 2018")))["cadre.rotations"].numerator == 1
    assert by_code(indicator_report())["cadre.rotations"].numerator == 2


def test_checklist_completion(demo_store: Path) -> None:
    from dean_desktop.services.checklist import list_tasks, set_task_status

    report = indicator_report()
    before = {c.project_code: c.done for c in report.checklists}
    task = next(t for t in list_tasks() if t.status != "hoan_thanh" and t.project_code == "cb")
    set_task_status(task.id, "hoan_thanh")
    after = {c.project_code: c.done for c in indicator_report().checklists}
    assert after["cb"] == before["cb"] + 1
    assert after["cchc"] == before["cchc"]
