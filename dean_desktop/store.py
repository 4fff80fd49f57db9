"""Opening the user's database for the window or the command line: path, schema, migrations, seed."""

from __future__ import annotations

from pathlib import Path

from .models.engine import is_server_url
from .models.schema import open_database
from .paths import backup_dir_for, default_db_path
from .services.seed import seed_database


def open_store(target: Path | str | None = None) -> Path:
    """Open (creating if needed) the database, migrate it and seed it on first start; returns its path.

    ``target`` is a SQLite file or a ``postgresql://`` URL; a URL is returned as given (a str).
    """
    if is_server_url(target):
        open_database(str(target))
        seed_database()
        return target  # type: ignore[return-value]
    db_path = Path(target) if target else default_db_path()
    open_database(db_path, backup_dir=backup_dir_for(db_path))
    seed_database()
    return db_path


def close_thread_connection() -> None:
    """Close the calling thread's connection (peewee keeps one per thread); background jobs call it when done."""
    from .models import db

    if not db.is_closed():
        db.close()
