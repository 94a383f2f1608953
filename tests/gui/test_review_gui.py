"""Review in the real window: background sync fills the inbox, comments, presence, offline."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from journeys import workstation_profile
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from workstation.gui.review_panel import ReviewController, attach_review
from workstation.service.auth import Role, create_token
from workstation.service.config import ServiceConfig
from workstation.service.db import open_service_database, sqlite_url_for
from workstation.service.server import BackgroundServer
from workstation.usecases.articles import create_article


@pytest.fixture
def service(tmp_path: Path) -> Iterator[tuple[BackgroundServer, dict[str, str]]]:
    config = ServiceConfig(database_url=sqlite_url_for(tmp_path / "svc"))
    server = BackgroundServer(config).start()
    db = open_service_database(config.database_url)
    with db.session() as session:
        tokens = {
            "writer": create_token(session, "wendy", Role.WRITER),
            "sub": create_token(session, "sam", Role.SUBEDITOR),
        }
    db.close()
    try:
        yield server, tokens
    finally:
        server.stop()


def _submitted_draft(url: str, token: str) -> str:
    article_id = str(uuid.uuid4())
    headers = {"Authorization": f"Bearer {token}"}
    body = "The regulator said boards must act.\n\nIt added that data would be public."
    with httpx.Client(base_url=url, headers=headers) as writer:
        writer.put(
            f"/api/v1/articles/{article_id}",
            headers={"If-None-Match": "*"},
            json={"headline": "Boards must act", "body": body},
        ).raise_for_status()
        writer.post(
            f"/api/v1/articles/{article_id}/transition", json={"to": "submitted"}
        ).raise_for_status()
        writer.put(
            f"/api/v1/articles/{article_id}/comments/{uuid.uuid4()}",
            json={
                "body": "Check the date",
                "anchor": {
                    "quote": "data would",
                    "start": body.index("data would"),
                    "end": body.index("data would") + 10,
                },
            },
        ).raise_for_status()
        writer.put(f"/api/v1/articles/{article_id}/presence", json={}).raise_for_status()
    return article_id


def test_inbox_comments_presence_and_offline(
    qtbot: QtBot, tmp_path: Path, service: tuple[BackgroundServer, dict[str, str]]
) -> None:
    from workstation.gui.main_window import MainWindow

    server, tokens = service
    article_id = _submitted_draft(server.url, tokens["writer"])
    window: Any = MainWindow(workstation_profile(tmp_path / "gui-home", server.url, tokens["sub"]))
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=30_000)
    review: ReviewController = attach_review(window.host)
    try:
        qtbot.waitUntil(lambda: review.inbox.list.count() == 1, timeout=30_000)
        qtbot.waitUntil(lambda: "open by wendy" in review.inbox.list.item(0).text(), timeout=20_000)
        assert "Online" in review.indicator.text()
        with qtbot.waitSignal(window.sig_article_shown, timeout=20_000):
            review.inbox.sig_open_requested.emit(article_id)
        assert window.current_article().id == article_id
        qtbot.waitUntil(lambda: review.comments.list.count() == 1, timeout=20_000)
        assert "Check the date" in review.comments.list.item(0).text()
        qtbot.waitUntil(lambda: "wendy" in review.comments.presence.text(), timeout=20_000)

        # The moves the table allows a subeditor from "submitted" are buttons; take it.
        qtbot.waitUntil(lambda: review.comments.moves.count() > 0, timeout=20_000)
        names = {button.objectName() for button in review.comments.findChildren(QPushButton)}
        assert {"move-take", "move-approve", "move-return"} <= names
        with qtbot.waitSignal(review.sig_synced, timeout=30_000) as moved:
            review.request_move("take")
        assert moved.args[0].moves_sent == [article_id]
        assert window.current_article().status.value == "in_subbing"

        # The writer changes paragraph 2 on the service while the subeditor types in paragraph 1.
        path = f"/api/v1/articles/{article_id}"
        headers = {"Authorization": f"Bearer {tokens['writer']}"}
        with httpx.Client(base_url=server.url, headers=headers) as writer:
            remote = writer.get(path).json()
            content = {**remote["content"]}
            content["body"] = content["body"].replace("data would be", "data will be")
            writer.put(path, json=content, headers={"If-Match": remote["etag"]}).raise_for_status()
        cursor = window.editor.textCursor()
        cursor.setPosition(0)
        cursor.insertText("Health: ")
        with qtbot.waitSignal(review.sig_synced, timeout=30_000):
            review.sync_now()
        qtbot.waitUntil(lambda: "data will be" in window.editor.toPlainText(), timeout=20_000)
        assert window.editor.toPlainText().startswith("Health: The regulator")
        with qtbot.waitSignal(review.sig_synced, timeout=30_000) as pushed:
            review.sync_now()
        assert article_id in pushed.args[0].pushed
        with httpx.Client(base_url=server.url, headers=headers) as writer:
            body = writer.get(path).json()["content"]["body"]
        assert body.startswith("Health: The regulator") and "data will be" in body

        # Opening another article takes our presence mark off this one.
        def sam_present() -> bool:
            with httpx.Client(base_url=server.url, headers=headers) as writer:
                marks = writer.get(f"{path}/presence").json()["items"]
            return "sam" in {m["user"] for m in marks}

        assert sam_present()
        other = create_article(window.workspace.db, "Another story")
        with qtbot.waitSignal(window.sig_article_shown, timeout=20_000):
            window.open_article(other.id)
        qtbot.waitUntil(lambda: not sam_present(), timeout=20_000)

        server.stop()
        with qtbot.waitSignal(review.sig_synced, timeout=30_000) as synced:
            review.sync_now()
        assert not synced.args[0].online
        assert "Offline" in review.indicator.text()
    finally:
        review.stop()
        window.close()
