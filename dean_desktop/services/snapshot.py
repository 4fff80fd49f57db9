"""One consistent view of the store for reads made of many queries (an export, a report, the indicators table).

An import committed by another process or thread while a summary workbook is being written must not land between
two of its sheets: the targets sheet would count one figure and the offices sheet show another. Inside
``read_snapshot`` every query sees the store as it was at the first one (SQLite in WAL mode keeps a reader's
snapshot for its transaction; PostgreSQL needs REPEATABLE READ for that).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

from ..models import db
from ..models.engine import is_server

P = ParamSpec("P")
T = TypeVar("T")


@contextmanager
def read_snapshot() -> Iterator[None]:
    """A read transaction (nested ones join the outer one); nothing is written through it."""
    outermost = not db.in_transaction()
    with db.atomic():
        if outermost and is_server(db):
            db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")  # must be the transaction's first
        yield


def consistent_read(function: Callable[P, T]) -> Callable[P, T]:
    """Run ``function`` inside ``read_snapshot``."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        with read_snapshot():
            return function(*args, **kwargs)

    return wrapper
