"""insert_row: the import's one-row inserts by a statement written once, storing exactly what peewee's create stores."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from dean_desktop.models import ImportRecord, OfficeReadiness, Unit, UnitReturn, db
from dean_desktop.models.engine import insert_row


def _stored(model: type, row_id: int) -> dict[str, object]:
    row = model.select().where(model.id == row_id).dicts().get()
    row.pop("id")
    return row


def test_a_row_inserted_by_insert_row_is_the_row_create_would_store(store: Path) -> None:
    unit = Unit.select().order_by(Unit.id).first()
    at = datetime(2018, 12, 31, 16, 45, 7, 123456)
    given = {"at": at, "who": "Bùi Thị Hà", "file_name": r"C:\Báo cáo\Linh Thông.xlsx", "file_hash": "ab12"}
    with db.atomic():
        # Fields not given take their defaults (kind, period_code, counts, warnings, errors); the unit as a row.
        made = ImportRecord.create(status="imported", unit=unit, **given)
        inserted = insert_row(db, ImportRecord, status="imported", unit=unit, **given)
        # The same with the unit as an id, twice: the second uses the statement already written.
        by_id = [insert_row(db, ImportRecord, status="rejected", unit=unit.id, **given) for _ in range(2)]
    assert inserted == made.id + 1 and by_id == [made.id + 2, made.id + 3]
    assert _stored(ImportRecord, inserted) == _stored(ImportRecord, made.id)
    assert _stored(ImportRecord, inserted)["kind"] == "return" and _stored(ImportRecord, inserted)["counts"] == "{}"
    assert _stored(ImportRecord, by_id[1]) == {**_stored(ImportRecord, made.id), "status": "rejected"}

    # Dates, booleans, None and floats come back as they went in.
    values = {"unit": unit, "period_code": "2018", "period_start": date(2018, 1, 1), "period_end": date(2018, 12, 31)}
    with db.atomic():
        return_id = insert_row(db, UnitReturn, imported_at=at, **values)
        office_id = insert_row(
            db, OfficeReadiness, unit_return=return_id, has_office=True, floor_area=34.5, internet=None
        )
    assert UnitReturn.get_by_id(return_id).period_end == date(2018, 12, 31)
    assert UnitReturn.get_by_id(return_id).imported_by == ""  # a default
    office = OfficeReadiness.get_by_id(office_id)
    assert (office.has_office, office.floor_area, office.internet, office.notes) == (True, 34.5, None, "")
