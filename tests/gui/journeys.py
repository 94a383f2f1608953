"""Helpers for the journey tests: a real service, a real window, keys and menu actions."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from workstation.paths import DataDir
from workstation.service.auth import Role, create_token
from workstation.service.db import open_service_database
from workstation.store.db import open_database
from workstation.store.repository import ArticleRepository
from workstation.usecases import publishing
from workstation.usecases.articles import LAST_OPEN_KEY, create_article
from workstation.usecases.demo import DEMO_LOADED_KEY

WAIT_MS = 30_000
BODY = "The council approved the plan on Tuesday.\n\nWork starts in the spring."


@dataclass
class JourneyService:
    """The real upload service the journeys publish to, and a publisher's token on it."""

    url: str
    token: str
    database_url: str

    def new_token(self, user: str, role: Role) -> str:
        db = open_service_database(self.database_url)
        try:
            with db.session() as session:
                return create_token(session, user, role)
        finally:
            db.close()


def workstation_profile(root: Path, url: str, token: str) -> DataDir:
    """A workstation's data dir (no demo archive) with an account "newsroom" on the service."""
    data = DataDir(root).ensure()
    db = open_database(data.database)
    with db.session() as session:
        ArticleRepository(session).set_state(DEMO_LOADED_KEY, "skipped-in-tests")
    publishing.add_account(db, "newsroom", url, token, check=False)
    db.close()
    return data


def ready_story(data: DataDir, headline: str, body: str = BODY) -> str:
    """A story ready to publish, the one the window opens next."""
    db = open_database(data.database)
    article = create_article(
        db, headline, "Councils will publish the figures.", ["Staff reporter"], body, "Workforce"
    )
    with db.session() as session:
        ArticleRepository(session).set_state(LAST_OPEN_KEY, article.id)
    db.close()
    return article.id


def open_window(qtbot: QtBot, data: DataDir) -> tuple[Any, Any]:
    """The main window on `data`, shown and started, publishing ready: (window, controller)."""
    from workstation.gui.main_window import MainWindow

    window = MainWindow(data)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: "publishing" in window.features, timeout=WAIT_MS)
    controller = window.features["publishing"]
    qtbot.waitUntil(lambda: controller.worker is not None, timeout=WAIT_MS)
    activate(qtbot, window)
    return window, controller


def live_url(controller: Any) -> str:
    """The URL in the window's "Live at …" line."""
    found = re.search(r'href="([^"]+)"', controller.link.text())
    assert found, controller.link.text()
    return found.group(1)


def menu_action(window: Any, *path: str) -> QAction:
    """The action at e.g. File › New article, found by its visible text as a person finds it."""
    actions = window.menuBar().actions()
    found: QAction | None = None
    for depth, name in enumerate(path):
        found = next((a for a in actions if a.text().replace("&", "") == name), None)
        assert found is not None, f"no menu item {' › '.join(path[: depth + 1])}"
        menu = found.menu()
        if isinstance(menu, QMenu):
            actions = menu.actions()
    assert found is not None
    return found


def press(widget: QWidget, sequence: str) -> None:
    """Press a shortcut like a person: the key event goes to the focused widget's window."""
    keys = QKeySequence(sequence)
    combo = keys[0]
    QTest.keyClick(widget, combo.key(), combo.keyboardModifiers())


def type_into(widget: QWidget, text: str) -> None:
    """Type `text` key by key into `widget` (a new line is the Return key)."""
    widget.setFocus()
    for number, line in enumerate(text.split("\n")):
        if number:
            QTest.keyClick(widget, Qt.Key.Key_Return)
        if line:
            QTest.keyClicks(widget, line)


def activate(qtbot: QtBot, window: Any) -> None:
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)


def cli(data: DataDir, *args: str) -> subprocess.CompletedProcess[str]:
    """The real `workstation` command on the window's data dir (another process)."""
    script = Path(sys.executable).with_name("workstation")
    env = {**os.environ, "WORKSTATION_HOME": str(data.root)}
    return subprocess.run(
        [str(script), *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def show_json(data: DataDir, article_id: str) -> dict[str, Any]:
    done = cli(data, "show", article_id, "--json")
    assert done.returncode == 0, done.stderr
    loaded: dict[str, Any] = json.loads(done.stdout)
    return loaded


def click_row(qtbot: QtBot, view: Any, row: int, double: bool = False) -> None:
    """Click (or double-click) a row of a list or table view where a person would: the middle
    of its first cell."""
    index = view.model().index(row, 0)
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    if double:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def key_enter(widget: QWidget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Return)


def type_story(
    window: Any, headline: str, standfirst: str, byline: str, section: str, body: str
) -> None:
    """Type a whole story into the form and the editor, field by field, as a writer does."""
    type_into(window.form.headline_edit, headline)
    type_into(window.form.standfirst_edit, standfirst)
    type_into(window.form.byline_edit, byline)
    line = window.form.section_box.lineEdit()
    line.selectAll()
    type_into(line, section)
    type_into(window.editor, body)
