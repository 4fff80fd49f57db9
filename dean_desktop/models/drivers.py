"""peewee without the server drivers until a server database is opened.

peewee imports every database driver it finds when it is imported; with psycopg installed (for the PostgreSQL
store) that is ~0.2 s and ~16 MB on every start of the window, which opens an SQLite file. ``defer_server_drivers``
hides them while peewee is imported; ``load_psycopg`` gives peewee psycopg 3 when a ``PostgresqlDatabase`` is
bound to a database (hooked into its ``init``), exactly as if peewee had found it at import.

peewee also imports ``hashlib`` (OpenSSL's libcrypto: ~3.7 MB resident), ``socket`` and ``uuid`` for a few rarely
used fields and long index names; it gets stand-ins that import the real module on first use (``_OnFirstUse``).
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

_SERVER_DRIVERS = ("psycopg", "psycopg2", "psycopg2cffi", "pymysql", "MySQLdb")
_RARELY_USED = ("hashlib", "socket", "uuid")


class _OnFirstUse(types.ModuleType):
    """Stands in, in peewee's namespace, for a standard module it rarely uses: the real one is imported (and its
    attribute read) at first use."""

    def __getattr__(self, attribute: str) -> Any:
        module = None if attribute.startswith("__") else importlib.import_module(self.__name__)
        if module is None or module is self:  # a dunder (tools inspecting modules), or asked while peewee imports
            raise AttributeError(attribute)
        return getattr(module, attribute)


def import_peewee() -> Any:
    """Import peewee with the server drivers hidden (unless peewee or a driver is already imported)."""
    if "peewee" in sys.modules:
        return sys.modules["peewee"]
    hidden = [name for name in _SERVER_DRIVERS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import psycopg" raises ImportError at once
    standing_in = {name: _OnFirstUse(name) for name in _RARELY_USED if name not in sys.modules}
    sys.modules.update(standing_in)
    try:
        peewee = importlib.import_module("peewee")
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
        for name, stand_in in standing_in.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]  # the next "import hashlib" anywhere imports the real module
    if "psycopg" in hidden:
        _hook_postgres_init(peewee)
    return peewee


def load_psycopg() -> bool:
    """Give peewee psycopg 3 (what its import would have set); False when psycopg is not installed."""
    peewee = sys.modules["peewee"]
    if peewee.psycopg is not None:
        return True
    try:
        import psycopg
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb
    except ImportError:
        return False
    peewee.psycopg, peewee.TransactionStatus, peewee.Json_pg3, peewee.Jsonb_pg3 = (
        psycopg,
        TransactionStatus,
        Json,
        Jsonb,
    )
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN
    return True


def _hook_postgres_init(peewee: Any) -> None:
    original = peewee.PostgresqlDatabase.init

    def init(self: Any, database: Any, *args: Any, **kwargs: Any) -> Any:
        if database is not None:
            load_psycopg()
        return original(self, database, *args, **kwargs)

    peewee.PostgresqlDatabase.init = init


import_peewee()  # on import: the models package imports this module before anything else
