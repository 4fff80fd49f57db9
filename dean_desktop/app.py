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
        finally:
            _end_of_command()
    if args.db and "://" in args.db:  # a postgresql:// server: a URL, not a path
        return run_window(args.db)
    return run_window(Path(args.db) if args.db else None)


def _end_of_command() -> None:
    """A command is done (its work committed) and the process is about to end: close the store, so SQLite folds its
    write-ahead log into the file now, then freeze the garbage collector's view of every object left. Python's
    shutdown runs full collections over them all (~60 ms after importing a period of 24 returns, a twentieth of the
    command) only to free memory the operating system takes back at once; each object is still released as its
    module is cleared. Here, not in ``cli.run``: tests run commands in-process and their process goes on."""
    import gc

    if "dean_desktop.store" in sys.modules:
        from .store import close_thread_connection

        close_thread_connection()
    gc.freeze()


# Windows reports writing to a pipe whose reader has gone as EINVAL with this code (ERROR_NO_DATA, "the pipe is being
# closed"), not as a BrokenPipeError.
_PIPE_CLOSING = 232


def _reader_gone(error: OSError) -> bool:
    return isinstance(error, BrokenPipeError) or getattr(error, "winerror", None) == _PIPE_CLOSING


def run_window(db_path: Path | str | None) -> int:
    """Open the main window on the database (Qt is imported only here, so commands stay fast and headless)."""
    from .ui.application import run_application

    return run_application(db_path, sys.argv[:1])
