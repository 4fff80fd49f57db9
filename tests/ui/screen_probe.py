"""Open the main window, every dialog and the print preview on the screen Qt was started with; print where each lands.

Run in its own process by tests/ui/test_fits_screen.py (a screen size can only be chosen before QApplication exists):

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python tests/ui/screen_probe.py WORK_DIR [SHOTS_DIR]

Prints one JSON object: the screen's available area and, per top-level window, its frame rectangle.
"""

from __future__ import annotations

import inspect
import json
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
MODELESS = {"HelpDialog"}  # shown with show(), not through messages.run_dialog
TASKBAR = 40  # drawn below the offscreen screen in screenshots: the screen itself is the area the taskbar leaves


def dialog_classes() -> dict[str, type]:
    """Every QDialog subclass defined in dean_desktop.ui.dialogs, by class name."""
    import importlib

    from PySide6.QtWidgets import QDialog

    from dean_desktop.ui import dialogs

    found = {}
    for info in pkgutil.iter_modules(dialogs.__path__):
        module = importlib.import_module(f"dean_desktop.ui.dialogs.{info.name}")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__:
                found[name] = cls
    return found


def make_dialogs(window, work: Path) -> dict:  # type: ignore[no-untyped-def]
    """One instance of each dialog, filled as a user would meet it (the longest lists the demo data gives)."""
    from dean_desktop.services import checklist, projects, roster, targets, units
    from dean_desktop.services.excel_import import analyse_file
    from dean_desktop.services.report_content import report_html
    from dean_desktop.ui.main_window import settings
    from dean_desktop.ui.printing import preview_dialog
    from tests.services.excel_import.builders import build_return, cadre, office

    classes = dialog_classes()
    unit_rows = units.list_units()
    members = roster.list_members()
    target_rows = targets.list_targets()
    returned = build_return(
        work / "linh-thong.xlsx",
        unit="Linh Thông",
        period="Năm 2019",
        office=office(has_office=True),
        edoc=[("Đảng ủy", True), ("UBND", False)],
        cadres=[cadre("Hà Thị Hoa", 1980, "Đại học", "Cao cấp")],
    )
    made = {
        "AuditDialog": lambda: classes["AuditDialog"](window),
        "CompletionDialog": lambda: classes["CompletionDialog"](checklist.list_tasks()[0], window),
        "ServerDialog": lambda: classes["ServerDialog"](settings(), window, title="Kết nối máy chủ cơ sở dữ liệu"),
        "SigningDialog": lambda: classes["SigningDialog"]("Số văn bản và người ký", window),
        "UrgingLettersDialog": lambda: classes["UrgingLettersDialog"](members, None, window),
        "ExportFormsDialog": lambda: classes["ExportFormsDialog"](window),
        "HelpDialog": lambda: classes["HelpDialog"](window),
        "ImportPreviewDialog": lambda: classes["ImportPreviewDialog"]([analyse_file(returned, unit_rows)], window),
        "MemberDialog": lambda: classes["MemberDialog"](unit_rows, members[0], window),
        "RotationDialog": lambda: classes["RotationDialog"](parent=window),
        "TaskDialog": lambda: classes["TaskDialog"](checklist.list_groups(), members, unit_rows, parent=window),
        "TargetsDialog": lambda: classes["TargetsDialog"](window),
        "ProjectsDialog": lambda: classes["ProjectsDialog"](window),
        "UnitsDialog": lambda: classes["UnitsDialog"](window),
        "UnitDialog": lambda: classes["UnitDialog"](unit_rows, next(u for u in unit_rows if u.merged_into), window),
        "TargetDialog": lambda: classes["TargetDialog"](projects.list_projects(), target_rows[0], parent=window),
    }
    missing = sorted(set(classes) - set(made))
    if missing:
        raise SystemExit(f"screen_probe.py does not open these dialogs yet: {missing}")
    made["QPrintPreviewDialog"] = lambda: preview_dialog(window, report_html(None), "Báo cáo")
    return made


def main() -> int:
    import os

    work = Path(sys.argv[1])
    shots = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    os.environ["DEAN_DESKTOP_DATA_DIR"] = str(work / "data")
    from PySide6.QtWidgets import QApplication

    from dean_desktop.services.demo import load_demo
    from dean_desktop.store import open_store
    from dean_desktop.ui.main_window import MainWindow
    from dean_desktop.ui.qt_vietnamese import install_vietnamese
    from dean_desktop.ui.screen_fit import fit_to_screen

    app = QApplication(sys.argv[:1])
    install_vietnamese(app)
    path = open_store(work / "de_an.db")
    load_demo()
    screen = app.primaryScreen().availableGeometry()
    placed: dict[str, list[int]] = {}

    def record(name: str, widget) -> None:  # type: ignore[no-untyped-def]
        for _ in range(5):
            app.processEvents()
        frame = widget.frameGeometry()
        placed[name] = [frame.x(), frame.y(), frame.width(), frame.height()]
        if shots is not None:
            on_screen(widget, None if widget is window or widget is again else window).save(str(shots / f"{name}.png"))

    def on_screen(widget, behind):  # type: ignore[no-untyped-def]
        """The screen as the user sees it: desktop, taskbar, the main window and the dialog over it."""
        from PySide6.QtGui import QColor, QImage, QPainter

        full = app.primaryScreen().geometry()
        image = QImage(full.width(), full.height() + TASKBAR, QImage.Format.Format_RGB32)
        image.fill(QColor("#3a6ea5"))
        painter = QPainter(image)
        painter.fillRect(0, full.height(), full.width(), TASKBAR, QColor("#1f1f1f"))
        for shown in [w for w in (behind, widget) if w is not None]:
            painter.drawPixmap(shown.geometry().topLeft(), shown.grab())
        painter.end()
        return image

    again = None
    window = MainWindow(path)
    window.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)  # every tab built: its minimum size counts
        app.processEvents()
    window.tabs.setCurrentIndex(0)
    record("MainWindow", window)
    for name, make in make_dialogs(window, work).items():
        dialog = make()
        if name not in MODELESS:
            fit_to_screen(dialog)  # what messages.run_dialog does before exec(), which would block here
        dialog.show()
        record(name, dialog)
        dialog.close()
    # A window saved on a large screen (1900×1040 at 10,10) comes back on this one.
    window.setGeometry(10, 10, 1900, 1040)
    window.close()
    again = MainWindow(path)
    again.show()
    record("MainWindow (restored)", again)
    again.close()
    area = [screen.x(), screen.y(), screen.width(), screen.height()]
    print(json.dumps({"available": area, "windows": placed}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
