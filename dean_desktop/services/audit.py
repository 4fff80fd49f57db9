"""Writing the audit trail: who changed what, when, from what to what."""

from __future__ import annotations

import getpass
from collections.abc import Mapping
from datetime import date, datetime

from ..models import AuditEntry


def current_user() -> str:
    """The OS user name (Windows login), the 'who' of every change."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some service accounts
        return "không rõ"


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
    AuditEntry.create(
        at=datetime.now(),
        who=current_user(),
        table=table,
        row_id=row_id,
        field=field,
        old=_text(old),
        new=_text(new),
        source=source,
    )


def record_changes(
    table: str, row_id: int, old: Mapping[str, object], new: Mapping[str, object], source: str = "ui"
) -> list[str]:
    """Audit every field whose value differs; returns the names of the changed fields."""
    changed = [name for name, value in new.items() if old.get(name) != value]
    for name in changed:
        record(table, row_id, name, old.get(name), new[name], source)
    return changed
