"""The guarantee that openpyxl parses untrusted workbooks through defusedxml (no entity expansion, no XXE).

openpyxl silently falls back to the standard library's parser when defusedxml is missing (or disabled with
``OPENPYXL_DEFUSEDXML=False``), and that parser expands entity bombs. defusedxml is a required dependency; this
check makes a broken installation refuse to read workbooks instead of reading them unprotected. The full check
imports openpyxl (~125 ms, more than python-calamine takes to read a period's returns), so the importer makes it where
openpyxl is about to parse a workbook, and before opening any workbook makes the same test without importing openpyxl
(``full=False``: defusedxml importable and not disabled, openpyxl's own rule; openpyxl's verdict when it is loaded).
"""

from __future__ import annotations

import importlib.util
import os
import sys

from .errors import DomainError

UNPROTECTED_MESSAGE = (
    "Không đọc tệp Excel vì bộ đọc XML chưa được bảo vệ (thiếu hoặc đã tắt thư viện defusedxml); "
    "hãy cài lại phần mềm rồi nhập lại."
)


class XmlUnprotected(DomainError):
    """openpyxl would parse XML without defusedxml."""


def ensure_protected_xml(*, full: bool = True) -> None:
    """Raise XmlUnprotected (Vietnamese message) unless openpyxl parses through defusedxml.

    ``full=False`` does not import openpyxl when it is not loaded yet: it applies openpyxl's rule (defusedxml found
    and ``OPENPYXL_DEFUSEDXML`` not turned off); call the full check before openpyxl parses anything.
    """
    if not full and "openpyxl.xml" not in sys.modules:
        enabled = os.environ.get("OPENPYXL_DEFUSEDXML", "True") == "True"
        if not (enabled and importlib.util.find_spec("defusedxml") is not None):
            raise XmlUnprotected(UNPROTECTED_MESSAGE)
        return
    import openpyxl.xml
    from openpyxl.xml import functions

    protected = openpyxl.xml.DEFUSEDXML is True and functions.iterparse.__module__.startswith("defusedxml")
    if not protected:
        raise XmlUnprotected(UNPROTECTED_MESSAGE)
