"""The Publish menu in the real window: checklist when not ready, live URL when published."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from workstation.paths import DataDir
from workstation.service.auth import Role, create_token
from workstation.service.config import ServiceConfig
from workstation.service.db import open_service_database, sqlite_url_for
from workstation.service.server import BackgroundServer
from workstation.store.db import open_database
from workstation.store.repository import ArticleRepository
from workstation.usecases import publishing
from workstation.usecases.articles import LAST_OPEN_KEY, create_article
from workstation.usecases.demo import DEMO_LOADED_KEY


def _home(tmp_path: Path, ready: bool, service_url: str | None, token: str | None) -> DataDir:
    data = DataDir(tmp_path / "gui-home").ensure()
    db = open_database(data.database)
    if ready:
        article = create_article(
            db,
            "Trusts must publish equality data",
            "Boards will report every year.",
            ["Staff reporter"],
            "The regulator said boards must act.",
            "Workforce",
        )
    else:
        article = create_article(db, "Only a headline so far")
    with db.session() as session:
        repo = ArticleRepository(session)
        repo.set_state(DEMO_LOADED_KEY, "skipped-in-tests")
        repo.set_state(LAST_OPEN_KEY, article.id)
    if service_url and token:
        publishing.add_account(db, "newsroom", service_url, token, check=False)
    db.close()
    return data


@pytest.fixture
def service(tmp_path: Path) -> Iterator[tuple[str, str]]:
    config = ServiceConfig(database_url=sqlite_url_for(tmp_path / "svc"))
    server = BackgroundServer(config).start()
    db = open_service_database(config.database_url)
    with db.session() as session:
        token = create_token(session, "desk", Role.PUBLISHER)
    db.close()
    yield server.url, token
    server.stop()


def _open_window(qtbot: QtBot, data: DataDir) -> tuple[Any, Any]:
    from workstation.gui.main_window import MainWindow
    from workstation.gui.publish_controller import attach_publishing

    window = MainWindow(data)
    qtbot.addWidget(window)
    window.show()
    window.start()
    if hasattr(window, "features"):  # the window attaches its features after first paint
        qtbot.waitUntil(lambda: "publishing" in window.features, timeout=30_000)
        controller: Any = window.features["publishing"]
    else:
        controller = attach_publishing(window.host)
    qtbot.waitUntil(lambda: controller.worker is not None, timeout=30_000)
    assert attach_publishing(window.host) is controller  # attaching twice gives the same one
    return window, controller


def test_publish_shows_the_live_url(qtbot: QtBot, tmp_path: Path, service: tuple[str, str]) -> None:
    window, controller = _open_window(qtbot, _home(tmp_path, True, *service))
    try:
        with qtbot.waitSignal(controller.sig_published, timeout=30_000) as published:
            controller.publish_current()
        url = published.args[0]
        assert url.startswith(service[0])
        assert httpx.get(url).status_code == 200
        qtbot.waitUntil(lambda: url in controller.link.text(), timeout=10_000)
        qtbot.waitUntil(lambda: controller.panel.table.rowCount() == 1, timeout=10_000)
        assert controller.local is None  # an account exists: no embedded service
    finally:
        window.close()
    assert controller.worker is None


def test_not_ready_shows_the_checklist_and_queues_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    window, controller = _open_window(qtbot, _home(tmp_path, False, None, None))
    try:
        controller.publish_current()
        assert controller.checklist is not None and controller.checklist.isVisible()
        texts = [
            controller.checklist.list.item(i).text()
            for i in range(controller.checklist.list.count())
        ]
        assert any(text.startswith("Byline") for text in texts)
        controller.checklist.close()
        assert publishing.outbox_jobs(window.workspace.db) == []
    finally:
        window.close()


def test_first_run_publishes_to_the_embedded_service(qtbot: QtBot, tmp_path: Path) -> None:
    window, controller = _open_window(qtbot, _home(tmp_path, True, None, None))
    try:
        assert controller.local is not None
        with qtbot.waitSignal(controller.sig_published, timeout=30_000) as published:
            controller.publish_current()
        assert published.args[0].startswith(controller.local.server.url)
        assert httpx.get(published.args[0]).status_code == 200
        local = controller.local
    finally:
        window.close()
    with pytest.raises(httpx.TransportError):
        httpx.get(local.server.url + "/", timeout=2)


def test_sign_in_again_through_the_account_dialog(
    qtbot: QtBot, tmp_path: Path, service: tuple[str, str]
) -> None:
    url, token = service
    window, controller = _open_window(qtbot, _home(tmp_path, True, url, "wst_" + "x" * 43))
    try:
        with qtbot.waitSignal(controller.sig_publish_failed, timeout=30_000) as failed:
            controller.publish_current()
        assert "Sign in again" in failed.args[0]
        sign_in = next(a for a in window.findChildren(QAction) if a.objectName() == "signInAction")
        sign_in.trigger()  # Publish › Sign in again…: opens on the account the job waits for
        qtbot.waitUntil(
            lambda: controller.account_dialog is not None and controller.account_dialog.isVisible(),
            timeout=10_000,
        )
        dialog = controller.account_dialog
        assert dialog.name.text() == "newsroom" and dialog.url.text() == url
        assert dialog.chosen_kind() == "service"
        dialog.url.setText(url)
        dialog.token.setText("wst_wrong")
        dialog.sig_save_requested.emit()
        qtbot.waitUntil(lambda: "does not accept" in dialog.problem.text(), timeout=10_000)
        dialog.token.setText(token)
        dialog.sig_save_requested.emit()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
        assert dialog.token.text() == ""
        job = publishing.outbox_jobs(window.workspace.db)[0]
        with qtbot.waitSignal(controller.sig_published, timeout=30_000) as published:
            controller.retry_job(job.id)
        assert httpx.get(published.args[0]).status_code == 200
    finally:
        window.close()
    # Nothing the window wrote (database, settings, window state, logs) holds the token.
    for path in (tmp_path / "gui-home").rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path


def test_house_style_errors_block_until_overridden_with_a_note(
    qtbot: QtBot, tmp_path: Path, service: tuple[str, str]
) -> None:
    window, controller = _open_window(qtbot, _home(tmp_path, True, *service))
    try:
        # A repeated word is a house-style error; nothing else is wrong.
        window.editor.setPlainText("The regulator said said boards must act.\n")
        controller.publish_current()
        qtbot.waitUntil(lambda: controller.checklist is not None, timeout=10_000)
        checklist = controller.checklist
        assert checklist is not None
        assert checklist.note_edit is not None
        assert any(
            "twice in a row" in checklist.list.item(i).text() for i in range(checklist.list.count())
        )
        assert publishing.outbox_jobs(window.workspace.db) == []
        with qtbot.waitSignal(controller.sig_published, timeout=30_000):
            checklist.note_edit.setText("Quoting the regulator's own notice")
            checklist.sig_override.emit(checklist.note_edit.text())
        from workstation.usecases.articles import list_revisions

        article = window.current_article()
        notes = [
            r.note for r in list_revisions(window.workspace.db, article.id) if r.reason == "publish"
        ]
        assert notes and notes[0].startswith("Published over 1 house-style error(s)")
        assert "Quoting the regulator's own notice" in notes[0]
    finally:
        window.close()
