"""Small builders for returns in tests."""

from __future__ import annotations

from dean_desktop.models import Unit
from dean_desktop.services.periods import parse_period
from dean_desktop.services.returns import CadreData, EdocData, OfficeData, ReturnData, SaveResult, save_return


def unit_id(name: str) -> int:
    return int(Unit.get(Unit.name == name).id)


def commune_return(name: str, period: str, has_office: bool, edoc: list[bool] | None = None) -> SaveResult:
    return save_return(
        ReturnData(
            unit_id=unit_id(name),
            period=parse_period(period),
            office=OfficeData(has_office=has_office),
            edoc=[EdocData(org_name=f"Tổ chức {i}", exchanges=flag, seq=i) for i, flag in enumerate(edoc or [])],
        )
    )


def district_return(name: str, period: str, cadres: list[tuple[str, str]]) -> SaveResult:
    """cadres: (education code, political theory code) per person."""
    return save_return(
        ReturnData(
            unit_id=unit_id(name),
            period=parse_period(period),
            cadres=[
                CadreData(full_name=f"Cán bộ {i}", birth_year=1970, education=e, political_theory=t, seq=i)
                for i, (e, t) in enumerate(cadres)
            ],
        )
    )
