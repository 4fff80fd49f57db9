"""The command line: the same services as the window, no Qt widgets."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .console import VietnameseArgumentParser, utf8_output
from .services.errors import DomainError
from .services.formatting import format_percent

DESCRIPTION = "Đề án Desktop — theo dõi hai Đề án giai đoạn 2016–2020 của huyện Định Hóa."


def parse_period(text: str):  # type: ignore[no-untyped-def]
    """services.periods.parse_period, imported on use: the window's start-up parses arguments but no period."""
    from .services.periods import parse_period as parse

    return parse(text)


def build_parser() -> argparse.ArgumentParser:
    program = Path(sys.argv[0]).name if getattr(sys, "frozen", False) else "main.py"
    parser = VietnameseArgumentParser(prog=program, description=DESCRIPTION)
    parser.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu (mặc định: trong thư mục dữ liệu người dùng)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="LỆNH")
    indicators = commands.add_parser("indicators", help="bảng chỉ tiêu của hai Đề án")
    indicators.add_argument("--as-of", metavar="KỲ", help='tính đến kỳ báo cáo, ví dụ "Năm 2018" hoặc "Quý II/2019"')
    indicators.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    commands.add_parser("demo", help="nạp dữ liệu mẫu (có đánh dấu) để xem thử phần mềm")
    forms = commands.add_parser("export-forms", help="xuất biểu mẫu báo cáo trống, mỗi đơn vị một tệp")
    forms.add_argument("--out", metavar="THƯ_MỤC", required=True, help="thư mục lưu các biểu mẫu")
    forms.add_argument("--unit", metavar="TÊN", action="append", help="chỉ đơn vị này (có thể lặp lại)")
    forms.add_argument("--period", metavar="KỲ", help='kỳ báo cáo, ví dụ "Năm 2018" (mặc định: năm nay)')
    summary = commands.add_parser("export-summary", help="xuất bảng tổng hợp của huyện (Excel)")
    summary.add_argument("out", metavar="OUT.xlsx", help="tệp Excel sẽ ghi")
    summary.add_argument("--as-of", metavar="KỲ", help='tính đến kỳ báo cáo, ví dụ "Năm 2018"')
    report = commands.add_parser("report", help="in báo cáo tổng hợp ra tệp PDF")
    report.add_argument("out", metavar="OUT.pdf", help="tệp PDF sẽ ghi")
    report.add_argument("--as-of", metavar="KỲ", help='tính đến kỳ báo cáo, ví dụ "Năm 2018"')
    imports = commands.add_parser("import", help="nhập báo cáo của đơn vị và các bảng của huyện (Excel)")
    imports.add_argument("files", metavar="TỆP", nargs="+", help="tệp .xlsx/.xlsm/.xls hoặc thư mục chứa các tệp")
    imports.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì vào cơ sở dữ liệu")
    imports.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    return parser


def cmd_indicators(as_of: str | None, as_json: bool) -> int:
    from .services.indicators import indicator_report, target_text, value_text

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
        value = value_text(item)
        ratio = f" ({item.numerator}/{item.denominator})" if item.denominator is not None else ""
        mark = "ĐẠT" if item.met else "CHƯA ĐẠT"
        print(f"- {item.title}: {value}{ratio}; chỉ tiêu {target_text(item)} đến {item.deadline} — {mark}")
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


def cmd_export_forms(out: str, unit_names: list[str] | None, period_text: str | None) -> int:
    from datetime import date

    from .services.excel_export.forms import export_forms
    from .services.units import list_units, resolve_unit

    period = parse_period(period_text) if period_text else parse_period(f"Năm {date.today().year}")
    unit_ids = None
    if unit_names:
        units = list_units()
        unit_ids = [resolve_unit(name, units).id for name in unit_names]
    paths = export_forms(Path(out), period, unit_ids)
    for path in paths:
        print(path)
    print(f"Đã tạo {len(paths)} biểu mẫu kỳ {period.label} trong {Path(out)}")
    return 0


def _unwritable(path: Path, error: OSError) -> int:
    if isinstance(error, PermissionError):
        why = "tệp đang mở trong chương trình khác (Excel, trình xem PDF…) hoặc không có quyền ghi vào thư mục này"
    elif isinstance(error, FileNotFoundError):
        why = "thư mục chứa tệp không tồn tại"
    elif isinstance(error, IsADirectoryError):
        why = "đây là một thư mục, hãy ghi cả tên tệp"
    else:
        why = f"lỗi hệ thống ({error.strerror or error})"
    print(f'Lỗi: không ghi được tệp "{path}": {why}.', file=sys.stderr)
    return 2


