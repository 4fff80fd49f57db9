"""The command line: the same services as the window, no Qt widgets."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .console import VietnameseArgumentParser, utf8_output
from .errors import UserError

DESCRIPTION = "Đề án Desktop — theo dõi hai Đề án giai đoạn 2016–2020 của huyện Định Hóa."


class WrongArgument(UserError):
    """An argument's value that names nothing (a period, a unit or a member that does not exist, a file path that is a
    folder): a wrong command line, exit 2 as argparse's own errors. Every other failure of a command exits 1."""


def argument(interpret, *values):  # type: ignore[no-untyped-def]
    """``interpret(*values)`` for a value typed on the command line; its refusal becomes a WrongArgument."""
    try:
        return interpret(*values)
    except WrongArgument:
        raise
    except UserError as error:
        raise WrongArgument(str(error)) from error


def parse_period(text: str):  # type: ignore[no-untyped-def]
    """services.periods.parse_period for a period typed on the command line (imported on use: the window's start-up
    parses arguments but no period); a period it cannot read is a WrongArgument."""
    from .services.periods import parse_period as parse

    return argument(parse, text)


def build_parser() -> argparse.ArgumentParser:
    program = Path(sys.argv[0]).name if getattr(sys, "frozen", False) else "main.py"
    parser = VietnameseArgumentParser(prog=program, description=DESCRIPTION)
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="tệp cơ sở dữ liệu (mặc định: trong thư mục dữ liệu người dùng) "
        "hoặc máy chủ postgresql://NGƯỜI_DÙNG:MẬT_KHẨU@MÁY_CHỦ:CỔNG/TÊN_CSDL",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="LỆNH")
    indicators = commands.add_parser("indicators", help="bảng chỉ tiêu của hai Đề án")
    indicators.add_argument("--as-of", metavar="KỲ", help='tính đến kỳ báo cáo, ví dụ "Năm 2018" hoặc "Quý II/2019"')
    indicators.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    commands.add_parser(
        "demo",
        help="nạp dữ liệu mẫu để xem thử, vào cơ sở dữ liệu mẫu riêng (với --db: chỉ khi tệp chưa có số liệu thật)",
    )
    copy = commands.add_parser("copy-db", help="chép toàn bộ cơ sở dữ liệu vào một tệp mới hoặc máy chủ trống")
    copy.add_argument(
        "target", metavar="ĐÍCH", help="tệp .db mới, hoặc postgresql://NGƯỜI_DÙNG:MẬT_KHẨU@MÁY_CHỦ:CỔNG/TÊN_CSDL"
    )
    copy.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    forms = commands.add_parser("export-forms", help="xuất biểu mẫu báo cáo trống, mỗi đơn vị một tệp")
    forms.add_argument("--out", metavar="THƯ_MỤC", required=True, help="thư mục lưu các biểu mẫu")
    forms.add_argument("--unit", metavar="TÊN", action="append", help="chỉ đơn vị này (có thể lặp lại)")
    forms.add_argument(
        "--period",
        metavar="KỲ",
        help='kỳ báo cáo, ví dụ "Năm 2018" (mặc định: kỳ mới nhất đã có báo cáo, nếu chưa có thì năm cuối của Đề án)',
    )
    summary = commands.add_parser("export-summary", help="xuất bảng tổng hợp của huyện (Excel)")
    summary.add_argument("out", metavar="OUT.xlsx", help="tệp Excel sẽ ghi")
    summary.add_argument("--as-of", metavar="KỲ", help='tính đến kỳ báo cáo, ví dụ "Năm 2018"')
    report = commands.add_parser("report", help="in báo cáo tổng hợp ra tệp PDF hoặc Word (.docx)")
    report.add_argument("out", metavar="OUT.pdf|OUT.docx", help="tệp sẽ ghi; đuôi .docx: văn bản Word sửa được")
    report.add_argument("--as-of", metavar="KỲ", help='tính đến kỳ báo cáo, ví dụ "Năm 2018"')
    _add_signing_arguments(report)
    letters = commands.add_parser("urging-letters", help="công văn đôn đốc, mỗi đơn vị có việc cần đôn đốc một tệp")
    letters.add_argument("--out", metavar="THƯ_MỤC", required=True, help="thư mục lưu các công văn")
    letters.add_argument("--period", metavar="KỲ", help='kỳ báo cáo, ví dụ "Năm 2017" (mặc định: kỳ hiện tại)')
    letters.add_argument("--member", metavar="TÊN", help="chỉ các đơn vị do thành viên này phụ trách (tên hoặc mã số)")
    letters.add_argument("--pdf", action="store_true", help="ghi thêm bản PDF của mỗi công văn")
    letters.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    _add_signing_arguments(letters)
    imports = commands.add_parser("import", help="nhập báo cáo của đơn vị và các bảng của huyện (Excel)")
    imports.add_argument(
        "files", metavar="TỆP", nargs="+", help="tệp .xlsx/.xlsm/.xls/.xlsb/.ods hoặc thư mục chứa các tệp"
    )
    imports.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì vào cơ sở dữ liệu")
    imports.add_argument(
        "--allow-removals",
        action="store_true",
        help="cho phép báo cáo gửi lại xóa cả một phần đã lưu (ví dụ bảng Cán bộ để trống)",
    )
    imports.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    return parser


