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
    (folder / "06_phu_dinh.csv").write_text("Đơn vị;Phú Đình", encoding="utf-8")
    build_return(folder / "07_phu_dinh.ods", unit="Phú Đình", cadres=PEOPLE)  # an .xlsx named .ods: read all the same
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
        ("05_hong.xlsx", "rejected"), ("07_phu_dinh.ods", "imported"), ("03_kim_son.xlsx", "rejected"),
        ("06_phu_dinh.csv", "skipped"), ("~$01_linh_thong.xlsx", "skipped"),
    ]  # fmt: skip
    assert "tệp CSV" in outcomes[6]["errors"][0]["message"]
    first = outcomes[0]
    assert set(first) == {"file", "status", "unit", "period", "counts", "errors", "warnings", "unchanged"}
    assert (first["unit"], first["period"], first["counts"]) == (
        "Linh Thông",
        "Năm 2017",
        {"office": 1, "edoc": 1, "cadres": 2},
    )
    assert any("TCVN3" in w for w in outcomes[1]["warnings"])
    assert outcomes[2]["counts"] == {"rotations": 1}
    kim_son = outcomes[5]["errors"][0]
    assert set(kim_son) == {"sheet", "row", "column", "message"} and "sáp nhập vào xã Kim Phượng" in kim_son["message"]
    assert "Traceback" not in result.stderr
    assert _count(db, "unit_return") == 3 and _count(db, "rotation") == 1

    again = json.loads(run_cli("--db", str(db), "import", str(folder), "--json", data_dir=tmp_path).stdout)
    assert [o["unchanged"] for o in again if o["status"] == "imported"] == [True, True, True, True]
    assert _count(db, "unit_return") == 3 and _count(db, "cadre") == 4


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


def test_after_an_import_the_database_file_alone_holds_it(tmp_path: Path) -> None:
    """A clerk who copies just the .db file to a USB stick right after an import copies the import too: the command
    closes the store before it ends, so nothing is left behind in SQLite's -wal journal beside it."""
    path = build_return(tmp_path / "lt.xlsx", office=office(True), cadres=PEOPLE)
    db = tmp_path / "cli.db"
    assert run_cli("--db", str(db), "import", str(path), data_dir=tmp_path).returncode == 0
    journal = db.with_name(db.name + "-wal")
    assert not journal.exists() or journal.stat().st_size == 0
    copy = tmp_path / "usb" / "cli.db"
    copy.parent.mkdir()
    copy.write_bytes(db.read_bytes())
    assert _count(copy, "unit_return") == 1 and _count(copy, "cadre") == 2


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
    assert result.returncode == 1 and "không tìm thấy bảng tính" in result.stderr


def test_a_folder_listing_names_the_files_not_read_and_a_removal_needs_allow_removals(tmp_path: Path) -> None:
    db, folder = tmp_path / "cli.db", tmp_path / "in"
    first = build_return(tmp_path / "v1.xlsx", office=office(True), cadres=PEOPLE)
    assert run_cli("--db", str(db), "import", str(first), data_dir=tmp_path).returncode == 0
    build_return(folder / "lt.xlsx", office=office(True), cadres=[])
    (folder / "ghi_chu.pdf").write_bytes(b"%PDF-1.4")
    refused = run_cli("--db", str(db), "import", str(folder), data_dir=tmp_path)
    assert refused.returncode == 1 and _count(db, "cadre") == 2
    lines = refused.stdout.splitlines()
    assert lines[0] == f"Bị từ chối: {folder / 'lt.xlsx'} — Linh Thông, Năm 2017"
    assert lines[1].startswith('    Lỗi: Cán bộ: trang "Cán bộ" không có dòng nào, nhưng đã lưu 2 cán bộ')
    assert lines[1].endswith("thêm --allow-removals vào lệnh.")
    assert (
        lines[2]
        == f"Bỏ qua: {folder / 'ghi_chu.pdf'} — tệp PDF không nhập được; hãy xin đơn vị gửi bản Excel của báo cáo."
    )
    assert lines[-1] == "Tổng cộng 2 tệp: 0 đã nhập, 0 không thay đổi, 1 bị từ chối, 1 bỏ qua (không đọc)."
    allowed = run_cli("--db", str(db), "import", str(folder), "--allow-removals", data_dir=tmp_path)
    assert allowed.returncode == 0, allowed.stdout
    assert "(đã xác nhận xóa)" in allowed.stdout and _count(db, "cadre") == 0
