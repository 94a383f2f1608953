"""Trigger every action in the menus, with a story open and with none: no exception, no error
text in the status bar, no error logged. Dialogs that open are answered by closing them."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from journeys import WAIT_MS
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from workstation.paths import DataDir
from workstation.store.db import open_database
from workstation.store.repository import ArticleRepository
from workstation.usecases.articles import LAST_OPEN_KEY, create_article
from workstation.usecases.demo import DEMO_LOADED_KEY

SKIP = {"Quit"}  # closes the window: checked on its own below
BAD_WORDS = ("error", "traceback", "exception", "has no attribute", "tzinfo", "cannot")


def _all_actions(
    menu_actions: list[QAction], path: tuple[str, ...] = ()
) -> Iterator[tuple[str, QAction]]:
    for action in menu_actions:
        if action.isSeparator():
            continue
        name = action.text().replace("&", "")
        sub = action.menu()
        if isinstance(sub, QMenu):
            sub.aboutToShow.emit()  # menus that fill themselves on opening (Recent articles)
            yield from _all_actions(sub.actions(), (*path, name))
        else:
            yield " › ".join((*path, name)), action


class DialogCloser:
    """Answers whatever dialog an action opens, modal or not, the way Escape would."""

    def __init__(self) -> None:
        self.closed: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(50)
        self._timer.timeout.connect(self.close_all)
        self._timer.start()

    def close_all(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, (QDialog, QMessageBox)) and widget.isVisible():
                self.closed.append(widget.windowTitle())
                widget.reject()
            elif isinstance(widget, QMenu) and widget.isVisible():
                widget.close()

    def stop(self) -> None:
        self._timer.stop()
        self.close_all()


def _home(root: Path, with_story: bool) -> DataDir:
    data = DataDir(root).ensure()
    db = open_database(data.database)
    with db.session() as session:
        ArticleRepository(session).set_state(DEMO_LOADED_KEY, "skipped-in-tests")
    if with_story:
        article = create_article(
            db, "Pharmacies to offer blood pressure checks", "Checks start in May.",
            ["Staff reporter"], "The scheme covers every county.", "Primary care",
        )  # fmt: skip
        with db.session() as session:
            ArticleRepository(session).set_state(LAST_OPEN_KEY, article.id)
    db.close()
    return data


@pytest.mark.parametrize("with_story", [True, False], ids=["story-open", "no-story"])
def test_every_menu_action_works(
    qtbot: QtBot, data_home: Path, with_story: bool, caplog: pytest.LogCaptureFixture
) -> None:
    from workstation.gui.main_window import MainWindow

    caplog.set_level(logging.ERROR, logger="workstation")
    window: Any = MainWindow(_home(data_home, with_story))
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: "publishing" in window.features, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=WAIT_MS)
    if with_story:
        qtbot.waitUntil(lambda: window.current_article() is not None, timeout=WAIT_MS)
    closer = DialogCloser()
    messages: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: messages.append(text))
    triggered: list[str] = []
    try:
        for name, action in list(_all_actions(window.menuBar().actions())):
            if name.split(" › ")[-1] in SKIP or not action.isEnabled():
                continue
            if not shiboken6.isValid(action):
                continue  # a menu that rebuilt itself (Recent articles) dropped it
            action.trigger()
            if shiboken6.isValid(action) and action.isCheckable():
                action.trigger()  # put a toggle back
            qtbot.wait(30)
            closer.close_all()
            triggered.append(name)
        qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=WAIT_MS)
    finally:
        closer.stop()
    assert len(triggered) > 30, triggered
    bad = [m for m in messages if any(word in m.lower() for word in BAD_WORDS)]
    assert not bad, bad
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, errors
    quit_action = next(a for n, a in _all_actions(window.menuBar().actions()) if n.endswith("Quit"))
    quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
