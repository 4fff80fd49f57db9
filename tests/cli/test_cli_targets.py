"""`main.py import` of a `Chỉ tiêu` sheet, then `indicators --json` (issue 14's Done-when), figures checked by hand."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import openpyxl

from tests.services.excel_import.builders import build_return, cadre, office

from .test_cli import run_cli

CCHC_TITLE = "Đề án đẩy mạnh công tác cải cách hành chính trong hệ thống chính trị huyện Định Hóa giai đoạn 2016 - 2020"
# Headers typed the way an office types them: another order, no diacritics, another case, an STT column.
HEADERS = ["STT", "NOI DUNG CHI TIEU", "Mã chỉ tiêu", "de an", "Cách tính", "Cấp", "Tiêu chí", "Giá trị được tính",
           "Tối đa", "Tối thiểu", "Năm hạn"]  # fmt: skip
ROWS = [
    ["Cán bộ lãnh đạo, quản lý cấp huyện có trình độ sau đại học", "cadre.postgrad_district", "CB", "Tỷ lệ cán bộ",
     "Cấp huyện", "Chuyên môn", "Thạc sĩ, Tiến sĩ", None, 20, 2020],
    ["Cán bộ cấp xã có trình độ trung cấp lý luận chính trị trở lên", "cadre.theory_commune", "cb", "tỷ lệ cán bộ",
     "cap xa", "Lý luận chính trị", "Trung cấp, Cao cấp, Cử nhân", None, 80, 2020],
    ["Bộ phận một cửa cấp xã kết nối Internet", "reform.internet", CCHC_TITLE, "Tỷ lệ xã, thị trấn", "Cấp xã",
     "Kết nối Internet", None, None, 100, 2019],
]  # fmt: skip


def build_targets(path: Path, rows: list[list[Any]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(["DANH MỤC CHỈ TIÊU BỔ SUNG"])  # a title row above the header
    ws.append([])
    ws.append(HEADERS)
    for number, row in enumerate(rows, start=1):
        ws.append([number, *row])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _returns(folder: Path) -> Path:
    """One period (Năm 2019) of returns; Kim Sơn still reports on its own before the 2020 merger."""
    build_return(folder / "linh_thong.xlsx", "Linh Thông", "Năm 2019", office=office(True, internet=True),
                 edoc=[("Đảng ủy", True), ("UBND", True)],
                 cadres=[cadre("Hà Văn An", theory="Trung cấp"), cadre("Lý Văn Ba", theory="Sơ cấp"),
                         cadre("Ma Thị Ca", theory="Cao cấp")])  # fmt: skip
    build_return(folder / "kim_son.xlsx", "Kim Sơn", "Năm 2019", office=office(True, internet=False),
                 edoc=[("Đảng ủy", True), ("UBND", False)],
                 cadres=[cadre("Hoàng Văn Dũng", theory="Cử nhân"),
                         cadre("Nông Thị Em", theory="Trung cấp")])  # fmt: skip
    build_return(folder / "kim_phuong.xlsx", "Kim Phượng", "Năm 2019", office=office(False),
                 cadres=[cadre("Triệu Văn Phúc", education="Trung cấp", theory="Chưa qua đào tạo")])  # fmt: skip
    district = [cadre("Lê Văn Giang", education="Thạc sĩ", theory="Cao cấp"),
                cadre("Đinh Văn Hải", theory="Cao cấp"),
                cadre("Vũ Thị Hoa", education="Tiến sĩ", theory="Cử nhân")]  # fmt: skip
    district += [
        cadre(f"Nguyễn Văn {name}") for name in ("Khánh", "Lâm", "Minh", "Nam", "Oanh", "Phong", "Quân", "Sơn")
    ]
    build_return(folder / "noi_vu.xlsx", "Phòng Nội vụ", "Năm 2019", cadres=district)
    return folder


def _indicators(db: Path, data_dir: Path) -> dict[str, dict[str, Any]]:
    result = run_cli("--db", str(db), "indicators", "--json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return {i["code"]: i for i in json.loads(result.stdout)["indicators"]}


def _audit_lines(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM audit_entry WHERE \"table\" = 'target'").fetchone()[0])


def test_a_target_sheet_adds_two_targets_raises_one_and_imports_twice_without_change(tmp_path: Path) -> None:
    db = tmp_path / "de_an.db"
    imported = run_cli("--db", str(db), "import", str(_returns(tmp_path / "bao_cao")), "--json", data_dir=tmp_path)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    before = _indicators(db, tmp_path)
    # Phòng Nội vụ: 11 cadres, Giang (ThS) and Hoa (TS) post-graduate: 2/11 = 18.2 % ≥ 15 %.
    assert (before["cadre.postgrad_district"]["numerator"], before["cadre.postgrad_district"]["denominator"]) == (2, 11)
    assert before["cadre.postgrad_district"]["met"] is True

    sheet = build_targets(tmp_path / "chi_tieu.xlsx", ROWS)
    result = run_cli("--db", str(db), "import", str(sheet), "--json", data_dir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    (outcome,) = json.loads(result.stdout)
    assert (outcome["status"], outcome["counts"], outcome["unchanged"]) == ("imported", {"targets": 3}, False)

    after = _indicators(db, tmp_path)
    assert list(after) == [
        "cadre.postgrad_district", "cadre.senior_theory_district", "cadre.rotations", "cadre.theory_commune",
        "reform.edoc_orgs", "reform.commune_offices", "reform.internet",
    ]  # fmt: skip
    postgrad = after["cadre.postgrad_district"]
    assert (postgrad["numerator"], postgrad["denominator"], postgrad["target_min"], postgrad["met"]) == (
        2,
        11,
        20,
        False,
    )
    # Communes' cadres: Linh Thông An (TC), Ca (CC) of 3; Kim Sơn Dũng (CN), Em (TC) of 2; Kim Phượng none of 1.
    theory = after["cadre.theory_commune"]
    assert (theory["numerator"], theory["denominator"], theory["target_min"], theory["deadline"]) == (4, 6, 80, 2020)
    assert abs(theory["value"] - 400 / 6) < 1e-9 and theory["met"] is False and theory["unit"] == "%"
    # 24 communes/town valid at the end of 2019; only Linh Thông answers Có; Kim Sơn Không; 21 sent nothing.
    internet = after["reform.internet"]
    assert (internet["numerator"], internet["denominator"], internet["deadline"], internet["met"]) == (
        1,
        24,
        2019,
        False,
    )
    for code in ("cadre.senior_theory_district", "cadre.rotations", "reform.edoc_orgs", "reform.commune_offices"):
        assert after[code] == before[code]
    assert (after["reform.edoc_orgs"]["numerator"], after["reform.edoc_orgs"]["denominator"]) == (3, 4)
    assert (after["reform.commune_offices"]["numerator"], after["reform.commune_offices"]["denominator"]) == (2, 24)

    audited = _audit_lines(db)
    again = json.loads(run_cli("--db", str(db), "import", str(sheet), "--json", data_dir=tmp_path).stdout)
    assert (again[0]["status"], again[0]["unchanged"]) == ("imported", True)
    assert _indicators(db, tmp_path) == after
    assert _audit_lines(db) == audited


def test_an_unknown_value_is_refused_with_the_allowed_ones_and_nothing_changes(tmp_path: Path) -> None:
    db = tmp_path / "de_an.db"
    rows = [ROWS[1][:6] + ["Trung cấp, Cao cấp lý luận xịn"] + ROWS[1][7:], ROWS[2]]
    result = run_cli("--db", str(db), "import", str(build_targets(tmp_path / "sai.xlsx", rows)), "--json",
                     data_dir=tmp_path)  # fmt: skip
    assert result.returncode == 1
    (outcome,) = json.loads(result.stdout)
    (error,) = outcome["errors"]
    assert (error["sheet"], error["row"], error["column"]) == ("Chỉ tiêu", 4, "Giá trị được tính")
    assert "Cao cấp lý luận xịn" in error["message"]
    assert "chọn một trong: Chưa qua đào tạo, Sơ cấp, Trung cấp, Cao cấp, Cử nhân" in error["message"]
    assert "reform.internet" not in _indicators(db, tmp_path)  # whole file or nothing
