"""Text that looks like a formula comes out of every workbook the app writes as plain text, never a live formula.

Poisoned values enter the way they really would: through the importer (a commune's return, the district roster and
rotation workbooks, even a file name) and through the editing services; then every workbook export runs and each
result is opened with openpyxl in normal mode (formulas kept as formulas) and searched cell by cell.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from dean_desktop.models import OfficeReadiness, UnitReturn
from dean_desktop.services.checklist import TaskInput, add_task, list_groups
from dean_desktop.services.excel_export.forms import export_forms
from dean_desktop.services.excel_export.summary import export_summary
from dean_desktop.services.excel_import import import_files
from dean_desktop.services.offices import update_office
from dean_desktop.services.periods import parse_period
from dean_desktop.services.roster import MemberInput, list_members, update_member
from dean_desktop.services.units import resolve_unit

from .excel_import.builders import build_return, build_roster, build_rotations, cadre, office

pytestmark = pytest.mark.usefixtures("store")

HYPERLINK = '=HYPERLINK("http://evil.example/x","Bấm vào đây")'
SUM = "+SUM(A1:A9)"
ARITHMETIC = "-2+3"
AT = "@cmd"
ONE_PLUS_ONE = "=1+1"
DDE = "=cmd|'/c calc'!A0"
PHONE = "+84 912 345 678"  # what a real phone number looks like, and what Excel would evaluate
FILE_NAME = "=1+1 bao cao.xlsx"  # shown in "Tình hình báo cáo"

#: Where each poisoned value must come out of the summary workbook, as text: (sheet, value).
EXPECTED_IN_SUMMARY = [
    ("Một cửa", HYPERLINK),
    ("Văn bản điện tử", ONE_PLUS_ONE),
    ("Văn bản điện tử", AT),
    ("Văn bản điện tử", SUM),
    ("Danh sách cán bộ", "-Lường Văn Tâm"),
    ("Danh sách cán bộ", ARITHMETIC),
    ("Danh sách cán bộ", AT),
    ("Danh sách cán bộ", SUM),
    ("Danh sách cán bộ", HYPERLINK),
    ("Danh sách cán bộ", ONE_PLUS_ONE),
    ("Luân chuyển", "=Trần Văn Luân"),
    ("Luân chuyển", HYPERLINK),
    ("Luân chuyển", SUM),
    ("Luân chuyển", "-15/QĐ-HU"),
    ("Luân chuyển", AT),
    ("Ban Chỉ đạo", "+Nguyễn Văn Chỉ"),
    ("Ban Chỉ đạo", DDE),
    ("Ban Chỉ đạo", PHONE),
    ("Nhóm giải pháp", "=Rà soát thủ tục"),
    ("Nhóm giải pháp", HYPERLINK),
    ("Nhóm giải pháp", ARITHMETIC),
    ("Tình hình báo cáo", FILE_NAME),
]


@pytest.fixture
def poisoned(store: Path, tmp_path: Path) -> None:
    """A return, a roster and a rotations workbook imported with formula-like text, then edits through services."""
    incoming = tmp_path / "den"
    build_return(
        incoming / FILE_NAME,
        unit="Linh Thông",
        period="Năm 2017",
        office=office(True, floor_area=30, notes=ONE_PLUS_ONE),
        edoc=[(ONE_PLUS_ONE, True), (AT, False, None, SUM), ("UBND", True)],
        cadres=[
            cadre("-Lường Văn Tâm", 1970, position=AT, major=SUM, notes=HYPERLINK, it=ONE_PLUS_ONE),
            cadre("Lò Thị Mai", 1982, language=ARITHMETIC),
        ],
    )
    build_roster(
        incoming / "bcd.xlsx",
        [("+Nguyễn Văn Chỉ", ONE_PLUS_ONE, "Trưởng ban", PHONE, "chi@dinhhoa.gov.vn", "Linh Thông")],
    )
    build_rotations(
        incoming / "luan_chuyen.xlsx",
        [("=Trần Văn Luân", HYPERLINK, SUM, "-15/QĐ-HU", date(2017, 3, 1), 36, AT)],
    )
    outcomes = import_files(sorted(incoming.iterdir()))
    assert [(Path(o.file).name, o.status) for o in outcomes] == [
        (FILE_NAME, "imported"), ("bcd.xlsx", "imported"), ("luan_chuyen.xlsx", "imported"),
    ], [o.errors for o in outcomes]  # fmt: skip

    member = next(m for m in list_members() if m.full_name == "+Nguyễn Văn Chỉ")
    update_member(member.id, MemberInput(member.full_name, member.role, DDE, member.phone, member.email))
    return_id = UnitReturn.get(UnitReturn.unit == resolve_unit("Linh Thông").id).id
    assert update_office(return_id, "notes", HYPERLINK)
    assert OfficeReadiness.get(OfficeReadiness.unit_return == return_id).notes == HYPERLINK
    add_task(list_groups()[0].id, TaskInput("=Rà soát thủ tục", evidence=HYPERLINK, notes=ARITHMETIC))


def _cells(path: Path) -> list[tuple[str, openpyxl.cell.cell.Cell]]:
    """Every cell of every sheet (hidden ones too), loaded with formulas kept as formulas."""
    wb = openpyxl.load_workbook(path)  # normal mode: data_only=False
    return [(ws.title, cell) for ws in wb.worksheets for row in ws.iter_rows() for cell in row]


def _no_formula(path: Path) -> list[tuple[str, openpyxl.cell.cell.Cell]]:
    cells = _cells(path)
    formulas = [f"{title}!{cell.coordinate} = {cell.value!r}" for title, cell in cells if cell.data_type == "f"]
    assert formulas == [], f"{path.name} holds live formulas"
    return cells


@pytest.mark.usefixtures("poisoned")
@pytest.mark.parametrize("as_of", [None, "Năm 2017"])
def test_the_summary_workbook_keeps_every_poisoned_value_as_text(tmp_path: Path, as_of: str | None) -> None:
    out = export_summary(tmp_path / "tong_hop.xlsx", as_of=parse_period(as_of) if as_of else None)
    cells = _no_formula(out)
    texts = {(title, cell.value) for title, cell in cells if cell.data_type == "s"}
    missing = [item for item in EXPECTED_IN_SUMMARY if item not in texts]
    assert missing == []
    quoted = [cell for _, cell in cells if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@"))]
    assert quoted and all(cell.quotePrefix for cell in quoted)  # Excel keeps them text even when re-edited


@pytest.mark.usefixtures("poisoned")
def test_the_blank_forms_for_every_unit_hold_no_formula(tmp_path: Path) -> None:
    written = export_forms(tmp_path / "bieu_mau", parse_period("Năm 2018"))
    assert len(written) > 40  # the communes and the district agencies
    for path in written:
        cells = _no_formula(path)
        assert any(cell.value == "Kỳ báo cáo" for _, cell in cells)


def test_a_poisoned_value_stays_text_in_a_form_too(tmp_path: Path) -> None:
    """Forms carry no user text today; the writer they share is checked directly, so a future field is safe."""
    from openpyxl import Workbook

    from dean_desktop.services.excel_export.safe import write

    wb = Workbook()
    for row, value in enumerate([HYPERLINK, SUM, ARITHMETIC, AT, ONE_PLUS_ONE, DDE, PHONE], start=1):
        write(wb.active, row, 1, value)
    wb.save(tmp_path / "x.xlsx")
    cells = _no_formula(tmp_path / "x.xlsx")
    assert [cell.value for _, cell in cells] == [HYPERLINK, SUM, ARITHMETIC, AT, ONE_PLUS_ONE, DDE, PHONE]
