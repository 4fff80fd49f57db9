"""Modal dialogs in one place, so tests can patch them at their call site and the wording stays consistent.

The window imports this module before its first paint; Qt's dialog classes are imported when a dialog is shown (their
first import costs ~3 ms of the start-up frame).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..screen_fit import fit_to_screen

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QLabel, QWidget

ERROR_STYLE = "color: #b02a37; font-weight: bold;"  # a form's problem, shown under it in every dialog


def error_label(*, hidden: bool = True) -> QLabel:
    """The label under a form that says what is wrong with it (red, wrapped; hidden until there is something)."""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setVisible(not hidden)
    return label


def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog modally, wholly on its screen; True when the user accepted it."""
    from PySide6.QtWidgets import QDialog

    fit_to_screen(dialog)
    return dialog.exec() == QDialog.DialogCode.Accepted


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton("Đồng ý", QMessageBox.ButtonRole.YesRole)
    no = box.addButton("Không", QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def show_error(parent: QWidget | None, text: str, title: str = "Không thực hiện được") -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, text: str, title: str = "Thông báo") -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
