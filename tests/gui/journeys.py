"""Helpers for the journey tests: a real service, a real window, keys and menu actions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from workstation.paths import DataDir

WAIT_MS = 30_000


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


def key_enter(widget: QWidget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Return)
