"""The fallback preview where QtWebEngine is missing: the same page in a QTextBrowser."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget


class TextPreview(QObject):
    """Shows whole documents (no patching); keeps the scroll position across updates."""

    sig_scrolled = Signal(float)
    """The user scrolled: how far down the document the top of the view now is (0 to 1)."""

    def __init__(self, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._programmatic = False
        self.view = QTextBrowser(parent_widget)
        self.view.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self.view.setOpenLinks(False)  # never navigate inside; links go to the system browser
        self.view.anchorClicked.connect(self._open_link)
        self.view.setAccessibleName(parent_widget.tr("Preview (simplified)"))

    def show_document(self, html: str) -> None:
        bar = self.view.verticalScrollBar()
        position = bar.value()
        self._programmatic = True
        try:
            self.view.setHtml(html)
            bar.setValue(position)
        finally:
            self._programmatic = False

    def scroll_to_fraction(self, fraction: float) -> None:
        bar = self.view.verticalScrollBar()
        self._programmatic = True
        try:
            bar.setValue(int(bar.maximum() * max(0.0, min(1.0, fraction))))
        finally:
            self._programmatic = False

    def _on_scroll(self, value: int) -> None:
        if self._programmatic:
            return  # our own scroll (an update, or the editor asking): not the user's
        maximum = self.view.verticalScrollBar().maximum()
        self.sig_scrolled.emit(value / maximum if maximum > 0 else 0.0)

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    def close(self) -> None:
        self.view.close()
