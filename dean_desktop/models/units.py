"""Administrative units: communes, the town and district agencies, effective-dated."""

from __future__ import annotations

from peewee import BooleanField, CharField, DateField, ForeignKeyField, IntegerField, TextField

from .base import BaseModel

KIND_COMMUNE = "xa"
KIND_TOWN = "thi_tran"
KIND_DISTRICT = "huyen"
COMMUNE_KINDS = (KIND_COMMUNE, KIND_TOWN)


class Unit(BaseModel):
    code = CharField(unique=True)  # GSO code for communes; a stable local code for agencies
    name = CharField()
    kind = CharField(index=True)
    valid_from = DateField(null=True)
    valid_to = DateField(null=True)
    merged_into = ForeignKeyField("self", null=True, backref="absorbed", on_delete="SET NULL")
    active = BooleanField(default=True)
    aliases = TextField(default="")  # spelling variants people use, separated by ';'
    sort_order = IntegerField(default=0)
