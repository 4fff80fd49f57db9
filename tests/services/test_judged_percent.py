"""What is shown agrees with what is judged: 14,96 % against ≥ 15 % never shows as "15,0 %" beside "Chưa đạt"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from dean_desktop import cli
from dean_desktop.models import db
from dean_desktop.services.excel_export.summary import export_summary
from dean_desktop.services.formatting import format_judged_percent, percent_decimals
from dean_desktop.services.indicators import indicator_report, value_text
from dean_desktop.services.report_content import report_html
from tests.factories import district_return


@pytest.mark.parametrize(
    ("value", "low", "high", "shown"),
    [
        (16.43, 15, None, "16,4 %"),  # far from the bound: one decimal, as everywhere
        (14.96, 15, None, "14,96 %"),  # "15,0 %" would read as met
        (14.996, 15, None, "14,996 %"),
        (14.99999, 15, None, "14,9999 %"),  # cut towards the value's side, never rounded up to the bound
        (15.0, 15, None, "15,0 %"),
        (15.04, 15, None, "15,0 %"),  # met, and reads as met
        (64.95, 65, None, "64,95 %"),
        (99.96, 100, None, "99,96 %"),  # "100,0 %" beside "Chưa đạt" is the worst case of all
        (100.0, 100, None, "100,0 %"),
        (6.04, 4, 6, "6,04 %"),  # above an upper bound
        (None, 15, None, "—"),
    ],
)
def test_a_share_never_reads_as_the_other_verdict(
    value: float | None, low: float, high: float | None, shown: str
) -> None:
    assert format_judged_percent(value, low, high) == shown


def _just_below_fifteen() -> None:
    """187 district cadres, 28 with a post-graduate degree: 14,973 %."""
    district_return("Phòng Nội vụ", "Năm 2018", [("thac_si", "cao_cap")] * 28 + [("dai_hoc", "cao_cap")] * 159)


def test_the_same_text_in_the_indicators_report_summary_and_command_line(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _just_below_fifteen()
    item = {i.code: i for i in indicator_report().indicators}["cadre.postgrad_district"]
    assert not item.met
    assert value_text(item) == "14,97 %"

    html = report_html(today=date(2019, 1, 10))
    # The printed report keeps a figure and its % on one line (a no-break space between them).
    targets_row = next(row for row in html.split("<tr") if item.title in row).replace("\xa0", " ")
    assert "14,97 %" in targets_row and "Chưa đạt" in targets_row and "15,0 %" not in targets_row

    book = openpyxl.load_workbook(export_summary(tmp_path / "th.xlsx"))
    row = next(r for r in book["Kết quả chỉ tiêu"].iter_rows() if r[-1].value == "cadre.postgrad_district")
    value_cell = row[3]
    assert value_cell.number_format == "0.00 %" and percent_decimals(item.value, 15) == 2
    assert row[9].value == "Chưa đạt"

    assert cli.main(["--db", str(store), "indicators"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "sau đại học" in x or "Thạc sĩ" in x)
    assert "14,97 %" in line and "CHƯA ĐẠT" in line
    db.close()
