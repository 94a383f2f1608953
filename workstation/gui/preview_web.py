"""The QtWebEngine side of the preview: a sandboxed page, its bridge, request blocking.

Imported only when the preview is first built (never at start-up): QtWebEngine is heavy.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFile, QIODevice, QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from workstation.gui.tasks import TaskRunner
from workstation.paths import resource
from workstation.render import PREVIEW_MEDIA_SCHEME

if TYPE_CHECKING:
    from workstation.gui.preview_media import MediaSchemeHandler

log = logging.getLogger(__name__)

ALLOWED_SCHEMES = frozenset({"data", "qrc", "about", PREVIEW_MEDIA_SCHEME})
"""The page itself arrives by setHtml, library pictures by the app's own scheme
(gui/preview_media.py); nothing else may load, least of all from the network or file://."""
OPEN_EXTERNALLY = frozenset({"http", "https", "mailto"})
BRIDGE_WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld
SHELL_BASE_URL = QUrl("about:blank")


class Blocker(QWebEngineUrlRequestInterceptor):
    """Blocks every request that is not the page itself: an offline editor must never wait."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked = 0

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        if info.requestUrl().scheme() not in ALLOWED_SCHEMES:
            self.blocked += 1
            info.block(True)


class Bridge(QObject):
    """The one object the page's bridge script sees (over QWebChannel, in its own world)."""

    sig_update = Signal(str)
    """To the page: a JSON patch (title, regions, body blocks, lines)."""

    sig_scroll_to_line = Signal(int)
    """To the page: bring the block of this source line to the top."""

    sig_ready = Signal()
    """From the page: the bridge script is connected and the page can be patched."""

    sig_patched = Signal(int)
    """From the page: the patch with this sequence number is in the DOM."""

    sig_resync = Signal(int)
    """From the page: a patch did not fit what the page shows; send everything again."""

    sig_line_visible = Signal(int)
    """From the page: the user scrolled; this source line is now at the top."""

    @Slot()
    def ready(self) -> None:
        self.sig_ready.emit()

    @Slot(int)
    def patched(self, seq: int) -> None:
        self.sig_patched.emit(seq)

    @Slot(int)
    def resync(self, seq: int) -> None:
        self.sig_resync.emit(seq)

    @Slot(int)
    def source_line_visible(self, line: int) -> None:
        self.sig_line_visible.emit(line)


class SandboxedPage(QWebEnginePage):
    """Page scripts off, no popups; clicked links go to the system browser."""

    def acceptNavigationRequest(
        self, url: QUrl | str, nav_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        if nav_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            if url.hasFragment() and _without_fragment(url) == _without_fragment(self.url()):
                return True  # footnotes and in-page anchors
            if url.scheme() in OPEN_EXTERNALLY:
                QDesktopServices.openUrl(url)
            return False
        return nav_type == QWebEnginePage.NavigationType.NavigationTypeTyped and (
            url.scheme() in ALLOWED_SCHEMES
        )

    def createWindow(self, window_type: QWebEnginePage.WebWindowType) -> QWebEnginePage:
        return None  # type: ignore[return-value]  # no popups, ever


def _without_fragment(url: QUrl) -> str:
    return url.toString().split("#", 1)[0]


def _bridge_script() -> QWebEngineScript:
    channel_js = QFile(":/qtwebchannel/qwebchannel.js")
    if not channel_js.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("qwebchannel.js is missing from the Qt resources")
    source = bytes(channel_js.readAll().data()).decode("utf-8")
    channel_js.close()
    source += "\n" + resource("preview", "bridge.js").read_text(encoding="utf-8")
    script = QWebEngineScript()
    script.setName("workstation-preview-bridge")
    script.setSourceCode(source)
    script.setWorldId(BRIDGE_WORLD)
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentReady)
    script.setRunsOnSubFrames(False)
    return script


class WebPreview(QObject):
    """Owns the profile, page, view and bridge; the pane talks to this and nothing else."""

    def __init__(
        self,
        parent_widget: QWidget,
        tasks: TaskRunner | None = None,
        media_root: Path | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.profile = QWebEngineProfile(self)  # off the record: no disk cache, no cookies
        self.blocker = Blocker(self)
        self.profile.setUrlRequestInterceptor(self.blocker)
        self.media_handler: MediaSchemeHandler | None = None
        if tasks is not None and media_root is not None:
            from workstation.gui.preview_media import SCHEME, MediaSchemeHandler

            self.media_handler = MediaSchemeHandler(tasks, media_root, self)
            self.profile.installUrlSchemeHandler(SCHEME, self.media_handler)
        self.bridge = Bridge(self)
        self.page = self._new_page()
        self.view = QWebEngineView(parent_widget)
        self.view.setPage(self.page)
        self.view.setAccessibleName(parent_widget.tr("Preview"))

    def _new_page(self) -> SandboxedPage:
        page = SandboxedPage(self.profile, self)
        settings = page.settings()
        attribute = QWebEngineSettings.WebAttribute
        for name, value in (
            (attribute.JavascriptEnabled, False),  # the page's own scripts; the bridge has a world
            (attribute.JavascriptCanOpenWindows, False),
            (attribute.LocalContentCanAccessRemoteUrls, False),
            (attribute.LocalContentCanAccessFileUrls, False),
            (attribute.LocalStorageEnabled, False),
            (attribute.PluginsEnabled, False),
            (attribute.PdfViewerEnabled, False),
            (attribute.ErrorPageEnabled, False),
            (attribute.FocusOnNavigationEnabled, False),
            (attribute.NavigateOnDropEnabled, False),
            (attribute.AutoLoadImages, True),
        ):
            settings.setAttribute(name, value)
        page.scripts().insert(_bridge_script())
        channel = QWebChannel(page)
        channel.registerObject("ew_bridge", self.bridge)
        page.setWebChannel(channel, BRIDGE_WORLD)
        return page

    def replace_page(self) -> SandboxedPage:
        """A fresh page after a renderer crash (the old one's channel does not come back)."""
        old = self.page
        self.page = self._new_page()
        self.view.setPage(self.page)
        old.deleteLater()
        return self.page

    def load_shell(self, html: str) -> None:
        """Load the persistent page (once, and again only after a crash or a reset)."""
        self.page.setHtml(html, SHELL_BASE_URL)

    def push(self, payload: str) -> None:
        self.bridge.sig_update.emit(payload)

    def scroll_to_line(self, line: int) -> None:
        self.bridge.sig_scroll_to_line.emit(line)

    def set_zoom(self, factor: float) -> None:
        self.view.setZoomFactor(factor)

    def close(self) -> None:
        """Delete the page before the profile (the other order can crash at exit)."""
        import shiboken6

        self.view.close()
        for obj in (self.view, self.page, self.profile):
            if shiboken6.isValid(obj):
                shiboken6.delete(obj)  # now, in this order; deleteLater may never run at exit
