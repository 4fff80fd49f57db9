"""Projects (Đề án), their targets, solution groups and checklist tasks."""

from __future__ import annotations

from peewee import BooleanField, CharField, DateField, FloatField, ForeignKeyField, IntegerField, TextField

from .base import BaseModel
from .roster import SteeringMember
from .units import Unit


class Project(BaseModel):
    code = CharField(unique=True)
    name = TextField()
    short_name = CharField()
    start_year = IntegerField()
    end_year = IntegerField()
    sort_order = IntegerField(default=0)


class Target(BaseModel):
    project = ForeignKeyField(Project, backref="targets", on_delete="CASCADE")
    code = CharField(unique=True)  # indicator code, e.g. cadre.postgrad_district
    title = TextField()
    unit = CharField(default="%")
    target_min = FloatField(null=True)
    target_max = FloatField(null=True)
    deadline_year = IntegerField()
    sort_order = IntegerField(default=0)
    # How the target is computed (services.target_rules): a method code, the level of units it covers, the column
    # or office item it reads, and the stored values that count (JSON list); see PRODUCT.md §2 "Targets as data".
    method = CharField(default="")
    level = CharField(default="")
    criterion = CharField(default="")
    counted_values = TextField(default="[]")
    retired = BooleanField(default=False)


class SolutionGroup(BaseModel):
    project = ForeignKeyField(Project, backref="groups", on_delete="CASCADE")
    number = IntegerField()
    name = TextField()

    class Meta:
        indexes = ((("project", "number"), True),)


class Task(BaseModel):
    group = ForeignKeyField(SolutionGroup, backref="tasks", on_delete="CASCADE")
    title = TextField()
    responsible_member = ForeignKeyField(SteeringMember, null=True, backref="tasks", on_delete="SET NULL")
    responsible_unit = ForeignKeyField(Unit, null=True, backref="tasks", on_delete="SET NULL")
    deadline = DateField(null=True)
    status = CharField(default="chua_bat_dau")
    completed_on = DateField(null=True)
    evidence = TextField(default="")
    notes = TextField(default="")
    sort_order = IntegerField(default=0)
