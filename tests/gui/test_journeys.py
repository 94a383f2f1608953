"""Journeys through the real window, driven as a person drives it: keys, menu actions, dialogs.

Each ends on what a person would check: the status line, the live page over HTTP, the outbox,
`workstation show --json` from another process. A real upload service runs on loopback.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from journeys import (
    BODY,
    WAIT_MS,
    activate,
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
)
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from workstation.domain.article import Status
from workstation.paths import DataDir
from workstation.store.db import open_database
from workstation.store.repository import ArticleRepository
from workstation.usecases.articles import LAST_OPEN_KEY, create_article
from workstation.usecases.demo import DEMO_LOADED_KEY


def test_write_a_story_from_ctrl_n_to_a_live_url(qtbot: QtBot, desk: DataDir) -> None:
    window, controller = open_window(qtbot, desk)
    try:
        press(window.editor, "Ctrl+N")
        qtbot.waitUntil(lambda: window.current_article() is not None, timeout=WAIT_MS)
        assert window.form.headline_edit.hasFocus()
        type_story(
            window, "Councils get a new duty on care homes",
            "Inspections will be published every year.", "Staff reporter", "Workforce", BODY,
        )  # fmt: skip
        press(window.editor, "Ctrl+Shift+P")
        qtbot.waitUntil(lambda: "Live at" in controller.link.text(), timeout=WAIT_MS)
        url = live_url(controller)
        page = httpx.get(url)
        assert page.status_code == 200 and "Councils get a new duty on care homes" in page.text
        article_id = window.current_article().id
        assert "error" not in window.statusBar().currentMessage().lower()
    finally:
        window.close()
    shown = show_json(desk, article_id)
    assert shown["status"] == "published"
    assert "Work starts in the spring." in shown["body"]


def test_publish_menu_item_publishes_the_open_story(qtbot: QtBot, desk: DataDir) -> None:
    article_id = ready_story(desk, "Trusts must publish equality data")
    window, controller = open_window(qtbot, desk)
    try:
        menu_action(window, "Publish", "Publish").trigger()
        qtbot.waitUntil(lambda: "Live at" in controller.link.text(), timeout=WAIT_MS)
        assert httpx.get(live_url(controller)).status_code == 200
        assert "tzinfo" not in window.statusBar().currentMessage()
    finally:
        window.close()
    assert show_json(desk, article_id)["status"] == "published"


def test_schedule_then_see_it_go_live_in_the_window(
    qtbot: QtBot, desk: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("workstation.gui.publish_controller.FOLLOW_SCHEDULED_MS", 300)
    article_id = ready_story(desk, "Hospital car parks to stay free for staff")
    window, controller = open_window(qtbot, desk)
    try:
        menu_action(window, "Publish", "Schedule…").trigger()
        dialog = controller.schedule_dialog
        qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
        assert dialog.zone_label.text().endswith(("GMT", "BST"))  # the newsroom's zone, shown
        soon = datetime.now(UTC) + timedelta(seconds=3)
        dialog.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(soon.timestamp()) + 1))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: "Scheduled for" in controller.link.text(), timeout=WAIT_MS)
        assert window.status_label.text() == "Scheduled"
        qtbot.waitUntil(lambda: "Live at" in controller.link.text(), timeout=WAIT_MS)
        assert window.status_label.text() == "Published"
        assert httpx.get(live_url(controller)).status_code == 200
    finally:
        window.close()
    assert show_json(desk, article_id)["status"] == "published"


def test_publish_from_the_cli_while_the_window_is_open_then_keep_typing(
    qtbot: QtBot, desk: DataDir
) -> None:
    article_id = ready_story(desk, "Ambulance waits fall for a third month")
    window, controller = open_window(qtbot, desk)
    try:
        done = cli(desk, "publish", article_id, "--wait", "--timeout", "60")
        assert done.returncode == 0, done.stderr
        qtbot.waitUntil(lambda: window.status_label.text() == "Published", timeout=WAIT_MS)
        qtbot.waitUntil(lambda: "Live at" in controller.link.text(), timeout=WAIT_MS)
        type_into(window.editor, "\n\nA late paragraph.")
        with qtbot.waitSignal(window.autosaver.sig_saved, timeout=WAIT_MS):
            pass
    finally:
        window.close()
    shown = show_json(desk, article_id)
    assert shown["status"] == "published"  # the autosave kept the store's status
    assert "A late paragraph." in shown["body"]


def test_a_status_set_elsewhere_is_never_overwritten(qtbot: QtBot, desk: DataDir) -> None:
    article_id = ready_story(desk, "Dentists back the new contract")
    window, _controller = open_window(qtbot, desk)
    try:
        assert cli(desk, "submit", article_id).returncode == 0
        qtbot.waitUntil(lambda: window.status_label.text() == "Submitted", timeout=WAIT_MS)
        type_into(window.editor, " More.")
        with qtbot.waitSignal(window.autosaver.sig_saved, timeout=WAIT_MS):
            pass
        assert window.current_article().status is Status.SUBMITTED
    finally:
        window.close()
    assert show_json(desk, article_id)["status"] == "submitted"


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """A desktop without Secret Service: keyring's own `fail` backend, the real one."""
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_no_keyring_then_an_account_in_settings_then_publish(
    qtbot: QtBot, data_home: Path, no_keyring: None
) -> None:
    from workstation.gui.settings_dialog import SettingsDialog

    data = DataDir(data_home).ensure()
    article_id = ready_story(data, "Midwives win a new training fund")
    db = open_database(data.database)
    with db.session() as session:
        ArticleRepository(session).set_state(DEMO_LOADED_KEY, "skipped-in-tests")
    db.close()
    from workstation.gui.main_window import MainWindow

    window: Any = MainWindow(data)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: "publishing" in window.features, timeout=WAIT_MS)
    controller = window.features["publishing"]
    qtbot.waitUntil(lambda: "Publishing is off" in controller.link.text(), timeout=WAIT_MS)
    try:
        menu_action(window, "Publish", "Accounts…").trigger()
        dialog = next(d for d in window.findChildren(SettingsDialog) if d.isVisible())
        page = dialog.page("accounts")
        assert dialog.tabs.currentWidget() is page
        qtbot.waitUntil(lambda: "No secure keyring" in page.warning.text(), timeout=WAIT_MS)
        assert page.plaintext.isVisible() and not page.plaintext.isChecked()
        page.plaintext.click()  # the opt-in asks first, with its warning
        warning = page.confirm
        qtbot.waitUntil(lambda: warning is not None and warning.isVisible(), timeout=WAIT_MS)
        assert "NOT encrypted" in warning.text()
        warning.button(warning.StandardButton.Yes).click()
        qtbot.waitUntil(lambda: "unencrypted file" in page.storage.text(), timeout=WAIT_MS)
        dialog.accept()
        qtbot.waitUntil(lambda: controller.worker is not None, timeout=WAIT_MS)
        activate(qtbot, window)
        press(window.editor, "Ctrl+Shift+P")
        qtbot.waitUntil(lambda: "Live at" in controller.link.text(), timeout=WAIT_MS)
        assert httpx.get(live_url(controller)).status_code == 200
    finally:
        window.close()
    assert show_json(data, article_id)["status"] == "published"
    secrets_file = data.root / "secrets-plaintext.json"
    assert secrets_file.stat().st_mode & 0o777 == 0o600
    token = next(iter(__import__("json").loads(secrets_file.read_text()).values()))
    for path in data.root.rglob("*"):  # the token is in that one file only
        if path.is_file() and path != secrets_file:
            assert token.encode() not in path.read_bytes(), path


