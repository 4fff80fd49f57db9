"""`main.py import FILE… [--dry-run] [--json]` run as a separate process on a database file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.services.excel_import.builders import Messy, build_return, build_rotations, cadre, office

from .test_cli import run_cli

PEOPLE = [cadre("Nguyễn Văn An", 1975, "Đại học", "Cao cấp"), cadre("Lê Thị Bình", 1980, "Thạc sĩ", "Trung cấp")]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "bao_cao"
    build_return(folder / "01_linh_thong.xlsx", office=office(True), edoc=[("Đảng ủy", True)], cadres=PEOPLE)
    build_return(folder / "02_bao_linh.xlsx", unit="BẢO LINH", style=Messy(encoding="tcvn3", title_rows=2),
                 office=office(False), edoc=[("UBND", False)])  # fmt: skip
    build_return(folder / "con" / "03_kim_son.xlsx", unit="Kim Sơn", period="Năm 2020", cadres=PEOPLE)
    build_rotations(folder / "04_luan_chuyen.xlsx", [("Hà Văn Cường", "Phó Chánh Văn phòng", "Phó Bí thư xã",
                                                       "130-QĐ/HU", "02/05/2019", 24)])  # fmt: skip
    (folder / "~$01_linh_thong.xlsx").write_bytes(b"lock")
    (folder / "05_hong.xlsx").write_text("không phải Excel", encoding="utf-8")
    return folder


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])


def test_import_a_folder_as_json_then_again(tmp_path: Path) -> None:
    folder, db = _folder(tmp_path), tmp_path / "cli.db"
    result = run_cli("--db", str(db), "import", str(folder), "--json", data_dir=tmp_path)
    assert result.returncode == 1, result.stderr
    outcomes = json.loads(result.stdout)
    assert [(Path(o["file"]).name, o["status"]) for o in outcomes] == [
        ("01_linh_thong.xlsx", "imported"), ("02_bao_linh.xlsx", "imported"), ("04_luan_chuyen.xlsx", "imported"),
        ("05_hong.xlsx", "rejected"), ("03_kim_son.xlsx", "rejected"),
    ]  # fmt: skip
    first = outcomes[0]
    assert set(first) == {"file", "status", "unit", "period", "counts", "errors", "warnings", "unchanged"}
    assert (first["unit"], first["period"], first["counts"]) == (
        "Linh Thông",
        "Năm 2017",
        {"office": 1, "edoc": 1, "cadres": 2},
    )
    assert any("TCVN3" in w for w in outcomes[1]["warnings"])
    assert outcomes[2]["counts"] == {"rotations": 1}
    kim_son = outcomes[4]["errors"][0]
    assert set(kim_son) == {"sheet", "row", "column", "message"} and "sáp nhập vào xã Kim Phượng" in kim_son["message"]
    assert "Traceback" not in result.stderr
    assert _count(db, "unit_return") == 2 and _count(db, "rotation") == 1

    again = json.loads(run_cli("--db", str(db), "import", str(folder), "--json", data_dir=tmp_path).stdout)
    assert [o["unchanged"] for o in again if o["status"] == "imported"] == [True, True, True]
    assert _count(db, "unit_return") == 2 and _count(db, "cadre") == 2


def test_text_output_and_exit_code_zero_when_all_imported(tmp_path: Path) -> None:
    path = build_return(
        tmp_path / "lt.xlsx", office=office(True), cadres=PEOPLE, style=Messy(extra_columns=("Quê quán",))
    )
    result = run_cli("--db", str(tmp_path / "cli.db"), "import", str(path), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Đã nhập: {path} — Linh Thông, Năm 2017 (1 một cửa, 2 cán bộ)"
    assert lines[1].startswith('    Cảnh báo: Cán bộ, cột "Quê quán"')
    assert lines[-1].startswith("Tổng cộng 1 tệp: 1 đã nhập")
    second = run_cli("--db", str(tmp_path / "cli.db"), "import", str(path), data_dir=tmp_path)
    assert second.returncode == 0 and second.stdout.startswith("Không thay đổi:")


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    folder, db = _folder(tmp_path), tmp_path / "cli.db"
    result = run_cli("--db", str(db), "import", str(folder), "--dry-run", data_dir=tmp_path)
    assert result.returncode == 1
    assert "Có thể nhập (chạy thử)" in result.stdout and "Bị từ chối" in result.stdout
    for table in ("unit_return", "cadre", "rotation", "import_record"):
        assert _count(db, table) == 0


def test_no_workbook_found_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "trong").mkdir()
    result = run_cli("--db", str(tmp_path / "cli.db"), "import", str(tmp_path / "trong"), data_dir=tmp_path)
    assert result.returncode == 1 and "không tìm thấy tệp Excel" in result.stderr
