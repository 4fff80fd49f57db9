"""copy-db both ways — file → server → file — gives the same indicators and row counts at every step."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.services.excel_import.builders import build_return, office

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEAN_DESKTOP_DATA_DIR": str(tmp_path / "data"), "PYTHONIOENCODING": "utf-8"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=600,
        check=False,
    )


def figures(target: object, tmp_path: Path) -> dict[str, object]:
    result = run_cli("--db", str(target), "indicators", "--json", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def copy(source: object, target: object, tmp_path: Path) -> dict[str, int]:
    result = run_cli("--db", str(source), "copy-db", str(target), "--json", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["tables"]


def test_copy_db_to_a_server_and_back_keeps_every_row_and_figure(
    demo_store: object, pg_server: object, tmp_path: Path
) -> None:
    from dean_desktop.models import db

    db.close()
    original = figures(demo_store, tmp_path)
    desk_file = tmp_path / "ban-sao" / "de_an.db"
    server = pg_server.create_database(f"copy_{os.getpid()}")  # type: ignore[attr-defined]
    home_file = tmp_path / "ve-nha.db"

    counts = copy(demo_store, desk_file, tmp_path)
    assert counts["cadre"] > 300 and counts["audit_entry"] > 0
    assert copy(desk_file, server, tmp_path) == counts
    assert copy(server, home_file, tmp_path) == counts
    for target in (desk_file, server, home_file):
        assert figures(target, tmp_path) == original

    refused = run_cli("--db", str(demo_store), "copy-db", str(server), "--json", tmp_path=tmp_path)
    assert refused.returncode == 1 and "đã có dữ liệu" in json.loads(refused.stdout)["error"]  # refused, not misused
    # the server copy is a working store: new rows get new ids (its counters start after the copied ones)
    workbook = build_return(tmp_path / "bao-linh.xlsx", unit="Bảo Linh", period="Năm 2019", office=office(True))
    added = run_cli("--db", server, "import", str(workbook), tmp_path=tmp_path)
    assert added.returncode == 0, added.stdout + added.stderr


def test_a_backup_is_a_usable_database_file_on_either_engine(demo_store: object) -> None:
    """A SQLite file is backed up with the online backup API; a server database as a copy-db file."""
    import sqlite3
    from contextlib import closing

    from dean_desktop.models.schema import is_usable_backup
    from dean_desktop.services.backup import backup_now

    made = backup_now()
    assert is_usable_backup(made)
    with closing(sqlite3.connect(made)) as conn:
        assert conn.execute("SELECT count(*) FROM cadre").fetchone()[0] > 300
