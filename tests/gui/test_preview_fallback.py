"""Without QtWebEngine the preview still shows the page (simplified), and says so."""

from __future__ import annotations

import sys
from typing import Any

import conftest_preview as fixtures

from workstation.domain.article import Article
from workstation.domain.preferences import Preferences
from workstation.gui.preview import PreviewPane
from workstation.gui.tasks import TaskRunner

tasks = fixtures.tasks


def test_falls_back_to_a_text_browser_with_a_visible_note(
    qtbot: Any,
    tasks: TaskRunner,
    monkeypatch: Any,
) -> None:
    monkeypatch.setitem(sys.modules, "workstation.gui.preview_web", None)  # import fails
    pane = PreviewPane(tasks)
    qtbot.addWidget(pane)
    pane.show()
    try:
        assert not pane.uses_web_engine
        note = pane.findChild(type(pane._note), "previewNote")
        assert note is not None and note.isVisible() and "QtWebEngine" in note.text()
        article = Article(id="a", headline="Fallback headline", body="Body para.\n")
        with qtbot.waitSignal(pane.sig_updated, timeout=20_000):
            pane.show_article(article, Preferences(), [])
        text = pane._text.view.toPlainText()  # type: ignore[union-attr]
        assert "Fallback headline" in text and "Body para." in text
        with qtbot.waitSignal(pane.sig_updated, timeout=20_000):
            pane.show_article(
                article.with_changes(body="Body para.\n\nSecond.\n"), Preferences(), []
            )
        assert "Second." in pane._text.view.toPlainText()  # type: ignore[union-attr]
        long_body = "\n\n".join(f"Paragraph {n}." for n in range(1, 201)) + "\n"
        with qtbot.waitSignal(pane.sig_updated, timeout=20_000):
            pane.show_article(article.with_changes(body=long_body), Preferences(), [])
        bar = pane._text.view.verticalScrollBar()  # type: ignore[union-attr]
        assert bar.maximum() > 0
        with qtbot.waitSignal(pane.sig_source_line_visible, timeout=5_000) as reported:
            bar.setValue(bar.maximum() // 2)  # as the user would, with the wheel
        assert 150 <= reported.args[0] <= 250  # about half way down 400 source lines
    finally:
        pane.shutdown()
