"""Unit returns for a period and what they carry: office readiness, e-document rows, cadres; rotations."""

from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from .base import BaseModel
from .units import Unit


class UnitReturn(BaseModel):
    unit = ForeignKeyField(Unit, backref="returns", on_delete="RESTRICT")
    period_code = CharField()
    period_start = DateField()
    period_end = DateField(index=True)
    imported_at = DateTimeField()
    imported_by = CharField(default="")
    source_file = TextField(default="")
    file_hash = CharField(default="", index=True)
    reported_on = DateField(null=True)  # Ngày lập
    reporter = CharField(default="")  # Người lập
    reporter_phone = CharField(default="")

    class Meta:
        indexes = (
            (("unit", "period_code"), True),
            # Each unit's latest return as of a day (indicators.latest_returns, once per charted period).
            (("unit", "period_end", "period_start", "id"), False),
        )


class OfficeReadiness(BaseModel):
    unit_return = ForeignKeyField(UnitReturn, backref="office", unique=True, on_delete="CASCADE")
    has_office = BooleanField()
    floor_area = FloatField(null=True)
    computers = IntegerField(null=True)
    printers = IntegerField(null=True)
    scanners = IntegerField(null=True)
    internet = BooleanField(null=True)
    staff = IntegerField(null=True)
    procedures_posted = BooleanField(null=True)
    in_use_since = DateField(null=True)
    notes = TextField(default="")


class EdocOrg(BaseModel):
    unit_return = ForeignKeyField(UnitReturn, backref="edoc_orgs", on_delete="CASCADE")
    seq = IntegerField(default=0)
    org_name = CharField()
    exchanges = BooleanField()
    since = DateField(null=True)
    notes = TextField(default="")


class Cadre(BaseModel):
    unit_return = ForeignKeyField(UnitReturn, backref="cadres", on_delete="CASCADE")
    seq = IntegerField(default=0)
    full_name = CharField()
    # Case- and diacritic-folded (SQLite's LIKE folds ASCII only). Not indexed, nor are education and theory: every
    # query of this table goes by return (its foreign key's index), and each index slowed the import (v0006).
    name_folded = CharField()
    birth_year = IntegerField(null=True)
    gender = CharField(default="")
    ethnicity = CharField(default="")
    position = CharField(default="")
    education = CharField()  # vocab code, see services.vocab
    major = CharField(default="")
    political_theory = CharField()
    state_mgmt = CharField(default="")
    it_skill = CharField(default="")
    language = CharField(default="")
    notes = TextField(default="")


class Rotation(BaseModel):
    full_name = CharField()
    from_position = TextField(default="")
    to_position = TextField(default="")
    decision_no = CharField(default="")
    decision_date = DateField(null=True, index=True)
    months = IntegerField(null=True)
    notes = TextField(default="")
    # What the register states explicitly (columns "Cấp trưởng", "Đơn vị trước", "Đơn vị đến"); None/"" when it does
    # not say, and services.rotations infers it from the posts' text.
    from_head = BooleanField(null=True)
    from_unit = TextField(default="")
    to_unit = TextField(default="")

    class Meta:
        indexes = ((("decision_no", "full_name"), True),)
