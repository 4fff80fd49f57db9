"""Backups on network shares and in awkward folders: the read-only SQLite URI never carries an authority."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from dean_desktop.models import Rotation
from dean_desktop.services import backup
from dean_desktop.services.rotations import remove_rotation
from dean_desktop.targets import sqlite_uri


def _authority(uri: str) -> str:
    """The authority as SQLite's URI parser reads it: what lies between ``file://`` and the next ``/``."""
    assert uri.startswith("file://")
    return uri[len("file://") :].split("/", 1)[0]


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (r"\\maychu\chung\de_an.db", "file:////maychu/chung/de_an.db?mode=ro"),
        (r"\\192.168.1.5\Ban To chuc\sao lưu.db", "file:////192.168.1.5/Ban%20To%20chuc/sao%20l%C6%B0u.db?mode=ro"),
        (r"\\?\UNC\maychu\chung\de_an.db", "file:////maychu/chung/de_an.db?mode=ro"),
        (r"Z:\Dữ liệu\de_an.db", "file:///Z:/D%E1%BB%AF%20li%E1%BB%87u/de_an.db?mode=ro"),
        (r"\\?\C:\Users\vanthu\de_an.db", "file:///C:/Users/vanthu/de_an.db?mode=ro"),
        (r"C:\Sao lưu #2 (100%)\x.db", "file:///C:/Sao%20l%C6%B0u%20%232%20%28100%25%29/x.db?mode=ro"),
    ],
)
def test_windows_paths_become_uris_without_an_authority(path: str, uri: str) -> None:
    assert sqlite_uri(PureWindowsPath(path)) == uri
    assert _authority(uri) == ""


def test_pathlib_would_put_the_server_in_the_authority_which_sqlite_refuses(tmp_path: Path) -> None:
    """What the backup code used to do: ``as_uri()`` of a share names the server as the authority."""
    unc = PureWindowsPath(r"\\maychu\chung\de_an.db")
    assert _authority(unc.as_uri()) == "maychu"
    with pytest.raises(sqlite3.OperationalError, match="authority"):
        sqlite3.connect(unc.as_uri() + "?mode=ro", uri=True)


def test_sqlite_reads_a_uri_shaped_like_a_share_path(tmp_path: Path) -> None:
    """``file:////…`` (the shape of a share's URI) opens the file named by the path after the empty authority.

    POSIX reads ``//tmp/…`` as ``/tmp/…``, so this runs the exact URI shape through SQLite's parser here.
    """
    target = tmp_path / "de_an.db"
    with closing(sqlite3.connect(target)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (42)")
        conn.commit()
    uri = sqlite_uri(PurePosixPath("/" + str(target)))
    assert uri.startswith("file:////")
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        assert conn.execute("SELECT x FROM t").fetchone() == (42,)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("INSERT INTO t VALUES (1)")


@pytest.mark.sqlite_only  # restores a backup file into the open database file
def test_restore_from_a_folder_whose_name_needs_quoting(demo_store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "Sao lưu #2 (100%)"
    saved = backup.save_copy(folder / "bản sao lưu.db")
    rotations = Rotation.select().count()
    for rotation in Rotation.select():
        remove_rotation(rotation.id)
    assert backup.check_backup(saved).returns > 0
    backup.restore_from(saved)
    assert Rotation.select().count() == rotations
    assert sorted(p.name for p in folder.iterdir()) == ["bản sao lưu.db"]  # opened read-only: nothing left beside
