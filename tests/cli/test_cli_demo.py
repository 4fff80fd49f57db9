"""`demo` keeps sample data apart: its own database by default, and never into a database holding real work."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.services.excel_import.builders import build_return, cadre, office

from .test_cli import run_cli


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])


def test_demo_without_db_fills_a_separate_sample_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run_cli("demo", data_dir=data)
    assert result.returncode == 0, result.stderr
    sample = data / "du-lieu-mau.db"
    assert str(sample) in result.stdout and "Mở dữ liệu mẫu" in result.stdout
    assert _count(sample, "unit_return") > 0
    assert not (data / "de_an.db").exists()  # the user's own database is not even created
    real = run_cli("indicators", data_dir=data)  # the user's database, created now, holds no sample return
    assert real.returncode == 0
    assert _count(data / "de_an.db", "unit_return") == 0


def test_demo_refuses_a_database_with_real_returns(tmp_path: Path) -> None:
    db = tmp_path / "that.db"
    workbook = build_return(
        tmp_path / "linh-thong.xlsx",
        office=office(True),
        edoc=[("Đảng ủy", True)],
        cadres=[cadre("Nguyễn Văn An", 1975, "Đại học", "Cao cấp")],
    )
    assert run_cli("--db", str(db), "import", str(workbook), data_dir=tmp_path).returncode == 0
    result = run_cli("--db", str(db), "demo", data_dir=tmp_path)
    assert result.returncode == 1
    assert "số liệu thật" in result.stderr and "Traceback" not in result.stderr
    assert _count(db, "unit_return") == 1  # nothing was added
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM setting WHERE key = 'demo_data'").fetchone()[0] == 0


def test_demo_with_db_fills_a_database_holding_only_the_seed(tmp_path: Path) -> None:
    db = tmp_path / "moi.db"
    assert run_cli("--db", str(db), "indicators", data_dir=tmp_path).returncode == 0  # created and seeded
    result = run_cli("--db", str(db), "demo", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _count(db, "unit_return") > 0
