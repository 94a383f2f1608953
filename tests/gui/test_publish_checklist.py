"""The pre-publish checklist's distribution items (issue 16) in the real window: the Publish
action lists a headline too long for search results and an audience setting against its
section's default; the publisher goes ahead with a note, which is kept with the revision."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import test_publish_gui
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from workstation.domain.preferences import Preferences
from workstation.paths import DataDir
from workstation.store.db import open_database
from workstation.store.preferences_file import save_preferences
from workstation.store.repository import ArticleRepository
from workstation.usecases import publishing
from workstation.usecases.articles import (
    LAST_OPEN_KEY,
    create_article,
    list_revisions,
    save_working_copy,
)
from workstation.usecases.demo import DEMO_LOADED_KEY

service = test_publish_gui.service  # the same local service fixture, defined once

HEADLINE = (
    "Community pharmacies in the north of England warn that closures will leave whole towns "
    "without a late-night chemist"
)


def _home(tmp_path: Path, service: tuple[str, str]) -> tuple[DataDir, str]:
    data = DataDir(tmp_path / "gui-home").ensure()
    save_preferences(data.preferences, Preferences(professional_sections="Prescribing"))
    db = open_database(data.database)
    standfirst = "Owners blame the funding formula."
    article = create_article(db, HEADLINE, standfirst, ["Staff reporter"], "Text.", "Prescribing")
    save_working_copy(db, article.with_changes(gate=False))  # open, in a professionals' section
    with db.session() as session:
        repo = ArticleRepository(session)
        repo.set_state(DEMO_LOADED_KEY, "skipped-in-tests")
        repo.set_state(LAST_OPEN_KEY, article.id)
    publishing.add_account(db, "newsroom", *service, check=False)
    db.close()
    return data, article.id


def _open_window(qtbot: QtBot, data: DataDir) -> tuple[Any, Any]:
    from workstation.gui.main_window import MainWindow

    window = MainWindow(data)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: "publishing" in window.features, timeout=30_000)
    controller = window.features["publishing"]
    qtbot.waitUntil(lambda: controller.worker is not None, timeout=30_000)
    return window, controller


def test_the_publish_action_lists_search_and_audience_items(
    qtbot: QtBot, tmp_path: Path, service: tuple[str, str]
) -> None:
    assert 110 < len(HEADLINE) <= 120
    data, article_id = _home(tmp_path, service)
    window, controller = _open_window(qtbot, data)
    try:
        qtbot.waitUntil(lambda: window.form.headline_edit.text() == HEADLINE, timeout=10_000)
        assert window.form.gate_box.currentText() == "Everyone"  # what the form shows
        controller.publish_action.trigger()
        dialog = controller.checklist
        assert dialog is not None and dialog.isVisible()
        assert dialog.windowTitle() == "Not ready to publish"
        shown = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert shown == [
            f"Headline: Search results cut headlines after 110 characters; this one has "
            f"{len(HEADLINE)}.",
            "Audience: This story is open to everyone, but stories in the Prescribing section "
            "are health professionals only.",
        ]
        assert publishing.outbox_jobs(window.workspace.db) == []
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert "Fix these, then publish again:" in labels

        buttons = dialog.findChild(QDialogButtonBox)
        anyway = next(b for b in buttons.buttons() if b.text() == "&Publish anyway")
        assert not anyway.isEnabled()  # not without saying why
        dialog.note_edit.setText("Pharmacy owners asked for it to be open: not promotional")
        with qtbot.waitSignal(controller.sig_published, timeout=30_000):
            anyway.click()
        notes = [r.note for r in list_revisions(window.workspace.db, article_id)]
        assert any(
            "Over the checklist: Pharmacy owners asked for it to be open" in n for n in notes
        )
    finally:
        window.close()