def _write_file(out: str, as_of: str | None, write, what: str) -> int:  # type: ignore[no-untyped-def]
    """Run ``write(path, period)``; an unwritable target is a Vietnamese error (exit 2), never a traceback."""
    period = parse_period(as_of) if as_of else None
    path = Path(out)
    try:
        write(path, period)
    except OSError as error:
        return _unwritable(path, error)
    scope = f"tính đến {period.label}" if period else "số liệu mới nhất"
    print(f"Đã ghi {what} ({scope}) vào tệp {path}")
    return 0


def cmd_export_summary(out: str, as_of: str | None) -> int:
    from .services.excel_export.summary import export_summary

    return _write_file(out, as_of, export_summary, "bảng tổng hợp")


def cmd_report(out: str, as_of: str | None) -> int:
    from .rendering.pdf import render_report_pdf

    return _write_file(out, as_of, render_report_pdf, "báo cáo PDF")


_IMPORT_COUNTS = {"office": "một cửa", "edoc": "tổ chức", "cadres": "cán bộ", "rotations": "luân chuyển",
                  "members": "thành viên", "targets": "chỉ tiêu"}  # fmt: skip


def cmd_import(files: list[str], dry_run: bool, as_json: bool) -> int:
    """Import returns and district workbooks; exit 1 when any file was rejected (the others still land)."""
    from .services.excel_import.operation import run_import

    def progress(done: int, total: int, name: str) -> None:
        if name and total > 3 and not as_json:
            print(f"[{done + 1}/{total}] {name}", file=sys.stderr, flush=True)

    outcomes = run_import([Path(f) for f in files], dry_run=dry_run, progress=progress)
    if not outcomes:
        print("Lỗi: không tìm thấy tệp Excel (.xlsx, .xlsm, .xls) nào để nhập.", file=sys.stderr)
        return 1
    if as_json:
        print(json.dumps([o.as_json() for o in outcomes], ensure_ascii=False, indent=2))
    else:
        for o in outcomes:
            if o.status == "rejected":
                status = "Bị từ chối"
            elif o.unchanged:
                status = "Không thay đổi"
            else:
                status = "Có thể nhập (chạy thử)" if dry_run else "Đã nhập"
            what = ", ".join(x for x in (o.unit, o.period) if x)
            counts = ", ".join(f"{n} {_IMPORT_COUNTS.get(k, k)}" for k, n in o.counts.items() if n)
            print(f"{status}: {o.file}" + (f" — {what}" if what else "") + (f" ({counts})" if counts else ""))
            for error in o.errors:
                print(f"    Lỗi: {error.text()}")
            for warning in o.warnings:
                print(f"    Cảnh báo: {warning.text()}")
        rejected = sum(o.status == "rejected" for o in outcomes)
        unchanged = sum(o.unchanged for o in outcomes)
        done = len(outcomes) - rejected - unchanged
        verb = "có thể nhập" if dry_run else "đã nhập"
        print(
            f"Tổng cộng {len(outcomes)} tệp: {done} {verb}, {unchanged} không thay đổi, {rejected} bị từ chối."
            + (" Chạy thử: chưa ghi gì vào cơ sở dữ liệu." if dry_run else "")
        )
    return 1 if any(o.status == "rejected" for o in outcomes) else 0


def warn_if_on_network(db_path: Path) -> None:
    """A database on a network share: say so on standard error, where it never mixes with ``--json`` output."""
    from .services.storage_checks import is_network_path, network_warning_line

    if is_network_path(db_path):
        print(network_warning_line(db_path), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Run a parsed command on the database named by ``--db`` (or the default one)."""
    from .services.periods import PeriodError
    from .store import open_store

    utf8_output()
    try:
        warn_if_on_network(open_store(Path(args.db) if args.db else None))
        if args.command == "indicators":
            return cmd_indicators(args.as_of, args.json)
        if args.command == "import":
            return cmd_import(args.files, args.dry_run, args.json)
        if args.command == "demo":
            return cmd_demo()
        if args.command == "export-summary":
            return cmd_export_summary(args.out, args.as_of)
        if args.command == "report":
            return cmd_report(args.out, args.as_of)
        if args.command == "export-forms":
            return cmd_export_forms(args.out, args.unit, args.period)
    except (DomainError, PeriodError) as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 2
    raise AssertionError(args.command)


def main(argv: Sequence[str] | None = None) -> int:
    utf8_output()  # before argparse can print its help or an error
    args = build_parser().parse_args(argv)
    if args.command is None:
        return 0
    return run(args)
