"""The PyInstaller recipe builds a program that runs its command line and its window without Python installed.

A build takes a while, so these tests run only with ``DEAN_DESKTOP_BUILD_TEST=1`` (the Windows workflow builds and
smoke-runs the program as separate steps instead):

    DEAN_DESKTOP_BUILD_TEST=1 python -m pytest tests/packaging -m slow
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

from dean_desktop import __version__

from . import load_script as _load

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("DEAN_DESKTOP_BUILD_TEST") != "1", reason="PyInstaller build: set DEAN_DESKTOP_BUILD_TEST=1"
    ),
]


@pytest.fixture(scope="module")
def build_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    pytest.importorskip("PyInstaller")
    base = tmp_path_factory.mktemp("pyinstaller")
    return base / "dist", base / "work"


@pytest.fixture(scope="module")
def program(build_dirs: tuple[Path, Path]):  # -> smoke_test.Program
    build, smoke = _load("build"), _load("smoke_test")
    dist, work = build_dirs
    result = build.build(dist, work)
    print(f"\nPyInstaller: {result.seconds:.0f} s, {result.size_bytes / 2**20:.0f} MiB in {result.folder}")
    return smoke.find_program(result.folder)


@pytest.fixture
def smoke() -> ModuleType:
    return _load("smoke_test")


@pytest.fixture
def env(smoke: ModuleType, tmp_path: Path) -> dict[str, str]:
    return smoke.private_env(tmp_path / "du-lieu")


def test_help_lists_the_commands(program, smoke: ModuleType, env: dict[str, str]) -> None:
    text = smoke.check_help(program, env)
    assert "indicators" in text and "demo" in text


def test_indicators_json_gives_the_five_targets_on_a_new_database(
    program, smoke: ModuleType, env: dict[str, str], tmp_path: Path
) -> None:
    report = smoke.check_indicators(program, tmp_path / "mới" / "de_an.db", env)
    assert {item["code"] for item in report["indicators"]} == smoke.INDICATOR_CODES
    assert "Linh Thông" in report["missing_returns"]  # the seed data (resources/seed) was found inside the bundle


def test_demo_fills_the_database(program, smoke: ModuleType, env: dict[str, str], tmp_path: Path) -> None:
    assert "Đã nạp dữ liệu mẫu" in smoke.check_demo(program, tmp_path / "de_an.db", env)


def test_pdf_report_and_summary_workbook_are_written(
    program, smoke: ModuleType, env: dict[str, str], tmp_path: Path
) -> None:
    db = tmp_path / "de_an.db"
    smoke.check_demo(program, db, env)
    written = smoke.check_documents(program, db, tmp_path, env, smoke.check_help(program, env))
    # Both commands of PRODUCT.md §5 ran and wrote a real PDF, a real workbook and a real Word file (first bytes).
    assert [item.split()[0] for item in written] == ["report", "export-summary", "report"]


def test_window_opens_offscreen_and_closes_cleanly(program, smoke: ModuleType, tmp_path: Path) -> None:
    data_dir = tmp_path / "du-lieu"
    db = tmp_path / "de_an.db"
    env = smoke.private_env(data_dir)
    smoke.check_demo(program, db, env)
    smoke.check_window(program, db, data_dir, env)
    assert (data_dir / "giao-dien.ini").is_file()  # closeEvent ran: the window was closed, not killed


def test_bundle_holds_seed_data_plugins_and_migrations(program, smoke: ModuleType) -> None:
    assert "có mặt" in smoke.check_bundle(program)
    # Nothing of what the recipe leaves out to keep the folder small came along.
    names = [path.name.lower() for path in program.folder.rglob("*")]
    left_out = [name for name in names if name.endswith(".qm") or "webengine" in name or "qt6quick" in name]
    assert left_out == ["qtbase_vi.qm"]  # Qt's translations are left out; ours is the one .qm that comes along


def test_a_bundle_without_the_printsupport_plugin_folder_passes_as_a_windows_one_does(
    program, smoke: ModuleType
) -> None:
    """PySide6's Windows wheels have no plugins/printsupport: the bundle check must not ask for it."""
    folders = [path for path in program.folder.rglob("printsupport") if path.parent.name == "plugins"]
    for folder in folders:
        folder.rename(folder.with_name("printsupport-hidden"))
    try:
        assert smoke.missing_from_bundle(program.folder) == []
    finally:
        for folder in folders:
            folder.with_name("printsupport-hidden").rename(folder)


