"""Backups with the online backup API, the last ten kept, and restores that check the file before replacing anything."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from dean_desktop.models import AuditEntry, Rotation, UnitReturn, db
from dean_desktop.models.schema import SCHEMA_VERSION, backup_name
from dean_desktop.paths import backup_dir_for
from dean_desktop.services import backup
from dean_desktop.services.errors import DomainError
from dean_desktop.services.rotations import RotationInput, add_rotation, remove_rotation
from dean_desktop.store import open_store

pytestmark = pytest.mark.sqlite_only  # backups of a database file (on a server, backups are copy-db)


def counts(path: Path) -> tuple[int, int, int]:
    """(returns, cadres, rotations) read through a separate connection, as another program would see the file."""
    with closing(sqlite3.connect(path)) as conn:
        tables = ("unit_return", "cadre", "rotation")
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)  # type: ignore[return-value]


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def test_backup_holds_data_committed_but_not_yet_checkpointed(demo_store: Path) -> None:
    add_rotation(RotationInput(full_name="Hoàng Văn Mới", decision_no="999-QĐ/HU"))
    assert Path(f"{demo_store}-wal").stat().st_size > 0  # the new row still lives in the WAL
    copy = backup.backup_now("thu-cong")
    assert copy.parent == backup_dir_for(demo_store)
    assert integrity(copy) == "ok"
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("SELECT count(*) FROM rotation WHERE decision_no = '999-QĐ/HU'").fetchone()[0] == 1
    assert counts(copy) == counts(demo_store)


def test_only_the_last_ten_backups_of_this_database_are_kept(store: Path) -> None:
    folder = backup_dir_for(store)
    folder.mkdir(parents=True, exist_ok=True)
    # another database in the same folder whose name starts like ours: its backups are not ours to prune
    others = [folder / backup_name(store.with_name("test-2017.db"), "thu-cong") for _ in range(3)]
    for other in others:
        other.write_bytes(b"")
    made = [backup.backup_now("truoc-nhap") for _ in range(12)]
    kept = backup.list_backups()
    assert [b.path for b in kept] == list(reversed(made[2:]))
    assert not made[0].exists() and not made[1].exists()
    assert all(other.exists() for other in others)
    assert kept[0].reason_label == "Trước khi nhập báo cáo"


def test_restore_brings_back_the_backup_and_keeps_the_current_data_aside(demo_store: Path) -> None:
    before = counts(demo_store)
    saved = backup.backup_now("thu-cong")
    for rotation in Rotation.select():
        remove_rotation(rotation.id)
    UnitReturn.delete().where(UnitReturn.id == UnitReturn.select().first().id).execute()
    changed = counts(demo_store)
    assert changed != before

    result = backup.restore_from(saved)

    assert counts(demo_store) == before
    assert counts(result.safety_backup) == changed  # what was replaced can itself be restored
    assert integrity(demo_store) == "ok"
    assert result.schema_version == SCHEMA_VERSION
    restored = AuditEntry.select().where(AuditEntry.table == "database").get()
    assert saved.name in restored.new
    # the data survives closing and opening the file again (the WAL was written through SQLite, not copied over)
    db.close()
    open_store(demo_store)
    assert Rotation.select().count() == before[2]


def _bad_files(tmp_path: Path, good: Path) -> dict[str, tuple[Path, str]]:
    garbage = tmp_path / "khong-phai.db"
    garbage.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 50)
    empty = tmp_path / "rong.db"
    empty.write_bytes(b"")
    broken = tmp_path / "hong.db"
    data = bytearray(good.read_bytes())
    for page in range(2, len(data) // 4096):
        data[page * 4096 + 8 : page * 4096 + 200] = b"\xff" * 192
    broken.write_bytes(bytes(data))
    bad_index = tmp_path / "sai-chi-muc.db"  # readable, but two indexes swapped: only integrity_check notices
    bad_index.write_bytes(good.read_bytes())
    with closing(sqlite3.connect(bad_index)) as conn:
        pages = dict(
            conn.execute("SELECT name, rootpage FROM sqlite_master WHERE name LIKE 'cadre_%' AND type = 'index'")
        )
        first, second = sorted(pages)[:2]
        conn.execute("PRAGMA writable_schema = ON")
        for name, other in ((first, second), (second, first)):
            conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (pages[other], name))
        conn.commit()
    newer = tmp_path / "moi-hon.db"
    newer.write_bytes(good.read_bytes())
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    foreign = tmp_path / "ung-dung-khac.db"
    with closing(sqlite3.connect(foreign)) as conn:
        conn.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
    return {
        "not sqlite": (garbage, "không phải là tệp cơ sở dữ liệu"),
        "empty": (empty, "không phải là tệp cơ sở dữ liệu"),
        "corrupt": (broken, "bị hỏng"),
        "bad index": (bad_index, "kiểm tra toàn vẹn"),
        "newer app": (newer, "phiên bản mới hơn"),
        "another app": (foreign, "không phải là cơ sở dữ liệu của Đề án Desktop"),
        "missing": (tmp_path / "khong-co.db", "Không tìm thấy tệp"),
    }


def test_bad_files_are_refused_before_anything_is_replaced(demo_store: Path, tmp_path: Path) -> None:
    good = backup.backup_now("thu-cong")
    before = counts(demo_store)
    for label, (path, message) in _bad_files(tmp_path, good).items():
        with pytest.raises(DomainError, match=message):
            backup.restore_from(path)
        assert counts(demo_store) == before, label
        assert [b.path for b in backup.list_backups()] == [good], f"{label}: no safety backup for a refused file"
    assert integrity(demo_store) == "ok"


def test_the_open_database_cannot_be_restored_onto_itself(store: Path) -> None:
    with pytest.raises(DomainError, match="chính là cơ sở dữ liệu đang mở"):
        backup.restore_from(store)
    with pytest.raises(DomainError, match="đè lên chính tệp"):
        backup.save_copy(store)


def test_checking_a_backup_leaves_nothing_beside_it(demo_store: Path) -> None:
    copy = backup.backup_now("thu-cong")
    checked = backup.check_backup(copy)
    assert checked.returns == UnitReturn.select().count()
    assert checked.schema_version == SCHEMA_VERSION
    assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]


def test_save_copy_replaces_an_older_file_only_when_complete(demo_store: Path, tmp_path: Path) -> None:
    dest = tmp_path / "Tài liệu" / "de_an-sao-luu.db"
    dest.parent.mkdir()
    dest.write_bytes(b"an older copy")
    assert backup.save_copy(dest) == dest
    assert sorted(p.name for p in dest.parent.iterdir()) == [dest.name]
    assert integrity(dest) == "ok"
    assert counts(dest) == counts(demo_store)
    assert backup.check_backup(dest).info.reason == ""


def test_the_oldest_of_ten_backups_can_be_restored_although_the_safety_backup_prunes_it(demo_store: Path) -> None:
    oldest = backup.backup_now("truoc-nhap")
    returns = counts(demo_store)
    for rotation in Rotation.select():
        remove_rotation(rotation.id)
    for _ in range(9):
        backup.backup_now("truoc-nhap")
    result = backup.restore_from(oldest)
    assert not oldest.exists()  # the eleventh backup (made before restoring) pushed it out of the ten kept
    assert counts(demo_store) == returns
    assert result.safety_backup.exists()


def test_the_pre_import_backup_is_skipped_when_nothing_changed(demo_store: Path) -> None:
    from dean_desktop.services import rotations
    from dean_desktop.services.backup import backup_before_import

    first = backup_before_import()
    assert first is not None and first.exists()
    assert backup_before_import() is None  # nothing changed since: the first backup still holds it all
    rotations.add_rotation(rotations.RotationInput(full_name="Hà Văn Quân", decision_no="999-QĐ/HU"))
    second = backup_before_import()
    assert second is not None and second != first
    second.unlink()
    assert backup_before_import() is not None  # the last backup is gone: write one again


def test_a_database_with_only_its_seed_needs_no_pre_import_backup(store: Path) -> None:
    from dean_desktop.services.backup import backup_before_import

    assert backup_before_import() is None
