"""What the window loads with the database layer: no server driver and no OpenSSL until one is needed, and what
peewee was given in their place still works the moment it is used."""

from __future__ import annotations

import hashlib
import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dean_desktop.models import Setting, db
from dean_desktop.models.engine import ONE_PASS_CACHE_KIB, SQLITE_PRAGMAS, one_pass_read

PROBE = """
import json, sys
import dean_desktop.models
loaded = {name: name in sys.modules for name in ("psycopg", "hashlib", "_hashlib", "socket", "uuid")}
import peewee
loaded["md5 of de an"] = peewee.hashlib.md5(b"de an").hexdigest()
loaded["uuid length"] = len(peewee.uuid.uuid4().hex)
print(json.dumps(loaded))
"""


def test_the_database_layer_loads_no_server_driver_and_no_openssl() -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, encoding="utf-8", cwd=root, check=True
    )
    loaded = json.loads(done.stdout)
    assert not any(loaded[name] for name in ("psycopg", "hashlib", "_hashlib", "socket", "uuid"))
    assert loaded["md5 of de an"] == hashlib.md5(b"de an").hexdigest()  # the real module, loaded at first use
    assert loaded["uuid length"] == 32


def test_peewees_stand_ins_survive_inspection() -> None:
    import peewee

    # PySide's import hook inspects modules (inspect.unwrap asks for __wrapped__); that once recursed until the stack
    # ran out and showed an error box at start-up.
    assert not hasattr(peewee.hashlib, "__wrapped__")
    assert inspect.unwrap(peewee.uuid) is peewee.uuid


@pytest.mark.sqlite_only  # a SQLite page cache
def test_a_one_pass_read_keeps_a_small_page_cache_and_gives_it_back(store: Path) -> None:
    def cache_size() -> int:
        return int(db.execute_sql("PRAGMA cache_size").fetchone()[0])

    assert cache_size() == SQLITE_PRAGMAS["cache_size"]
    with one_pass_read(db):
        assert cache_size() == -ONE_PASS_CACHE_KIB
        assert Setting.select().count() > 0
    assert cache_size() == SQLITE_PRAGMAS["cache_size"]
