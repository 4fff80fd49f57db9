"""The log file in the data folder: appended to across starts, set aside when it grows past its size."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from dean_desktop.log import BACKUPS, MAX_BYTES, setup_logging


@pytest.fixture
def logger(monkeypatch: pytest.MonkeyPatch) -> Iterator[logging.Logger]:
    logger = logging.getLogger("dean_desktop")
    monkeypatch.setattr(logger, "handlers", [])
    yield logger
    for handler in logger.handlers:
        handler.close()


def restart(logger: logging.Logger, folder: Path) -> Path:
    """What a new start of the app does: a fresh logger set up on the folder."""
    for handler in logger.handlers:
        handler.close()
    logger.handlers = []
    return setup_logging(folder)


def test_each_start_appends_to_the_same_log(logger: logging.Logger, tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    logger.error("lần đầu")
    path = restart(logger, tmp_path)
    logger.error("lần sau")
    logger.handlers[0].flush()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == ["lần đầu", "lần sau"]


def test_a_log_past_its_size_is_set_aside_at_start_and_the_oldest_dropped(
    logger: logging.Logger, tmp_path: Path
) -> None:
    path = tmp_path / "dean_desktop.log"
    path.write_bytes(b"x" * MAX_BYTES)
    for number in range(1, BACKUPS + 1):
        path.with_name(f"{path.name}.{number}").write_text(f"cũ {number}", encoding="utf-8")
    setup_logging(tmp_path)
    logger.error("mới")
    logger.handlers[0].flush()
    assert path.read_text(encoding="utf-8").endswith("mới\n")
    assert path.with_name(path.name + ".1").stat().st_size == MAX_BYTES
    assert [path.with_name(f"{path.name}.{n}").read_text(encoding="utf-8") for n in range(2, BACKUPS + 1)] == [
        f"cũ {n}" for n in range(1, BACKUPS)
    ]
    assert not path.with_name(f"{path.name}.{BACKUPS + 1}").exists()


def test_a_log_under_its_size_is_kept(logger: logging.Logger, tmp_path: Path) -> None:
    path = tmp_path / "dean_desktop.log"
    path.write_text("hôm qua\n", encoding="utf-8")
    setup_logging(tmp_path)
    logger.error("hôm nay")
    logger.handlers[0].flush()
    assert path.read_text(encoding="utf-8").startswith("hôm qua\n")
    assert not path.with_name(path.name + ".1").exists()
