"""Composition root: parse the command line, then either run a command or open the window."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import cli
from .console import utf8_output


def main(argv: Sequence[str] | None = None) -> int:
    utf8_output()  # first: argparse prints --help and its errors through the ANSI code page otherwise
    args = cli.build_parser().parse_args(argv)
    if args.command is not None:
        try:
            return cli.run(args)
        except BrokenPipeError:  # whoever read the output stopped early ("| more" closed): not a failure to report
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nor at exit, when stdout is flushed
            return 1
    if args.db and "://" in args.db:  # a postgresql:// server: a URL, not a path
        return run_window(args.db)
    return run_window(Path(args.db) if args.db else None)


def run_window(db_path: Path | str | None) -> int:
    """Open the main window on the database (Qt is imported only here, so commands stay fast and headless)."""
    from .ui.application import run_application

    return run_application(db_path, sys.argv[:1])
