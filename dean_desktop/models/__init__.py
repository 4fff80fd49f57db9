"""peewee models of the store; no Qt here."""

# First, before any model imports peewee: peewee without psycopg & co. until a server database is opened.
from . import drivers  # noqa: F401

# isort: split
from .audit import AuditEntry, ImportRecord, Setting
from .base import db
from .projects import Project, SolutionGroup, Target, Task
from .returns import Cadre, EdocOrg, OfficeReadiness, Rotation, UnitReturn
from .roster import MemberUnit, SteeringMember
from .tallies import CadreTally
from .units import Unit

ALL_MODELS = [
    Unit,
    SteeringMember,
    MemberUnit,
    Project,
    Target,
    SolutionGroup,
    Task,
    UnitReturn,
    OfficeReadiness,
    EdocOrg,
    Cadre,
    CadreTally,
    Rotation,
    AuditEntry,
    ImportRecord,
    Setting,
]

__all__ = [
    "ALL_MODELS",
    "AuditEntry",
    "Cadre",
    "CadreTally",
    "EdocOrg",
    "ImportRecord",
    "MemberUnit",
    "OfficeReadiness",
    "Project",
    "Rotation",
    "Setting",
    "SolutionGroup",
    "SteeringMember",
    "Target",
    "Task",
    "Unit",
    "UnitReturn",
    "db",
]
