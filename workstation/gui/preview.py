"""The preview pane: the published page, patched live as the writer types, scroll-synced."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workstation.domain.article import Article, RelatedLink
from workstation.domain.preferences import Preferences
from workstation.gui.tasks import Generation, TaskRunner

if TYPE_CHECKING:
    from workstation.gui.preview_text import TextPreview
    from workstation.gui.preview_update import Shown, Update
    from workstation.gui.preview_web import WebPreview
    from workstation.render import IncrementalRenderer, Pictures

log = logging.getLogger(__name__)

BASE_DEBOUNCE_MS = 8
MAX_DEBOUNCE_MS = 250
"""The pause after a key before rendering: the last render time plus a little, within bounds."""
CRASH_LIMIT = 3
NOTE_AFTER_RELOAD_MS = 10_000
CRASH_WINDOW_S = 30.0


class PreviewPane(QWidget):
    """Shows the article as the published page; the window calls show_article on every edit."""

    sig_source_line_visible = Signal(int)
    """The preview was scrolled by the user: the source line now at its top."""

    sig_updated = Signal(int)
    """The page now shows everything up to the show_article call with this sequence number."""

    sig_problem = Signal(str)
    """Something the user should know about the preview (a crash, a missing component)."""

    def __init__(
        self, tasks: TaskRunner, parent: QWidget | None = None, media_root: Path | None = None
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._media_root = media_root
        self._note = QLabel(self)
        self._note.setWordWrap(True)
        self._note.setObjectName("previewNote")
        self._note.hide()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self._note)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start_render)
        self._epoch = Generation()
        self._epoch_value = self._epoch.next()
        self._web_loading = False
        self._request: tuple[Article, Preferences, tuple[RelatedLink, ...]] | None = None
        self._pictures: Pictures | None = None
        self._request_seq = 0
        self._in_flight = False
        self._dirty = False
        self._page_ready = False
        self._shown: Shown | None = None
        self._last_render_ms = 0.0
        self._last_reported_line: int | None = None
        self._last_requested_line: int | None = None
        self._crashes: list[float] = []
        self._closed = False
        self._renderer: IncrementalRenderer | None = None
        self._web: WebPreview | None = None
        self._text: TextPreview | None = None
        self._create_backend()

    # ----------------------------------------------------------------- public
    def show_article(
        self,
        article: Article,
        prefs: Preferences,
        related: Sequence[RelatedLink],
        pictures: Pictures | None = None,
    ) -> None:
        """Take the latest state of every field; the render follows after a short pause.
        `pictures`: the library pictures the article shows (hero and body), if any."""
        if self._closed:
            return
        self._request = (article, prefs, tuple(related))
        self._pictures = pictures
        self._request_seq += 1
        if self._web is not None and not self._page_ready and not self._web_loading:
            self._load_shell()
        self._timer.start(self.debounce_ms())

    def scroll_to_source_line(self, line: int) -> None:
        """Scroll so that the block from source line `line` (1-based) is at the top."""
        if self._closed:
            return
        if line == self._last_reported_line:
            self._last_reported_line = None
            return  # the editor is following the preview: do not bounce it back
        self._last_requested_line = line
        if self._web is not None and self._page_ready:
            self._web.scroll_to_line(line)
        elif self._text is not None and self._shown is not None:
            total = max((n for n in self._shown.lines if n is not None), default=1)
            self._text.scroll_to_fraction((line - 1) / max(total, 1))

    def shutdown(self) -> None:
        """Release the page before the app quits."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._epoch_value = self._epoch.next()
        if self._web is not None:
            self._web.close()
        if self._text is not None:
            self._text.close()

    def debounce_ms(self) -> int:
        """The pause before rendering, scaled to how long the last render of this text took."""
        return int(min(MAX_DEBOUNCE_MS, BASE_DEBOUNCE_MS + self._last_render_ms))

    @property
    def uses_web_engine(self) -> bool:
        return self._web is not None

    @property
    def web(self) -> WebPreview | None:
        """The web side (for tests and benchmarks that read the page)."""
        return self._web

    @property
    def last_render_ms(self) -> float:
        return self._last_render_ms

    # ---------------------------------------------------------------- backend
    def _create_backend(self) -> None:
        try:
            from workstation.gui.preview_web import WebPreview
        except ImportError as exc:
            log.warning("QtWebEngine unavailable (%s); using the simplified preview", exc)
            self._use_text_backend(
                self.tr(
                    "Simplified preview: QtWebEngine is not installed, so the page is shown "
                    "without the site's full layout."
                )
            )
            return
        self._web = WebPreview(self, self._tasks, self._media_root)
        self._layout.addWidget(self._web.view)
        bridge = self._web.bridge
        bridge.sig_ready.connect(self._on_page_ready)
        bridge.sig_patched.connect(self._on_patched)
        bridge.sig_resync.connect(self._on_resync)
        bridge.sig_line_visible.connect(self._on_line_visible)
        self._connect_page()
        screen = self.screen()
        if screen is not None and screen.logicalDotsPerInch() > 0:
            self._web.set_zoom(screen.logicalDotsPerInch() / 96.0)  # Chromium assumes 96 DPI

    def _connect_page(self) -> None:
        assert self._web is not None
        self._web.page.renderProcessTerminated.connect(self._on_render_process_gone)
        self._web.page.loadFinished.connect(self._on_load_finished)

    def _use_text_backend(self, note: str) -> None:
        from workstation.gui.preview_text import TextPreview

        self._text = TextPreview(self)
        self._text.sig_scrolled.connect(self._on_text_scrolled)
        self._layout.addWidget(self._text.view)
        self._show_note(note)

    def _show_note(self, text: str) -> None:
        self._note.setText(text)
        self._note.show()
        self.sig_problem.emit(text)

    # ------------------------------------------------------------- rendering
    def _load_shell(self) -> None:
        """Build the persistent page on the pool (it imports the renderer), then load it."""
        assert self._web is not None and self._request is not None
        article, prefs, _ = self._request
        self._epoch_value = self._epoch.next()
        self._page_ready = False
        self._web_loading = True
        self._shown = None
        epoch = self._epoch_value
        self._tasks.submit(
            _build_shell, article, prefs,
            on_success=lambda built: self._shell_built(epoch, built),
            on_error=self._shell_failed,
        )  # fmt: skip

    def _shell_built(self, epoch: int, built: tuple[str, IncrementalRenderer]) -> None:
        if self._closed or self._web is None or not self._epoch.is_current(epoch):
            return
        html, renderer = built
        if self._renderer is None:
            self._renderer = renderer
        self._web.load_shell(html)

    def _shell_failed(self, error: BaseException) -> None:
        self._web_loading = False
        log.error("preview page could not be built", exc_info=error)
        self._show_note(self.tr("The preview could not be updated: %s") % type(error).__name__)

    def _start_render(self) -> None:
        if self._closed or self._request is None:
            return
        if self._in_flight:
            self._dirty = True  # merged: the running job's reply starts the next one
            return
        if self._web is not None and not self._page_ready:
            return  # _on_page_ready renders
        from workstation.gui.preview_update import render_update

        if self._renderer is None:
            from workstation.render import IncrementalRenderer

            self._renderer = IncrementalRenderer()  # the simplified preview (no shell page)
        article, prefs, related = self._request
        self._in_flight = True
        self._dirty = False
        self._tasks.submit(
            render_update,
            self._renderer,
            article,
            prefs,
            related,
            self._shown,
            self._request_seq,
            self._epoch_value,
            self._web is None,
            self._pictures,
            on_success=self._on_rendered,
            on_error=self._on_render_failed,
        )

    def _on_rendered(self, update: Update) -> None:
        self._in_flight = False
        if self._closed:
            return
        self._last_render_ms = update.render_ms
        if not self._epoch.is_current(update.epoch):
            self._restart_if_dirty(force=True)
            return
        self._shown = update.shown
        if self._web is not None:
            self._web.push(update.payload)
        elif self._text is not None:
            self._text.show_document(update.document)
            self.sig_updated.emit(update.seq)
        self._restart_if_dirty()

    def _on_render_failed(self, error: BaseException) -> None:
        self._in_flight = False
        log.error("preview render failed", exc_info=error)
        self._show_note(self.tr("The preview could not be updated: %s") % type(error).__name__)
        self._restart_if_dirty()

    def _restart_if_dirty(self, force: bool = False) -> None:
        if self._dirty or force:
            self._dirty = False
            self._timer.start(0)

    # ---------------------------------------------------------- page events
    def _on_load_finished(self, ok: bool) -> None:
        # Loaded is not ready: the bridge connects a moment later (_on_page_ready). Only a
        # failed load lets the next show_article try again.
        if not ok:
            self._web_loading = False
            log.warning("preview shell page failed to load")

    def _on_page_ready(self) -> None:
        if self._crashes and self._note.isVisible():
            QTimer.singleShot(NOTE_AFTER_RELOAD_MS, self._note.hide)  # reported; back to normal
        self._page_ready = True
        self._web_loading = False
        self._shown = None
        self._timer.start(0)

    def _on_patched(self, seq: int) -> None:
        self.sig_updated.emit(seq)

    def _on_resync(self, seq: int) -> None:
        log.warning("preview patch %d did not fit the page; sending everything", seq)
        self._epoch_value = self._epoch.next()  # replies to requests made before this are moot
        self._shown = None
        self._timer.start(0)

    def _on_line_visible(self, line: int) -> None:
        if line == self._last_requested_line:
            self._last_requested_line = None
            return  # the page arrived where the editor asked: not the user's scroll
        self._last_reported_line = line
        self.sig_source_line_visible.emit(line)

    def _on_text_scrolled(self, fraction: float) -> None:
        if self._shown is None:
            return
        lines = [n for n in self._shown.lines if n is not None]
        if lines:  # the simplified view knows no block positions: go by proportion
            self._on_line_visible(lines[min(len(lines) - 1, int(fraction * len(lines)))])

    def _on_render_process_gone(self, status: Any, exit_code: int) -> None:
        if self._closed:
            return
        now = time.monotonic()
        self._crashes = [t for t in self._crashes if now - t < CRASH_WINDOW_S] + [now]
        self._page_ready = False
        self._web_loading = False
        if len(self._crashes) > CRASH_LIMIT:
            self._show_note(
                self.tr("The preview stopped working: its renderer crashed %1 times.").replace(
                    "%1", str(len(self._crashes))
                )
            )
            return
        self._show_note(
            self.tr(
                "The preview's renderer stopped (exit code %1); the preview was reloaded."
            ).replace("%1", str(exit_code))
        )
        # Not from inside the signal: the dead process is still being torn down.
        QTimer.singleShot(0, self._reload_after_crash)

    def _reload_after_crash(self) -> None:
        if self._closed or self._web is None:
            return
        self._web.replace_page()
        self._connect_page()
        if self._request is not None:
            self._load_shell()


def _build_shell(article: Article, prefs: Preferences) -> tuple[str, IncrementalRenderer]:
    """A pool job: the shell page and a warmed renderer, so the GUI thread imports neither."""
    from workstation.gui.preview_update import shell_document
    from workstation.render import IncrementalRenderer

    return shell_document(article, prefs), IncrementalRenderer()
