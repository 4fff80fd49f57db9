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
        except OSError as error:
            if not _reader_gone(error):
                raise
            # Whoever read the output stopped early ("| more" closed): not a failure to report, nor at exit, when
            # stdout is flushed.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
    if args.db and "://" in args.db:  # a postgresql:// server: a URL, not a path
        return run_window(args.db)
    return run_window(Path(args.db) if args.db else None)


# Windows reports writing to a pipe whose reader has gone as EINVAL with this code (ERROR_NO_DATA, "the pipe is being
# closed"), not as a BrokenPipeError.
_PIPE_CLOSING = 232


def _reader_gone(error: OSError) -> bool:
    return isinstance(error, BrokenPipeError) or getattr(error, "winerror", None) == _PIPE_CLOSING


def run_window(db_path: Path | str | None) -> int:
    """Open the main window on the database (Qt is imported only here, so commands stay fast and headless)."""
    from .ui.application import run_application

    return run_application(db_path, sys.argv[:1])
