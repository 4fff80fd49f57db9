"""Run every benchmark and print one table of ratios against their bounds: ``python bench/run_all.py``.

Each benchmark runs in its own process (a clean interpreter, no state shared with the others) and reports through
``BENCH-RESULT`` lines (see common.py). The province database is written once first (make_large.py, seeded).
Exit status 0 when every ratio is within its bound, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import (  # noqa: E402
    MANY_PERIODS,
    PROVINCE_CADRES,
    PYTHON,
    RESULT_PREFIX,
    ROOT,
    SKIP_PREFIX,
    child_env,
    large_db,
    utf8_stdout,
)

BENCHMARKS = (
    "bench_startup.py",
    "bench_import.py",
    "bench_register.py",
    "bench_export.py",
    "bench_memory.py",
    "bench_responsive.py",
    "bench_engines.py",  # skipped, with a line saying so, where PostgreSQL is not installed
)


def run_one(script: str, extra: list[str]) -> tuple[list[dict[str, object]], str]:
    """Run one benchmark, echoing its human lines; returns its results and, if it broke, why."""
    path = HERE / script
    if not path.exists():
        return [], "không có tệp"
    with tempfile.TemporaryDirectory(prefix="dean-bench-") as data_dir:
        return _run(path, extra, Path(data_dir))


def _run(path: Path, extra: list[str], data_dir: Path) -> tuple[list[dict[str, object]], str]:
    script = path.name
    started = time.perf_counter()
    child = subprocess.Popen(
        [PYTHON, str(path), *extra],
        cwd=ROOT,
        env=child_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    results: list[dict[str, object]] = []
    skipped = ""
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith(RESULT_PREFIX):
            results.append(json.loads(line[len(RESULT_PREFIX) :]))
        elif line.startswith(SKIP_PREFIX):
            skipped = line[len(SKIP_PREFIX) :].strip()
            print(f"  bỏ qua: {skipped}", flush=True)
        else:
            print(f"  {line.rstrip()}", flush=True)
    stderr = child.stderr.read() if child.stderr else ""
    child.wait()
    print(f"  ({script}: {time.perf_counter() - started:.0f} s)", flush=True)
    if not results and skipped and child.returncode == 0:
        SKIPPED[script] = skipped
        return [], ""
    if not results:
        tail = "\n".join(stderr.strip().splitlines()[-5:])
        return [], f"lỗi (mã {child.returncode}): {tail}"
    return results, ""


SKIPPED: dict[str, str] = {}  # script -> why it did not run on this machine


def table(rows: list[dict[str, object]], broken: dict[str, str]) -> str:
    head = f"{'Phép đo':<62} {'Tỷ lệ':>6} {'Ngưỡng':>7} {'Đo':>10} {'Nền':>10}  Kết quả"
    lines = [head, "-" * len(head)]
    for r in rows:
        unit = str(r["unit"])
        ratio, bound = float(r["ratio"]), float(r["bound"])  # type: ignore[arg-type]
        lines.append(
            f"{str(r['name'])[:62]:<62} {ratio:>6.2f} {'≤ ' + format(bound, '.2f'):>7} "
            f"{float(r['measured']):>7.3f} {unit:<2} {float(r['floor']):>7.3f} {unit:<2} "  # type: ignore[arg-type]
            f" {'đạt' if ratio <= bound else 'VƯỢT NGƯỠNG'}"
        )
    for script, why in broken.items():
        lines.append(f"{script:<62} {'—':>6} {'':>7} {'':>10} {'':>10}  {why.splitlines()[0] if why else ''}")
    for script, why in SKIPPED.items():
        lines.append(f"{script:<62} {'—':>6} {'':>7} {'':>10} {'':>10}  bỏ qua: {why}")
    return "\n".join(lines)


LAST_RUN = HERE / "last-run.json"
READMES = (ROOT / "README.md", HERE / "README.md")
TABLE_START, TABLE_END = "<!-- bench-table:start -->", "<!-- bench-table:end -->"


def _detail(row: dict[str, object]) -> str:
    detail = row.get("detail") or {}
    assert isinstance(detail, dict)
    return "; ".join(f"{k} {v:g}" if isinstance(v, float | int) else f"{k} {v}" for k, v in detail.items())


def markdown_table(rows: list[dict[str, object]], when: str) -> str:
    """The README table: every ratio of the last run against its goal, with the other scales beside it."""
    lines = [
        f"Last run: {when} (`python bench/run_all.py`; ratio = median over the rounds of measured / floor, each pair"
        " taken side by side; measured and floor are medians).",
        "",
        "| measurement | ratio | goal | measured | floor | beside it |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        ratio, bound = float(r["ratio"]), float(r["bound"])  # type: ignore[arg-type]
        mark = "" if ratio <= bound else " ✘"
        lines.append(
            f"| {r['name']} | **{ratio:.2f}**{mark} | ≤ {bound:g} | {float(r['measured']):.3g} {r['unit']} "  # type: ignore[arg-type]
            f"| {float(r['floor']):.3g} {r['unit']} | {_detail(r)} |"  # type: ignore[arg-type]
        )
    return "\n".join(lines)


def write_readmes(rows: list[dict[str, object]]) -> None:
    """Merge this run's results into the last run's (by name) and write the same table into both READMEs."""
    import datetime

    previous: list[dict[str, object]] = []
    if LAST_RUN.exists():
        previous = json.loads(LAST_RUN.read_text(encoding="utf-8"))
    names = {r["name"] for r in rows}
    merged = [r for r in previous if r["name"] not in names] + rows
    order = {name: i for i, name in enumerate(r["name"] for r in previous)}
    merged.sort(key=lambda r: order.get(r["name"], len(order)))
    LAST_RUN.write_text(json.dumps(merged, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    table = markdown_table(merged, when)
    for readme in READMES:
        text = readme.read_text(encoding="utf-8")
        start, end = text.find(TABLE_START), text.find(TABLE_END)
        if start < 0 or end < start:
            continue
        readme.write_text(text[: start + len(TABLE_START)] + "\n" + table + "\n" + text[end:], encoding="utf-8")


def main() -> int:
    utf8_stdout()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("only", nargs="*", help="chỉ chạy các phép đo này (tên tệp, ví dụ bench_register.py)")
    parser.add_argument("--runs", type=int, help="số lần đo của mỗi phép đo (mặc định: của từng phép đo)")
    parser.add_argument("--no-readme", action="store_true", help="không ghi bảng kết quả vào README")
    args = parser.parse_args()
    started = time.perf_counter()
    print("Chuẩn bị cơ sở dữ liệu 50 000 cán bộ…", flush=True)
    for size, periods in ((None, 3), (PROVINCE_CADRES, 3), (None, MANY_PERIODS)):
        print(f"  {large_db(size, periods)}", flush=True)
    extra = ["--runs", str(args.runs)] if args.runs else []
    rows: list[dict[str, object]] = []
    broken: dict[str, str] = {}
    for script in args.only or BENCHMARKS:
        print(f"\n== {script}", flush=True)
        results, why = run_one(script, extra)
        rows += results
        if why:
            broken[script] = why
            print(f"  {why}", flush=True)
    how = "tỷ lệ = trung vị của đo / nền qua các vòng, hai bên đo liền nhau"
    print(f"\nKết quả ({how}), {time.perf_counter() - started:.0f} s:\n")
    print(table(rows, broken))
    if rows and not args.no_readme:
        write_readmes(rows)
        print(f"\nBảng kết quả đã ghi vào {', '.join(str(p.relative_to(ROOT)) for p in READMES)}.")
    ok = not broken and all(float(r["ratio"]) <= float(r["bound"]) for r in rows)  # type: ignore[arg-type]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
