"""Is the open database a sample one, or does it hold real work? Cheap questions the window asks at start."""

from __future__ import annotations

from ..models import AuditEntry, ImportRecord, Rotation, Setting, SteeringMember, Task, UnitReturn
from .errors import DomainError

DEMO_KEY = "demo_data"  # the setting that marks a sample database (its value: the day it was filled)
DEMO_MARK = "DỮ LIỆU MẪU"


class RealDataError(DomainError):
    """The database holds real work: sample data would be mixed into it."""


def is_sample_database() -> bool:
    """True when the open database was filled with sample data (the window shows a DỮ LIỆU MẪU banner)."""
    return Setting.get_or_none(Setting.key == DEMO_KEY) is not None


def holds_real_data() -> bool:
    """True when the open database holds anything a person put there: returns, imports, members, rotations, tasks
    or an edit of the seeded units and targets. A freshly created database holds only the seed and says False."""
    if is_sample_database():
        return False
    tables = (UnitReturn, ImportRecord, SteeringMember, Rotation, Task)
    return any(table.select().exists() for table in tables) or AuditEntry.select().exists()
