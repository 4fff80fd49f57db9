"""Applying analysed files: one transaction per file, an import record for every file, many files with progress."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ...models import ImportRecord, db
from ...models.engine import insert_row
from .. import audit
from ..returns import ReturnData, save_return
from ..storage_checks import translate_disk_full
from ..units import list_units
from .issues import Issue
from .plan import FilePlan, ReadAhead, confirm_removals, refuse_removals
from .selection import FileSelection, SkippedFile, find_workbooks


@dataclass
class ImportOutcome:
    file: str
    status: str  # "imported" | "rejected"
    unit: str | None
    period: str | None
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    unchanged: bool = False
    kind: str | None = None
    period_code: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "imported"

    @classmethod
    def skipped(cls, item: SkippedFile) -> ImportOutcome:
        """A file an import did not read (not a workbook, a lock file, unreadable), with why."""
        return cls(file=str(item.path), status="skipped", unit=None, period=None,
                   errors=[Issue(None, None, None, item.reason)])  # fmt: skip

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "status": self.status,
            "unit": self.unit,
            "period": self.period,
            "counts": dict(self.counts),
            "errors": [e.as_json() for e in self.errors],
            "warnings": [w.text() for w in self.warnings],
            "unchanged": self.unchanged,
        }


def outcome_of(plan: FilePlan) -> ImportOutcome:
    """What importing this plan gives (or would give, for a dry run)."""
    return ImportOutcome(
        file=str(plan.path),
        status="imported" if plan.ok else "rejected",
        unit=plan.unit.name if plan.unit else None,
        period=plan.period.label if plan.period else None,
        counts=plan.counts if plan.ok else {},
        errors=list(plan.errors),
        warnings=list(plan.warnings),
        unchanged=plan.unchanged and plan.ok,
        kind=plan.kind,
        period_code=plan.period.code if plan.period else None,
    )


def _record(plan: FilePlan, status: str) -> None:
    insert_row(
        db,
        ImportRecord,
        at=datetime.now(),
        who=audit.current_user(),
        file_name=str(plan.path),
        file_hash=plan.file_hash,
        kind=plan.kind or "return",
        status=status,
        unit=plan.unit.id if plan.unit else None,
        period_code=plan.period.code if plan.period else "",
        counts=json.dumps(plan.counts if plan.ok else {}, ensure_ascii=False),
        warnings=json.dumps([w.text() for w in plan.warnings], ensure_ascii=False),
        errors=json.dumps([e.text() for e in plan.errors], ensure_ascii=False),
    )


def apply_plan(plan: FilePlan, *, allow_removals: bool = False) -> ImportOutcome:
    """Write an analysed file in one transaction with its import record; a rejected plan only records the refusal.

    A plan that would remove whole sections already stored is refused unless ``allow_removals`` (the user confirmed).
    """
    if allow_removals:
        confirm_removals(plan)
    else:
        refuse_removals(plan)
    with translate_disk_full(db.database), db.atomic("IMMEDIATE"):  # write lock up front; full disk in Vietnamese
        if not plan.ok:
            _record(plan, "rejected")
        elif plan.unchanged:
            _record(plan, "unchanged")
        else:
            if isinstance(plan.payload, ReturnData):
                save_return(plan.payload, source="import")
            else:
                _apply_district(plan)
            _record(plan, "imported")
    return outcome_of(plan)


def _apply_district(plan: FilePlan) -> None:
    # Imported on use, like plan._analyse_district's parsers.
    from .district import DistrictPayload, apply_members, apply_rotations
    from .target_sheet import apply_targets

    if isinstance(plan.payload, DistrictPayload):
        if plan.payload.rotations is not None:
            apply_rotations([item for item in plan.payload.rotations])
        if plan.payload.members is not None:
            apply_members(plan.payload.members)
        if plan.payload.targets is not None:
            apply_targets(plan.payload.targets)


def import_files(
    paths: Sequence[Path] | FileSelection,
    *,
    dry_run: bool = False,
    allow_removals: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    before_writing: Callable[[], object] | None = None,
) -> list[ImportOutcome]:
    """Analyse and import each file in turn (each whole or not at all); a dry run writes nothing.

    Folders are expanded by ``find_workbooks`` (or ``paths`` is its result); the files it leaves out come last, as
    "skipped" outcomes with why.
    A file that would remove whole sections already stored is refused unless ``allow_removals``.
    ``progress(done, total, file name)`` is called before each file; when ``should_cancel()`` turns true, the files
    not yet started are left out of the result. ``before_writing()`` (the safety backup) runs once, before the first
    file that passed its checks is written: a batch whose every file is refused leaves no trace.
    """
    selection = paths if isinstance(paths, FileSelection) else find_workbooks(paths)
    files = selection.files
    units = list_units()
    outcomes: list[ImportOutcome] = []
    ahead = ReadAhead(files)
    with contextlib.ExitStack() as batch:
        transaction = None
        for index, path in enumerate(files):
            if should_cancel is not None and should_cancel():
                break
            if progress is not None:
                progress(index, len(files), path.name)
            plan = ahead.analyse(path, units)
            try:
                if dry_run:
                    (confirm_removals if allow_removals else refuse_removals)(plan)
                    outcomes.append(outcome_of(plan))
                    continue
                if plan.ok and before_writing is not None:
                    before_writing()  # the backup reads the store as committed: before the batch's transaction
                    before_writing = None
                if plan.ok and transaction is None and len(files) > 1:
                    # From the first file to write on, one transaction (one sync to disk) for the batch; each file
                    # is a savepoint inside it, so a file still lands whole or not at all, and a file that breaks
                    # leaves the files before it imported.
                    batch.enter_context(translate_disk_full(db.database))
                    transaction = batch.enter_context(db.atomic("IMMEDIATE"))
                outcomes.append(apply_plan(plan, allow_removals=allow_removals))
            except Exception:
                if transaction is not None:
                    transaction.commit()  # keep the files imported before this one
                raise
    if progress is not None:
        progress(len(outcomes), len(files), "")
    return outcomes + [ImportOutcome.skipped(item) for item in selection.skipped]
