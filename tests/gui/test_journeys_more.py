"""More journeys through the real window, driven as a person drives it (see test_journeys.py):
related stories picked in the panel and found on the live page, a subeditor editing on another
profile while the writer types, and the dock tab in front after a restart.
"""

from __future__ import annotations

from typing import Any

from journeys import WAIT_MS, menu_action, open_window, ready_story
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar
from pytestqt.qtbot import QtBot

from workstation.paths import DataDir


def _dock_tab(window: Any, title: str) -> tuple[QTabBar, int]:
    """The tab called `title` in the window's bar of tabbed docks, as a person sees it."""
    for bar in window.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for index in range(bar.count()):
            if bar.tabText(index).replace("&", "") == title:
                return bar, index
    raise AssertionError(f"no dock tab {title!r}")


def _click_dock_tab(qtbot: QtBot, window: Any, title: str) -> None:
    bar, index = _dock_tab(window, title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def _in_front(window: Any, title: str) -> bool:
    """Whether the dock called `title` is the tab shown (tabs behind stay "visible" off-screen)."""
    bar, index = _dock_tab(window, title)
    dock = next(d for d in window.host.docks if d.windowTitle() == title)
    return bar.currentIndex() == index and not dock.widget().visibleRegion().isEmpty()


def test_the_dock_tab_in_front_comes_back_after_a_restart(qtbot: QtBot, desk: DataDir) -> None:
    ready_story(desk, "Ward closures paused for the winter")
    window, _controller = open_window(qtbot, desk)
    assert _in_front(window, "Problems") and not _in_front(window, "Comments")  # a first run
    _click_dock_tab(qtbot, window, "Comments")
    qtbot.waitUntil(lambda: _in_front(window, "Comments"), timeout=WAIT_MS)
    assert not _in_front(window, "Problems")
    outbox = menu_action(window, "View", "Outbox")
    assert outbox.isChecked()
    outbox.trigger()  # and the Outbox put away
    assert window.features["publishing"].panel.isHidden() or not outbox.isChecked()
    menu_action(window, "File", "Quit").trigger()
    assert not window.isVisible()

    again, _controller = open_window(qtbot, desk)
    try:
        qtbot.waitUntil(lambda: _in_front(again, "Comments"), timeout=WAIT_MS)
        for title in ("Problems", "Related articles", "Inbox"):
            assert not _in_front(again, title), title
        assert not menu_action(again, "View", "Outbox").isChecked()
        assert not again.features["publishing"].panel.isVisible()
    finally:
        again.close()
