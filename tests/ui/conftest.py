"""Fixtures of the window tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from dean_desktop.ui import single_instance


@pytest.fixture
def application_run() -> Iterator[None]:
    """For tests that call ``run_application``: it sets the default locale for the whole process and takes database
    locks; both are put back afterwards."""
    locale = QLocale()
    yield
    single_instance.release_all()
    QLocale.setDefault(locale)
