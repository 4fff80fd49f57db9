"""Who may import whom: ui → services → models, never backwards; the core never imports Qt widgets."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "dean_desktop"


def imported_modules(path: Path) -> list[tuple[str, bool]]:
    """(module, at_module_level) for every import in the file, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((module, id(node) in top_level))
    return found


def core_files() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts and p.name != "app.py"]


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_never_imports_the_ui_or_qt_widgets(path: Path) -> None:
    for module, _ in imported_modules(path):
        assert not module.startswith("dean_desktop.ui"), f"{path.name} imports {module}"
        assert not module.startswith("PySide6.QtWidgets"), f"{path.name} imports {module}"


@pytest.mark.parametrize(
    "path",
    [p for p in core_files() if p.relative_to(PACKAGE).parts[0] in ("models", "services")],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_models_and_services_are_qt_free(path: Path) -> None:
    for module, _ in imported_modules(path):
        assert not module.startswith("PySide6"), f"{path.name} imports {module}"


@pytest.mark.parametrize("path", list((PACKAGE / "ui").rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_ui_does_not_touch_peewee(path: Path) -> None:
    for module, _ in imported_modules(path):
        assert not module.startswith(("peewee", "dean_desktop.models")), f"{path.name} imports {module}"


def test_the_command_line_is_a_face_on_the_services_not_on_the_store() -> None:
    """cli.py parses, calls services and prints; the import's backup and writes happen in the services."""
    for module, _ in imported_modules(PACKAGE / "cli.py"):
        assert not module.startswith(("peewee", "dean_desktop.models")), f"cli.py imports {module}"
