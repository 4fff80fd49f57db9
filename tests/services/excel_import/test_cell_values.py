"""Cells read as typed: a number seen once on a sheet is remembered, yet a check mark (TRUE) never reads as 1."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from dean_desktop.services.excel_import.reader import open_workbook


def test_numbers_and_check_marks_on_one_sheet_each_read_as_typed(tmp_path: Path) -> None:
    typed = [1975, 1975.0, True, 1, 1.0, False, 0, 0.0, 12.5, 2, 2.0]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(typed)
    ws.append(list(reversed(typed)))  # the other kind of an equal value first
    wb.save(tmp_path / "so.xlsx")

    book = open_workbook(tmp_path / "so.xlsx")
    first, second = book.rows(book.sheets[0])

    expected = [1975, 1975, True, 1, 1, False, 0, 0, 12.5, 2, 2]
    assert [(type(v), v) for v in first] == [(type(v), v) for v in expected]
    assert [(type(v), v) for v in second] == [(type(v), v) for v in reversed(expected)]
