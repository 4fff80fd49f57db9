"""Two command-line imports at once, and an import killed half-way: one whole return, never a mix (both engines)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from dean_desktop.models import Cadre, Unit, UnitReturn, db
from tests.services.excel_import.builders import build_return, cadre, office

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "DEAN_DESKTOP_DATA_DIR": str(tmp_path / "data"), "PYTHONIOENCODING": "utf-8"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _import(store: object, workbook: Path, tmp_path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", str(store), "import", str(workbook), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=_env(tmp_path),
    )


def _version(tmp_path: Path, tag: str, people: int) -> tuple[Path, set[str]]:
    names = [f"Người {tag} số {i}" for i in range(people)]
    path = build_return(
        tmp_path / f"linh-thong-{tag}.xlsx",
        office=office(tag == "A"),
        edoc=[("Đảng ủy", tag == "A")],
        cadres=[cadre(name, 1960 + i % 30) for i, name in enumerate(names)],
    )
    return path, set(names)


def _stored_names() -> tuple[int, set[str]]:
    db.close()  # a fresh connection sees what the other processes committed
    linh_thong = Unit.get(Unit.name == "Linh Thông")
    returns = list(UnitReturn.select().where((UnitReturn.unit == linh_thong) & (UnitReturn.period_code == "2017")))
    names = {c.full_name for r in returns for c in Cadre.select().where(Cadre.unit_return == r)}
    return len(returns), names


def test_two_imports_of_one_return_at_once_leave_one_of_them_whole(store: object, tmp_path: Path) -> None:
    first, first_names = _version(tmp_path, "A", 60)
    second, second_names = _version(tmp_path, "B", 45)
    for _round in range(3):
        runs = [_import(store, first, tmp_path), _import(store, second, tmp_path)]
        outputs = [run.communicate(timeout=300) for run in runs]
        for run, (out, err) in zip(runs, outputs, strict=True):
            assert run.returncode == 0, err
            assert json.loads(out)[0]["status"] != "rejected"
        count, names = _stored_names()
        assert count == 1
        assert names in (first_names, second_names)  # one import won whole


def test_an_import_killed_half_way_then_a_full_import_gives_the_clean_figures(store: object, tmp_path: Path) -> None:
    workbook, names = _version(tmp_path, "A", 400)
    for delay in (0.4, 0.9, 1.6):  # where the kill lands varies; whatever it hits, no half return is visible
        victim = _import(store, workbook, tmp_path)
        time.sleep(delay)
        victim.kill()  # SIGKILL on POSIX
        victim.communicate(timeout=60)
        count, stored = _stored_names()
        assert (count, stored) in ((0, set()), (1, names))
    again = _import(store, workbook, tmp_path)
    _out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert _stored_names() == (1, names)
