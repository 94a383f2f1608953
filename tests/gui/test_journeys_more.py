"""More journeys through the real window, driven as a person drives it (see test_journeys.py):
related stories picked in the panel and found on the live page, a subeditor editing on another
profile while the writer types, and the dock tab in front after a restart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from bs4 import BeautifulSoup
from conftest_preview import run_js
from journeys import (
    WAIT_MS,
    JourneyService,
    cli,
    click_row,
    live_url,
    menu_action,
    open_window,
    press,
    ready_story,
    show_json,
    type_into,
    type_story,
    workstation_profile,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar
from pytestqt.qtbot import QtBot

from workstation.paths import DataDir
from workstation.service.auth import Role
from workstation.store.db import open_database
from workstation.usecases.demo import load_demo


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


# A demo archive story (never published on this service) and a story this desk put live earlier.
ARCHIVED = "Northmere system forecasts £68m deficit as agency spending on staff climbs"
ARCHIVED_ID = "59ec5418-a3ab-4cad-ab19-1c0dbef8cf3e"  # resources/demo/2023-02-07-northmere-…
EARLIER = "Northmere agency bill falls for a second quarter"


def _row_with(view: Any, text: str) -> int:
    """The row of a list whose shown text holds `text` (-1 when none does)."""
    return next((r for r in range(view.count()) if text in view.item(r).text()), -1)


def _related_block(html: str) -> list[tuple[str, str | None]]:
    """The related block of a page as a reader sees it: (headline, link or None) in order."""
    region = BeautifulSoup(html, "html.parser").select_one('[data-region="related"]')
    assert region is not None, "the page has no related region"
    return [
        (item.get_text(strip=True), item.get("href"))
        for item in region.select(".related-item .related-headline")
    ]


def _preview_html(qtbot: QtBot, window: Any) -> str:
    html: str = run_js(qtbot, window.preview, "document.documentElement.outerHTML")
    return html


def test_pick_related_articles_and_find_them_on_the_live_page(qtbot: QtBot, desk: DataDir) -> None:
    db = open_database(desk.database)
    load_demo(db)  # the demo archive, as on a fresh profile's first run
    db.close()
    earlier_id = ready_story(
        desk, EARLIER, "Northmere spent less on agency nurses for a second quarter running."
    )
    done = cli(desk, "publish", earlier_id, "--wait", "--timeout", "60")
    assert done.returncode == 0, done.stderr
    earlier_url = done.stdout.strip().splitlines()[-1]  # --wait prints the live URL
    assert earlier_url.startswith("http")
    window, controller = open_window(qtbot, desk)
    panel = window.features["related"].panel
    try:
        press(window.editor, "Ctrl+N")  # the earlier story was open: a new one, empty
        qtbot.waitUntil(lambda: window.current_article().id != earlier_id, timeout=WAIT_MS)
        assert window.form.headline_edit.hasFocus() and not window.editor.toPlainText()
        type_story(
            window, "Northmere trusts cut agency staff to close the gap",
            "The deficit of the system has halved in a year.", "Staff reporter", "Finance",
            "The trusts in Northmere spent less on agency staff this winter.\n\n"
            "The integrated care board says its deficit will halve.",
        )  # fmt: skip
        _click_dock_tab(qtbot, window, "Related articles")
        qtbot.waitUntil(lambda: _in_front(window, "Related articles"), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: panel.suggestions.count() > 0, timeout=WAIT_MS)

        # The story put live earlier: search for it, select it, press Add.
        type_into(panel.search_box, "agency bill")
        qtbot.waitUntil(lambda: _row_with(panel.results, EARLIER) >= 0, timeout=WAIT_MS)
        click_row(qtbot, panel.results, _row_with(panel.results, EARLIER))
        qtbot.mouseClick(panel.add_result, Qt.MouseButton.LeftButton)
        # An archive story: search again, double-click it.
        press(panel.search_box, "Ctrl+A")
        type_into(panel.search_box, "deficit forecasts")
        qtbot.waitUntil(lambda: _row_with(panel.results, ARCHIVED) >= 0, timeout=WAIT_MS)
        click_row(qtbot, panel.results, _row_with(panel.results, ARCHIVED), double=True)
        qtbot.waitUntil(lambda: panel.chosen.count() == 2, timeout=WAIT_MS)
        assert EARLIER in panel.chosen.item(0).text() and ARCHIVED in panel.chosen.item(1).text()

        # The preview shows them: the live story linked to its page, the archive one unlinked.
        picked = [(EARLIER, earlier_url), (ARCHIVED, None)]
        qtbot.waitUntil(
            lambda: _related_block(_preview_html(qtbot, window)) == picked, timeout=WAIT_MS
        )
        menu_action(window, "Publish", "Publish").trigger()
        qtbot.waitUntil(lambda: "Live at" in controller.link.text(), timeout=WAIT_MS)
        table = controller.panel.table
        qtbot.waitUntil(lambda: table.rowCount() > 0 and table.item(0, 4).text() == "Done",
                        timeout=WAIT_MS)  # fmt: skip
        url = live_url(controller)
        assert table.item(0, 6).text() == url
        article_id = window.current_article().id
        preview = _preview_html(qtbot, window)
    finally:
        window.close()

    page = httpx.get(url)
    assert page.status_code == 200
    assert _related_block(page.text) == picked  # the live page is the preview
    live_region = BeautifulSoup(page.text, "html.parser").select_one('[data-region="related"]')
    shown_region = BeautifulSoup(preview, "html.parser").select_one('[data-region="related"]')
    assert str(live_region) == str(shown_region)
    linked = httpx.get(earlier_url)
    assert linked.status_code == 200 and EARLIER in linked.text
    shown = show_json(desk, article_id)
    assert shown["status"] == "published"
    assert shown["related"] == [earlier_id, ARCHIVED_ID]


PARAGRAPHS = (
    "The regulator said trust boards must publish equality data.\n\n"
    "It added that the data would be public from April.\n\n"
    "Unions welcomed the move."
)


@pytest.fixture
def writer_and_sub(tmp_path: Path, service: JourneyService) -> tuple[DataDir, DataDir]:
    """Two workstations on the one service: the writer (wendy) and a subeditor (sam)."""
    writer = service.new_token("wendy", Role.WRITER)
    sub = service.new_token("sam", Role.SUBEDITOR)
    return (
        workstation_profile(tmp_path / "writer", service.url, writer),
        workstation_profile(tmp_path / "sub", service.url, sub),
    )


def _edit_by_file(data: DataDir, article_id: str, old: str, new: str, folder: Path) -> None:
    """export → change the text in another editor → import, through the CLI (another process)."""
    path = folder / "subbed.md"
    done = cli(data, "export", article_id, "-o", str(path))
    assert done.returncode == 0, done.stderr
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    done = cli(data, "import", str(path))
    assert done.returncode == 0, done.stderr


def _sync(data: DataDir) -> None:
    done = cli(data, "sync")
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_sub_edits_on_another_profile_while_the_writer_types(
    qtbot: QtBot, tmp_path: Path, writer_and_sub: tuple[DataDir, DataDir]
) -> None:
    writer, sub = writer_and_sub
    article_id = ready_story(writer, "Boards must publish equality data", PARAGRAPHS)
    window, _controller = open_window(qtbot, writer)
    review = window.features["review"]
    sync_now = review.inbox.refresh
    try:
        # The window's first round sends the new story to the service.
        qtbot.waitUntil(lambda: "Online" in review.indicator.text(), timeout=WAIT_MS)
        press(window.editor, "Ctrl+End")
        type_into(window.editor, " They want more.")
        # Meanwhile the sub, on their own workstation: pull, edit paragraph one, send it back.
        _sync(sub)
        _edit_by_file(sub, article_id, "The regulator said", "The health regulator said", tmp_path)
        _sync(sub)
        type_into(window.editor, " Talks start on Monday.")

        # The writer's window syncs: the Inbox tab, Sync now; the writer types on meanwhile.
        _click_dock_tab(qtbot, window, "Inbox")
        qtbot.waitUntil(lambda: _in_front(window, "Inbox"), timeout=WAIT_MS)
        with qtbot.waitSignal(review.sig_synced, timeout=WAIT_MS):
            qtbot.mouseClick(sync_now, Qt.MouseButton.LeftButton)
            type_into(window.editor, "\n\nA late paragraph.")
        qtbot.waitUntil(
            lambda: "The health regulator said" in window.editor.toPlainText(), timeout=WAIT_MS
        )
        type_into(window.editor, " Typed after the merge.")
        expected = PARAGRAPHS.replace("The regulator said", "The health regulator said") + (
            " They want more. Talks start on Monday.\n\nA late paragraph. Typed after the merge."
        )
        assert window.editor.toPlainText() == expected
        # The merge kept the writer's undo history: Ctrl+Z takes back their own last words
        # (not the sub's edit, not the whole text), and Ctrl+Shift+Z puts them back.
        press(window.editor, "Ctrl+Z")
        assert window.editor.toPlainText() == expected.removesuffix(" Typed after the merge.")
        press(window.editor, "Ctrl+Shift+Z")
        assert window.editor.toPlainText() == expected
        # Saved, then the next round sends the merged story back to the service.
        qtbot.waitUntil(lambda: window.save_label.text().startswith("Saved"), timeout=WAIT_MS)
        with qtbot.waitSignal(review.sig_synced, timeout=WAIT_MS) as round_two:
            qtbot.mouseClick(sync_now, Qt.MouseButton.LeftButton)
        assert article_id in round_two.args[0].pushed
        assert "error" not in window.statusBar().currentMessage().lower()
    finally:
        window.close()
    assert show_json(writer, article_id)["body"] == expected
    _sync(sub)
    assert show_json(sub, article_id)["body"] == expected


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
