"""The hole found in review, in the writer's window: their edit of an approved story goes back
to review, and the window says so after its sync round."""

from __future__ import annotations

from pathlib import Path

import httpx
from journeys import (
    WAIT_MS,
    JourneyService,
    cli,
    open_window,
    press,
    ready_story,
    show_json,
    type_into,
    workstation_profile,
)
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workstation.service.auth import Role


def test_a_writers_edit_after_approval_shows_as_back_in_review(
    qtbot: QtBot, tmp_path: Path, service: JourneyService
) -> None:
    writer = workstation_profile(
        tmp_path / "writer", service.url, service.new_token("wendy", Role.WRITER)
    )
    article_id = ready_story(writer, "Ward closures planned")
    done = cli(writer, "submit", article_id)
    assert done.returncode == 0, done.stdout + done.stderr
    sub = {"Authorization": f"Bearer {service.new_token('sam', Role.SUBEDITOR)}"}
    approved = httpx.post(
        f"{service.url}/api/v1/articles/{article_id}/transition",
        json={"to": "approved"},
        headers=sub,
    )
    assert approved.status_code == 200, approved.text

    window, _controller = open_window(qtbot, writer)
    review = window.features["review"]
    try:
        qtbot.waitUntil(lambda: window.status_label.text() == "Approved", timeout=WAIT_MS)
        press(window.editor, "Ctrl+End")
        type_into(window.editor, " Three wards, not two.")
        qtbot.waitUntil(lambda: window.save_label.text().startswith("Saved"), timeout=WAIT_MS)
        with qtbot.waitSignal(review.sig_synced, timeout=WAIT_MS):
            qtbot.mouseClick(review.inbox.refresh, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.status_label.text() == "Submitted", timeout=WAIT_MS)
    finally:
        window.close()
    assert show_json(writer, article_id)["status"] == "submitted"
    remote = httpx.get(f"{service.url}/api/v1/articles/{article_id}", headers=sub).json()
    assert remote["content"]["status"] == "submitted"
    assert "Three wards, not two." in remote["content"]["body"]
