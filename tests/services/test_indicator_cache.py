"""The overview's report and the charts' history kept between starts equal a fresh computation until a change."""

from __future__ import annotations

from pathlib import Path

from dean_desktop.models import Setting
from dean_desktop.services import rotations
from dean_desktop.services.indicator_cache import HISTORY_KEY, REPORT_KEY, cached_history, cached_report
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
