"""The command line: the same services as the window, no Qt widgets."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .services.errors import DomainError
from .services.formatting import format_number, format_percent
from .services.periods import PeriodError, parse_period

DESCRIPTION = "Đề án Desktop — theo dõi hai Đề án giai đoạn 2016–2020 của huyện Định Hóa."


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own messages stay English; ours say what to do
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description=DESCRIPTION)
    parser.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu (mặc định: trong thư mục dữ liệu người dùng)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="LỆNH")
    indicators = commands.add_parser("indicators", help="bảng chỉ tiêu của hai Đề án")
    indicators.add_argument("--as-of", metavar="KỲ", help='tính đến kỳ báo cáo, ví dụ "Năm 2018" hoặc "Quý II/2019"')
    indicators.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    commands.add_parser("demo", help="nạp dữ liệu mẫu (có đánh dấu) để xem thử phần mềm")
    return parser


def _utf8_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")


def _fmt_target(minimum: float | None, maximum: float | None, unit: str) -> str:
    suffix = " %" if unit == "%" else f" {unit}"
    if minimum is not None and maximum is not None:
        return f"{format_number(minimum, 0)}–{format_number(maximum, 0)}{suffix}"
    if minimum is not None:
        return f"≥ {format_number(minimum, 0)}{suffix}"
    return f"≤ {format_number(maximum, 0)}{suffix}" if maximum is not None else ""


def cmd_indicators(as_of: str | None, as_json: bool) -> int:
    from .services.indicators import indicator_report

    period = parse_period(as_of) if as_of else None
    report = indicator_report(period)
    if as_json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
        return 0
    heading = (
        f"tính đến {report.as_of.label}" if report.as_of else f"số liệu mới nhất (đến {report.reference_date:%d/%m/%Y})"
    )
    print(f"CHỈ TIÊU CÁC ĐỀ ÁN — {heading}")
    for item in report.indicators:
        value = format_percent(item.value) if item.unit == "%" else f"{item.numerator} {item.unit}"
        ratio = f" ({item.numerator}/{item.denominator})" if item.denominator is not None else ""
        mark = "ĐẠT" if item.met else "CHƯA ĐẠT"
        print(
            f"- {item.title}: {value}{ratio}; chỉ tiêu {_fmt_target(item.target_min, item.target_max, item.unit)}"
            f" đến {item.deadline} — {mark}"
        )
    for figure in report.checklists:
        print(
            f"- Nhiệm vụ Đề án {figure.project_short} hoàn thành: {figure.done}/{figure.total}"
            f" ({format_percent(figure.value)})"
        )
    missing = ", ".join(report.missing_returns) if report.missing_returns else "không có"
    print(f"Đơn vị chưa gửi báo cáo: {missing}")
    return 0


def cmd_demo() -> int:
    from .services.demo import load_demo

    result = load_demo()
    if not result.added:
        print("Dữ liệu mẫu đã có sẵn trong cơ sở dữ liệu này; không thêm gì.")
    else:
        print(
            f"Đã nạp dữ liệu mẫu: {result.returns} báo cáo, {result.members} thành viên Ban Chỉ đạo, "
            f"{result.rotations} bản ghi luân chuyển, {result.tasks} nhiệm vụ."
        )
    return 0


def run(args: argparse.Namespace) -> int:
    """Run a parsed command on the database named by ``--db`` (or the default one)."""
    from .store import open_store

    _utf8_output()
    try:
        open_store(Path(args.db) if args.db else None)
        if args.command == "indicators":
            return cmd_indicators(args.as_of, args.json)
        if args.command == "demo":
            return cmd_demo()
    except (DomainError, PeriodError) as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 2
    raise AssertionError(args.command)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        return 0
    return run(args)
