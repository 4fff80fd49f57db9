"""Crash safety: a killed import never leaves a broken or half-written database; a full disk loses nothing."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest

from dean_desktop.models import Cadre, ImportRecord, UnitReturn, db
from dean_desktop.services.excel_import import analyse_file, apply_plan
from dean_desktop.services.indicators import indicator_report
from dean_desktop.services.periods import parse_period
from dean_desktop.services.returns import CadreData, ReturnData, save_return
from dean_desktop.services.storage_checks import DiskFullError
from dean_desktop.services.units import list_units
from dean_desktop.store import open_store

ROOT = Path(__file__).resolve().parents[2]
KILLS = 10

# Imports the listed workbooks with the real importer. "steps": analyse then apply each file as import_files does,
# saying when each file's write begins and ends; "whole": one import_files call, as the command line runs it.
WORKER = r"""
import json, sys, time
from pathlib import Path
from dean_desktop.store import open_store
from dean_desktop.services.excel_import import analyse_file, apply_plan, import_files
from dean_desktop.services.units import list_units

db_path, files_json, mode = sys.argv[1:4]
files = [Path(p) for p in json.loads(Path(files_json).read_text(encoding="utf-8"))]
open_store(db_path)
units = list_units()
print("ready", flush=True)
if mode == "whole":
    outcomes = import_files(files)
    assert all(o.ok for o in outcomes), [o.as_json() for o in outcomes if not o.ok]
else:
    for number, path in enumerate(files):
        plan = analyse_file(path, units)
        assert plan.ok, [e.text() for e in plan.errors]
        print("begin", number, flush=True)
        started = time.perf_counter()
        apply_plan(plan)
        print("end", number, time.perf_counter() - started, flush=True)
print("done", flush=True)
"""

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
    pytest.mark.sqlite_only,  # the database file, its pragmas and its journal (tests/multiuser covers the server)
]

CADRE_HEADERS = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Dân tộc", "Chức vụ", "Chuyên môn", "Lý luận chính trị"]
EDUCATION = ["Đại học", "Thạc sĩ", "Tiến sĩ", "Cao đẳng"]
THEORY = ["Cao cấp", "Cử nhân", "Trung cấp", "Sơ cấp"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hải", "Lan", "Minh", "Nga", "Sơn", "Thảo", "Vinh"]
MIDDLE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Thế"]  # 96 names: with the birth year, no one twice
FAMILY = {"a": "Nguyễn", "b": "Trần"}  # the first import of a return, and the one that replaces it


def write_return(folder: Path, unit: str, period: str, version: str, n: int) -> Path:
    """A unit return as PRODUCT.md §4 lays it out: `Thông tin chung` and a `Cán bộ` table of n people."""
    book = openpyxl.Workbook()
    info = book.active
    info.title = "Thông tin chung"
    info.append(["Đơn vị", unit])
    info.append(["Kỳ báo cáo", period])
    sheet = book.create_sheet("Cán bộ")
    sheet.append(CADRE_HEADERS)
    for i in range(n):
        name = f"{FAMILY[version]} {MIDDLE[i // len(GIVEN) % len(MIDDLE)]} {GIVEN[i % len(GIVEN)]}"
        year = 1960 + (i // (len(GIVEN) * len(MIDDLE)) * 3 + n) % 35  # the importer refuses a person listed twice
        sheet.append([i + 1, name, year, "Nam", "Kinh", "Trưởng phòng",
                      EDUCATION[(i + n) % 4], THEORY[(i * 3 + n) % 4]])  # fmt: skip
    path = folder / f"{version}-{len(list(folder.iterdir()))}-{n}.xlsx"  # the name carries the row count
    book.save(path)
    return path


def make_files(folder: Path, rng: random.Random) -> list[Path]:
    """Three district agencies' returns for two years, each imported twice (the second replaces the first)."""
    units = [u.name for u in list_units(district_only=True)][:3]
    folder.mkdir()
    return [
        write_return(folder, unit, period, version, rng.randint(200, 700))
        for version in ("a", "b")
        for period in ("Năm 2017", "Năm 2018")
        for unit in units
    ]


