"""Build the one-folder Windows (or Linux) program with ``packaging/dean_desktop.spec``.

    python packaging/build.py                       # → dist/DeanDesktop/
    python packaging/build.py --dist OUT --work TMP # → OUT/DeanDesktop/, PyInstaller's work files in TMP

Needs the ``build`` extra: ``pip install -e ".[build]"``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "dean_desktop.spec"
APP_FOLDER = "DeanDesktop"


@dataclass(frozen=True)
class BuildResult:
    folder: Path
    seconds: float
    size_bytes: int


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def build(dist: Path, work: Path, *, clean: bool = True) -> BuildResult:
    """Run PyInstaller on the spec; returns the built folder ``dist/DeanDesktop``. Raises on a failed build."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    if clean:
        command.append("--clean")
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    seconds = time.perf_counter() - started
    folder = dist / APP_FOLDER
    return BuildResult(folder, seconds, folder_size(folder))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đóng gói Đề án Desktop bằng PyInstaller (một thư mục).")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="thư mục kết quả (mặc định: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="thư mục làm việc (mặc định: build/)")
    parser.add_argument("--no-clean", action="store_true", help="dùng lại bộ nhớ đệm của lần đóng gói trước")
    args = parser.parse_args(argv)
    try:
        result = build(args.dist.resolve(), args.work.resolve(), clean=not args.no_clean)
    except subprocess.CalledProcessError as error:
        print(f"Đóng gói thất bại (mã thoát {error.returncode}).", file=sys.stderr)
        return 1
    print(f"Đã đóng gói: {result.folder} — {result.size_bytes / 2**20:.0f} MiB, {result.seconds:.0f} giây")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
