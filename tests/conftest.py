"""Shared fixtures: a fresh seeded database per test, offscreen Qt, a private data folder.

``--engine=postgresql`` (or ``DEAN_DESKTOP_TEST_ENGINE=postgresql``) runs the ``store`` fixture on a PostgreSQL
database instead of a SQLite file: a throw-away cluster started once per session (tests/pg_cluster.py) and a fresh
database per test, copied from a seeded template. Tests that need a database *file* are marked ``sqlite_only``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dean_desktop.models import db  # noqa: E402
from dean_desktop.store import open_store  # noqa: E402

ENGINE_ENV = "DEAN_DESKTOP_TEST_ENGINE"
TEMPLATE = "dean_template"
DEMO_TEMPLATE = "dean_demo_template"
_demo_template_made: list[bool] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--engine",
        choices=("sqlite", "postgresql"),
        default=os.environ.get(ENGINE_ENV) or "sqlite",
        help="the engine the store fixture uses (default: sqlite)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: needs a database file (paths, backups, the window); skipped on PostgreSQL"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--engine") != "postgresql":
        return
    file_only = pytest.mark.skip(reason="needs a SQLite database file; runs in the SQLite pass")
    no_store = pytest.mark.skip(reason="does not use the store fixture; the engine changes nothing for it")
    for item in items:  # the PostgreSQL pass runs only what the engine changes
        if item.get_closest_marker("sqlite_only"):
            item.add_marker(file_only)
        elif "store" not in getattr(item, "fixturenames", ()):
            item.add_marker(no_store)


@pytest.fixture(scope="session")
def pg_cluster(request: pytest.FixtureRequest) -> Iterator[object]:
    """The session's PostgreSQL server with a seeded template database; None on the SQLite pass."""
    if request.config.getoption("--engine") != "postgresql":
        yield None
        return
    from tests.pg_cluster import Cluster, available

    if not available():
        pytest.fail("--engine=postgresql, but PostgreSQL is not installed and DEAN_DESKTOP_PG_URL is not set")
    cluster = Cluster()
    try:
        open_store(cluster.create_database(TEMPLATE))
        db.close()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_server(pg_cluster: object) -> Iterator[object]:
    """A PostgreSQL server for tests that need one on either pass (copy-db both ways); skipped if none is installed."""
    if pg_cluster is not None:
        yield pg_cluster
        return
    from tests.pg_cluster import Cluster, available

    if not available():
        pytest.skip("PostgreSQL is not installed (and DEAN_DESKTOP_PG_URL is not set)")
    cluster = Cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


_counter = iter(range(1, 1_000_000))


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("DEAN_DESKTOP_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path: Path, pg_cluster: object) -> Iterator[Path]:
    """A new database with the seed data, bound to the models (a file, or a server database on --engine=postgresql:
    then the URL, a str)."""
    if pg_cluster is None:
        open_store(db_path)
        yield db_path
        db.close()
        return
    name = f"t{os.getpid()}_{next(_counter)}"
    url = pg_cluster.create_database(name, template=TEMPLATE)  # type: ignore[attr-defined]
    open_store(url)
    yield url  # type: ignore[misc]
    db.close()
    pg_cluster.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[attr-defined]


@pytest.fixture
def demo_store(store: Path, pg_cluster: object) -> Path:
    from dean_desktop.services.demo import load_demo

    if pg_cluster is None:
        load_demo()
        return store
    # On the server, the sample data is loaded once into a second template and each test's database is remade from it.
    if not _demo_template_made:
        db.close()
        open_store(pg_cluster.create_database(DEMO_TEMPLATE, template=TEMPLATE))  # type: ignore[attr-defined]
        load_demo()
        db.close()
        _demo_template_made.append(True)
    name = str(store).rsplit("/", 1)[1]
    db.close()
    pg_cluster.create_database(name, template=DEMO_TEMPLATE)  # type: ignore[attr-defined]
    open_store(store)
    return store


UNANSWERED_AFTER = 15.0  # seconds a modal dialog may stay open in a test before it counts as forgotten


@pytest.fixture(autouse=True)
def no_forgotten_dialog(request: pytest.FixtureRequest) -> Iterator[None]:
    """A modal dialog no test answers would hold the run forever (offscreen, nobody clicks): close it after a while
    and fail the test with its text, so an unexpected error box is a quick, readable failure."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    opened: dict[int, float] = {}
    forgotten: list[str] = []

    def sweep() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        since = opened.setdefault(id(dialog), time.monotonic())
        if time.monotonic() - since < UNANSWERED_AFTER:
            return
        text = dialog.text() if isinstance(dialog, QMessageBox) else ""
        forgotten.append(f"“{dialog.windowTitle()}” {text}".strip())
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    timer = QTimer()
    timer.timeout.connect(sweep)
    timer.start(500)
    yield
    timer.stop()
    if forgotten:
        pytest.fail("a modal dialog was left open, nobody answered it: " + " | ".join(forgotten))
