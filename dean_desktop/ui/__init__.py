"""The window: widgets, Qt item models and dialogs over the services (nothing below imports from here)."""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401 - loads shiboken's import hook, adjusted below before any other module


def _skip_feature_scan() -> None:
    """PySide6 reads the source of every module imported after it (``inspect.getsource``) to see whether it opts in
    to ``from __feature__ import …``, which this app never does: ~0.3 ms per module, and every module's whole text
    kept in ``linecache``. Tell it no module opts in. A private hook: when it is not there, nothing changes."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda module: False


_skip_feature_scan()
