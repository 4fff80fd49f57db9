"""The command line's console: Vietnamese argparse messages, UTF-8 under any code page, warnings on stderr."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dean_desktop import cli
from dean_desktop.services import storage_checks

from ..packaging import load_script

ROOT = Path(__file__).resolve().parents[2]
CP1252_LOCALE = "en_US.CP1252"  # .ci/run makes it: localedef -i en_US -f CP1252 en_US.CP1252


needs_cp1252 = pytest.mark.skipif(
    sys.platform == "win32" or not load_script("smoke_test").has_locale(CP1252_LOCALE),
    reason=f"no {CP1252_LOCALE} locale (localedef -i en_US -f CP1252 {CP1252_LOCALE})",
)


def run_cp1252(*args: str, data_dir: Path, program: tuple[str, ...] = ()) -> subprocess.CompletedProcess[bytes]:
    """Run the program as Windows runs it with output redirected: a cp1252 code page, no PYTHON* help."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONIOENCODING", "PYTHONUTF8", "LC_"))}
    env.update(LC_ALL=CP1252_LOCALE, LANG=CP1252_LOCALE, DEAN_DESKTOP_DATA_DIR=str(data_dir))
    env.pop("QT_QPA_PLATFORM", None)
    command = list(program) or [sys.executable, str(ROOT / "main.py")]
    return subprocess.run([*command, *args], capture_output=True, env=env, timeout=120, check=False)


@needs_cp1252
def test_the_child_really_runs_under_cp1252(tmp_path: Path) -> None:
    probe = (sys.executable, "-c", "import sys; print(sys.stdout.encoding)")
    assert run_cp1252(data_dir=tmp_path, program=probe).stdout.decode().strip() == "cp1252"


@needs_cp1252
def test_help_is_vietnamese_and_whole_under_cp1252(tmp_path: Path) -> None:
    result = run_cp1252("--help", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    text = result.stdout.decode("utf-8")  # strict: every byte is UTF-8
    assert text.startswith("Cách dùng: main.py")
    assert "tùy chọn:" in text and "hiện hướng dẫn này rồi thoát" in text and "hiện số phiên bản rồi thoát" in text
    assert "Đề án Desktop — theo dõi hai Đề án" in text and "bảng chỉ tiêu của hai Đề án" in text
    assert "usage:" not in text and "show this help" not in text and result.stderr == b""


@needs_cp1252
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["khong-co-lenh"], "Lỗi: tham số LỆNH: giá trị không hợp lệ: 'khong-co-lenh' (chọn một trong: 'indicators'"),
        (["export-forms"], "Lỗi: thiếu tham số bắt buộc: --out"),
        (["indicators", "--as-of"], "Lỗi: tham số --as-of: cần một giá trị"),
        # ASCII arguments: on Linux a cp1252 locale also decodes argv as cp1252, which Windows (UTF-16) never does
        (["indicators", "--thua"], "Lỗi: tham số không hiểu được: --thua"),
    ],
)
def test_a_wrong_command_line_exits_2_with_a_vietnamese_message(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_cp1252(*args, data_dir=tmp_path)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2
    assert "Traceback" not in err and result.stdout == b""
    assert err.startswith("Cách dùng: main.py") and message in err


@needs_cp1252
def test_indicators_and_demo_print_vietnamese_under_cp1252(tmp_path: Path) -> None:
    db = tmp_path / "de_an.db"
    demo = run_cp1252("--db", str(db), "demo", data_dir=tmp_path)
    assert demo.returncode == 0, demo.stderr.decode("utf-8", "replace")
    assert "Đã nạp dữ liệu mẫu" in demo.stdout.decode("utf-8")
    table = run_cp1252("--db", str(db), "indicators", data_dir=tmp_path)
    assert table.returncode == 0, table.stderr.decode("utf-8", "replace")
    text = table.stdout.decode("utf-8")
    assert "CHỈ TIÊU CÁC ĐỀ ÁN" in text and "Xã, thị trấn chưa có báo cáo nào" in text
    as_json = run_cp1252("--db", str(db), "indicators", "--json", data_dir=tmp_path)
    titles = [item["title"] for item in json.loads(as_json.stdout.decode("utf-8"))["indicators"]]
    assert "Cán bộ lãnh đạo, quản lý cấp huyện có trình độ sau đại học" in titles


def test_our_parsers_speak_vietnamese_and_leave_argparse_english_for_others(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert "tùy chọn:" in cli.build_parser().format_help()
    with pytest.raises(SystemExit) as exit_info:  # a parse that fails leaves argparse as it found it too
        cli.build_parser().parse_args(["export-forms"])
    assert exit_info.value.code == 2
    assert "Lỗi: thiếu tham số bắt buộc: --out" in capsys.readouterr().err
    other = argparse.ArgumentParser(prog="khac")  # pytest's own parser, say
    assert "options:" in other.format_help()
    with pytest.raises(SystemExit):
        other.parse_args(["--sai"])
    assert "error: unrecognized arguments: --sai" in capsys.readouterr().err


def test_a_database_on_a_share_is_warned_about_on_stderr_and_json_stays_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "chung" / "de_an.db"  # stands for \\server\share\de_an.db
    monkeypatch.setattr(storage_checks, "is_network_path", lambda path: Path(path) == shared)
    assert cli.main(["--db", str(shared), "indicators", "--json"]) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)["indicators"]) == 5
    assert err.startswith("Cảnh báo: Cơ sở dữ liệu") and str(shared) in err and "ổ mạng" in err
    assert err.count("\n") == 1  # one line

    assert cli.main(["--db", str(tmp_path / "may-nay.db"), "indicators", "--json"]) == 0
    assert capsys.readouterr().err == ""
