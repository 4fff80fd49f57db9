"""Importing unit returns and the district workbooks: analyse → preview → apply, whole file or nothing."""

from .district import DistrictPayload, MemberEntry
from .importer import ImportOutcome, apply_plan, import_files, outcome_of, workbook_files
from .issues import Issue, Repair, WorkbookRefused
from .plan import FilePlan, SectionDiff, analyse_file

__all__ = [
    "DistrictPayload",
    "FilePlan",
    "ImportOutcome",
    "Issue",
    "MemberEntry",
    "Repair",
    "SectionDiff",
    "WorkbookRefused",
    "analyse_file",
    "apply_plan",
    "import_files",
    "outcome_of",
    "workbook_files",
]
