"""Exports and reports read one consistent view: an import landing while a workbook is written never splits it."""

from __future__ import annotations

import threading
from pathlib import Path

import openpyxl
import pytest

from dean_desktop.models import db
from dean_desktop.services.excel_export import summary
from dean_desktop.services.offices import list_offices
from tests.factories import commune_return


def _import_from_another_thread() -> None:
    """What a second window or the command line does meanwhile: its own connection, its own committed write."""

    def run() -> None:
        try:
            commune_return("Bảo Linh", "Năm 2018", has_office=True)
        finally:
            db.close()

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()


def test_an_import_landing_mid_export_does_not_reach_the_later_sheets(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commune_return("Linh Thông", "Năm 2018", has_office=True)
    write_offices = summary._offices_sheet

    def import_then_write(wb, as_of, ref):  # type: ignore[no-untyped-def]
        _import_from_another_thread()  # after the targets sheet counted 1 office, before the offices sheet
        write_offices(wb, as_of, ref)

    monkeypatch.setattr(summary, "_offices_sheet", import_then_write)
    book = openpyxl.load_workbook(summary.export_summary(tmp_path / "th.xlsx"), read_only=True)

    targets = next(r for r in book["Kết quả chỉ tiêu"].iter_rows(values_only=True) if "reform.commune_offices" in r)
    assert targets[4] == 1  # the numerator: Linh Thông
    offices = [r for r in book["Một cửa"].iter_rows(values_only=True) if r and "Bảo Linh" in r]
    assert offices and "Có" not in offices[0]  # the offices sheet agrees with the targets sheet above it
    completeness = [r for r in book["Tình hình báo cáo"].iter_rows(values_only=True) if r and "Bảo Linh" in r]
    assert completeness and "Đã gửi" not in completeness[0]

    assert {o.unit_name: o.has_office for o in list_offices()}["Bảo Linh"] is True  # the import itself landed
