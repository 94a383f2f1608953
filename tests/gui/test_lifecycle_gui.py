"""A story's life after publish in the real window, against a real service: republishing a
live story asks what it is (a correction needs its note), taking down asks why; the reader
site shows the result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import extruct
import httpx
from bs4 import BeautifulSoup
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QTabBar
from pytestqt.qtbot import QtBot
from test_publish_gui import _home, _open_window, service  # noqa: F401  (fixture)


def _action(window: Any, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def _bring_dock_to_front(qtbot: QtBot, window: Any, title: str) -> None:
    """Click the dock's tab, as a person would, and wait until it is the one shown."""
    for bar in window.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for index in range(bar.count()):
            if bar.tabText(index).replace("&", "") == title:
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
                shown = next(d for d in window.host.docks if d.windowTitle() == title).widget()
                qtbot.waitUntil(lambda w=shown: not w.visibleRegion().isEmpty())
                return
    raise AssertionError(f"no dock tab {title!r}")


def _publish_by_click(qtbot: QtBot, window: Any, controller: Any) -> str:
    """Publish › Publish triggered as a person does; the live URL the window reports."""
    with qtbot.waitSignal(controller.sig_published, timeout=30_000) as published:
        _action(window, "publishAction").trigger()
    return str(published.args[0])


def _ok(dialog: Any) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_republishing_a_live_story_asks_and_a_correction_needs_its_note(
    qtbot: QtBot,
    tmp_path: Path,
    service: tuple[str, str],  # noqa: F811
) -> None:
    window, controller = _open_window(qtbot, _home(tmp_path, True, *service))
    try:
        url = _publish_by_click(qtbot, window, controller)
        qtbot.waitUntil(lambda: controller.state is not None and controller.state.is_live)

        _action(window, "publishAction").trigger()
        dialog = controller.republish_dialog
        assert dialog is not None and dialog.isVisible()
        qtbot.mouseClick(dialog.correction, Qt.MouseButton.LeftButton)
        _ok(dialog)  # no note yet: the dialog says so and stays
        assert dialog.isVisible()
        assert "needs a note" in dialog.message.text()
        note = "An earlier version said every board must report monthly. It is yearly."
        qtbot.keyClicks(dialog.note_edit, note)
        with qtbot.waitSignal(controller.sig_published, timeout=30_000):
            _ok(dialog)
        assert not dialog.isVisible()

        page = httpx.get(url)
        footnote = BeautifulSoup(page.text, "html.parser").select_one(".corrections .correction")
        assert footnote is not None
        assert footnote.get_text(" ", strip=True).startswith("Correction, ")
        assert "It is yearly." in footnote.get_text()
        data = extruct.extract(page.text, base_url=url, syntaxes=["json-ld"])["json-ld"]
        article = next(item for item in data if item.get("@type") == "NewsArticle")
        assert "It is yearly." in article["correction"][0]["text"]
    finally:
        window.close()


def test_take_down_asks_why_and_the_window_says_taken_down(
    qtbot: QtBot,
    tmp_path: Path,
    service: tuple[str, str],  # noqa: F811
) -> None:
    window, controller = _open_window(qtbot, _home(tmp_path, True, *service))
    try:
        url = _publish_by_click(qtbot, window, controller)
        site = service[0]
        assert url.removeprefix(site) in httpx.get(site + "/").text

        _action(window, "takedownAction").trigger()
        dialog = controller.takedown_dialog
        assert dialog is not None and dialog.isVisible()
        _ok(dialog)
        assert dialog.isVisible() and "Say why" in dialog.message.text()
        qtbot.keyClicks(dialog.reason_edit, "Legal: contested by the trust")
        with qtbot.waitSignal(controller.sig_published, timeout=30_000):
            _ok(dialog)
        qtbot.waitUntil(lambda: "Taken down" in controller.link.text(), timeout=10_000)
        page = httpx.get(url)
        assert page.status_code == 410 and "removed" in page.text
        assert url.removeprefix(site) not in httpx.get(site + "/").text
        assert url.removeprefix(site) not in httpx.get(site + "/sitemap.xml").text

        _action(window, "publishAction").trigger()  # back up only with a publisher's note
        again = controller.republish_dialog
        assert again is not None and again.isVisible()
        _ok(again)
        assert again.isVisible() and "publisher’s note" in again.message.text()
        qtbot.keyClicks(again.note_edit, "Cleared by the lawyers")
        with qtbot.waitSignal(controller.sig_published, timeout=30_000):
            _ok(again)
        assert httpx.get(url).status_code == 200
    finally:
        window.close()


