"""The fallback preview where QtWebEngine is missing: the same page in a QTextBrowser."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget


class TextPreview(QObject):
    """Shows whole documents (no patching); keeps the scroll position across updates."""

    def __init__(self, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.view = QTextBrowser(parent_widget)
        self.view.setOpenLinks(False)  # never navigate inside; links go to the system browser
        self.view.anchorClicked.connect(self._open_link)
        self.view.setAccessibleName(parent_widget.tr("Preview (simplified)"))

    def show_document(self, html: str) -> None:
        bar = self.view.verticalScrollBar()
        position = bar.value()
        self.view.setHtml(html)
        bar.setValue(position)

    def scroll_to_fraction(self, fraction: float) -> None:
        bar = self.view.verticalScrollBar()
        bar.setValue(int(bar.maximum() * max(0.0, min(1.0, fraction))))

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    def close(self) -> None:
        self.view.close()
