"""Reporting completeness for a period and each steering member's urging ("đôn đốc") list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dean_desktop.services import checklist, roster
from dean_desktop.services.completeness import completeness, default_period
from dean_desktop.services.offices import list_offices
from dean_desktop.services.periods import parse_period
from dean_desktop.services.urging import (
    CADRE_POSTGRAD,
    CADRE_THEORY,
    EDOC,
    MISSING_RETURN,
    NO_OFFICE,
    NO_OFFICE_DATA,
    OVERDUE_TASK,
    urging_lists,
)
from tests.factories import commune_return, district_return, unit_id


def test_completeness_counts_only_returns_for_exactly_that_period(store: Path) -> None:
    commune_return("Linh Thông", "Năm 2017", True)
    commune_return("Lam Vỹ", "6 tháng đầu năm 2017", True)  # a half-year return is not the year's return
    district_return("Phòng Nội vụ", "Năm 2017", [("dai_hoc", "cao_cap")])

    report = completeness(parse_period("Năm 2017"))

    assert report.period.code == "2017"
    assert len(report.communes) == 24  # Kim Sơn still exists in 2017
    assert len(report.district) == 25
    sent = {u.unit_name for u in report.communes if u.sent}
    assert sent == {"Linh Thông"}
    assert "Lam Vỹ" in {u.unit_name for u in report.missing_communes}
    assert (report.commune_rate.sent, report.commune_rate.expected) == (1, 24)
    assert report.commune_rate.percent == pytest.approx(100 / 24)
    assert (report.district_rate.sent, report.district_rate.expected) == (1, 25)
    assert (report.rate.sent, report.rate.expected) == (2, 49)
    row = next(u for u in report.communes if u.unit_name == "Linh Thông")
    assert row.imported_at is not None and row.imported_by and row.return_id is not None
    assert [u.unit_name for u in report.missing_district if u.unit_name == "Phòng Nội vụ"] == []


def test_completeness_after_the_merger_does_not_expect_kim_son(store: Path) -> None:
    report = completeness("2020")
    names = {u.unit_name for u in report.communes}
    assert "Kim Sơn" not in names and "Kim Phượng" in names
    assert report.commune_rate.expected == 23 and report.commune_rate.sent == 0


def test_default_period_is_the_longest_period_ending_last(store: Path) -> None:
    assert default_period().code == "2020"  # no return yet: the projects' last year
    commune_return("Linh Thông", "6 tháng cuối năm 2017", True)
    commune_return("Lam Vỹ", "Năm 2017", True)
    commune_return("Quy Kỳ", "Quý I/2017", True)
    assert default_period().code == "2017"
    assert completeness().period.code == "2017"


def _group_id(project_code: str, number: int) -> int:
    return next(g.id for g in checklist.list_groups() if g.project_code == project_code and g.number == number)


def test_urging_list_for_a_hand_built_case(store: Path) -> None:
    linh_thong, lam_vy, noi_vu = unit_id("Linh Thông"), unit_id("Lam Vỹ"), unit_id("Phòng Nội vụ")
    chasing = roster.add_member(roster.MemberInput("Nguyễn Văn Đôn", "Ủy viên"), [linh_thong, lam_vy, noi_vu])
    idle = roster.add_member(roster.MemberInput("Trần Thị Đốc", "Ủy viên"), [])
    commune_return("Linh Thông", "Năm 2018", False, [True, False, False])
    # Phòng Nội vụ: 1 of 4 post-graduates (25 %, above 15 %), 2 of 4 senior theory (50 %, below 65 %)
    district_return(
        "Phòng Nội vụ",
        "Năm 2018",
        [("thac_si", "cao_cap"), ("dai_hoc", "cu_nhan"), ("dai_hoc", "trung_cap"), ("dai_hoc", "trung_cap")],
    )
    group = _group_id("cb", 1)
    late = checklist.add_task(
        group, checklist.TaskInput("Rà soát quy hoạch", member_id=chasing, deadline=date(2018, 6, 30))
    )
    checklist.add_task(
        group, checklist.TaskInput("Kiện toàn bộ phận một cửa", unit_id=lam_vy, deadline=date(2018, 9, 30))
    )
    checklist.add_task(
        group, checklist.TaskInput("Đã xong", member_id=chasing, deadline=date(2018, 1, 1), status="hoan_thanh")
    )
    checklist.add_task(group, checklist.TaskInput("Chưa đến hạn", member_id=chasing, deadline=date(2019, 6, 30)))
    checklist.add_task(group, checklist.TaskInput("Việc của người khác", member_id=idle, deadline=date(2017, 1, 1)))

    lists = {entry.member.id: entry for entry in urging_lists("2018", today=date(2019, 1, 1))}

    items = lists[chasing].items
    by_kind = {(i.kind, i.unit_name): i for i in items}
    assert set(by_kind) == {
        (MISSING_RETURN, "Lam Vỹ"),
        (NO_OFFICE_DATA, "Lam Vỹ"),
        (NO_OFFICE, "Linh Thông"),
        (EDOC, "Linh Thông"),
        (CADRE_THEORY, "Phòng Nội vụ"),
        (OVERDUE_TASK, ""),
        (OVERDUE_TASK, "Lam Vỹ"),
    }
    assert CADRE_POSTGRAD not in {i.kind for i in items}
    assert by_kind[(MISSING_RETURN, "Lam Vỹ")].reason == "Chưa gửi báo cáo kỳ Năm 2018"
    assert by_kind[(NO_OFFICE, "Linh Thông")].reason == "Chưa có phòng làm việc riêng của bộ phận một cửa"
    edoc = by_kind[(EDOC, "Linh Thông")]
    assert edoc.reason == "2/3 tổ chức chưa trao đổi văn bản điện tử"
    assert edoc.detail == "Tổ chức 1, Tổ chức 2"
    assert by_kind[(CADRE_THEORY, "Phòng Nội vụ")].reason.startswith(
        "Tỷ lệ cán bộ có trình độ cao cấp, cử nhân LLCT 50,0 % (2/4), dưới chỉ tiêu 65 %"
    )
    own_task = by_kind[(OVERDUE_TASK, "")]
    assert own_task.task_id == late
    assert own_task.reason == "Nhiệm vụ quá hạn: Rà soát quy hoạch (hạn 30/06/2018)"
    assert own_task.text == "Nhiệm vụ quá hạn: Rà soát quy hoạch (hạn 30/06/2018) – Đề án CB, nhóm giải pháp 1"
    assert by_kind[(OVERDUE_TASK, "Lam Vỹ")].reason == "Nhiệm vụ quá hạn: Kiện toàn bộ phận một cửa (hạn 30/09/2018)"

    assert [i.reason for i in lists[idle].items] == ["Nhiệm vụ quá hạn: Việc của người khác (hạn 01/01/2017)"]


def test_urging_for_one_member_and_a_merged_unit(store: Path) -> None:
    kim_son = unit_id("Kim Sơn")
    member = roster.add_member(roster.MemberInput("Lê Văn Sáp"), [kim_son])
    roster.add_member(roster.MemberInput("Người khác"), [])
    lists = urging_lists("2020", member_id=member, today=date(2020, 1, 1))
    assert [entry.member.id for entry in lists] == [member]
    assert lists[0].items == ()  # Kim Sơn is no longer expected to report in 2020
    lists_2019 = urging_lists("2019", member_id=member, today=date(2020, 1, 1))
    assert {i.kind for i in lists_2019[0].items} == {MISSING_RETURN, NO_OFFICE_DATA}


def test_every_demo_member_list_agrees_with_the_offices_and_completeness(demo_store: Path) -> None:
    period = default_period()
    offices = {o.unit_id: o for o in list_offices(period)}
    report = completeness(period)
    missing = {u.unit_id for u in (*report.missing_communes, *report.missing_district)}
    lists = urging_lists(period, today=date(2019, 1, 1))
    assert len(lists) == 16
    assert any(entry.items for entry in lists)
    for entry in lists:
        units = set(entry.member.unit_ids)
        kinds = {(i.kind, i.unit_id) for i in entry.items}
        for uid in units:
            assert ((MISSING_RETURN, uid) in kinds) == (uid in missing)
            office = offices.get(uid)
            if office is not None:
                assert ((NO_OFFICE, uid) in kinds) == (office.has_office is False)
                assert ((EDOC, uid) in kinds) == (office.edoc_yes < office.edoc_total)
        tasks = [i for i in entry.items if i.kind == OVERDUE_TASK]
        assert all("(hạn " in i.reason for i in tasks)
