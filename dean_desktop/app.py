"""Composition root: parse the command line, then either run a command or open the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from . import cli
from .console import utf8_output


def main(argv: Sequence[str] | None = None) -> int:
    utf8_output()  # first: argparse prints --help and its errors through the ANSI code page otherwise
    args = cli.build_parser().parse_args(argv)
    if args.command is not None:
        return cli.run(args)
    return run_window(Path(args.db) if args.db else None)


def run_window(db_path: Path | None) -> int:
    """Open the main window on the database (Qt is imported only here, so commands stay fast and headless)."""
    from .ui.application import run_application

    return run_application(db_path, sys.argv[:1])
