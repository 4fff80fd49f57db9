"""The one import operation the command line and the window share: find the files, back the store up, analyse,
apply (one transaction per file), record every file in the import history.

The command line runs it in one go (``run_import``); the window shows a preview between analysing and applying
(``analyse_files``, then ``apply_plans``). Both back up before anything is written, and a backup that fails stops
the import with a Vietnamese message: it is never skipped silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from ...models import db
from ..units import list_units
from .importer import ImportOutcome, apply_plan, import_files
from .plan import FilePlan, ReadAhead
from .selection import FileSelection, find_workbooks

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
BACKUP_REASON = "truoc-khi-nhap"
T = TypeVar("T")


def find_files(paths: Sequence[Path]) -> FileSelection:
    """The workbooks to import among the files and folders given (folders expanded), and the files left out with
    why — ``find_workbooks``, the one folder expansion; the window and the command line both come through here."""
    return find_workbooks([Path(p) for p in paths])


def backup_before_import() -> Path | None:
    """The safety backup before an import writes anything; None when there is nothing to lose (an in-memory store,
    a file holding only its seed, or one unchanged since the last such backup, which is still there).

    Raises DomainError (with the reason in Vietnamese) when the backup cannot be written: the import must not start.
    """
    from ...models.engine import is_server
    from .. import backup

    if is_server(db):
        return backup.backup_now(BACKUP_REASON)  # a copy-db file in the user's data folder
    if db.database in ("", ":memory:"):
        return None
    return backup.backup_before_import()


def analyse_files(
    files: Sequence[Path], progress: Progress | None = None, should_cancel: Cancelled | None = None
) -> list[FilePlan]:
    """Each file read and checked against the store, nothing written (the window's preview shows these)."""
    units = list_units()
    ahead = ReadAhead(files)
    return [ahead.analyse(path, units) for path in _in_turn(files, lambda p: p.name, progress, should_cancel)]


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
    ahead = ReadAhead(plan.path for plan in plans if plan.ok)
    return [
        # Removals go through only where the preview showed them and the user ticked to confirm.
        apply_plan(ahead.analyse(plan.path, units) if plan.ok else plan, allow_removals=plan.needs_confirmation)
        for plan in _in_turn(plans, lambda p: p.path.name, progress, should_cancel)
    ]


def _in_turn(
    items: Sequence[T], name: Callable[[T], str], progress: Progress | None, should_cancel: Cancelled | None
) -> Iterator[T]:
    """Each item in turn, ``progress(done, total, name)`` before each and ``(done, total, "")`` at the end; stops
    early (leaving the rest out) once ``should_cancel()`` is true."""
    done = 0
    for done, item in enumerate(items):  # noqa: B007 - ``done`` is reported after the loop too
        if should_cancel is not None and should_cancel():
            break
        if progress is not None:
            progress(done, len(items), name(item))
        yield item
    else:
        done = len(items)
    if progress is not None:
        progress(done, len(items), "")


def run_import(
    paths: Sequence[Path] | FileSelection,
    *,
    dry_run: bool = False,
    allow_removals: bool = False,
    progress: Progress | None = None,
    should_cancel: Cancelled | None = None,
) -> list[ImportOutcome]:
    """Find, analyse and apply each file in turn, backing up before the first write — the command line's import.

    The files left out come last, as "skipped" outcomes with why. A file that would remove whole sections already
    stored is refused unless ``allow_removals``.
    """
    selection = paths if isinstance(paths, FileSelection) else find_files(paths)
    return import_files(
        selection,
        dry_run=dry_run,
        allow_removals=allow_removals,
        progress=progress,
        should_cancel=should_cancel,
        before_writing=backup_before_import,
    )
