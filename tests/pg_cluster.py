"""A throw-away PostgreSQL cluster for the tests and benchmarks: initdb into a temporary folder, a free local port.

Set ``DEAN_DESKTOP_PG_URL`` (a server URL whose user may CREATE DATABASE, e.g. ``postgresql://postgres@localhost:5433
/postgres``) to use a running server instead. As root, initdb and the server run as the ``postgres`` user
(``runuser``), as PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

URL_ENV = "DEAN_DESKTOP_PG_URL"


def bin_dir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    return Path(candidates[-1]).parent if candidates else None


def available() -> bool:
    return bool(os.environ.get(URL_ENV)) or bin_dir() is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """A running server; ``url(name)`` is the URL of database ``name`` on it."""

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._as: list[str] = []
        given = os.environ.get(URL_ENV)
        if given:
            self.admin_url = given
            return
        binaries = bin_dir()
        if binaries is None:
            raise RuntimeError("PostgreSQL is not installed")
        self._bin = binaries
        self._folder = Path(tempfile.mkdtemp(prefix="dean-pg-"))
        os.chmod(self._folder, 0o755)
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            shutil.chown(self._folder, "postgres", "postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
        data = self._folder / "data"
        port = _free_port()
        self._run("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8")
        options = f"-p {port} -k {self._folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        self._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(self._folder / "log"), "-w", "start")
        self.admin_url = f"postgresql://postgres@127.0.0.1:{port}/postgres"

    def _run(self, program: str, *args: str) -> None:
        subprocess.run([*self._as, str(self._bin / program), *args], check=True, capture_output=True, timeout=120)

    def url(self, name: str) -> str:
        return self.admin_url.rsplit("/", 1)[0] + "/" + name

    def execute(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url.replace("postgresql://", "postgresql://", 1), autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self, name: str, template: str | None = None) -> str:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        # FILE_COPY: a copy of the template's files (fast with fsync off), not block by block through the WAL.
        self.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""))
        return self.url(name)

    def stop(self) -> None:
        if self._folder is None:
            return
        try:
            self._run("pg_ctl", "-D", str(self._folder / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
