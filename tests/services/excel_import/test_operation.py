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


def test_an_import_backs_up_first_and_a_dry_run_writes_nothing(store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "bao-cao"
    build_return(folder / "linh-thong.xlsx", office=office(True))
    dry = operation.run_import([folder], dry_run=True)
    assert [o.status for o in dry] == ["imported"] and _backups(store) == [] and list_imports() == []

    done = operation.run_import([folder])
    assert [o.status for o in done] == ["imported"]
    assert len(_backups(store)) == 1
    assert [r.status for r in list_imports()] == ["imported"]


def test_a_backup_that_fails_stops_the_import_before_anything_is_written(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build_return(tmp_path / "linh-thong.xlsx", office=office(True))

    def unwritable(reason: str = "") -> Path:
        raise DomainError("Không ghi được bản sao lưu: thư mục không cho phép ghi.")

    monkeypatch.setattr(backup, "backup_now", unwritable)
    with pytest.raises(DomainError, match="bản sao lưu"):
        operation.run_import([path])
    plans = operation.analyse_files(operation.find_files([path]).files)
    with pytest.raises(DomainError, match="bản sao lưu"):
        operation.apply_plans(plans)  # the window's path
    assert list_imports() == [] and all(o.has_office is None for o in list_offices())


def test_a_folder_without_workbooks_imports_nothing_and_backs_nothing_up(store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ghi-chu"
    folder.mkdir()
    (folder / "ghi-chu.txt").write_text("không phải bảng tính", encoding="utf-8")
    assert not [o for o in operation.run_import([folder]) if o.status == "imported"]
    assert list_imports() == [] and _backups(store) == []
