"""peewee is imported without psycopg (start-up time and memory); a PostgreSQL database still gets it when bound."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("psycopg")

PROBE = """
import sys
import dean_desktop.models
import peewee
print("psycopg" in sys.modules, peewee.psycopg is None)
database = peewee.PostgresqlDatabase("dean", host="127.0.0.1", port=1)
print(type(database._adapter).__name__, peewee.psycopg is not None, peewee.Psycopg3Adapter.txn_idle is not None)
"""


def test_psycopg_waits_until_a_postgresql_database_is_bound() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["False True", "Psycopg3Adapter True True"]
