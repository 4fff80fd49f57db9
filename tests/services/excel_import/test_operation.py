"""The one import operation: find, back up, analyse, apply, record — the command line's and the window's."""

from __future__ import annotations

from pathlib import Path

import pytest

from dean_desktop.paths import backup_dir_for
from dean_desktop.services import backup
from dean_desktop.services.errors import DomainError
from dean_desktop.services.excel_import import operation
from dean_desktop.services.history import list_imports
from dean_desktop.services.offices import list_offices

from .builders import build_return, office


def _backups(store: Path) -> list[str]:
    return sorted(p.name for p in backup_dir_for(store).glob(f"*{operation.BACKUP_REASON}.db"))


@pytest.mark.sqlite_only  # backups of a database file (a server's are copy-db files: tests/multiuser)
def test_an_import_backs_up_first_and_a_dry_run_writes_nothing(store: Path, tmp_path: Path) -> None:
    first = build_return(tmp_path / "dau" / "bao-linh.xlsx", unit="Bảo Linh", office=office(True))
    assert [o.status for o in operation.run_import([first])] == ["imported"]  # now there is something to lose
    folder = tmp_path / "bao-cao"
    build_return(folder / "linh-thong.xlsx", office=office(True))
    dry = operation.run_import([folder], dry_run=True)
    assert [o.status for o in dry] == ["imported"] and _backups(store) == [] and len(list_imports()) == 1

    done = operation.run_import([folder])
    assert [o.status for o in done] == ["imported"]
    assert len(_backups(store)) == 1
    assert [r.status for r in list_imports()] == ["imported", "imported"]


@pytest.mark.sqlite_only  # backups of a database file (a server's are copy-db files: tests/multiuser)
def test_a_database_with_only_its_seed_is_not_backed_up_before_an_import(store: Path, tmp_path: Path) -> None:
    build_return(tmp_path / "bao-cao" / "linh-thong.xlsx", office=office(True))
    assert [o.status for o in operation.run_import([tmp_path / "bao-cao"])] == ["imported"]
    assert _backups(store) == []  # nothing to lose: a backup would only fill the folder


def test_a_backup_that_fails_stops_the_import_before_anything_is_written(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build_return(tmp_path / "dau" / "bao-linh.xlsx", unit="Bảo Linh", office=office(True))
    operation.run_import([first])  # now there is something to lose
    path = build_return(tmp_path / "linh-thong.xlsx", office=office(True))
    imports, offices = list_imports(), list_offices()

    def unwritable(reason: str = "") -> Path:
        raise DomainError("Không ghi được bản sao lưu: thư mục không cho phép ghi.")

    monkeypatch.setattr(backup, "backup_now", unwritable)
    with pytest.raises(DomainError, match="bản sao lưu"):
        operation.run_import([path])
    plans = operation.analyse_files(operation.find_files([path]).files)
    with pytest.raises(DomainError, match="bản sao lưu"):
        operation.apply_plans(plans)  # the window's path
    assert list_imports() == imports and list_offices() == offices


@pytest.mark.sqlite_only  # backups of a database file (a server's are copy-db files: tests/multiuser)
def test_a_folder_without_workbooks_imports_nothing_and_backs_nothing_up(store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ghi-chu"
    folder.mkdir()
    (folder / "ghi-chu.txt").write_text("không phải bảng tính", encoding="utf-8")
    assert not [o for o in operation.run_import([folder]) if o.status == "imported"]
    assert list_imports() == [] and _backups(store) == []
