"""The Help menu (shortcuts, diagnostics, About), kept last on the menu bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

if TYPE_CHECKING:
    from workstation.gui.main_window import MainWindow


class HelpMenu(QObject):
    """Builds the menu; when a feature adds a menu later (Publish), moves Help back to the end."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        tr = window.tr
        bar = window.menuBar()
        self.menu = QMenu(tr("&Help"), window)
        self.menu.setObjectName("helpMenu")
        shortcuts = self.menu.addAction(tr("&Keyboard shortcuts…"), self.show_shortcuts)
        shortcuts.setShortcut(QKeySequence("Ctrl+/"))
        self.menu.addAction(tr("Copy &diagnostics…"), self.show_diagnostics)
        self.menu.addSeparator()
        self.menu.addAction(tr("&About Editorial Workstation"), self.show_about)
        bar.addMenu(self.menu)
        bar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ActionAdded and isinstance(watched, QMenuBar):
            help_action = self.menu.menuAction()
            actions = watched.actions()
            if actions and actions[-1] is not help_action:
                watched.removeAction(help_action)
                watched.addAction(help_action)
        return False

    def show_shortcuts(self) -> None:
        from workstation.gui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self._window).open()

    def show_diagnostics(self) -> None:
        from workstation.gui.diagnostics import show_diagnostics

        show_diagnostics(self._window)

    def show_about(self) -> None:
        from workstation.gui.about_dialog import AboutDialog

        AboutDialog(self._window).open()
