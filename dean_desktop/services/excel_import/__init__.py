"""Importing unit returns and the district workbooks: analyse → preview → apply, whole file or nothing."""

from .importer import ImportOutcome, apply_plan, import_files, outcome_of
from .issues import Issue, Repair, WorkbookRefused
from .plan import FilePlan, SectionDiff, analyse_file
from .selection import FileSelection, SkippedFile, find_workbooks

__all__ = [
    "DistrictPayload",
    "FilePlan",
    "FileSelection",
    "ImportOutcome",
    "Issue",
    "MemberEntry",
    "Repair",
    "SectionDiff",
    "SkippedFile",
    "WorkbookRefused",
    "analyse_file",
    "apply_plan",
    "find_workbooks",
    "import_files",
    "outcome_of",
]


def __getattr__(name: str) -> object:
    """The district workbooks' types, imported on use (see plan._analyse_district)."""
    if name in ("DistrictPayload", "MemberEntry"):
        from . import district

        return getattr(district, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
