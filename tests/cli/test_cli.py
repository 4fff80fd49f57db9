"""The command line, run as a user would: a separate process on a database file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    # No PYTHONIOENCODING=utf-8: the built program ignores it, so the program must switch to UTF-8 by itself
    # (.ci/run also runs this file with PYTHONIOENCODING=cp1252 to prove it).
    env = {**os.environ, "DEAN_DESKTOP_DATA_DIR": str(data_dir)}
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("DISPLAY", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def test_indicators_json_on_a_fresh_database(tmp_path: Path) -> None:
    db = tmp_path / "moi.db"
    result = run_cli("--db", str(db), "indicators", "--json", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["as_of"] is None
    assert [i["code"] for i in data["indicators"]] == [
        "cadre.postgrad_district",
        "cadre.senior_theory_district",
        "cadre.rotations",
        "reform.edoc_orgs",
        "reform.commune_offices",
    ]
    assert [(i["target_min"], i["target_max"]) for i in data["indicators"]] == [
        (15, None),
        (65, None),
        (4, 6),
        (100, None),
        (100, None),
    ]
    assert [i["deadline"] for i in data["indicators"]] == [2020, 2020, 2020, 2018, 2020]
    offices = data["indicators"][4]
    assert offices["denominator"] == 23 and offices["met"] is False
    assert set(data["indicators"][0]) == {
        "code",
        "title",
        "value",
        "numerator",
        "denominator",
        "unit",
        "target_min",
        "target_max",
        "deadline",
        "met",
    }
    assert len(data["missing_returns"]) == 23
    assert db.exists()


def test_demo_then_every_indicator_has_a_value_and_demo_twice_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    first = run_cli("--db", str(db), "demo", data_dir=tmp_path)
    assert first.returncode == 0 and "Đã nạp dữ liệu mẫu" in first.stdout
    before = json.loads(run_cli("--db", str(db), "indicators", "--json", data_dir=tmp_path).stdout)
    second = run_cli("--db", str(db), "demo", data_dir=tmp_path)
    assert second.returncode == 0 and "không thêm gì" in second.stdout
    after = json.loads(run_cli("--db", str(db), "indicators", "--json", data_dir=tmp_path).stdout)
    assert before == after
    assert all(i["value"] is not None for i in after["indicators"])


def test_indicators_as_of_and_text_table(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    run_cli("--db", str(db), "demo", data_dir=tmp_path)
    result = run_cli("--db", str(db), "indicators", "--as-of", "Năm 2017", data_dir=tmp_path)
    assert result.returncode == 0
    assert "tính đến Năm 2017" in result.stdout
    assert " %" in result.stdout and "," in result.stdout  # decimal comma
    as_json = json.loads(run_cli("--db", str(db), "indicators", "--as-of", "2017", "--json", data_dir=tmp_path).stdout)
    assert as_json["as_of"] == "2017"


def test_bad_period_is_a_vietnamese_error_not_a_traceback(tmp_path: Path) -> None:
    result = run_cli("--db", str(tmp_path / "x.db"), "indicators", "--as-of", "Quý V/2017", data_dir=tmp_path)
    assert result.returncode == 2
    assert "Quý" in result.stderr and "Traceback" not in result.stderr


def test_help_lists_the_commands(tmp_path: Path) -> None:
    result = run_cli("--help", data_dir=tmp_path)
    assert result.returncode == 0
    assert "indicators" in result.stdout and "demo" in result.stdout


def test_command_line_does_not_load_qt_widgets(tmp_path: Path) -> None:
    code = (
        "import sys; from dean_desktop import cli; "
        f"cli.main(['--db', r'{tmp_path / 'q.db'}', 'indicators', '--json']); "
        "assert 'PySide6.QtWidgets' not in sys.modules, 'Qt widgets imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",  # the program writes UTF-8 whatever the code page
        cwd=ROOT,
        timeout=60,
        check=False,
        env={**os.environ, "DEAN_DESKTOP_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("command", [["indicators", "--json"]])
def test_default_database_lives_in_the_data_folder(tmp_path: Path, command: list[str]) -> None:
    result = run_cli(*command, data_dir=tmp_path / "dl")
    assert result.returncode == 0
    assert (tmp_path / "dl" / "de_an.db").exists()


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    """``indicators | more`` closed after the first line: the command stops quietly."""
    db = tmp_path / "de_an.db"
    assert run_cli("--db", str(db), "demo", data_dir=tmp_path).returncode == 0
    env = {**os.environ, "DEAN_DESKTOP_DATA_DIR": str(tmp_path)}
    env.pop("QT_QPA_PLATFORM", None)
    reader = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db), "indicators"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        bufsize=0,
    )
    assert reader.stdout is not None and reader.stderr is not None
    assert reader.stdout.read(1)  # the first byte, then the reader goes away
    reader.stdout.close()
    err = reader.stderr.read().decode("utf-8", "replace")
    reader.wait(timeout=120)
    assert "Traceback" not in err and "BrokenPipe" not in err


WINDOWS_CLOSED_PIPE = """
import sys
from dean_desktop import app, cli

def run(args):
    print("CHỈ TIÊU")
    error = OSError(22, "Invalid argument")  # what Windows raises when the reader of a pipe has gone
    error.winerror = 232
    raise error

cli.run = run
sys.exit(app.main(sys.argv[1:]))
"""


def test_a_reader_that_stops_early_on_windows_gets_no_traceback(tmp_path: Path) -> None:
    """On Windows the same early stop is an OSError (EINVAL, winerror 232), not a BrokenPipeError; Linux cannot
    close a pipe that way, so the command raises it as Windows would."""
    env = {**os.environ, "DEAN_DESKTOP_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", WINDOWS_CLOSED_PIPE, "--db", str(tmp_path / "d.db"), "indicators"],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 1 and "Traceback" not in result.stderr and "Invalid argument" not in result.stderr


def test_exit_2_only_for_a_wrong_command_line_and_1_for_a_refusal(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    unknown_unit = run_cli("--db", str(db), "export-forms", "--out", str(tmp_path / "f"), "--unit", "Xã Không Có",
                           data_dir=tmp_path)  # fmt: skip
    assert unknown_unit.returncode == 2 and "Xã Không Có" in unknown_unit.stderr
    onto_itself = run_cli("--db", str(db), "copy-db", str(db), "--json", data_dir=tmp_path)
    assert onto_itself.returncode == 1, onto_itself.stderr  # the command line is right; the operation refuses
    assert "chính nó" in json.loads(onto_itself.stdout)["error"] and "Traceback" not in onto_itself.stderr
