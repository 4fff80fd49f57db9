"""The release recipe, read as Inno Setup and GitHub Actions read it: a per-user installer that leaves the data alone,
and a tag that publishes the zip and the installer. Also what the smoke test asks of a Windows bundle."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from . import load_script

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "dean_desktop.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
DATA_FOLDER = re.compile(r"\{localappdata\}|%LOCALAPPDATA%|AppData\\Local\\DeanDesktop", re.IGNORECASE)


@dataclass
class InnoScript:
    defines: dict[str, str] = field(default_factory=dict)  # #ifndef X / #define X "default"
    setup: dict[str, str] = field(default_factory=dict)  # [Setup] directives, lower-cased names
    entries: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # [Icons], [Files]…: parameter lists
    messages: dict[str, str] = field(default_factory=dict)
    code: str = ""


def _parameters(line: str) -> dict[str, str]:
    """``Name: "{app}\\x"; Flags: a b`` → {"name": "{app}\\x", "flags": "a b"} (Inno's parameter syntax)."""
    found = {}
    for match in re.finditer(r'\s*(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', line):
        value = match[2].strip()
        if value.startswith('"'):
            value = value[1:-1].replace('""', '"')
        found[match[1].lower()] = value
    return found


def parse_iss(path: Path) -> InnoScript:
    script = InnoScript()
    section = ""
    code: list[str] = []
    for raw in path.read_text(encoding="utf-8-sig").splitlines():
        line = raw.strip()
        if section == "code" and not line.startswith("["):
            code.append(raw)
            continue
        if not line or line.startswith(";"):
            continue
        if match := re.match(r'#define\s+(\w+)\s+"([^"]*)"', line):
            script.defines[match[1]] = match[2]
        elif line.startswith("#"):
            continue
        elif match := re.match(r"\[(\w+)\]$", line):
            section = match[1].lower()
        elif section == "setup":
            name, _, value = line.partition("=")
            script.setup[name.strip().lower()] = value.strip()
        elif section == "messages":
            name, _, value = line.partition("=")
            script.messages[name.strip()] = value.strip()
        elif section:
            script.entries.setdefault(section, []).append(_parameters(line))
    script.code = "\n".join(code)
    return script


@pytest.fixture(scope="module")
def iss() -> InnoScript:
    return parse_iss(ISS)


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_the_installer_is_per_user_without_administrator_rights(iss: InnoScript) -> None:
    assert iss.setup["privilegesrequired"] == "lowest"
    assert "privilegesrequiredoverridesallowed" not in iss.setup  # no way to ask for an all-users install
    assert iss.setup["defaultdirname"] in (r"{userpf}\DeanDesktop", r"{autopf}\DeanDesktop")  # %LOCALAPPDATA%\Programs
    assert iss.setup["disabledirpage"] == "yes"  # nobody can point it at the data folder
    assert iss.setup["appid"].startswith("{{")  # a fixed id: upgrades replace, not duplicate


def test_the_installer_makes_start_menu_and_desktop_shortcuts_to_the_window(iss: InnoScript) -> None:
    icons = {icon["name"].split("\\")[0]: icon for icon in iss.entries["icons"]}
    assert set(icons) == {"{autoprograms}", "{autodesktop}"}
    for icon in icons.values():
        assert icon["filename"] == r"{app}\DeanDesktop.exe"
        assert icon["name"].endswith(r"\Đề án Desktop")
    desktop_task = icons["{autodesktop}"].get("tasks")
    if desktop_task:  # a task the user may untick, but ticked unless the script says otherwise
        task = next(t for t in iss.entries["tasks"] if t["name"] == desktop_task)
        assert "unchecked" not in task.get("flags", "")


def test_nothing_in_the_installer_touches_the_data_folder(iss: InnoScript) -> None:
    for section, entries in iss.entries.items():
        for entry in entries:
            for value in entry.values():
                assert not DATA_FOLDER.search(value), (section, entry)
    for name, value in iss.setup.items():
        assert not DATA_FOLDER.search(value), name
    assert not DATA_FOLDER.search(iss.code)
    assert "uninstalldelete" not in iss.entries  # the uninstaller removes what setup installed, nothing more
    for entry in iss.entries.get("installdelete", []):
        assert entry["name"].startswith("{app}\\"), entry  # an upgrade clears only the program's own folder


def test_the_installer_speaks_vietnamese_and_is_stored_as_unicode(iss: InnoScript) -> None:
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Inno Setup reads it as Unicode
    assert iss.messages["ButtonCancel"] == "Hủy" and iss.messages["ButtonInstall"] == "&Cài đặt"
    assert "giữ nguyên" in iss.messages["ConfirmUninstall"]  # tells the user the data stays


def _steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def _run_text(workflow: dict, job: str) -> str:
    return "\n".join(step.get("run", "") for step in _steps(workflow, job))


def test_a_v_tag_publishes_a_release_with_the_zip_and_the_installer(workflow: dict) -> None:
    assert "v*" in workflow["on"]["push"]["tags"]
    release = workflow["jobs"]["release"]
    assert release["needs"] == "build"
    assert "startsWith(github.ref, 'refs/tags/v')" in release["if"]
    assert release["permissions"]["contents"] == "write"
    download = next(s for s in release["steps"] if s.get("uses", "").startswith("actions/download-artifact"))
    upload = next(s for s in _steps(workflow, "build") if s.get("uses", "").startswith("actions/upload-artifact"))
    assert download["with"]["name"] == upload["with"]["name"].replace("steps.version", "needs.build")
    command = _run_text(workflow, "release")
    assert "gh release create" in command and "--verify-tag" in command
    published = re.findall(r"release/(DeanDesktop-\$VERSION-[\w.-]+)", command)
    assert published == ["DeanDesktop-$VERSION-windows.zip", "DeanDesktop-$VERSION-setup.exe"]
    uploaded = [Path(p.strip()).name for p in upload["with"]["path"].splitlines() if p.strip()]
    version = "${{ steps.version.outputs.version }}"
    assert [name.replace("$VERSION", version) for name in published] == uploaded


def test_the_build_job_makes_the_zip_and_compiles_the_installer_recipe(workflow: dict, iss: InnoScript) -> None:
    build = _run_text(workflow, "build")
    assert "Compress-Archive -Path dist/DeanDesktop" in build and "-windows.zip" in build
    assert "choco install innosetup" in build
    compile_line = next(line for line in build.splitlines() if "packaging\\dean_desktop.iss" in line)
    passed = set(re.findall(r"/D(\w+)=", compile_line))
    assert passed == set(iss.defines)  # every define the recipe expects, and nothing it ignores
    # The installer's file name is the one the workflow uploads and releases.
    assert iss.setup["outputbasefilename"] == "DeanDesktop-{#AppVersion}-setup"
    assert any("-setup.exe" in p for p in workflow["jobs"]["build"]["steps"][-1]["with"]["path"].splitlines())


def test_the_build_installs_the_server_extra_and_smoke_runs_the_program(workflow: dict) -> None:
    build = _run_text(workflow, "build")
    install = next(line for line in build.splitlines() if "pip install -e" in line)
    extras = re.search(r"\.\[([\w,]+)\]", install)
    assert extras is not None and {"build", "server"} <= set(extras[1].split(","))
    assert "python packaging/smoke_test.py dist/DeanDesktop" in build
    assert "PYTHONIOENCODING" not in WORKFLOW.read_text(encoding="utf-8")  # the built program must not need it


# The Qt part of a PyInstaller bundle made from PySide6-Essentials 6.11.3's win_amd64 wheel (its plugins/ folder
# has no printsupport: printing is inside Qt6PrintSupport.dll).
WINDOWS_BUNDLE = [
    "DeanDesktop.exe",
    "DeanDesktop-cli.exe",
    "_internal/resources/seed/units.json",
    "_internal/resources/seed/projects.json",
    "_internal/resources/icons/dean_desktop.png",
    "_internal/resources/i18n/qtbase_vi.qm",
    "_internal/PySide6/Qt6PrintSupport.dll",
    "_internal/PySide6/QtPrintSupport.pyd",
    "_internal/PySide6/QtCharts.pyd",
    "_internal/PySide6/plugins/platforms/qwindows.dll",
    "_internal/PySide6/plugins/platforms/qoffscreen.dll",
    "_internal/PySide6/plugins/imageformats/qjpeg.dll",
    "_internal/PySide6/plugins/iconengines/qsvgicon.dll",
    "_internal/PySide6/plugins/styles/qmodernwindowsstyle.dll",
]


def _bundle(root: Path, files: list[str]) -> Path:
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"")
    return root