def _add_signing_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--number", metavar="SỐ", default="", help='số văn bản, ví dụ "125-BC/BTCHU"')
    parser.add_argument("--signer", metavar="HỌ_TÊN", help="người ký (mặc định: Trưởng Ban Tổ chức trong DS BCĐ)")
    parser.add_argument("--signer-title", metavar="CHỨC_DANH", default="TRƯỞNG BAN", help="chức danh người ký")


def _signing(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .services.report_content import Signing

    return Signing(args.number, args.signer, args.signer_title)


def cmd_indicators(as_of: str | None, as_json: bool) -> int:
    from .services.formatting import format_percent
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
    print(f"Xã, thị trấn chưa có báo cáo nào (số liệu tính là chưa đạt): {missing}")
    return 0


def cmd_demo(path: Path) -> int:
    from .paths import sample_db_path
    from .services.demo import load_demo

    result = load_demo()  # refused (RealDataError) on a database with real data: exit 1, nothing written
    if not result.added:
        print(f"Dữ liệu mẫu đã có sẵn trong {path}; không thêm gì.")
    else:
        print(
            f"Đã nạp dữ liệu mẫu vào {path}: {result.returns} báo cáo, {result.members} thành viên Ban Chỉ đạo, "
            f"{result.rotations} bản ghi luân chuyển, {result.tasks} nhiệm vụ."
        )
    if path == sample_db_path():
        print('Xem trong cửa sổ: Trợ giúp → "Mở dữ liệu mẫu" (cơ sở dữ liệu thật không bị thay đổi).')
    return 0


def cmd_copy_db(target: str, as_json: bool) -> int:
    from .services.transfer import copy_database

    result = copy_database(target if "://" in target else Path(target))
    if as_json:
        print(json.dumps({"target": result.target, "rows": result.rows, "tables": result.tables}, ensure_ascii=False))
    else:
        print(
            f"Đã chép {result.rows} dòng dữ liệu ({len(result.tables)} bảng) vào {result.target}; "
            "số dòng và các chỉ tiêu ở hai bên khớp nhau."
        )
    return 0


def cmd_export_forms(out: str, unit_names: list[str] | None, period_text: str | None) -> int:
    from .services.completeness import default_period
    from .services.excel_export.forms import export_forms, units_for_forms
    from .services.units import list_units, resolve_unit

    # The same default as the window's dialog: the latest period with returns, else the projects' last year.
    period = parse_period(period_text) if period_text else default_period()
    unit_ids = None
    if unit_names:
        units = list_units()
        unit_ids = [argument(resolve_unit, name, units).id for name in unit_names]
        argument(units_for_forms, period, unit_ids)  # a unit that did not exist in that period names nothing
    paths = export_forms(Path(out), period, unit_ids)
    for path in paths:
        print(path)
    print(f"Đã tạo {len(paths)} biểu mẫu kỳ {period.label} trong {Path(out)}")
    return 0


def _unwritable(path: Path, error: OSError) -> int:
    """Why ``path`` could not be written, in Vietnamese; exit 2 when the path itself is wrong (no such folder, a
    folder named where a file belongs), 1 when the file or folder refused (open elsewhere, no permission)."""
    wrong_path = isinstance(error, FileNotFoundError | IsADirectoryError)
    if isinstance(error, PermissionError):
        why = "tệp đang mở trong chương trình khác (Excel, trình xem PDF…) hoặc không có quyền ghi vào thư mục này"
    elif isinstance(error, FileNotFoundError):
        why = "thư mục chứa tệp không tồn tại"
    elif isinstance(error, IsADirectoryError):
        why = "đây là một thư mục, hãy ghi cả tên tệp"
    else:
        why = f"lỗi hệ thống ({error.strerror or error})"
    print(f'Lỗi: không ghi được tệp "{path}": {why}.', file=sys.stderr)
    return 2 if wrong_path else 1


def _write_file(out: str, as_of: str | None, write, what: str) -> int:  # type: ignore[no-untyped-def]
    """Run ``write(path, period)``; an unwritable target is a Vietnamese error (see ``_unwritable``), never a
    traceback."""
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


def cmd_report(out: str, as_of: str | None, signing) -> int:  # type: ignore[no-untyped-def]
    """The report as PDF, or as a Word document when ``out`` ends in .docx."""
    if out.lower().endswith(".docx"):
        from .rendering.docx import render_report_docx

        return _write_file(out, as_of, lambda path, period: render_report_docx(path, period, signing), "báo cáo Word")
    from .rendering.pdf import render_report_pdf

    return _write_file(out, as_of, lambda path, period: render_report_pdf(path, period, signing), "báo cáo PDF")


def cmd_urging_letters(args: argparse.Namespace) -> int:
    """One urging letter per unit with something to urge; a summary of what was written."""
    from .rendering.letters import write_urging_letters
    from .services.urging_letters import resolve_member

    folder = Path(args.out)
    try:
        period = parse_period(args.period) if args.period else None
        member_id = argument(resolve_member, args.member).id if args.member else None
        folder.mkdir(parents=True, exist_ok=True)
        result = write_urging_letters(folder, period, member_id=member_id, signing=_signing(args), pdf=args.pdf)
    except OSError as error:  # a wrong period or member (UserError) is reported by ``run``, JSON included
        if args.json:
            print(json.dumps({"error": f'không ghi được vào thư mục "{folder}"'}, ensure_ascii=False))
        return _unwritable(folder, error)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return 0
    for letter in result.letters:
        print(f"{letter.path.name}: {letter.unit_name} — {letter.item_count} nội dung cần đôn đốc")
    print(result.summary())
    return 0


_IMPORT_COUNTS = {"office": "một cửa", "edoc": "tổ chức", "cadres": "cán bộ", "rotations": "luân chuyển",
                  "members": "thành viên", "targets": "chỉ tiêu"}  # fmt: skip


def cmd_import(files: list[str], dry_run: bool, as_json: bool, allow_removals: bool = False) -> int:
    """Import returns and district workbooks; exit 1 when any file was rejected (the others still land).

    Files a folder holds that are not read (not workbooks, lock files, unreadable) are listed with why."""
    from .services.excel_import.operation import find_files, run_import

    selection = find_files([Path(f) for f in files])
    if not selection.files and not as_json:
        for item in selection.skipped:
            print(f"Bỏ qua: {item.text()}", file=sys.stderr)
        print("Lỗi: không tìm thấy bảng tính (.xlsx, .xlsm, .xls, .xlsb, .ods) nào để nhập.", file=sys.stderr)
        return 1

    def progress(done: int, total: int, name: str) -> None:
        if name and total > 3 and not as_json:
            print(f"[{done + 1}/{total}] {name}", file=sys.stderr, flush=True)

    outcomes = run_import(selection, dry_run=dry_run, allow_removals=allow_removals, progress=progress)
    if as_json:
        print(json.dumps([o.as_json() for o in outcomes], ensure_ascii=False, indent=2))
    else:
        _print_outcomes(outcomes, dry_run)
    return 1 if any(o.status == "rejected" for o in outcomes) or not selection.files else 0


def _print_outcomes(outcomes: list, dry_run: bool) -> None:  # type: ignore[type-arg]
    for o in outcomes:
        if o.status == "skipped":
            print(f"Bỏ qua: {o.file} — {o.errors[0].message}")
            continue
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
    skipped = sum(o.status == "skipped" for o in outcomes)
    unchanged = sum(o.unchanged for o in outcomes)
    done = len(outcomes) - rejected - unchanged - skipped
    verb = "có thể nhập" if dry_run else "đã nhập"
    print(
        f"Tổng cộng {len(outcomes)} tệp: {done} {verb}, {unchanged} không thay đổi, {rejected} bị từ chối"
        + (f", {skipped} bỏ qua (không đọc)" if skipped else "")
        + "."
        + (" Chạy thử: chưa ghi gì vào cơ sở dữ liệu." if dry_run else "")
    )


def warn_if_on_network(db_path: Path) -> None:
    """A database on a network share: say so on standard error, where it never mixes with ``--json`` output."""
    from .services.storage_checks import is_network_path, network_warning_line

    if is_network_path(db_path):
        print(network_warning_line(db_path), file=sys.stderr)


def _fail(message: str, as_json: bool) -> int:
    """One Vietnamese sentence on stderr (and ``{"error": …}`` on stdout with --json); exit 1."""
    text = message if message.startswith("Lỗi") else f"Lỗi: {message}"
    print(text, file=sys.stderr)
    if as_json:
        print(json.dumps({"error": message}, ensure_ascii=False))
    return 1


def run(args: argparse.Namespace) -> int:
    """Run a parsed command on the database named by ``--db`` (or the default one)."""
    from .paths import sample_db_path
    from .services.storage_checks import failure_message
    from .store import open_store
    from .targets import is_server_target

    utf8_output()
    as_json = bool(getattr(args, "json", False))
    target = args.db or None
    if target is None and args.command == "demo":  # sample data goes to its own database, never into the real one
        target = str(sample_db_path())
    try:
        opened = open_store(target)
    except Exception as error:  # every failure to open the database: one sentence, exit 1
        from .paths import default_db_path

        message = str(error) if isinstance(error, UserError) else failure_message(error, target or default_db_path())
        if message is None:
            raise
        return _fail(message, as_json)
    if not is_server_target(opened):
        warn_if_on_network(Path(opened))
    try:
        if args.command == "indicators":
            return cmd_indicators(args.as_of, args.json)
        if args.command == "import":
            return cmd_import(args.files, args.dry_run, args.json, args.allow_removals)
        if args.command == "demo":
            return cmd_demo(opened)
        if args.command == "copy-db":
            return cmd_copy_db(args.target, args.json)
        if args.command == "export-summary":
            return cmd_export_summary(args.out, args.as_of)
        if args.command == "report":
            return cmd_report(args.out, args.as_of, _signing(args))
        if args.command == "urging-letters":
            return cmd_urging_letters(args)
        if args.command == "export-forms":
            return cmd_export_forms(args.out, args.unit, args.period)
    except WrongArgument as error:  # a value on the command line that names nothing: exit 2, as argparse does
        _fail(str(error), as_json)
        return 2
    except UserError as error:  # the command refused or failed (a full disk, data that does not allow it): exit 1
        return _fail(str(error), as_json)
    except Exception as error:  # the database or the disk failed during the command (locked, full, damaged)
        from .paths import default_db_path

        message = failure_message(error, target or default_db_path())
        if message is None:
            raise
        return _fail(message, as_json)
    raise AssertionError(args.command)


def main(argv: Sequence[str] | None = None) -> int:
    utf8_output()  # before argparse can print its help or an error
    args = build_parser().parse_args(argv)
    if args.command is None:
        return 0
    return run(args)
