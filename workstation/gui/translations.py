"""Load the interface translation for the system locale (and Qt's own) with QTranslators."""

from __future__ import annotations

import contextlib
import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from workstation.paths import resource

log = logging.getLogger(__name__)
DOMAIN = "workstation"


def install_translators(
    app: QApplication, locale: QLocale | None = None, folder: Path | None = None
) -> list[QTranslator]:
    """Install ours (resources/translations/workstation_<lang>.qm, or in `folder`) and Qt's.

    Returns the translators that loaded (the caller keeps them alive). A missing .qm is normal:
    the source strings are British English.
    """
    locale = locale or QLocale.system()
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    with contextlib.ExitStack() as stack:
        path = folder
        if path is None:
            try:
                path = stack.enter_context(resources.as_file(resource("translations")))
            except (FileNotFoundError, ModuleNotFoundError):
                path = None
        if path is not None and ours.load(locale, DOMAIN, "_", str(path)):
            app.installTranslator(ours)
            installed.append(ours)
            log.info("interface translation %s loaded", ours.filePath())
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
