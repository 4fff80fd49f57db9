"""Writing the audit trail: who changed what, when, from what to what."""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterable, Mapping
from datetime import date, datetime

from peewee import fn

from ..models import AuditEntry, db
from ..models.engine import insert_row
from .errors import DomainError


class EditConflictError(DomainError):
    """Someone else changed the row after it was shown; the caller reloads it. The message names who and when."""


def current_user() -> str:
    """The OS user name (Windows login), the 'who' of every change."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some service accounts
        return "không rõ"


def current_host() -> str:
    """The PC's name, the 'where' of every change (several staff share one server database): what
    ``platform.node()`` answers, without importing ``platform`` (4 ms of every command's start)."""
    if hasattr(os, "uname"):
        return os.uname().nodename or "không rõ"
    import socket  # Windows

    return socket.gethostname() or "không rõ"


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def record(table: str, row_id: int | None, field: str, old: object, new: object, source: str = "ui") -> None:
    """One audit line; call inside the transaction that makes the change."""
    insert_row(
        db,
        AuditEntry,
        at=datetime.now(),
        who=current_user(),
        table=table,
        row_id=row_id,
        field=field,
        old=_text(old),
        new=_text(new),
        source=source,
        host=current_host(),
    )


def row_versions(table: str, row_ids: Iterable[int] | None = None) -> dict[int, int]:
    """The version of each row of ``table``: the id of its latest audit line (every change writes one), 0 if none."""
    query = AuditEntry.select(AuditEntry.row_id, fn.MAX(AuditEntry.id)).where(AuditEntry.table == table)
    if row_ids is not None:
        query = query.where(AuditEntry.row_id.in_(list(row_ids)))
    return {int(row_id): int(version) for row_id, version in query.group_by(AuditEntry.row_id).tuples() if row_id}


def ensure_unchanged(table: str, row_id: int, seen: int | None) -> None:
    """Refuse an edit made on a row shown at version ``seen`` that someone changed since (None: no check).

    Call inside the edit's write transaction (``db.atomic("IMMEDIATE")``) so nobody can slip in between.
    """
    if seen is None:
        return
    latest = (
        AuditEntry.select()
        .where((AuditEntry.table == table) & (AuditEntry.row_id == row_id) & (AuditEntry.id > seen))
        .order_by(AuditEntry.id.desc())
        .first()
    )
    if latest is not None:
        where = f" (máy {latest.host})" if latest.host else ""
        raise EditConflictError(
            f"Dòng này đã được {latest.who}{where} sửa lúc {latest.at:%H:%M ngày %d/%m/%Y}; "
            "đã tải lại số liệu mới nhất, hãy xem lại rồi sửa nếu vẫn cần."
        )


def record_changes(
    table: str, row_id: int, old: Mapping[str, object], new: Mapping[str, object], source: str = "ui"
) -> list[str]:
    """Audit every field whose value differs; returns the names of the changed fields."""
    changed = [name for name, value in new.items() if old.get(name) != value]
    for name in changed:
        record(table, row_id, name, old.get(name), new[name], source)
    return changed
