"""Where the database lives: network shares are recognised; a full disk is told apart from a bug."""

from __future__ import annotations

import errno
import sqlite3

import peewee
import pytest

from dean_desktop.services.storage_checks import (
    DRIVE_REMOTE,
    DiskFullError,
    is_disk_full,
    is_network_path,
    network_warning,
    translate_disk_full,
)

FIXED, REMOTE = 3, DRIVE_REMOTE


@pytest.mark.parametrize(
    "path",
    [r"\\maychu\chung\de_an.db", "//maychu/chung/de_an.db", r"\\?\UNC\maychu\chung\de_an.db", r"\\192.168.1.5\d\x.db"],
)
def test_unc_paths_are_network_paths_on_any_system(path: str) -> None:
    assert is_network_path(path)


@pytest.mark.parametrize("path", [r"\\?\C:\Dữ liệu\de_an.db", r"\\.\pipe\x", "/home/ban-to-chuc/de_an.db", "de_an.db"])
def test_local_paths_are_not(path: str) -> None:
    assert not is_network_path(path)


def test_a_mapped_network_drive_is_recognised_by_its_drive_type() -> None:
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return REMOTE if root == "Z:\\" else FIXED

    assert is_network_path(r"z:\Ban To chuc\de_an.db", drive_type=drive_type)
    assert not is_network_path(r"C:\Users\vanthu\AppData\Local\DeanDesktop\de_an.db", drive_type=drive_type)
    assert asked == ["Z:\\", "C:\\"]


def test_the_warning_names_the_file_and_says_what_to_do() -> None:
    text = network_warning(r"\\maychu\chung\de_an.db")
    assert r"\\maychu\chung\de_an.db" in text
    assert "không được phép dùng chung qua mạng" in text and "chép tệp về ổ đĩa của máy này" in text


def test_a_full_disk_is_recognised_however_it_is_wrapped() -> None:
    assert is_disk_full(sqlite3.OperationalError("database or disk is full"))
    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    try:  # peewee's failed ROLLBACK hides SQLite's error in the context
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError:
            raise peewee.OperationalError("cannot rollback - no transaction is active")  # noqa: B904
    except peewee.OperationalError as masked:
        assert is_disk_full(masked)
    assert not is_disk_full(sqlite3.OperationalError("database is locked"))
    assert not is_disk_full(ValueError("database or disk is full"))  # only SQLite and the OS speak for the disk


def test_translate_disk_full_keeps_other_errors() -> None:
    with pytest.raises(DiskFullError, match="ổ đĩa chứa cơ sở dữ liệu đã đầy"):
        with translate_disk_full("/du-lieu/de_an.db"):
            raise sqlite3.OperationalError("database or disk is full")
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        with translate_disk_full():
            raise sqlite3.OperationalError("database is locked")