def _rows(table: Any) -> list[list[str]]:
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_history_dock_shows_the_trail(
    qtbot: QtBot,
    tmp_path: Path,
    service: tuple[str, str],  # noqa: F811
) -> None:
    window, controller = _open_window(qtbot, _home(tmp_path, True, *service))
    try:
        qtbot.waitUntil(lambda: "history" in window.features, timeout=30_000)
        panel = window.features["history"].panel
        _bring_dock_to_front(qtbot, window, "History")
        with qtbot.waitSignal(controller.sig_published, timeout=30_000):
            _action(window, "publishAction").trigger()
        _action(window, "takedownAction").trigger()
        qtbot.keyClicks(controller.takedown_dialog.reason_edit, "Legal hold")
        with qtbot.waitSignal(controller.sig_published, timeout=30_000):
            _ok(controller.takedown_dialog)
        qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(_rows(panel.table)) == 2, timeout=10_000)
        rows = _rows(panel.table)
        assert rows[0][1] == "desk" and rows[0][2].startswith("publish")
        assert rows[1][2].startswith("takedown") and rows[1][4] == "Legal hold"
    finally:
        window.close()


def test_the_history_dock_alone_on_a_fake_host(
    qtbot: QtBot,
    tmp_path: Path,
    service: tuple[str, str],  # noqa: F811
) -> None:
    """Built alone: with no account it says why there is no trail; with one, Refresh shows
    the service's trail of the open story."""
    from fake_host import FakeDocument, make_host

    from workstation.gui.history_panel import attach_history
    from workstation.paths import DataDir
    from workstation.usecases import publishing
    from workstation.usecases.articles import create_article
    from workstation.usecases.workspace import open_workspace

    workspace = open_workspace(DataDir(tmp_path / "alone"))
    article = create_article(
        workspace.db, "Trust fined", "Fined.", ["Staff reporter"], "Fined £2m.", "Finance"
    )
    host = make_host(workspace, tmp_path / "host", FakeDocument(article))
    qtbot.addWidget(host.dialog_parent())
    try:
        history = attach_history(host)
        assert attach_history(host) is history
        qtbot.mouseClick(history.panel.refresh_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "no account" in history.panel.message.text(), timeout=10_000)

        publishing.add_account(workspace.db, "newsroom", *service, check=False)
        job = publishing.publish(workspace.db, article.id)
        assert publishing.send_and_wait(workspace.db, job.id, 30).job.state.value == "done"
        with qtbot.waitSignal(history.sig_loaded, timeout=10_000):
            qtbot.mouseClick(history.panel.refresh_button, Qt.MouseButton.LeftButton)
        assert [row[2] for row in _rows(history.panel.table)] == ["publish (draft → published)"]
    finally:
        host.tasks.shutdown()
        workspace.close()


def test_the_legal_dock_flags_and_a_signer_signs_off(
    qtbot: QtBot,
    tmp_path: Path,
    service: tuple[str, str],  # noqa: F811
) -> None:
    """Flag defamation in the Legal dock: the republish fails with the service's reason until
    the signer (here the desk's own user, named by the site) signs off; then it goes."""
    from workstation.service import legal
    from workstation.service.db import open_service_database, sqlite_url_for

    window, controller = _open_window(qtbot, _home(tmp_path, True, *service))
    try:
        qtbot.waitUntil(lambda: "legal" in window.features, timeout=30_000)
        dock = window.features["legal"]
        url = _publish_by_click(qtbot, window, controller)

        _bring_dock_to_front(qtbot, window, "Legal")

        def no_flags() -> None:
            assert dock.panel.state_label.text() == "No legal flags."

        qtbot.waitUntil(no_flags, timeout=15_000)
        box = dock.panel.boxes["defamation"]
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        assert box.isChecked()
        with qtbot.waitSignal(dock.sig_loaded, timeout=10_000):
            qtbot.mouseClick(dock.panel.save_button, Qt.MouseButton.LeftButton)
        assert "Needs a legal sign-off" in dock.panel.state_label.text()

        _action(window, "publishAction").trigger()
        with qtbot.waitSignal(controller.sig_publish_failed, timeout=30_000) as failed:
            _ok(controller.republish_dialog)  # an update
        assert "legal sign-off" in failed.args[0]

        qtbot.keyClicks(dock.panel.note_edit, "Quotes checked")
        qtbot.mouseClick(dock.panel.sign_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "not one of" in dock.panel.state_label.text(), timeout=10_000)
        # The admin names the desk's user as the site's signer (the fixture's service database).
        db = open_service_database(sqlite_url_for(tmp_path / "svc"))
        with db.session() as session:
            legal.set_signers(session, ["desk"])
        db.close()
        with qtbot.waitSignal(dock.sig_loaded, timeout=10_000):
            qtbot.mouseClick(dock.panel.sign_button, Qt.MouseButton.LeftButton)
        assert "Signed off by desk" in dock.panel.state_label.text()

        _action(window, "publishAction").trigger()
        with qtbot.waitSignal(controller.sig_published, timeout=30_000):
            _ok(controller.republish_dialog)
        assert httpx.get(url).status_code == 200
    finally:
        window.close()
