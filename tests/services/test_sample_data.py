"""Sample data and real work never share a database."""

from __future__ import annotations

from pathlib import Path

import pytest

from dean_desktop.models import SteeringMember, UnitReturn
from dean_desktop.paths import default_db_path, sample_db_path
from dean_desktop.services import roster
from dean_desktop.services.demo import RealDataError, holds_real_data, is_sample_database, load_demo


def test_a_fresh_database_holds_only_the_seed(store: Path) -> None:
    assert not holds_real_data() and not is_sample_database()
    assert load_demo().added
    assert is_sample_database() and not holds_real_data()  # its rows are sample rows, not real work


def test_one_real_member_is_enough_to_refuse_sample_data(store: Path) -> None:
    roster.add_member(roster.MemberInput(full_name="Nguyễn Văn An"))
    assert holds_real_data()
    with pytest.raises(RealDataError, match="số liệu thật"):
        load_demo()
    assert SteeringMember.select().count() == 1 and UnitReturn.select().count() == 0
    assert not is_sample_database()


def test_the_sample_database_is_not_the_users_database() -> None:
    assert sample_db_path() != default_db_path()
    assert sample_db_path().parent == default_db_path().parent
