"""The overview's report and the charts' history kept between starts equal a fresh computation until a change."""

from __future__ import annotations

from pathlib import Path

import pytest

from dean_desktop.models import Setting
from dean_desktop.services import rotations
from dean_desktop.services.indicator_cache import (
    HISTORY_KEY,
    REPORT_KEY,
    KeptFigures,
    cached_history,
    cached_report,
    peek_kept,
)
from dean_desktop.services.indicators import indicator_history, indicator_report


def test_the_kept_history_is_the_computed_one_until_the_data_changes(demo_store: Path) -> None:
    assert cached_history() == indicator_history()
    kept = Setting.get(Setting.key == HISTORY_KEY).value
    assert cached_history() == indicator_history()  # read back, not computed
    assert Setting.get(Setting.key == HISTORY_KEY).value == kept
    rotations.add_rotation(rotations.RotationInput(full_name="Hà Văn Quân", decision_no="999-QĐ/HU"))
    assert cached_history() == indicator_history()
    assert Setting.get(Setting.key == HISTORY_KEY).value != kept


def test_an_unreadable_entry_is_computed_again(demo_store: Path) -> None:
    Setting.put(HISTORY_KEY, "{not json")
    assert cached_history() == indicator_history()


def test_the_kept_report_is_the_computed_one_until_the_data_changes(demo_store: Path) -> None:
    assert cached_report() == indicator_report(None)
    kept = Setting.get(Setting.key == REPORT_KEY).value
    assert cached_report() == indicator_report(None)  # read back, not computed
    assert Setting.get(Setting.key == REPORT_KEY).value == kept
    rotations.add_rotation(rotations.RotationInput(full_name="Hà Văn Quân", decision_no="999-QĐ/HU"))
    assert cached_report() == indicator_report(None)
    assert Setting.get(Setting.key == REPORT_KEY).value != kept


def test_an_unreadable_report_is_computed_again(demo_store: Path) -> None:
    Setting.put(REPORT_KEY, '{"key": 1')
    assert cached_report() == indicator_report(None)


def _file_state(path: Path) -> dict[str, bytes | None]:
    """The database file and its write-ahead log, byte for byte (None: absent). The -shm index is SQLite's shared
    memory, which every reader touches."""
    names = [path, path.with_name(path.name + "-wal")]
    return {p.name: p.read_bytes() if p.exists() else None for p in names}


@pytest.mark.sqlite_only  # the window peeks into a database file before the database layer is loaded
def test_the_window_peeks_at_exactly_what_is_kept_and_writes_nothing(demo_store: Path) -> None:
    assert peek_kept(demo_store) is None  # nothing kept yet: the window opens the store and computes
    report, history = cached_report(), cached_history()
    before = _file_state(demo_store)
    assert peek_kept(demo_store) == KeptFigures(report, history)
    assert _file_state(demo_store) == before
    rotations.add_rotation(rotations.RotationInput(full_name="Hà Văn Quân", decision_no="999-QĐ/HU"))
    assert peek_kept(demo_store) is None  # stale: a start after this change computes the figures again
    cached_report()
    assert peek_kept(demo_store) is None  # the charts' history is still stale
    history = cached_history()
    assert peek_kept(demo_store) == KeptFigures(indicator_report(None), history)


def test_nothing_is_peeked_from_what_is_not_a_readable_store(tmp_path: Path) -> None:
    assert peek_kept(tmp_path / "khong-co.db") is None
    text = tmp_path / "ghi-chu.db"
    text.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    assert peek_kept(text) is None
    assert text.read_text(encoding="utf-8") == "không phải cơ sở dữ liệu"
    assert peek_kept(tmp_path) is None  # a folder
