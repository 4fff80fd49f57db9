"""Copying a whole database to another one, across engines (a SQLite file ⇄ a PostgreSQL server).

Rows keep their ids, so every reference stays valid; the target must be empty. The copy runs in one transaction on
the target: a failure leaves nothing half-copied there (a new file that failed is removed).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from peewee import AutoField, Database, ForeignKeyField

from . import ALL_MODELS
from .base import BaseModel, db
from .engine import (
    DatabaseOpenError,
    bulk_insert,
    create_server_functions,
    describe,
    is_server,
    is_server_url,
    make_database,
    open_failure_message,
    set_schema_version,
    user_tables,
)
from .schema import SCHEMA_VERSION, user_version


def row_counts() -> dict[str, int]:
    """Rows per table of the open database."""
    return {model._meta.table_name: model.select().count() for model in ALL_MODELS}


def _connect(target: str | Path) -> Database:
    if not is_server_url(target):
        path = Path(target)
        if path.is_dir() or (path.exists() and path.stat().st_size > 0):
            raise DatabaseOpenError(
                f"Tệp {path} đã có; copy-db chỉ ghi vào một tệp mới (chưa có) để không ghi đè dữ liệu nào."
            )
        path.parent.mkdir(parents=True, exist_ok=True)
    other = make_database(target)
    try:
        other.connect()
    except Exception as error:
        message = open_failure_message(error, target)
        if message is None:
            raise
        raise DatabaseOpenError(message) from error
    if user_tables(other):
        other.close()
        raise DatabaseOpenError(
            f"Cơ sở dữ liệu {describe(target)} đã có dữ liệu; copy-db chỉ chép vào một cơ sở dữ liệu trống."
        )
    return other


@contextmanager
def _bound(other: Database) -> Iterator[None]:
    with other.bind_ctx(ALL_MODELS, bind_refs=False, bind_backrefs=False):
        yield


def _self_references(model: type[BaseModel]) -> list[ForeignKeyField]:
    return [f for f in model._meta.sorted_fields if isinstance(f, ForeignKeyField) and f.rel_model is model]


def _copy_table(model: type[BaseModel], other: Database) -> None:
    fields = model._meta.sorted_fields
    refs = _self_references(model)
    later = {i for i, f in enumerate(fields) if any(f is r for r in refs)}  # set once every row exists
    key_at = next(i for i, f in enumerate(fields) if f is model._meta.primary_key)
    # (peewee fields overload ==, so they are told apart by position, never as dict keys)
    values, deferred = [], []
    for row in model.select(*fields).order_by(*model._meta.get_primary_keys()).tuples():
        if any(row[i] is not None for i in later):
            deferred.append((row[key_at], {fields[i].name: row[i] for i in later}))
        values.append(tuple(None if i in later else f.db_value(row[i]) for i, f in enumerate(fields)))
    # The driver's executemany (bulk_insert): ~10x faster than insert_many for the 50,000-cadre table.
    bulk_insert(other, model._meta.table_name, [f'"{f.column_name}"' for f in fields], values)
    with _bound(other):
        for row_key, changes in deferred:
            model.update(changes).where(model._meta.primary_key == row_key).execute()


def _reset_sequences(other: Database) -> None:
    """PostgreSQL's serial counters start after the copied ids (SQLite needs nothing)."""
    if not is_server(other):
        return
    for model in ALL_MODELS:
        key = model._meta.primary_key
        if isinstance(key, AutoField):
            table = model._meta.table_name
            other.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{key.column_name}'), "
                f'COALESCE((SELECT MAX("{key.column_name}") FROM "{table}"), 0) + 1, false)'
            )


def copy_to(target: str | Path) -> dict[str, int]:
    """Copy the open database, whole, into the empty ``target``; returns the rows copied per table."""
    if user_version() != SCHEMA_VERSION:
        raise DatabaseOpenError("Cơ sở dữ liệu đang mở chưa được nâng cấp; hãy mở lại phần mềm rồi chép.")
    other = _connect(target)
    created_file = not is_server_url(target)
    try:
        with other.atomic():
            with _bound(other):
                other.create_tables(ALL_MODELS)
            set_schema_version(other, SCHEMA_VERSION)
            create_server_functions(other)
            with db.atomic():  # one consistent read of the source
                for model in ALL_MODELS:
                    _copy_table(model, other)
            _reset_sequences(other)
    except BaseException:
        other.close()
        if created_file:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(str(target) + suffix).unlink(missing_ok=True)
        raise
    with _bound(other):
        counts = {model._meta.table_name: model.select().count() for model in ALL_MODELS}
    other.close()
    return counts
