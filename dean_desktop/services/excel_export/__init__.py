"""Workbooks the app writes: blank unit-return forms (and the safe cell writer other exports reuse)."""

from __future__ import annotations

from .forms import (
    FORM_ID,
    FORM_VERSION,
    FormExportError,
    build_form,
    export_forms,
    form_file_name,
    unit_display_name,
    units_for_forms,
)
from .safe import clean_text, set_value, write, write_only_cell

__all__ = [
    "FORM_ID",
    "FORM_VERSION",
    "FormExportError",
    "build_form",
    "clean_text",
    "export_forms",
    "form_file_name",
    "set_value",
    "unit_display_name",
    "units_for_forms",
    "write",
    "write_only_cell",
]
