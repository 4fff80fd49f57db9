"""Commune one-stop office readiness: one row per commune from its latest return, and corrections."""

from __future__ import annotations

from datetime import date

from ..models import EdocOrg, OfficeReadiness, UnitReturn, db
from . import audit
from .errors import NotFoundError, ValidationError
from .indicators import latest_returns, reference_date
from .periods import Period, period_from_code
from .rows import OfficeRow
from .units import list_units
from .vntext import nfc

EDITABLE_FIELDS = (
    "has_office",
    "floor_area",
    "computers",
    "printers",
    "scanners",
    "internet",
    "staff",
    "procedures_posted",
    "in_use_since",
    "notes",
)


def list_offices(as_of: Period | None = None) -> list[OfficeRow]:
    """Every commune/town valid at the reference date, with its latest return's office figures (blank if none)."""
    ref = reference_date(as_of)
    communes = [u for u in list_units(communes_only=True) if u.valid_on(ref)]
    latest = latest_returns(ref)
    return_ids = [latest[u.id] for u in communes if u.id in latest]
    offices = {o.unit_return_id: o for o in OfficeReadiness.select().where(OfficeReadiness.unit_return.in_(return_ids))}
    periods = dict(
        UnitReturn.select(UnitReturn.id, UnitReturn.period_code).where(UnitReturn.id.in_(return_ids)).tuples()
    )
    edoc: dict[int, list[int]] = {}
    for return_id, flag in (
        EdocOrg.select(EdocOrg.unit_return, EdocOrg.exchanges).where(EdocOrg.unit_return.in_(return_ids)).tuples()
    ):
        counts = edoc.setdefault(return_id, [0, 0])
        counts[0] += 1 if flag else 0
        counts[1] += 1
    rows = []
    for unit in communes:
        return_id = latest.get(unit.id)
        office = offices.get(return_id) if return_id else None
        code = periods.get(return_id, "") if return_id else ""
        yes, total = edoc.get(return_id, [0, 0]) if return_id else (0, 0)
        rows.append(
            OfficeRow(
                unit_id=unit.id,
                unit_code=unit.code,
                unit_name=unit.name,
                return_id=return_id,
                period_code=code,
                period_label=period_from_code(code).label if code else "",
                has_office=office.has_office if office else None,
                floor_area=office.floor_area if office else None,
                computers=office.computers if office else None,
                printers=office.printers if office else None,
                scanners=office.scanners if office else None,
                internet=office.internet if office else None,
                staff=office.staff if office else None,
                procedures_posted=office.procedures_posted if office else None,
                in_use_since=office.in_use_since if office else None,
                notes=office.notes if office else "",
                edoc_yes=yes,
                edoc_total=total,
            )
        )
    return rows


YES_NO_FIELDS = frozenset({"has_office", "internet", "procedures_posted"})
COUNT_FIELDS = frozenset({"computers", "printers", "scanners", "staff"})


def parse_office_value(field: str, typed: str) -> object:
    """What a user typed in a cell of the office table, read by the same rules as the same cell of a return
    (``excel_import.values``: Có/Không, counts, areas with a decimal comma, dd/mm/yyyy); a value the importer would
    refuse ("có lẽ", "3,5" computers, 31/02/2018) is a ValidationError with its Vietnamese message."""
    from .excel_import.values import ValueProblem, parse_area, parse_count, parse_date, parse_yes_no

    typed = nfc(typed or "")
    try:
        if field in YES_NO_FIELDS:
            value = parse_yes_no(typed)
            if value is None and field == "has_office":
                raise ValidationError('Cột "Có phòng làm việc riêng" phải là Có hoặc Không.')
            return value
        if field in COUNT_FIELDS:
            return parse_count(typed, maximum=10_000)
        if field == "floor_area":
            return parse_area(typed)
        if field == "in_use_since":
            return parse_date(typed, allow_partial=False)[0]
    except ValueProblem as problem:
        message = str(problem)
        raise ValidationError(message[:1].upper() + message[1:] + ".") from problem
    return typed


def _validate(field: str, value: object) -> object:
    if field not in EDITABLE_FIELDS:
        raise ValidationError(f'Không sửa được cột "{field}".')
    if field in ("computers", "printers", "scanners", "staff") and value is not None:
        if not isinstance(value, int) or value < 0:
            raise ValidationError("Số lượng phải là số nguyên không âm.")
    if field == "floor_area" and value is not None and (not isinstance(value, (int, float)) or value < 0):
        raise ValidationError("Diện tích phải là số không âm.")
    if field == "has_office" and value is None:
        raise ValidationError('Cột "Có phòng làm việc riêng" phải là Có hoặc Không.')
    if field == "in_use_since" and value is not None and not isinstance(value, date):
        raise ValidationError("Ngày đưa vào sử dụng không hợp lệ (dd/mm/yyyy).")
    return value


def update_office(return_id: int, field: str, value: object, source: str = "ui") -> bool:
    """Correct one field of a return's office row; audited. Returns False when the value did not change."""
    value = _validate(field, value)
    with db.atomic():
        office = OfficeReadiness.get_or_none(OfficeReadiness.unit_return == return_id)
        if office is None:
            if UnitReturn.get_or_none(UnitReturn.id == return_id) is None:
                raise NotFoundError("Không tìm thấy báo cáo của đơn vị này.")
            office = OfficeReadiness.create(unit_return=return_id, has_office=False)
            audit.record("office_readiness", office.id, "*", None, "tạo mới", source)
        old = getattr(office, field)
        if old == value:
            return False
        audit.record("office_readiness", office.id, field, old, value, source)
        OfficeReadiness.update({getattr(OfficeReadiness, field): value}).where(
            OfficeReadiness.id == office.id
        ).execute()
    return True