def test_headline_and_standfirst_show_their_house_limits(qtbot: QtBot, desk: DataDir) -> None:
    ready_story(desk, "Short headline")
    window, _controller = open_window(qtbot, desk)
    try:
        form = window.form
        assert form.headline_count.text() == f"{len('Short headline')}/120"
        form.headline_edit.selectAll()
        type_into(form.headline_edit, "x" * 125)
        assert form.headline_count.text() == "125/120"
        assert "5 characters over" in form.headline_count.toolTip()
        type_into(form.standfirst_edit, " More")
        assert form.standfirst_count.text().endswith("/400")
    finally:
        window.close()


FLAWED_BODY = (
    'The NHS said 5 trusts had "no plan at all" for the winter.\n\n'
    '"We are ready," said one finance director. The organization will report on 3/4/2027.'
)


def test_fix_every_house_style_finding_through_the_problems_panel(
    qtbot: QtBot, desk: DataDir
) -> None:
    db = open_database(desk.database)
    article = create_article(
        db,
        "Trusts told to cut agency spending by 10 percent",
        "Boards have until March to show how they will cut the bill for temporary staff.",
        ["Staff reporter"],
        FLAWED_BODY,
        "Workforce",
    )
    with db.session() as session:
        ArticleRepository(session).set_state(LAST_OPEN_KEY, article.id)
    db.close()
    window, _controller = open_window(qtbot, desk)
    checker = window.features["style"]
    panel = checker.panel

    def rules() -> list[str]:
        return [f.rule for f in checker.findings]

    try:
        qtbot.waitUntil(lambda: "percent-headline" in rules(), timeout=WAIT_MS)
        # The error first: click its row, then Fix.
        click_row(qtbot, panel.view, rules().index("percent-headline"))
        assert panel.fix_button.isEnabled()
        with qtbot.waitSignal(checker.sig_checked, timeout=WAIT_MS):
            qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
        assert window.form.headline_edit.text() == "Trusts told to cut agency spending by 10%"
        # Every safe fix at once.
        with qtbot.waitSignal(checker.sig_checked, timeout=WAIT_MS):
            qtbot.mouseClick(panel.fix_all_button, Qt.MouseButton.LeftButton)
        # The ambiguous date has no safe fix: clicking it selects it in the text; type over it.
        qtbot.waitUntil(lambda: rules() == ["date-format"], timeout=WAIT_MS)
        click_row(qtbot, panel.view, 0)
        assert window.editor.textCursor().selectedText() == "3/4/2027"
        QTest.keyClicks(window.editor, "3 April 2027")
        qtbot.waitUntil(lambda: rules() == [], timeout=WAIT_MS)
    finally:
        window.close()  # closing saves what was typed
    body = show_json(desk, article.id)["body"]
    assert body == (
        "The NHS said five trusts had ‘no plan at all’ for the winter.\n\n"
        "‘We are ready,’ said one finance director. The organisation will report on 3 April 2027."
    )
    linted = cli(desk, "lint", article.id, "--json")
    assert linted.returncode == 0, linted.stdout + linted.stderr
