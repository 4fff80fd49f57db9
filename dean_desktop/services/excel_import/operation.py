"""The one import operation the command line and the window share: find the files, back the store up, analyse,
apply (one transaction per file), record every file in the import history.

The command line runs it in one go (``run_import``); the window shows a preview between analysing and applying
(``analyse_files``, then ``apply_plans``). Both back up before anything is written, and a backup that fails stops
the import with a Vietnamese message: it is never skipped silently.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ...models import db
from ..units import list_units
from .importer import ImportOutcome, apply_plan, import_files, workbook_files
from .plan import FilePlan, analyse_file

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
BACKUP_REASON = "truoc-khi-nhap"


def find_files(paths: Sequence[Path]) -> list[Path]:
    """The workbooks to import among the files and folders given (folders expanded).

    PLACEHOLDER for the importer branch's single folder expansion (``find_workbooks``, which also names the files it
    leaves out): wire it here, and only here; the window and the command line both come through this function.
    """
    return workbook_files([Path(p) for p in paths])


def backup_before_import() -> Path | None:
    """The safety backup before an import writes anything (None only for an in-memory store, which has no file).

    Raises DomainError (with the reason in Vietnamese) when the backup cannot be written: the import must not start.
    """
    if db.database in ("", ":memory:"):
        return None
    from ..backup import backup_now

    return backup_now(BACKUP_REASON)


def analyse_files(
    files: Sequence[Path], progress: Progress | None = None, should_cancel: Cancelled | None = None
) -> list[FilePlan]:
    """Each file read and checked against the store, nothing written (the window's preview shows these)."""
    units = list_units()
    plans: list[FilePlan] = []
    for index, path in enumerate(files):
        if should_cancel is not None and should_cancel():
            break
        if progress is not None:
            progress(index, len(files), path.name)
        plans.append(analyse_file(path, units))
    if progress is not None:
        progress(len(plans), len(files), "")
    return plans


def apply_plans(
    plans: Sequence[FilePlan], progress: Progress | None = None, should_cancel: Cancelled | None = None
) -> list[ImportOutcome]:
    """Back up, then write each accepted plan and record each rejected one in the import history.

    An accepted file is analysed again against the store as it is now: an earlier file of the same batch may have
    replaced the same unit and period, which would make a preview's "unchanged" or its diff stale.
    """
    if any(plan.ok for plan in plans):
        backup_before_import()
    units = list_units()
    outcomes: list[ImportOutcome] = []
    for index, plan in enumerate(plans):
        if should_cancel is not None and should_cancel():
            break
        if progress is not None:
            progress(index, len(plans), plan.path.name)
        outcomes.append(apply_plan(analyse_file(plan.path, units) if plan.ok else plan))
    if progress is not None:
        progress(len(outcomes), len(plans), "")
    return outcomes


def run_import(
    paths: Sequence[Path],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    should_cancel: Cancelled | None = None,
) -> list[ImportOutcome]:
    """Find, back up (unless a dry run), analyse and apply each file in turn — the command line's import.

    An empty list means no workbook was found among ``paths``.
    """
    files = find_files(paths)
    if not files:
        return []
    if not dry_run:
        backup_before_import()
    return import_files(files, dry_run=dry_run, progress=progress, should_cancel=should_cancel)
