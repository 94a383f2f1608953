"""The editor's context menu with a finding's suggestions (and 'Add to dictionary') on top."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from workstation.domain.style import Finding

MAX_FINDINGS = 3
MAX_SUGGESTIONS = 4


def _tr(text: str) -> str:
    return QCoreApplication.translate("StyleChecker", text)


def suggestion_menu(
    editor: QPlainTextEdit, found: list[Finding], word_of: Callable[[Finding], str]
) -> QMenu:
    """The editor's standard menu with, on top, each finding's message (disabled), its
    suggestions and, for spelling, 'Add to dictionary'. Each added action's data is
    (finding, suggestion), with suggestion None for 'Add to dictionary'."""
    menu = editor.createStandardContextMenu()
    mine: list[QAction] = []
    for finding in found[:MAX_FINDINGS]:
        title = QAction(finding.message, menu)
        title.setEnabled(False)
        mine.append(title)
        if finding.fix is not None:
            for suggestion in finding.suggestions[:MAX_SUGGESTIONS]:
                action = QAction(suggestion or _tr("Delete"), menu)
                action.setData((finding, suggestion))
                mine.append(action)
        if finding.kind == "spelling":
            add = QAction(_tr("Add ‘{0}’ to dictionary").format(word_of(finding)), menu)
            add.setData((finding, None))
            mine.append(add)
    existing = menu.actions()
    if existing:
        menu.insertActions(existing[0], mine)
        menu.insertSeparator(existing[0])
    else:
        menu.addActions(mine)
    return menu
