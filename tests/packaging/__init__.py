"""Tests of the Windows program: its recipe, its smoke test and (slow) the program PyInstaller builds."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load_script(name: str) -> ModuleType:
    """A script from packaging/ (a folder, not a package: ``packaging`` is also a PyPI package's name)."""
    spec = importlib.util.spec_from_file_location(f"dean_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
