"""The per-return cadre counts stored with each return agree with the cadre rows, through saves and replacements."""

from __future__ import annotations

from pathlib import Path

from dean_desktop.models import db
from dean_desktop.models.tallies import tally_sql
from dean_desktop.services.periods import parse_period
from dean_desktop.services.returns import CadreData, ReturnData, save_return
from tests.factories import unit_id


def stored() -> list[tuple[object, ...]]:
    return sorted(db.execute_sql('SELECT unit_return_id, field, code, count FROM "cadre_tally"').fetchall())


def counted_afresh() -> list[tuple[object, ...]]:
    with db.atomic() as transaction:
        db.execute_sql('DELETE FROM "cadre_tally"')
        db.execute_sql(tally_sql())
        rows = stored()
        transaction.rollback()
    return rows


def test_tallies_match_the_cadres_after_the_demo_and_a_replacement(demo_store: Path) -> None:
    assert stored() and stored() == counted_afresh()
    cadres = [
        CadreData("Nguyễn Văn An", 1970, "thac_si", "cao_cap", state_mgmt="cvc"),
        CadreData("Lê Thị Bình", 1980, "dai_hoc", "trung_cap"),
    ]
    unit = unit_id("Linh Thông")
    save_return(ReturnData(unit_id=unit, period=parse_period("Năm 2018"), cadres=cadres))
    assert stored() == counted_afresh()
    save_return(ReturnData(unit_id=unit, period=parse_period("Năm 2018"), cadres=cadres[:1]))
    assert stored() == counted_afresh()
