"""The window to WordPress as a person goes: Publish › Accounts…, Add…, WordPress site, the
user and Application Password typed, Test connection, then Ctrl+Shift+P and the live post."""

from __future__ import annotations

from typing import Any

import httpx
from journeys import (
    WAIT_MS,
    activate,
    live_url,
    menu_action,
    open_window,
    press,
    ready_story,
    show_json,
    type_into,
)
from pytestqt.qtbot import QtBot
from wordpress_peer import WordPressSite

from workstation.paths import DataDir
from workstation.store.db import open_database
from workstation.store.repository import ArticleRepository
from workstation.usecases.demo import DEMO_LOADED_KEY


def test_add_a_wordpress_account_in_settings_then_publish_with_one_click(
    qtbot: QtBot, data_home: Any, wordpress: WordPressSite
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from workstation.gui.publish_widgets import AccountDialog
    from workstation.gui.settings_dialog import SettingsDialog

    data = DataDir(data_home).ensure()
    article_id = ready_story(data, "Dental contract talks collapse")
    db = open_database(data.database)
    with db.session() as session:
        ArticleRepository(session).set_state(DEMO_LOADED_KEY, "skipped-in-tests")
    db.close()
    window, controller = open_window(qtbot, data)
    try:
        menu_action(window, "Publish", "Accounts…").trigger()
        settings = next(d for d in window.findChildren(SettingsDialog) if d.isVisible())
        page = settings.page("accounts")
        page.add_button.click()
        dialog = next(d for d in window.findChildren(AccountDialog) if d.isVisible())
        assert not dialog.user.isVisible()  # an upload service needs no user name
        dialog.kind.setFocus()
        press(dialog.kind, "Down")  # Upload service -> WordPress site
        assert dialog.kind.currentData() == "wordpress"
        assert dialog.user.isVisible() and "Application Password" in dialog.token_label.text()
        dialog.name.selectAll()
        type_into(dialog.name, "trade-site")
        type_into(dialog.url, wordpress.url)
        type_into(dialog.user, wordpress.user)
        type_into(dialog.token, "wrong wrong wrong wrong wrong wrong")
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.click()
        qtbot.waitUntil(
            lambda: "refused the user name or Application Password" in dialog.problem.text(),
            timeout=WAIT_MS,
        )
        dialog.token.clear()
        type_into(dialog.token, wordpress.app_password)
        save.click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: "trade-site" in page.selected(), timeout=WAIT_MS)
        assert "(WordPress)" in page.list.currentItem().text()
        page.test_button.click()
        qtbot.waitUntil(lambda: "may publish" in page.result.text(), timeout=WAIT_MS)
        settings.accept()
        activate(qtbot, window)
        press(window.editor, "Ctrl+Shift+P")
        qtbot.waitUntil(lambda: "Live at" in controller.link.text(), timeout=WAIT_MS)
        url = live_url(controller)
        assert url.startswith(wordpress.url + "/dental-contract-talks-collapse")
        page_html = httpx.get(url, timeout=30)
        assert page_html.status_code == 200 and "Dental contract talks collapse" in page_html.text
    finally:
        window.close()
    assert show_json(data, article_id)["status"] == "published"
    for path in data.root.rglob("*"):  # the password is in the keyring only
        if path.is_file():
            assert wordpress.app_password.encode() not in path.read_bytes(), path
