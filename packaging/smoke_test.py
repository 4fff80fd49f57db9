"""Run the BUILT program as a user and CI would: its command line, its sample data, its window.

    python packaging/smoke_test.py dist/DeanDesktop

Every run uses a fresh temporary database and data folder, never the user's. Exit code 0 when every check passes.
The window is opened with Qt's offscreen platform and closes itself after a couple of seconds
(``DEAN_DESKTOP_SMOKE_QUIT_MS``), the way a user closes it, so the window state is saved on the way out.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import locale
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INDICATOR_CODES = {
    "cadre.postgrad_district",
    "cadre.senior_theory_district",
    "cadre.rotations",
    "reform.edoc_orgs",
    "reform.commune_offices",
}
WINDOW_MS = 2000
TIMEOUT_S = 180
MIGRATIONS_PACKAGE = "dean_desktop.models.migrations"
SERVER_MODULES = ("psycopg", "psycopg_binary")  # psycopg[binary]: libpq comes inside psycopg_binary


class SmokeError(AssertionError):
    """The built program did not behave."""


@dataclass(frozen=True)
class Program:
    folder: Path
    window: Path  # DeanDesktop(.exe): windowed, what users double-click
    cli: Path  # DeanDesktop-cli(.exe): console, for the command line


def find_program(folder: Path) -> Program:
    suffix = ".exe" if sys.platform == "win32" else ""
    program = Program(folder, folder / f"DeanDesktop{suffix}", folder / f"DeanDesktop-cli{suffix}")
    for exe in (program.window, program.cli):
        if not exe.is_file():
            raise SmokeError(f"không thấy chương trình {exe}")
    return program


def private_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The caller's environment with a private data folder and Qt's offscreen platform."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DEAN_DESKTOP_")}
    # No PYTHONIOENCODING: a PyInstaller-built program ignores PYTHON* variables; it must set UTF-8 output itself.
    env.update(DEAN_DESKTOP_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    env.update(extra)
    return env


def run(exe: Path, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(exe), *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT_S,
        check=False,
    )


def _expect_success(result: subprocess.CompletedProcess[str], what: str) -> None:
    if result.returncode != 0 or "Traceback" in result.stderr:
        raise SmokeError(
            f"{what}: mã thoát {result.returncode}\n--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
        )


def check_help(program: Program, env: dict[str, str]) -> str:
    result = run(program.cli, ["--help"], env)
    _expect_success(result, "--help")
    for word in ("indicators", "demo", "--db"):
        if word not in result.stdout:
            raise SmokeError(f"--help không nhắc đến {word!r}:\n{result.stdout}")
    return result.stdout


CP1252_LOCALE = "en_US.CP1252"  # made with: localedef -i en_US -f CP1252 en_US.CP1252


def has_locale(name: str) -> bool:
    """True when the C library knows the locale (``localedef`` made it); the current locale is left as it was."""
    saved = locale.setlocale(locale.LC_CTYPE)
    try:
        locale.setlocale(locale.LC_CTYPE, name)
    except locale.Error:
        return False
    finally:
        locale.setlocale(locale.LC_CTYPE, saved)
    return True


def ansi_code_page_env(env: dict[str, str]) -> dict[str, str] | None:
    """``env`` where the program's redirected output would go through a Windows ANSI code page (cp1252).

    On Windows that is how every program runs; elsewhere a CP1252 locale does the same, or None when it is absent.
    """
    if sys.platform == "win32":
        return dict(env)
    if not has_locale(CP1252_LOCALE):
        return None
    return {**env, "LC_ALL": CP1252_LOCALE, "LANG": CP1252_LOCALE}


def check_code_page(program: Program, temp: Path, env: dict[str, str]) -> str:
    """Under a non-UTF-8 code page with output redirected, the Vietnamese text still comes out whole, as UTF-8.

    ``--help`` and a wrong command (argparse's own messages, in Vietnamese), ``indicators`` and ``demo``.
    The database path is ASCII: on Linux a CP1252 locale would also change how file names are decoded, which
    Windows (UTF-16 file names) never does.
    """
    ansi = ansi_code_page_env(env)
    if ansi is None:
        return f"bỏ qua: chưa có bảng mã {CP1252_LOCALE} (localedef -i en_US -f CP1252 {CP1252_LOCALE})"
    db = temp / "cp1252" / "de_an.db"
    expected = [
        (["--help"], 0, "hiện hướng dẫn này rồi thoát", "stdout"),
        (["--db", str(db), "indicators"], 0, "CHỈ TIÊU CÁC ĐỀ ÁN", "stdout"),
        (["--db", str(db), "demo"], 0, "Đã nạp dữ liệu mẫu", "stdout"),
        (["không-có-lệnh-này"], 2, "Lỗi: tham số LỆNH: giá trị không hợp lệ", "stderr"),
    ]
    for args, code, text, stream in expected:
        result = run(program.cli, args, ansi)
        output = getattr(result, stream)
        if result.returncode != code or "Traceback" in result.stderr or text not in output:
            raise SmokeError(
                f"{' '.join(args)} dưới bảng mã cp1252: mã thoát {result.returncode} (cần {code}), "
                f"cần thấy {text!r}\n--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
            )
    return "--help, indicators, demo, lệnh sai: đúng mã thoát, tiếng Việt nguyên vẹn"


def check_indicators(program: Program, db: Path, env: dict[str, str]) -> dict:
    result = run(program.cli, ["--db", str(db), "indicators", "--json"], env)
    _expect_success(result, "indicators --json")
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise SmokeError(f"indicators --json không in ra JSON ({error}):\n{result.stdout}") from error
    codes = {item["code"] for item in report.get("indicators", [])}
    if len(report.get("indicators", [])) != 5 or codes != INDICATOR_CODES:
        raise SmokeError(f"indicators --json: cần đúng 5 chỉ tiêu {sorted(INDICATOR_CODES)}, có {sorted(codes)}")
    return report


def check_demo(program: Program, db: Path, env: dict[str, str]) -> str:
    before = check_indicators(program, db, env)
    result = run(program.cli, ["--db", str(db), "demo"], env)
    _expect_success(result, "demo")
    after = check_indicators(program, db, env)
    if len(after["missing_returns"]) >= len(before["missing_returns"]):
        raise SmokeError("demo chạy xong nhưng danh sách đơn vị chưa báo cáo không ngắn đi: dữ liệu mẫu không được ghi")
    return result.stdout.strip()


def check_documents(program: Program, db: Path, out_dir: Path, env: dict[str, str], help_text: str) -> list[str]:
    """The PDF report and the summary workbook, for the commands this build has (fonts, QtGui, openpyxl frozen)."""
    documents = [("report", out_dir / "báo cáo.pdf", b"%PDF-"), ("export-summary", out_dir / "tổng hợp.xlsx", b"PK")]
    documents.append(("report", out_dir / "báo cáo.docx", b"PK"))  # python-docx's template must be in the bundle
    written = []
    for command, out, magic in documents:
        if command not in help_text.split():
            continue
        result = run(program.cli, ["--db", str(db), command, str(out)], env)
        _expect_success(result, command)
        if not out.is_file() or not out.read_bytes().startswith(magic):
            raise SmokeError(f"{command} thoát bình thường nhưng không ghi được {out}")
        written.append(f"{command} ({out.stat().st_size // 1024} KiB)")
    return written


def check_window(program: Program, db: Path, data_dir: Path, env: dict[str, str]) -> float:
    """Open the window offscreen on ``db``; it must close by itself, cleanly, and save its state."""
    settings = data_dir / "giao-dien.ini"
    settings.unlink(missing_ok=True)
    started = time.perf_counter()
    result = run(program.window, ["--db", str(db)], {**env, "DEAN_DESKTOP_SMOKE_QUIT_MS": str(WINDOW_MS)})
    seconds = time.perf_counter() - started
    _expect_success(result, "cửa sổ")
    if not settings.is_file():
        raise SmokeError(f"cửa sổ đã thoát nhưng không lưu trạng thái vào {settings}: nó không được đóng bình thường")
    log = data_dir / "logs" / "dean_desktop.log"
    lines = log.read_text(encoding="utf-8").splitlines() if log.is_file() else []
    errors = [line for line in lines if " ERROR " in line]
    if errors:
        raise SmokeError("nhật ký có lỗi:\n" + "\n".join(errors))
    return seconds


# Qt plugin folders every bundle needs, as PySide6's wheels ship them. Printing is NOT among them: the Windows wheels
# (6.11.3) have no plugins/printsupport folder, their print engine is built into Qt6PrintSupport.dll; the Linux wheels'
# folder holds only the CUPS plugin. What printing needs everywhere is the Qt6PrintSupport library and its binding.
QT_PLUGIN_FOLDERS = ("platforms", "imageformats", "iconengines")
WINDOWS_QT_PLUGINS = ("platforms/qwindows.dll", "styles/qmodernwindowsstyle.dll")  # the window; its Windows 11 look


def missing_from_bundle(folder: Path, platform: str = sys.platform) -> list[str]:
    """What a one-folder bundle lacks of what the app loads by name at run time (empty when complete).

    ``platform`` is the system the bundle was built for (``win32``, ``linux``…): Windows bundles need the Windows
    platform and style plugins besides the folders common to all.
    """
    internal = folder / "_internal"
    needed = [
        internal / "resources" / "seed" / "units.json",
        internal / "resources" / "seed" / "projects.json",
        internal / "resources" / "icons" / "dean_desktop.png",
        internal / "resources" / "i18n" / "qtbase_vi.qm",  # Qt's own words in Vietnamese
    ]
    missing = [str(path.relative_to(folder)) for path in needed if not path.is_file()]
    plugins = next((path for path in internal.rglob("plugins") if (path / "platforms").is_dir()), None)
    for kind in QT_PLUGIN_FOLDERS:
        if plugins is None or not any((plugins / kind).glob("*")):
            missing.append(f"Qt plugins/{kind}")
    if platform == "win32":
        missing += [
            f"Qt plugins/{name}" for name in WINDOWS_QT_PLUGINS if plugins is None or not (plugins / name).is_file()
        ]
    for module in ("QtCharts", "QtPrintSupport"):  # extension modules live beside the archive, not in it
        if not any((internal / "PySide6").glob(f"{module}.*")):
            missing.append(f"PySide6.{module}")
    library = "Qt6PrintSupport.dll" if platform == "win32" else "*Qt6PrintSupport.so*"
    if not any(internal.rglob(library)):
        missing.append(f"Qt6PrintSupport ({library})")
    return missing


def check_bundle(program: Program) -> str:
    """Everything loaded by name at run time is in the folder: seed data, icons, migrations, Qt plugins, printing."""
    missing = missing_from_bundle(program.folder)
    if missing:
        raise SmokeError("thiếu trong thư mục đóng gói: " + ", ".join(missing))
    try:
        from PyInstaller.archive.readers import pkg_archive_contents
    except ImportError:
        return "bỏ qua kiểm tra kho mô-đun (chưa cài PyInstaller)"
    contents = set(pkg_archive_contents(str(program.window)))
    migration_files = sorted((ROOT / "dean_desktop" / "models" / "migrations").glob("v[0-9][0-9][0-9][0-9]_*.py"))
    wanted = {MIGRATIONS_PACKAGE, "pyi_rth_pkgutil", "defusedxml", "openpyxl", "python_calamine"}
    # PostgreSQL (the `server` extra): when it is installed where the program was built, the program must carry it.
    server = sorted(name for name in SERVER_MODULES if importlib.util.find_spec(name) is not None)
    wanted |= set(server)
    wanted |= {f"{MIGRATIONS_PACKAGE}.{path.stem}" for path in migration_files}
    absent = sorted(wanted - contents)
    if absent:
        raise SmokeError("thiếu mô-đun trong chương trình: " + ", ".join(absent))
    extra = "".join(f", {name}" for name in server)
    return (
        f"{len(migration_files)} bước nâng cấp lược đồ, defusedxml, openpyxl, python-calamine{extra}, QtCharts có mặt"
    )


def smoke(folder: Path, *, window: bool = True, report: Callable[[str], None] = print) -> None:
    program = find_program(folder)
    with tempfile.TemporaryDirectory(prefix="dean-smoke-") as temp:
        data_dir = Path(temp) / "du-lieu"
        db = Path(temp) / "thử nghiệm" / "de_an.db"  # a non-ASCII path, as on a Vietnamese user's PC
        env = private_env(data_dir)
        report(f"ok  thư mục: {check_bundle(program)}")
        help_text = check_help(program, env)
        report("ok  --help")
        indicators = check_indicators(program, db, env)
        report(f"ok  indicators --json: {len(indicators['indicators'])} chỉ tiêu")
        report(f"ok  demo: {check_demo(program, db, env)}")
        report(f"ok  bảng mã cp1252, kết quả chuyển hướng: {check_code_page(program, Path(temp), env)}")
        for document in check_documents(program, db, Path(temp), env, help_text):
            report(f"ok  {document}")
        if window:
            seconds = check_window(program, db, data_dir, env)
            report(f"ok  cửa sổ mở và tự đóng sau {WINDOW_MS} ms ({seconds:.1f} giây cả khởi động)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Chạy thử chương trình đã đóng gói.")
    parser.add_argument("folder", type=Path, nargs="?", default=ROOT / "dist" / "DeanDesktop")
    parser.add_argument("--no-window", action="store_true", help="không mở cửa sổ")
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    try:
        smoke(args.folder.resolve(), window=not args.no_window)
    except (SmokeError, subprocess.TimeoutExpired) as error:
        print(f"THẤT BẠI: {error}", file=sys.stderr)
        return 1
    print("Chương trình đóng gói chạy tốt.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
