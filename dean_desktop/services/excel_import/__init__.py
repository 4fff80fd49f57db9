"""Importing unit returns and the district workbooks: analyse → preview → apply, whole file or nothing."""

from .district import DistrictPayload, MemberEntry
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
