"""The steering committee (Ban Chỉ đạo) and the units each member follows."""

from __future__ import annotations

from peewee import BooleanField, CharField, ForeignKeyField, IntegerField

from .base import BaseModel
from .units import Unit


class SteeringMember(BaseModel):
    full_name = CharField()
    role = CharField(default="Ủy viên")  # role in the committee: Trưởng ban, Phó Trưởng ban, Ủy viên…
    position = CharField(default="")  # job title
    phone = CharField(default="")
    email = CharField(default="")
    sort_order = IntegerField(default=0, index=True)
    active = BooleanField(default=True)


class MemberUnit(BaseModel):
    member = ForeignKeyField(SteeringMember, backref="assignments", on_delete="CASCADE")
    unit = ForeignKeyField(Unit, backref="monitors", on_delete="CASCADE")

    class Meta:
        indexes = ((("member", "unit"), True),)
