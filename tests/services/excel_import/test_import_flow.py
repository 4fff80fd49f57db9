"""Whole file or nothing, replace on re-import, idempotence, errors that name the place, dry runs, figures."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from dean_desktop.models import AuditEntry, Cadre, EdocOrg, ImportRecord, OfficeReadiness, UnitReturn
from dean_desktop.services.audit import current_user
from dean_desktop.services.excel_import import analyse_file, apply_plan, import_files
from dean_desktop.services.indicators import indicator_report

from .builders import Messy, build_return, cadre, office

pytestmark = pytest.mark.usefixtures("store")

PEOPLE = [cadre("Nguyễn Văn An", 1975, "Đại học", "Cao cấp"), cadre("Lê Thị Bình", 1980, "Thạc sĩ", "Trung cấp")]


def test_import_writes_the_return_and_an_import_record(tmp_path: Path) -> None:
    path = build_return(tmp_path / "lt.xlsx", office=office(True), edoc=[("Đảng ủy", True)], cadres=PEOPLE,
                        style=Messy(extra_columns=("Quê quán",)))  # fmt: skip
    outcome = import_files([path])[0]
    assert outcome.as_json() == {
        "file": str(path), "status": "imported", "unit": "Linh Thông", "period": "Năm 2017",
        "counts": {"office": 1, "edoc": 1, "cadres": 2}, "errors": [],
        "warnings": [w.text() for w in outcome.warnings], "unchanged": False,
    }  # fmt: skip
    assert len(outcome.warnings) == 2
    record = ImportRecord.get()
    assert (record.status, record.who, record.kind, record.period_code, record.unit.name) == (
        "imported", current_user(), "return", "2017", "Linh Thông",
    )  # fmt: skip
    assert len(record.file_hash) == 64 and json.loads(record.counts) == {"office": 1, "edoc": 1, "cadres": 2}
    assert len(json.loads(record.warnings)) == 2
    assert UnitReturn.get().file_hash == record.file_hash


def test_the_same_file_twice_changes_nothing_and_says_so(tmp_path: Path) -> None:
    path = build_return(tmp_path / "lt.xlsx", office=office(True), cadres=PEOPLE)
    first = import_files([path])[0]
    audit_rows = AuditEntry.select().count()
    second = import_files([path])[0]
    assert (second.status, second.unchanged, second.counts) == ("imported", True, first.counts)
    assert any("đã được nhập trước đó" in w.message for w in second.warnings)
    assert UnitReturn.select().count() == 1 and Cadre.select().count() == 2
    assert AuditEntry.select().count() == audit_rows
    assert [r.status for r in ImportRecord.select().order_by(ImportRecord.id)] == ["imported", "unchanged"]
    copy = shutil.copy(path, tmp_path / "ban_sao.xlsx")
    rebuilt = build_return(tmp_path / "lam_lai.xlsx", office=office(True), cadres=PEOPLE, style=Messy(title_rows=2))
    assert import_files([Path(copy)])[0].unchanged
    assert import_files([rebuilt])[0].unchanged  # same content, another file


def test_a_corrected_return_replaces_the_old_figures_and_the_preview_says_how(tmp_path: Path) -> None:
    import_files([build_return(tmp_path / "v1.xlsx", office=office(False), edoc=[("Đảng ủy", False), ("UBND", True)],
                               cadres=PEOPLE)])  # fmt: skip
    corrected = [cadre("Nguyễn Văn An", 1975, "Thạc sĩ", "Cao cấp"), cadre("Ma Văn Cường", 1990)]
    plan = analyse_file(build_return(tmp_path / "v2.xlsx", office=office(True), edoc=[("Đảng ủy", True)],
                                     cadres=corrected))  # fmt: skip
    assert {k: (d.added, d.changed, d.removed) for k, d in plan.diff.items()} == {
        "office": (0, 1, 0), "edoc": (0, 1, 1), "cadres": (1, 1, 1),
    }  # fmt: skip
    assert not plan.unchanged
    apply_plan(plan)
    assert UnitReturn.select().count() == 1
    assert OfficeReadiness.get().has_office is True
    assert [(e.org_name, e.exchanges) for e in EdocOrg.select()] == [("Đảng ủy", True)]
    assert sorted((c.full_name, c.education) for c in Cadre.select()) == [
        ("Ma Văn Cường", "dai_hoc"), ("Nguyễn Văn An", "thac_si"),
    ]  # fmt: skip


def test_one_bad_value_rejects_the_whole_file_with_sheet_row_and_column(tmp_path: Path) -> None:
    people = [*PEOPLE, cadre("Hà Văn Dũng", 1979, "Đại học", "cao cap lý luận")]
    path = build_return(tmp_path / "lt.xlsx", office=office(True), edoc=[("Đảng ủy", True)], cadres=people,
                        style=Messy(title_rows=2))  # fmt: skip
    outcome = import_files([path])[0]
    assert outcome.status == "rejected"
    assert [e.text() for e in outcome.errors] == [
        'Cán bộ, dòng 7, cột "Lý luận chính trị": giá trị "cao cap lý luận" không hợp lệ '
        "(chọn một trong: Chưa qua đào tạo, Sơ cấp, Trung cấp, Cao cấp, Cử nhân)"
    ]
    assert outcome.errors[0].as_json() == {
        "sheet": "Cán bộ", "row": 7, "column": "Lý luận chính trị", "message": outcome.errors[0].message,
    }  # fmt: skip
    assert UnitReturn.select().count() == 0 and OfficeReadiness.select().count() == 0
    assert ImportRecord.get().status == "rejected"


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"office": office(None, computers=3)}, 'Một cửa, dòng 1, cột "Có phòng làm việc riêng": chưa nhập (bắt buộc'),
        (
            {"office": office("Hình như có")},
            'cột "Có phòng làm việc riêng": giá trị "Hình như có" không phải là câu trả lời chắc chắn',
        ),
        (
            {"office": office(True, computers="ba")},
            'Một cửa, dòng 3, cột "Số máy vi tính": giá trị "ba" không phải là số',
        ),
        ({"cadres": [cadre("An", 1890)]}, 'Cán bộ, dòng 2, cột "Năm sinh": năm sinh 1890 không hợp lệ'),
        ({"cadres": [cadre("An", None)]}, 'Cán bộ, dòng 2, cột "Năm sinh": chưa nhập (bắt buộc).'),
        ({"cadres": [cadre("An", 1970, None)]}, 'Cán bộ, dòng 2, cột "Chuyên môn": chưa nhập (bắt buộc).'),
        (
            {"cadres": [cadre("An", 1970, "Giỏi")]},
            'cột "Chuyên môn": giá trị "Giỏi" không hợp lệ (chọn một trong: Chưa',
        ),
        (
            {"cadres": [cadre("An", gender="Khác")]},
            'cột "Giới tính": giá trị "Khác" không hợp lệ (chọn một trong: Nam, Nữ)',
        ),
        (
            {"edoc": [("Đảng ủy", "Hình như có"), ("UBND", True)]},
            'Văn bản điện tử, dòng 2, cột "Trao đổi văn bản điện tử": giá trị "Hình như có" không phải là câu trả lời',
        ),
        ({"edoc": [("Đảng ủy", True, "32/13/2017")]}, 'cột "Từ ngày": ngày "32/13/2017" không tồn tại'),
        ({"unit": "Xã Không Có"}, 'Thông tin chung, dòng 1, cột "Đơn vị": Không tìm thấy đơn vị "Xã Không Có"'),
        ({"unit": ""}, 'Thông tin chung, dòng 1, cột "Đơn vị": chưa ghi tên đơn vị (bắt buộc).'),
        ({"period": "Quý V/2017"}, 'Thông tin chung, dòng 2, cột "Kỳ báo cáo": Quý "V" trong kỳ báo cáo'),
    ],
)
def test_errors_name_the_place_and_the_problem(tmp_path: Path, kwargs: dict[str, object], expected: str) -> None:
    values: dict[str, object] = {"cadres": PEOPLE, **kwargs}
    plan = analyse_file(build_return(tmp_path / "r.xlsx", **values))  # type: ignore[arg-type]
    assert not plan.ok
    assert any(expected in e.text() for e in plan.errors), [e.text() for e in plan.errors]


def test_a_missing_required_column_is_an_error(tmp_path: Path) -> None:
    import openpyxl

    path = build_return(tmp_path / "r.xlsx", cadres=PEOPLE)
    wb = openpyxl.load_workbook(path)
    ws = wb["Cán bộ"]
    ws.delete_cols(9)  # Lý luận chính trị
    wb.save(path)
    plan = analyse_file(path)
    assert [e.text() for e in plan.errors] == [
        'Cán bộ, dòng 1, cột "Lý luận chính trị": thiếu cột bắt buộc trong dòng tiêu đề.'
    ]


def test_kim_son_cannot_report_for_2020_but_can_for_2019(tmp_path: Path) -> None:
    refused = analyse_file(build_return(tmp_path / "ks2020.xlsx", unit="Kim Sơn", period="Năm 2020", cadres=PEOPLE))
    assert [e.text() for e in refused.errors] == [
        'Thông tin chung, dòng 1, cột "Đơn vị": Xã Kim Sơn đã sáp nhập vào xã Kim Phượng từ 01/01/2020 '
        "(Nghị quyết 814/NQ-UBTVQH14); báo cáo kỳ Năm 2020 phải do xã Kim Phượng gửi."
    ]
    assert analyse_file(
        build_return(tmp_path / "ks2019.xlsx", unit="Xã Kim Sơn", period="Quý IV/2019", cadres=PEOPLE)
    ).ok


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    good = build_return(tmp_path / "a.xlsx", office=office(True), cadres=PEOPLE)
    bad = build_return(tmp_path / "b.xlsx", unit="Kim Sơn", period="Năm 2020", cadres=PEOPLE)
    outcomes = import_files([tmp_path], dry_run=True)
    assert [(Path(o.file).name, o.status) for o in outcomes] == [("a.xlsx", "imported"), ("b.xlsx", "rejected")]
    assert UnitReturn.select().count() == 0 and ImportRecord.select().count() == 0
    assert good.exists() and bad.exists()


def test_progress_and_cancel(tmp_path: Path) -> None:
    for name in ("Linh Thông", "Bảo Linh", "Phú Đình"):
        build_return(tmp_path / f"{name}.xlsx", unit=name, cadres=PEOPLE)
    seen: list[tuple[int, int, str]] = []
    outcomes = import_files([tmp_path], progress=lambda d, t, n: seen.append((d, t, n)),
                            should_cancel=lambda: len(seen) >= 2)  # fmt: skip
    assert len(outcomes) == 2 and UnitReturn.select().count() == 2
    assert seen[0] == (0, 3, "Bảo Linh.xlsx")


def test_indicator_figures_after_importing_a_small_period(tmp_path: Path) -> None:
    """Two district agencies (5 cadres) and three communes; figures worked out by hand."""
    build_return(tmp_path / "noi_vu.xlsx", unit="Phòng Nội vụ", period="Năm 2018", cadres=[
        cadre("A Một", 1970, "Thạc sĩ", "Cao cấp"), cadre("A Hai", 1971, "Đại học", "Cử nhân"),
        cadre("A Ba", 1972, "Đại học", "Trung cấp"),
    ], style=Messy(abbreviations=True))  # fmt: skip
    build_return(tmp_path / "tu_phap.xlsx", unit="Phòng Tư pháp", period="Năm 2018", cadres=[
        cadre("B Một", 1970, "Tiến sĩ", "Trung cấp"), cadre("B Hai", 1980, "Đại học Luật", "CC"),
    ], style=Messy(title_rows=2, signature=True))  # fmt: skip
    build_return(tmp_path / "lt.xlsx", unit="Linh Thông", period="Năm 2018", office=office(True),
                 edoc=[("Đảng ủy", True), ("UBND", True), ("Hội Nông dân", False)])  # fmt: skip
    build_return(tmp_path / "bl.xlsx", unit="xa bao linh", period="2018", office=office(False),
                 edoc=[("Đảng ủy", True), ("UBND", False)], style=Messy(abbreviations=True))  # fmt: skip
    build_return(tmp_path / "pd.xlsx", unit="Phú Đình", period="Năm 2018",
                 office=office(True, in_use_since=date(2017, 1, 1)),
                 edoc=[("Đảng ủy", True)], style=Messy(encoding="tcvn3"))  # fmt: skip
    outcomes = import_files([tmp_path])
    assert all(o.status == "imported" for o in outcomes), [e.text() for o in outcomes for e in o.errors]
    figures = {i.code: (i.numerator, i.denominator) for i in indicator_report().indicators}
    assert figures["cadre.postgrad_district"] == (2, 5)  # Thạc sĩ, Tiến sĩ
    assert figures["cadre.senior_theory_district"] == (3, 5)  # Cao cấp, Cử nhân, CC
    assert figures["reform.edoc_orgs"] == (4, 6)
    assert figures["reform.commune_offices"] == (2, 24)  # all 24 communes of 2018 count (Kim Sơn too)
