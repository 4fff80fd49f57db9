"""A database the command line cannot use: one Vietnamese sentence, JSON under --json, exit 1, the file unchanged."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dean_desktop import cli
from dean_desktop.models import db
from dean_desktop.models.schema import SCHEMA_VERSION
from dean_desktop.store import open_store

pytestmark = pytest.mark.sqlite_only  # database files: their bytes, journals and backups

ROOT = Path(__file__).resolve().parents[2]
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run_cli(*args: str, tmp_path: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEAN_DESKTOP_DATA_DIR": str(tmp_path / "data"), "PYTHONIOENCODING": "utf-8", **extra_env}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def a_real_database(path: Path) -> Path:
    open_store(path)
    db.close()
    return path


def random_bytes(path: Path) -> Path:
    path.write_bytes(os.urandom(8192))
    return path


def truncated(path: Path) -> Path:
    a_real_database(path)
    with sqlite3.connect(path) as conn:  # fold the WAL in, so the file alone holds everything
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        extra.unlink(missing_ok=True)
    path.write_bytes(data[: len(data) // 2])
    return path


def newer_version(path: Path) -> Path:
    a_real_database(path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = delete")  # so that a switch back to WAL would show in the bytes
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    return path


def another_programs_database(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE khach_hang (id integer primary key, ten text)")
        conn.execute("INSERT INTO khach_hang (ten) VALUES ('Nguyễn Văn A')")
    return path


def a_folder(path: Path) -> Path:
    path.mkdir()
    (path / "ghi-chu.txt").write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    return path


BROKEN = {
    "random-bytes": (random_bytes, "không phải là cơ sở dữ liệu"),
    "truncated": (truncated, "bị hỏng"),
    "newer-version": (newer_version, "phiên bản mới hơn"),
    "another-program": (another_programs_database, "chương trình khác"),
    "folder": (a_folder, "thư mục"),
}


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_database_it_cannot_use_is_refused_untouched(tmp_path: Path, kind: str, as_json: bool) -> None:
    make, said = BROKEN[kind]
    folder = tmp_path / "du-lieu"
    folder.mkdir()
    target = make(folder / "de_an.db")
    before = snapshot(folder), snapshot(target) if target.is_dir() else None
    result = run_cli("--db", str(target), "indicators", *(["--json"] if as_json else []), tmp_path=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert said in result.stderr and result.stderr.count("\n") == 1  # one sentence, one line
    if as_json:
        assert said in json.loads(result.stdout)["error"]
    assert (snapshot(folder), snapshot(target) if target.is_dir() else None) == before  # not a byte changed


@pytest.mark.skipif(AS_ROOT, reason="root may write anything; a read-only file is read-only only for other users")
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_database_is_refused_untouched(tmp_path: Path, what: str) -> None:
    folder = tmp_path / "du-lieu"
    folder.mkdir()
    target = a_real_database(folder / "de_an.db")
    before = snapshot(folder)
    (target if what == "file" else folder).chmod(0o555 if what == "folder" else 0o444)
    try:
        result = run_cli("--db", str(target), "import", str(tmp_path / "khong-co.xlsx"), "--json", tmp_path=tmp_path)
    finally:
        folder.chmod(0o755)
        target.chmod(0o644)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "chỉ đọc" in json.loads(result.stdout)["error"]
    assert snapshot(folder) == before


def test_a_database_locked_longer_than_the_timeout_is_one_sentence(tmp_path: Path) -> None:
    target = a_real_database(tmp_path / "de_an.db")
    writer = sqlite3.connect(target)
    writer.execute("BEGIN IMMEDIATE")  # another process in the middle of a long write
    try:
        result = run_cli("--db", str(target), "demo", tmp_path=tmp_path, DEAN_DESKTOP_BUSY_TIMEOUT_MS="300")
    finally:
        writer.rollback()
        writer.close()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "đang bận" in result.stderr


def test_a_full_disk_at_the_backup_step_leaves_no_backup_and_one_sentence(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from dean_desktop.models import schema
    from tests.services.excel_import.builders import build_return, office

    first = build_return(tmp_path / "dau" / "bao-linh.xlsx", unit="Bảo Linh", office=office(True))
    assert cli.main(["--db", str(store), "import", str(first)]) == 0  # now the database has something to lose
    workbook = build_return(tmp_path / "bao-cao.xlsx", office=office(True))
    capsys.readouterr()
    real_connect = sqlite3.connect

    def connect(path: str, *args: object, **kwargs: object) -> object:
        if str(path).endswith(".dang-ghi"):
            Path(path).write_bytes(b"")  # the disk filled up after the file was created
            raise sqlite3.OperationalError("database or disk is full")
        return real_connect(path, *args, **kwargs)

    monkeypatch.setattr(schema.sqlite3, "connect", connect)
    code = cli.main(["--db", str(store), "import", str(workbook), "--json"])
    out, err = capsys.readouterr()
    assert code == 1 and "đã đầy" in json.loads(out)["error"] and "Traceback" not in err
    backups = store.parent / "sao-luu"
    assert not backups.exists() or list(backups.iterdir()) == []


def test_failed_backups_never_push_the_good_ones_out(store: Path) -> None:
    from dean_desktop.models.schema import BACKUPS_KEPT, backup_name, backup_to
    from dean_desktop.paths import backup_dir_for

    folder = backup_dir_for(store)
    good = [backup_to(folder / backup_name(store, "truoc-khi-nhap")) for _ in range(3)]
    for _ in range(BACKUPS_KEPT + 1):  # what an older version left on a full disk
        (folder / backup_name(store, "truoc-khi-nhap")).write_bytes(b"")
    backup_to(folder / backup_name(store, "truoc-khi-nhap"))
    assert all(path.exists() for path in good)


def test_a_read_only_location_is_refused_before_any_write_even_for_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Root may write anywhere, so the OS's answer is stood in for: the check must come before any write."""
    from dean_desktop.models import engine

    folder = tmp_path / "du-lieu"
    folder.mkdir()
    target = a_real_database(folder / "de_an.db")
    before = snapshot(folder)
    monkeypatch.setattr(engine.os, "access", lambda path, mode: mode != os.W_OK)
    code = cli.main(["--db", str(target), "indicators", "--json"])
    out, err = capsys.readouterr()
    assert code == 1 and "chỉ đọc" in json.loads(out)["error"] and "Traceback" not in err
    assert snapshot(folder) == before
