"""The preview pane (first version: a QTextBrowser; the preview issue replaces it)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from workstation.domain.article import Article, RelatedLink
from workstation.domain.preferences import Preferences
from workstation.gui.tasks import TaskRunner


class PreviewPane(QWidget):
    """Shows the article as the published page; the window calls show_article on every edit."""

    sig_source_line_visible = Signal(int)
    """The preview was scrolled by the user: the source line now at its top."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._view = QTextBrowser(self)
        self._view.setOpenExternalLinks(True)
        self._view.setAccessibleName(self.tr("Preview"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)

    def show_article(
        self, article: Article, prefs: Preferences, related: Sequence[RelatedLink]
    ) -> None:
        self._view.setMarkdown(f"# {escape(article.headline)}\n\n{article.body}")

    def scroll_to_source_line(self, line: int) -> None:
        """Scroll so that the block from source line `line` (1-based) is at the top."""

    def shutdown(self) -> None:
        """Release the page before the app quits."""