def test_a_windows_bundle_without_a_printsupport_folder_is_complete(tmp_path: Path) -> None:
    assert load_script("smoke_test").missing_from_bundle(_bundle(tmp_path, WINDOWS_BUNDLE), "win32") == []


@pytest.mark.parametrize(
    ("left_out", "reported"),
    [
        ("_internal/PySide6/Qt6PrintSupport.dll", "Qt6PrintSupport (Qt6PrintSupport.dll)"),
        ("_internal/PySide6/plugins/platforms/qwindows.dll", "Qt plugins/platforms/qwindows.dll"),
        ("_internal/PySide6/plugins/styles/qmodernwindowsstyle.dll", "Qt plugins/styles/qmodernwindowsstyle.dll"),
        ("_internal/PySide6/plugins/iconengines/qsvgicon.dll", "Qt plugins/iconengines"),
        ("_internal/resources/seed/units.json", str(Path("_internal/resources/seed/units.json"))),
        ("_internal/resources/i18n/qtbase_vi.qm", str(Path("_internal/resources/i18n/qtbase_vi.qm"))),
    ],
)
def test_a_windows_bundle_missing_a_part_says_which(tmp_path: Path, left_out: str, reported: str) -> None:
    files = [name for name in WINDOWS_BUNDLE if name != left_out]
    assert load_script("smoke_test").missing_from_bundle(_bundle(tmp_path, files), "win32") == [reported]
