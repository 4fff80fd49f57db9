"""Qt's own words (text-field menus, standard buttons, print preview, file dialogs) appear in Vietnamese."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QToolBar,
    QToolButton,
)

from dean_desktop.ui.qt_vietnamese import install_vietnamese, qt_translation_path


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[QTranslator]:
    before = QLocale()
    translator = install_vietnamese(qapp)
    assert translator is not None, "resources/i18n/qtbase_vi.qm is missing"
    yield translator
    qapp.removeTranslator(translator)
    QLocale.setDefault(before)  # other tests keep the locale they had


def _menu_words(menu: QMenu) -> list[str]:
    """What a person reads in the menu: no accelerator marks, no shortcut column."""
    return [action.text().split("\t")[0].replace("&", "") for action in menu.actions() if not action.isSeparator()]


@pytest.mark.parametrize("kind", [QLineEdit, QPlainTextEdit, QTextEdit])
def test_text_field_menu_is_vietnamese(qtbot, vietnamese, kind) -> None:
    field = kind()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    words = _menu_words(menu)
    assert words == ["Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Xóa", "Chọn tất cả"]
    menu.deleteLater()


def test_button_box_and_message_box_buttons_are_vietnamese(qtbot, vietnamese) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Đồng ý"
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    box = QMessageBox(QMessageBox.Icon.Question, "Hỏi", "Tiếp tục?")
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Có"
    assert box.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Không"


def test_print_preview_toolbar_is_vietnamese(qtbot, vietnamese) -> None:
    from dean_desktop.ui.printing import preview_dialog

    dialog = preview_dialog(None, "<p>Báo cáo</p>", "Báo cáo")
    qtbot.addWidget(dialog)
    toolbar = dialog.findChild(QToolBar)
    words = {action.text() for action in toolbar.actions() if not action.isSeparator() and action.text()}
    assert {"Trang sau", "Trang trước", "Phóng to", "Thu nhỏ", "Khổ dọc", "Khổ ngang", "In", "Thiết lập trang"} <= words
    english = {"Next page", "Previous page", "Zoom in", "Print", "Page setup", "Portrait", "Landscape"}
    assert not words & english


def test_qt_file_dialog_is_vietnamese(qtbot, vietnamese, tmp_path: Path) -> None:
    """Where the platform has no native dialog, Qt's own one speaks Vietnamese too."""
    dialog = QFileDialog(None, "Lưu", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Tìm trong:", "Tên &tệp:", "&Loại tệp:"} <= labels
    tips = {button.toolTip() for button in dialog.findChildren(QToolButton)}
    assert {"Lùi lại", "Thư mục cha", "Tạo thư mục mới"} <= tips


def test_start_up_makes_vietnamese_the_default_locale(qapp, vietnamese) -> None:
    assert QLocale().language() == QLocale.Language.Vietnamese
    assert QLocale().toString(1234.5, "f", 1) == "1.234,5"


def test_committed_qm_says_what_the_ts_says() -> None:
    """The .qm the program loads was rebuilt after the last edit of the .ts (pyside6-lrelease resources/i18n/...)."""
    ts = qt_translation_path().with_suffix(".ts")
    translator = QTranslator()
    assert translator.load(str(qt_translation_path()))
    messages = [
        (context.findtext("name"), message.findtext("source"), message.find("translation"))
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    ]
    assert len(messages) > 200
    stale = [
        (name, source)
        for name, source, translation in messages
        if translation.get("type") is None and translator.translate(name, source) != translation.text
    ]
    assert stale == []
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"  # nothing leaks without the fixture
