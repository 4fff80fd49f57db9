"""The one import operation: find, back up, analyse, apply, record — the command line's and the window's."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from dean_desktop.paths import backup_dir_for
from dean_desktop.services import backup
from dean_desktop.services.errors import DomainError
from dean_desktop.services.excel_import import operation, reader
from dean_desktop.services.excel_import.plan import FilePlan, analyse_file
from dean_desktop.services.history import list_imports
from dean_desktop.services.offices import list_offices

from ..hostile_corpus import CADRE_SHEET, rewrite, valid_return
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


def _seen(plan: FilePlan) -> tuple[object, ...]:
    return (
        plan.path.name,
        plan.unit.name if plan.unit else None,
        [e.text() for e in plan.errors],
        [w.text() for w in plan.warnings],
        plan.counts,
    )


def test_a_batch_read_one_file_ahead_reports_each_file_as_if_it_were_read_alone(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "bao-cao"
    build_return(folder / "1-bao-linh.xlsx", unit="Bảo Linh", office=office(True))
    good = valid_return(tmp_path / "linh-thong.xlsx")
    broken_sheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    broken_sheet += b'<row r="1"><c r="A1" t="s"><v>99999</v></c></row></sheetData></worksheet>'
    (folder / "2-linh-thong.xlsx").write_bytes(rewrite(good.read_bytes(), {CADRE_SHEET: broken_sheet}))
    (folder / "3-ghi-chu.xlsx").write_text("không phải bảng tính", encoding="utf-8")
    build_return(folder / "4-kim-son.xlsx", unit="Kim Sơn", office=office(False))
    files = operation.find_files([folder]).files
    alone = [_seen(analyse_file(path)) for path in files]
    threads: list[str] = []
    parse_ahead = reader.Workbook.parse_ahead

    def spied(book: reader.Workbook, sheets: list[reader.SheetInfo]) -> None:
        threads.append(threading.current_thread().name)
        parse_ahead(book, sheets)

    monkeypatch.setattr(reader.Workbook, "parse_ahead", spied)

    plans = operation.analyse_files(files)  # the window's preview
    assert [_seen(plan) for plan in plans] == alone
    assert 'trang tính "Cán bộ" không đọc được' in alone[1][2][0] and "2-linh-thong.xlsx" in alone[1][2][0]
    assert "3-ghi-chu.xlsx" in alone[2][2][0] and alone[3][1] == "Kim Sơn"
    # Files 2 and 4 were parsed ahead, off the calling thread (file 3 is refused before it has sheets).
    assert len(threads) == 2 and threading.current_thread().name not in threads

    applied = operation.apply_plans(plans)  # the window writes what it showed
    assert [o.status for o in applied] == ["imported", "rejected", "rejected", "imported"]
    assert {o.unit_name for o in list_offices() if o.return_id is not None} == {"Bảo Linh", "Kim Sơn"}
    again = operation.run_import([folder])  # the command line, on the same folder
    assert [o.status for o in again] == ["imported", "rejected", "rejected", "imported"]
    assert [o.unchanged for o in again] == [True, False, False, True]
    assert [[e.text() for e in o.errors] for o in again] == [seen[2] for seen in alone]
