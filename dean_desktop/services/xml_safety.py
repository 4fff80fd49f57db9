"""The guarantee that openpyxl parses untrusted workbooks through defusedxml (no entity expansion, no XXE).

openpyxl silently falls back to the standard library's parser when defusedxml is missing (or disabled with
``OPENPYXL_DEFUSEDXML=False``), and that parser expands entity bombs. defusedxml is a required dependency; this
check makes a broken installation refuse to read workbooks instead of reading them unprotected. openpyxl is
imported here, so call it when a workbook is about to be opened, never at start-up (~125 ms).
"""

from __future__ import annotations

from .errors import DomainError

UNPROTECTED_MESSAGE = (
    "Không đọc tệp Excel vì bộ đọc XML chưa được bảo vệ (thiếu hoặc đã tắt thư viện defusedxml); "
    "hãy cài lại phần mềm rồi nhập lại."
)


class XmlUnprotected(DomainError):
    """openpyxl would parse XML without defusedxml."""


def ensure_protected_xml() -> None:
    """Raise XmlUnprotected (Vietnamese message) unless openpyxl parses through defusedxml."""
    import openpyxl.xml
    from openpyxl.xml import functions

    protected = openpyxl.xml.DEFUSEDXML is True and functions.iterparse.__module__.startswith("defusedxml")
    if not protected:
        raise XmlUnprotected(UNPROTECTED_MESSAGE)
