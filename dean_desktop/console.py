"""The console: UTF-8 output whatever the code page, and an argument parser whose own messages are Vietnamese."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

# argparse's own strings (Python 3.11–3.13 msgids) → Vietnamese. A msgid not listed here stays as argparse wrote it.
ARGPARSE_VI = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "subcommands": "lệnh",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "show program's version number and exit": "hiện số phiên bản rồi thoát",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "giá trị không hợp lệ: %(value)r (chọn một trong: %(choices)s)"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    "unrecognized arguments: %s": "tham số không hiểu được: %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn chưa rõ: %(option)s có thể là %(matches)s",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "not allowed with argument %s": "không dùng cùng với tham số %s",
    "ignored explicit argument %r": "giá trị %r bị bỏ qua",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
}
ARGPARSE_VI_PLURAL = {
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
}


def utf8_output() -> None:
    """Write standard output and error as UTF-8, before anything prints.

    A PyInstaller-built program ignores ``PYTHONIOENCODING``, and output redirected to a file or a pipe goes through
    Windows' ANSI code page (cp1252/cp1258), which cannot encode Vietnamese: the first ``print`` would raise.
    A windowed program has no streams at all (``None``): nothing to do.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")


def _gettext_vi(message: str) -> str:
    return ARGPARSE_VI.get(message, message)


def _ngettext_vi(singular: str, plural: str, n: int) -> str:
    chosen = singular if n == 1 else plural
    return ARGPARSE_VI_PLURAL.get(chosen, chosen)


@contextmanager
def _vietnamese_argparse() -> Iterator[None]:
    """argparse looks its messages up through the module's ``_``/``ngettext`` when it needs them: swap them meanwhile.

    Scoped to our own parsers' calls, so another parser in the same process (pytest's) keeps its English.
    """
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _gettext_vi, _ngettext_vi  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _in_vietnamese(method: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with _vietnamese_argparse():
            return method(*args, **kwargs)

    wrapper.__name__, wrapper.__doc__ = method.__name__, method.__doc__
    return wrapper


class VietnameseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help, usage and errors are Vietnamese; a wrong command exits with code 2, no traceback.

    Sub-command parsers are made of the same class (argparse's default ``parser_class``).
    """

    __init__ = _in_vietnamese(argparse.ArgumentParser.__init__)
    parse_known_args = _in_vietnamese(argparse.ArgumentParser.parse_known_args)
    parse_args = _in_vietnamese(argparse.ArgumentParser.parse_args)  # type: ignore[assignment]
    format_usage = _in_vietnamese(argparse.ArgumentParser.format_usage)
    format_help = _in_vietnamese(argparse.ArgumentParser.format_help)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        if kwargs.get("action") == "version":
            kwargs.setdefault(
                "help", ARGPARSE_VI["show program's version number and exit"]
            )  # not looked up by argparse
        return super().add_argument(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi: {message}\n")
