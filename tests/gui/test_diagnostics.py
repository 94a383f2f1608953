"""'Copy diagnostics' never carries secrets, and carries article text only when asked."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workstation.gui.diagnostics import DiagnosticsDialog, collect, scrub
from workstation.gui.logging_setup import setup_logging
from workstation.gui.main_window import MainWindow

TOKEN = "wst_S3cretTokenValue0123456789abcdef"
BODY_LINE = "Confidential embargoed paragraph about the unannounced merger."


def test_report_leaves_out_secrets_and_article_text(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    window.editor.setPlainText(BODY_LINE + "\n")
    handler = setup_logging(window.data)
    assert handler is not None
    try:
        log = logging.getLogger("workstation.test")
        log.warning("sending with Authorization: Bearer %s", TOKEN)
        log.warning("saved draft body %r", BODY_LINE)
        log.warning("connect postgresql://editor:hunter2pass@db.example/news")
        handler.flush()
        environ = {"WORKSTATION_SERVICE_TOKEN": TOKEN, "QT_QPA_PLATFORM": "offscreen"}
        assert window.workspace is not None
        prefs = window.workspace.prefs
        article = window.current_article()
        report = collect(window.data, prefs, article, environ=environ)
        assert TOKEN not in report
        assert "hunter2pass" not in report
        assert BODY_LINE not in report
        assert "Draft for testing" not in report  # the headline is article text too
        assert "QT_QPA_PLATFORM=offscreen" in report
        assert "saved draft body" in report  # the log line stays, its private part does not
        with_text = collect(window.data, prefs, article, include_article=True, environ=environ)
        assert BODY_LINE in with_text
        assert TOKEN not in with_text
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_dialog_copies_to_clipboard(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    window.editor.setPlainText(BODY_LINE + "\n")
    dialog = DiagnosticsDialog(window)
    dialog.copy()
    copied = QApplication.clipboard().text()
    assert "Editorial Workstation" in copied
    assert BODY_LINE not in copied
    dialog.include_article.setChecked(True)
    dialog.copy()
    assert BODY_LINE in QApplication.clipboard().text()
    dialog.close()


def test_scrub_patterns() -> None:
    assert "abc123" not in scrub("token=abc123 and password: abc123")
    assert "[redacted]" in scrub("Bearer abc.def")
