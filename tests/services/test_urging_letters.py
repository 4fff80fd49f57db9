"""Urging letters: exactly one per unit the urging service has something for, worded for that unit's Party
committee, with each item's figures and the member who follows the unit as the contact."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from dean_desktop.rendering.letters import write_urging_letters
from dean_desktop.services.errors import DomainError
from dean_desktop.services.periods import parse_period
from dean_desktop.services.report_content import Signing
from dean_desktop.services.roster import list_members
from dean_desktop.services.units import list_units
from dean_desktop.services.urging import OVERDUE_TASK, urging_by_unit, urging_lists
from dean_desktop.services.urging_letters import addressee, resolve_member, urging_letters

TODAY = date(2026, 11, 26)
PERIOD = parse_period("Năm 2017")


def text_of(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts).replace("\xa0", " ")


def test_by_unit_agrees_with_the_members_lists(demo_store: Path) -> None:
    """Seen from the unit or from the member, the urging rules say the same things."""
    by_unit = {u.unit.id: u for u in urging_by_unit(PERIOD, today=TODAY)}
    from_members: dict[int, set[str]] = {}
    for entry in urging_lists(PERIOD, today=TODAY):
        for item in entry.items:
            if item.unit_id is not None:
                from_members.setdefault(item.unit_id, set()).add(item.text)
    followed = {unit_id for m in list_members() for unit_id in m.unit_ids}
    for unit_id in followed:
        expected = from_members.get(unit_id, set())
        got = {i.text for i in by_unit[unit_id].items} if unit_id in by_unit else set()
        assert got == expected, unit_id
    assert all(entry.items for entry in by_unit.values())  # nothing to urge: no entry


def test_one_letter_per_unit_to_urge_and_none_for_the_others(demo_store: Path, tmp_path: Path) -> None:
    expected = {u.unit.name: u for u in urging_by_unit(PERIOD, today=TODAY)}
    assert expected  # the demo data has late units
    result = write_urging_letters(tmp_path, PERIOD, signing=Signing(signer="Nguyễn Văn Ký"), today=TODAY)
    files = sorted(tmp_path.glob("*.docx"))
    assert len(files) == len(expected) == len(result.letters)
    assert {letter.unit_name for letter in result.letters} == set(expected)
    assert result.item_count == sum(len(u.items) for u in expected.values())
    quiet = {u.name for u in list_units()} - set(expected)
    assert quiet  # some units have nothing to urge, and get no letter
    for letter in result.letters:
        entry = expected[letter.unit_name]
        text = text_of(letter.path)
        assert f"Kính gửi: {addressee(entry.unit)}" in text
        for item in entry.items:  # each item named with its figures
            assert item.text.replace("\xa0", " ") in text, item.text
        raw = "\n".join(p.text for p in Document(str(letter.path)).paragraphs)
        for member in entry.contacts:
            assert member.full_name in text and (not member.phone or member.phone in text)
            if member.phone:  # the number never breaks at the end of a line
                assert member.phone.replace(" ", "\xa0") in raw
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "V/v đôn đốc" in text and "Nguyễn Văn Ký" in text
        assert "Nơi nhận:" in text and "Như trên," in text
    assert "Năm 2017" in result.summary() and str(len(expected)) in result.summary()


def test_letters_name_the_units_committee_and_figures(demo_store: Path, tmp_path: Path) -> None:
    units = {u.name: u for u in list_units()}
    assert addressee(units["Thị trấn Chợ Chu"]) == "Đảng ủy thị trấn Chợ Chu"
    assert addressee(units["Linh Thông"]) == "Đảng ủy xã Linh Thông"
    assert addressee(units["Phòng Nội vụ"]) == "Chi bộ Phòng Nội vụ"
    _, letters = urging_letters(PERIOD, today=TODAY)
    with_task = [x for x in letters if any(i.kind == OVERDUE_TASK for i in x.entry.items)]
    for letter in with_task[:3]:
        task = next(i for i in letter.entry.items if i.kind == OVERDUE_TASK)
        assert task.unit_id == letter.entry.unit.id  # a unit is urged for its own tasks only


def test_one_members_units_only(demo_store: Path, tmp_path: Path) -> None:
    member = next(m for m in list_members() if urging_by_unit(PERIOD, member_id=m.id, today=TODAY))
    assert resolve_member(member.full_name.upper()).id == member.id
    result = write_urging_letters(tmp_path, PERIOD, member_id=member.id, today=TODAY)
    assert result.letters and {
        next(u.id for u in list_units() if u.name == letter.unit_name) for letter in result.letters
    } <= set(member.unit_ids)
    with pytest.raises(DomainError):
        resolve_member("Không Có Ai")


@pytest.mark.usefixtures("qapp")
def test_letters_as_pdf_too(demo_store: Path, tmp_path: Path) -> None:
    member = list_members()[1]
    result = write_urging_letters(tmp_path, PERIOD, member_id=member.id, pdf=True, today=TODAY)
    assert all(letter.pdf_path is not None and letter.pdf_path.read_bytes()[:4] == b"%PDF" for letter in result.letters)


def test_a_letter_left_from_an_earlier_run_is_pointed_out(demo_store: Path, tmp_path: Path) -> None:
    (tmp_path / "cong-van-don-doc-don-vi-cu.docx").write_bytes(b"")
    result = write_urging_letters(tmp_path, PERIOD, today=TODAY)
    assert result.older == ("cong-van-don-doc-don-vi-cu.docx",)
    assert "cong-van-don-doc-don-vi-cu.docx" in result.summary() and result.as_json()["older_files"]


@pytest.mark.parametrize(
    ("period", "why"),
    [("Năm 2099", "chưa bắt đầu"), ("Năm 2010", "nằm ngoài thời gian của các Đề án (2016–2020)")],
)
def test_a_period_nobody_could_report_for_is_refused_and_nothing_is_written(
    demo_store: Path, tmp_path: Path, period: str, why: str
) -> None:
    with pytest.raises(DomainError, match=re.escape(why)) as refused:
        write_urging_letters(tmp_path / "thu", parse_period(period))
    assert "Hãy chọn một kỳ đã qua" in str(refused.value)
    assert not (tmp_path / "thu").exists() or not any((tmp_path / "thu").iterdir())
