"""Reading the import history and the audit trail."""

from __future__ import annotations

import json
from datetime import date, datetime, time

from peewee import fn

from ..models import AuditEntry, ImportRecord, Unit, db
from .audit_labels import LOOKUPS, audited_labels, record_labels
from .rows import AuditRow, ImportRow
from .vntext import fold


def list_imports(limit: int = 5000) -> list[ImportRow]:
    units = dict(Unit.select(Unit.id, Unit.name).tuples())
    query = ImportRecord.select().order_by(ImportRecord.at.desc(), ImportRecord.id.desc()).limit(limit)
    return [
        ImportRow(
            id=r.id,
            at=r.at,
            who=r.who,
            file_name=r.file_name,
            file_hash=r.file_hash,
            kind=r.kind,
            status=r.status,
            unit_name=units.get(r.unit_id, ""),
            period_code=r.period_code,
            counts=json.loads(r.counts or "{}"),
            warnings=tuple(json.loads(r.warnings or "[]")),
            errors=tuple(json.loads(r.errors or "[]")),
        )
        for r in query
    ]


def _audit_rows(query, limit: int) -> list[AuditRow]:  # type: ignore[no-untyped-def]
    entries = list(query.limit(limit))
    labels = record_labels((a.table, a.row_id) for a in entries)
    return [
        AuditRow(
            id=a.id,
            at=a.at,
            who=a.who,
            table=a.table,
            row_id=a.row_id,
            field=a.field,
            old=a.old,
            new=a.new,
            source=a.source,
            label=labels.get((a.table, a.row_id), "") if a.row_id is not None else "",
        )
        for a in entries
    ]


def _filtered(query, table: str | None, who: str | None, since: date | None):  # type: ignore[no-untyped-def]
    if table:
        query = query.where(AuditEntry.table == table)
    if who:
        query = query.where(AuditEntry.who == who)
    if since:
        query = query.where(AuditEntry.at >= datetime.combine(since, time.min))
    return query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())


def list_audit(
    *, table: str | None = None, who: str | None = None, since: date | None = None, limit: int = 5000
) -> list[AuditRow]:
    """The audit log, newest first."""
    return _audit_rows(_filtered(AuditEntry.select(), table, who, since), limit)


def audit_filter_choices() -> tuple[list[str], list[str]]:
    """(tables, users) that occur in the audit log, for the filters of the audit view."""
    tables = [t for (t,) in AuditEntry.select(AuditEntry.table).distinct().order_by(AuditEntry.table).tuples()]
    users = [w for (w,) in AuditEntry.select(AuditEntry.who).distinct().order_by(AuditEntry.who).tuples()]
    return tables, users


def search_audit(
    *,
    table: str | None = None,
    who: str | None = None,
    since: date | None = None,
    text: str = "",
    limit: int = 5000,
) -> list[AuditRow]:
    """The audit log newest first, filtered; ``text`` matches field, old and new values and the record's name,
    ignoring case and diacritics (SQLite's LIKE folds ASCII only, so a registered folding function compares)."""
    needle = fold(text)
    if not needle:
        return list_audit(table=table, who=who, since=since, limit=limit)
    db.register_function(fold, "vn_fold", 1, deterministic=True)
    haystack = fn.vn_fold(
        AuditEntry.field.concat(" ")
        .concat(fn.coalesce(AuditEntry.old, ""))
        .concat(" ")
        .concat(fn.coalesce(AuditEntry.new, ""))
    )
    matches = fn.instr(haystack, needle) > 0
    for kind in [table] if table else LOOKUPS:
        named = [row_id for row_id, name in audited_labels(kind).items() if needle in fold(name)]
        if named:
            matches |= (AuditEntry.table == kind) & AuditEntry.row_id.in_(named)
    query = AuditEntry.select().where(matches)
    return _audit_rows(_filtered(query, table, who, since), limit)
