"""Another process writes; this one's change feed names what changed (both engines: data_version, LISTEN/NOTIFY)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dean_desktop.services import checklist
from dean_desktop.services.changes import RETURNS, TASKS, ChangeFeed
from tests.services.excel_import.builders import build_return, cadre, office

ROOT = Path(__file__).resolve().parents[2]


def run_cli(store: object, *args: str, tmp_path: Path) -> None:
    env = {**os.environ, "DEAN_DESKTOP_DATA_DIR": str(tmp_path / "data"), "PYTHONIOENCODING": "utf-8"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(store), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_feed_names_what_another_process_wrote(store: object, tmp_path: Path) -> None:
    feed = ChangeFeed()
    try:
        assert feed.poll() == frozenset()
        workbook = build_return(tmp_path / "linh-thong.xlsx", office=office(True), cadres=[cadre("Nguyễn Văn An")])
        run_cli(store, "import", str(workbook), tmp_path=tmp_path)
        assert RETURNS in feed.poll()
        assert feed.poll() == frozenset()  # said once
    finally:
        feed.close()


def test_the_feed_names_an_edit_made_on_another_connection(store: object, tmp_path: Path) -> None:
    feed = ChangeFeed()
    try:
        script = (
            "import sys\nfrom dean_desktop.store import open_store\nfrom dean_desktop.services import checklist\n"
            "open_store(sys.argv[1])\ngroup = checklist.list_groups()[0].id\n"
            "checklist.add_task(group, checklist.TaskInput(title='Việc từ máy khác'))\n"
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT), "DEAN_DESKTOP_DATA_DIR": str(tmp_path / "data")}
        subprocess.run([sys.executable, "-c", script, str(store)], check=True, env=env, timeout=300)
        assert feed.poll() == frozenset({TASKS})
        assert [t.title for t in checklist.list_tasks()] == ["Việc từ máy khác"]
    finally:
        feed.close()