class Worker:
    def __init__(self, db_path: Path, files_json: Path, mode: str = "steps") -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(db_path), str(files_json), mode],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
        )
        assert self.line() == "ready"

    def line(self) -> str:
        assert self.proc.stdout is not None
        text = self.proc.stdout.readline()
        if not text:  # the worker ended early: show why
            _out, err = self.proc.communicate()
            raise AssertionError(f"worker stopped: {err}")
        return text.strip()

    def kill(self) -> list[str]:
        self.proc.send_signal(signal.SIGKILL)
        out, _err = self.proc.communicate()
        return [line for line in out.split("\n") if line]

    def finish(self) -> list[str]:
        out, err = self.proc.communicate()
        assert self.proc.returncode == 0, err
        return [line for line in out.split("\n") if line]


def stored_returns(path: Path) -> dict[tuple[int, str], tuple[str, int]]:
    """(unit, period) -> (file, cadre rows), checking each return is whole, from one file, and logged with it."""
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        found = {}
        query = "SELECT id, unit_id, period_code, source_file FROM unit_return"
        for return_id, unit, period, source in conn.execute(query):
            rows = conn.execute("SELECT full_name FROM cadre WHERE unit_return_id = ?", (return_id,))
            families = [row[0].split(" ")[0] for row in rows]
            file = Path(source)
            assert set(families) == {FAMILY[file.name[0]]}, f"return {return_id} mixes two files"
            assert len(families) == int(file.stem.rsplit("-", 1)[1]), f"return {return_id} is half written"
            logged = conn.execute(
                "SELECT file_name FROM import_record WHERE unit_id = ? AND period_code = ? AND status = 'imported' "
                "ORDER BY id DESC LIMIT 1",
                (unit, period),
            ).fetchone()
            assert logged == (source,), f"return {return_id} and the import history disagree"
            found[(unit, period)] = (file.name, len(families))
        orphans = conn.execute(
            "SELECT count(*) FROM import_record r WHERE r.status = 'imported' AND NOT EXISTS "
            "(SELECT 1 FROM unit_return u WHERE u.unit_id = r.unit_id AND u.period_code = r.period_code)"
        ).fetchone()[0]
        assert orphans == 0, "an import was logged without its data"
        return found


def figures(path: Path) -> tuple[dict[str, object], dict[tuple[int, str], tuple[str, int]]]:
    open_store(path)
    try:
        return indicator_report().as_json(), stored_returns(path)
    finally:
        db.close()


def test_sigkill_during_imports_never_breaks_the_database(store: Path, tmp_path: Path) -> None:
    rng = random.Random(20161128)
    files = make_files(tmp_path / "bao-cao", rng)
    files_json = tmp_path / "files.json"
    files_json.write_text(json.dumps([str(f) for f in files]), encoding="utf-8")
    db.close()

    reference = tmp_path / "reference.db"
    write_times = [float(line.split()[2]) for line in Worker(reference, files_json).finish() if line.startswith("end")]

    inside_a_write = 0
    for _ in range(KILLS):
        worker = Worker(store, files_json)
        number = rng.randrange(len(files))
        while worker.line() != f"begin {number}":
            pass
        time.sleep(rng.uniform(0.0, max(write_times)))  # somewhere in (or just after) that file's transaction
        rest = worker.kill()
        if not any(line.startswith(f"end {number} ") for line in rest):
            inside_a_write += 1
        written = stored_returns(store)  # integrity ok, every return whole, history consistent
        assert all(name[0] in FAMILY for name, _n in written.values())
    assert inside_a_write > 0, "no kill landed inside a write: the test proved nothing"

    Worker(store, files_json, mode="whole").finish()  # import everything again, as the command line does
    assert figures(store) == figures(reference)


