"""Units edited as the window edits them: added, renamed, merged into another with a last day; the list shows the
merger by name and by id (the form edits the id)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dean_desktop.models import AuditEntry
from dean_desktop.services.errors import ValidationError
from dean_desktop.services.targets import list_targets
from dean_desktop.services.units import UnitInput, add_unit, list_units, update_unit


def by_code(code: str):  # type: ignore[no-untyped-def]
    return next(u for u in list_units() if u.code == code)


def test_the_kim_son_merger_is_listed_with_the_id_of_the_unit_that_took_it_over(store: Path) -> None:
    kim_son, kim_phuong = by_code("05557"), by_code("05551")
    assert kim_son.merged_into == "Kim Phượng" and kim_son.merged_into_id == kim_phuong.id
    assert kim_phuong.merged_into is None and kim_phuong.merged_into_id is None


def test_a_new_unit_merged_into_another_in_one_step(store: Path) -> None:
    host = by_code("05548")
    unit_id = add_unit(UnitInput("99001", "Xã Thử", "xa", date(2016, 1, 1), date(2024, 12, 31), host.id))
    row = by_code("99001")
    assert (row.id, row.merged_into, row.merged_into_id) == (unit_id, host.name, host.id)
    assert row.valid_to == date(2024, 12, 31)
    fields = {e.field for e in AuditEntry.select().where((AuditEntry.table == "unit") & (AuditEntry.row_id == unit_id))}
    assert fields >= {"name", "merged_into", "valid_to"}


def test_a_merger_needs_a_last_day_and_another_unit(store: Path) -> None:
    host = by_code("05548")
    with pytest.raises(ValidationError, match="ngày hết hiệu lực"):
        add_unit(UnitInput("99002", "Xã Thiếu Ngày", "xa", merged_into_id=host.id))
    assert all(u.code != "99002" for u in list_units())
    with pytest.raises(ValidationError, match="chính nó"):
        update_unit(host.id, UnitInput(host.code, host.name, host.kind, None, date(2025, 6, 30), host.id))


def test_target_rows_state_their_bounds(store: Path) -> None:
    labels = {t.code: t.limits_label for t in list_targets()}
    assert labels["cadre.postgrad_district"] == "≥ 15 %"
    assert labels["cadre.rotations"] == "4–6 người"
