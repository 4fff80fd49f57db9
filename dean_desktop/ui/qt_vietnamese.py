"""Vietnamese for the words Qt itself shows: text-field menus, standard buttons, print preview, file dialogs.

Qt ships no Vietnamese translation, so the project carries ``resources/i18n/qtbase_vi.ts`` and its compiled
``qtbase_vi.qm`` (rebuild with ``pyside6-lrelease resources/i18n/qtbase_vi.ts``; a test checks the two agree).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ..paths import resource_dir

VIETNAMESE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def qt_translation_path() -> Path:
    return resource_dir() / "i18n" / "qtbase_vi.qm"


def install_vietnamese(app: QCoreApplication) -> QTranslator | None:
    """Make Vietnamese the default locale and load Qt's Vietnamese words; None if the file is missing.

    The translator is parented to the application so it lives as long as the application does.
    """
    QLocale.setDefault(VIETNAMESE)
    translator = QTranslator(app)
    if not translator.load(str(qt_translation_path())):
        translator.deleteLater()
        return None  # English Qt words are a cosmetic loss, not a reason to refuse to start
    app.installTranslator(translator)
    return translator
