"""The one root of user-facing errors, below every layer so the models, services, window and command line share it."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can act on; ``str(error)`` is one Vietnamese sentence (or a few), never a traceback.

    The command line prints it and exits 1; the window shows it in a dialog. Anything else that escapes is a bug.
    """