def test_redirected_output_under_cp1252_is_whole_utf8(
    program, smoke: ModuleType, env: dict[str, str], tmp_path: Path
) -> None:
    if smoke.ansi_code_page_env(env) is None:
        pytest.skip(f"no {smoke.CP1252_LOCALE} locale")
    assert "tiếng Việt nguyên vẹn" in smoke.check_code_page(program, tmp_path, env)


def test_version_resource_carries_the_app_version(program, build_dirs: tuple[Path, Path]) -> None:
    version_file = next(build_dirs[1].rglob("version_info.txt"))  # the spec writes it into its work folder
    text = version_file.read_text(encoding="utf-8")
    strings = {
        node.args[0].value: node.args[1].value
        for node in ast.walk(ast.parse(text, mode="eval"))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "StringStruct"
    }
    assert strings["FileVersion"] == strings["ProductVersion"] == __version__
    assert strings["ProductName"] == "Đề án Desktop"
    assert strings["OriginalFilename"] == "DeanDesktop.exe"
    if sys.platform == "win32":  # PyInstaller's own reader needs pefile and pywin32-ctypes (Windows only)
        from PyInstaller.utils.win32.versioninfo import load_version_info_from_text_file

        load_version_info_from_text_file(str(version_file))


def test_frozen_program_discovers_migration_modules(tmp_path: Path) -> None:
    """schema._migrations() finds vNNNN modules with pkgutil; frozen, they must be collected and still listed.

    The app ships no migration yet, so a small program with two fake steps is frozen the way the recipe freezes
    the app (collect_submodules of the package) and runs the app's own discovery code.
    """
    pytest.importorskip("PyInstaller")
    package = tmp_path / "src" / "probe_migrations"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    for name in ("v0002_add_note", "v0003_add_index"):
        (package / f"{name}.py").write_text("def migrate(db):\n    pass\n", encoding="utf-8")
    (package / "helpers.py").write_text("", encoding="utf-8")  # not a step: must be ignored
    src = tmp_path / "src"
    (src / "probe.py").write_text(
        textwrap.dedent(
            """
            import json
            import probe_migrations
            from dean_desktop.models import schema
            schema.migrations_pkg = probe_migrations
            print(json.dumps(sorted(schema._migrations())))
            """
        ),
        encoding="utf-8",
    )
    # The same steps as packaging/dean_desktop.spec: the package on sys.path, then collect_submodules.
    spec = tmp_path / "probe.spec"
    spec.write_text(
        textwrap.dedent(
            f"""
            import sys
            from PyInstaller.utils.hooks import collect_submodules
            sys.path[:0] = [{str(src)!r}, {str(ROOT)!r}]
            a = Analysis([{str(src / "probe.py")!r}], pathex=[{str(src)!r}, {str(ROOT)!r}],
                         hiddenimports=collect_submodules("probe_migrations"))
            pyz = PYZ(a.pure)
            exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="probe", console=True, upx=False)
            coll = COLLECT(exe, a.binaries, a.datas, name="probe", upx=False)
            """
        ),
        encoding="utf-8",
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(spec),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "work"),
        ],
        check=True,
        cwd=tmp_path,
    )
    exe = tmp_path / "dist" / "probe" / ("probe.exe" if sys.platform == "win32" else "probe")
    result = subprocess.run([str(exe)], capture_output=True, text=True, check=True, timeout=120)
    assert json.loads(result.stdout) == [2, 3]