def test_pragmas_are_in_force_on_every_connection(store: Path) -> None:
    def read() -> tuple[object, ...]:
        return tuple(
            db.execute_sql(f"PRAGMA {name}").fetchone()[0]
            for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")
        )

    expected = ("wal", 2, 10000, 1)  # synchronous 2 = FULL
    assert read() == expected
    in_worker: list[tuple[object, ...]] = []
    thread = threading.Thread(target=lambda: (in_worker.append(read()), db.close()))
    thread.start()
    thread.join()
    assert in_worker == [expected]  # a worker thread gets its own connection with the same pragmas


def cadres(n: int, tag: str) -> list[CadreData]:
    return [CadreData(f"{tag} {i}", 1970, "dai_hoc", "cao_cap", seq=i) for i in range(n)]


def test_an_import_waits_for_another_writer_instead_of_failing(store: Path) -> None:
    unit = list_units(district_only=True)[0].id
    holding = threading.Event()

    def other_program() -> None:
        with closing(sqlite3.connect(store, isolation_level=None)) as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO setting (key, value) VALUES ('khoa', '1')")
            holding.set()
            time.sleep(0.3)
            conn.execute("COMMIT")

    UnitReturn.select().count()  # this connection has read before: a deferred transaction would hit a stale snapshot
    thread = threading.Thread(target=other_program)
    thread.start()
    holding.wait()
    result = save_return(ReturnData(unit_id=unit, period=parse_period("Năm 2017"), cadres=cadres(50, "x")))
    thread.join()
    assert result.counts["cadres"] == 50


def test_a_full_disk_gives_a_clear_message_and_keeps_the_data(demo_store: Path) -> None:
    unit = list_units(district_only=True)[0].id
    period = parse_period("Năm 2018")
    old = UnitReturn.get((UnitReturn.unit == unit) & (UnitReturn.period_code == period.code))
    before = (UnitReturn.select().count(), Cadre.select().count(), indicator_report().as_json())
    fill_the_disk()  # the disk fills up a few pages from now

    with pytest.raises(DiskFullError, match="ổ đĩa chứa cơ sở dữ liệu đã đầy") as caught:
        save_return(ReturnData(unit_id=unit, period=period, cadres=cadres(5000, "Tràn")))
    assert "dữ liệu đã lưu trước đó vẫn nguyên vẹn" in str(caught.value)

    assert (UnitReturn.select().count(), Cadre.select().count(), indicator_report().as_json()) == before
    assert UnitReturn.get_by_id(old.id).source_file == old.source_file  # the return it would replace is still there
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"

    db.execute_sql("PRAGMA max_page_count = 1073741823")  # space freed: the same import now goes through
    assert save_return(ReturnData(unit_id=unit, period=period, cadres=cadres(5000, "Tràn"))).replaced


def fill_the_disk() -> None:
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages + 2}")


def test_a_full_disk_during_an_import_leaves_the_data_as_it_was(demo_store: Path, tmp_path: Path) -> None:
    plan = analyse_file(make_files(tmp_path / "bao-cao", random.Random(5))[0])
    assert plan.ok
    before = (UnitReturn.select().count(), Cadre.select().count(), ImportRecord.select().count())
    fill_the_disk()
    with pytest.raises(Exception):  # noqa: B017 - which exception is the next test's concern
        apply_plan(plan)
    assert (UnitReturn.select().count(), Cadre.select().count(), ImportRecord.select().count()) == before
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_full_disk_during_an_import_says_so_in_vietnamese(demo_store: Path, tmp_path: Path) -> None:
    plan = analyse_file(make_files(tmp_path / "bao-cao", random.Random(5))[0])
    fill_the_disk()
    with pytest.raises(DiskFullError, match="ổ đĩa chứa cơ sở dữ liệu đã đầy"):
        apply_plan(plan)
