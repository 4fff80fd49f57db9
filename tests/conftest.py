"""Shared fixtures: a fresh seeded database per test, offscreen Qt, a private data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dean_desktop.models import db  # noqa: E402
from dean_desktop.store import open_store  # noqa: E402


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("DEAN_DESKTOP_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Path]:
    """A new database with the seed data, bound to the models."""
    open_store(db_path)
    yield db_path
    db.close()


@pytest.fixture
def demo_store(store: Path) -> Path:
    from dean_desktop.services.demo import load_demo

    load_demo()
    return store
