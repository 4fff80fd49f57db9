"""SQLite with several processes on one machine: nobody deletes another's journal, creating a new file is safe."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX_PROC = Path("/proc/self/fd").is_dir()


def _env(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "DEAN_DESKTOP_DATA_DIR": str(tmp_path / "data"), "PYTHONIOENCODING": "utf-8"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


# A window-like process: the store open in WAL mode, then one code path that might read the database file outside
# SQLite, then another process runs `indicators` on the same file; finally: is our journal still there?
HOLDER = textwrap.dedent(
    """
    import os, subprocess, sys
    from pathlib import Path
    path, code_path = Path(sys.argv[1]), sys.argv[2]
    from dean_desktop.store import open_store
    from dean_desktop.models import Unit
    open_store(path)
    Unit.select().count()

    if code_path.startswith("dialog"):
        from PySide6.QtCore import QEventLoop, QFileInfo, QTimer
        from PySide6.QtWidgets import QApplication, QFileIconProvider, QFileSystemModel
        from dean_desktop.ui import file_dialogs
        app = QApplication([])
        dialog = file_dialogs._dialog(None, "x", str(path.parent), "Cơ sở dữ liệu (*.db)", file_dialogs.NO_OPTIONS)
        provider = QFileIconProvider() if code_path == "dialog-qt-default" else dialog.iconProvider()
        dialog.show()
        model = dialog.findChild(QFileSystemModel)
        loop = QEventLoop()
        model.directoryLoaded.connect(lambda _folder: loop.quit())
        QTimer.singleShot(5000, loop.quit)
        loop.exec()
        # What the dialog's file model asks its provider for every file listed, asked here for the database itself.
        provider.icon(QFileInfo(str(path)))
        provider.type(QFileInfo(str(path)))
        dialog.close()
    elif code_path == "check-backup":
        from dean_desktop.services.backup import check_backup
        from dean_desktop.services.errors import DomainError
        try:
            check_backup(path)
        except DomainError:
            pass
    elif code_path == "import":
        from dean_desktop.services.excel_import.plan import analyse_file
        assert analyse_file(path).errors
    elif code_path == "backup":
        from dean_desktop.services.backup import backup_now, list_backups
        backup_now()
        list_backups()
    elif code_path == "job":
        import threading
        from dean_desktop.services.excel_export.summary import export_summary
        from dean_desktop.store import close_thread_connection
        def job():
            export_summary(path.parent / "tong-hop.xlsx", None)
            close_thread_connection()
        worker = threading.Thread(target=job)
        worker.start()
        worker.join()

    other = subprocess.run([sys.executable, sys.argv[3], "--db", str(path), "indicators"], capture_output=True)
    assert other.returncode == 0, other.stderr
    deleted = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.endswith("(deleted)"):
            deleted.append(target)
    Unit.select().count()
    print("DELETED" if deleted else "KEPT", Path(str(path) + "-wal").exists(), deleted)
    """
)


def _hold_and_run_other(tmp_path: Path, code_path: str) -> str:
    db_path = tmp_path / "chung" / "de_an.db"
    result = subprocess.run(
        [sys.executable, "-c", HOLDER, str(db_path), code_path, str(ROOT / "main.py")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(tmp_path),
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.skipif(not LINUX_PROC, reason="POSIX locks and /proc: Windows' locks are per handle")
@pytest.mark.parametrize("code_path", ["dialog", "check-backup", "import", "backup", "job"])
def test_another_process_never_deletes_the_open_journal(tmp_path: Path, code_path: str) -> None:
    assert _hold_and_run_other(tmp_path, code_path) == "KEPT True []"


@pytest.mark.skipif(not LINUX_PROC, reason="POSIX locks and /proc: Windows' locks are per handle")
def test_the_check_sees_the_bug_it_guards_against(tmp_path: Path) -> None:
    """Qt's own icon provider reads the file; the same run then finds the journal deleted (the reported bug)."""
    assert _hold_and_run_other(tmp_path, "dialog-qt-default").startswith("DELETED False")


def test_the_package_uses_the_safe_file_dialogs() -> None:
    offenders = []
    for path in (ROOT / "dean_desktop").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for static in ("getSaveFileName", "getOpenFileName", "getExistingDirectory"):
            if f"QFileDialog.{static}" in text:
                offenders.append(f"{path.name}: QFileDialog.{static}")
    assert offenders == []


CREATOR = textwrap.dedent(
    """
    import sys
    from dean_desktop.store import open_store
    from dean_desktop.models import Target, Unit
    open_store(sys.argv[1])
    print(Unit.select().count(), Target.select().count())
    """
)


def test_eight_processes_creating_one_new_database_at_once(tmp_path: Path) -> None:
    db_path = tmp_path / "moi.db"
    creators = [
        subprocess.Popen(
            [sys.executable, "-c", CREATOR, str(db_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(tmp_path),
        )
        for _ in range(8)
    ]
    outputs = [c.communicate(timeout=180) for c in creators]
    assert [c.returncode for c in creators] == [0] * 8, [err for _out, err in outputs]
    counts = {out.strip() for out, _err in outputs}
    assert len(counts) == 1  # every process saw the same seeded database: nothing twice, nothing missing
    units, targets = (int(n) for n in counts.pop().split())
    assert units > 40 and targets == 5
