"""The related-articles picker: suggestions follow the draft off the GUI thread, picks go out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from workstation.domain.article import Article
from workstation.gui.host import Host
from workstation.gui.related_widgets import RelatedPanel
from workstation.gui.tasks import Generation
from workstation.related.ranking import ArchiveHit
from workstation.related.semantic import Embedder
from workstation.usecases.related import (
    RelatedFinder,
    database_path,
    load_embedder,
    refresh_archive_index,
    save_vectors,
)

SUGGESTIONS_SHOWN = 8

__all__ = ["RelatedPanel", "RelatedPicker", "attach_related_picker"]


def debounce_ms(article: Article) -> int:
    """Wait longer after typing in long drafts: a pause, scaled to the draft's size."""
    return min(1500, 300 + len(article.body) // 50)


class RelatedPicker(QObject):
    """Drives the panel: debounced suggestions off the GUI thread, search, picks to the window."""

    sig_suggestions_ready = Signal(int)
    """Fresh suggestions for the current draft are shown; carries how many."""

    def __init__(self, host: Host, panel: RelatedPanel) -> None:
        super().__init__(panel)
        self.host = host
        self.panel = panel
        self.finder: RelatedFinder | None = None
        self._article: Article | None = None
        self._suggest_generation = Generation()
        self._search_generation = Generation()
        self._picks_generation = Generation()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._suggest_now)
        host.sig_article_changed.connect(self.article_changed)
        host.sig_article_opened.connect(self.article_changed)
        panel.sig_picks_changed.connect(self._picks_changed)
        panel.sig_search_requested.connect(self.search)
        panel.destroyed.connect(self._close_finder)

    def _close_finder(self, *_args: object) -> None:
        if self.finder is not None:
            self.finder.close()
            self.finder = None

    def workspace_ready(self) -> None:
        """Open the archive for reading once the data dir is open; catch the index up first."""
        workspace = self.host.workspace
        if workspace is None or self.finder is not None:
            return
        self.finder = RelatedFinder(database_path(workspace.db))
        self.panel.maximum = workspace.prefs.related_max
        self.host.tasks.submit_db(
            refresh_archive_index, workspace.db, on_success=self._index_refreshed
        )

    def _index_refreshed(self, _counts: object) -> None:
        if self.finder is not None:
            self.host.tasks.submit(self.finder.warm, on_error=self._optional_failed)
            # With the semantic extra installed, its model loads (seconds) and re-ranks.
            self.host.tasks.submit(load_embedder, on_success=self._embedder_loaded,
                                     on_error=self._optional_failed)  # fmt: skip
        if self._article is not None:  # the picks' titles, now the archive can be read
            self._load_picks(self._article.related)
            self._timer.start(0)

    def _optional_failed(self, _error: BaseException) -> None:
        """Warm-up and the semantic model are extras: lexical suggestions work without them."""

    def _embedder_loaded(self, embedder: Embedder | None) -> None:
        if embedder is None or self.finder is None:
            return
        self.finder.use_embedder(embedder)
        self._embed_more()

    def _embed_more(self, _stored: object = None) -> None:
        """Embed stories in batches: computed on a worker, written on the database thread."""
        if self.finder is not None:
            self.host.tasks.submit(self.finder.missing_vectors, on_success=self._store_vectors,
                                     on_error=self._optional_failed)  # fmt: skip

    def _store_vectors(self, vectors: list[tuple[int, bytes]]) -> None:
        workspace = self.host.workspace
        if vectors and workspace is not None and self.finder is not None:
            model = self.finder.embedder.name if self.finder.embedder else ""
            self.host.tasks.submit_db(save_vectors, workspace.db, model, vectors,
                                        on_success=self._embed_more)  # fmt: skip

    def article_changed(self, article: Article) -> None:
        """The draft changed: refresh picks if they differ, and suggest again after a pause."""
        if self.finder is None:
            self.workspace_ready()
        switched = self._article is None or self._article.id != article.id
        self._article = article
        if self.host.workspace is not None:
            self.panel.maximum = self.host.workspace.prefs.related_max
        if switched or article.related != self.panel.picks():
            self._load_picks(article.related)
        if switched:
            self.panel.suggestions.clear()
        self._timer.start(0 if switched else debounce_ms(article))

    def _run(self, generation: Generation, job: Callable[..., Any], *args: Any,
             then: Callable[[Any], None]) -> None:  # fmt: skip
        number = generation.next()

        def deliver(value: Any) -> None:
            if generation.is_current(number):
                then(value)

        self.host.tasks.submit(job, *args, on_success=deliver)

    def _load_picks(self, ids: tuple[str, ...]) -> None:
        if self.finder is None:
            self.panel.set_picks(ids, [])
            return
        self._run(self._picks_generation, self.finder.describe, ids,
                  then=lambda hits: self.panel.set_picks(ids, hits))  # fmt: skip

    def _suggest_now(self) -> None:
        if self.finder is None or self._article is None:
            return
        self._run(self._suggest_generation, self.finder.suggest, self._article,
                  SUGGESTIONS_SHOWN, self.panel.picks(), then=self._show_suggestions)  # fmt: skip

    def _show_suggestions(self, hits: list[ArchiveHit]) -> None:
        self.panel.show_suggestions(hits[:SUGGESTIONS_SHOWN])
        self.sig_suggestions_ready.emit(len(hits[:SUGGESTIONS_SHOWN]))

    def search(self, text: str) -> None:
        """Search the whole archive (off the GUI thread); an empty box clears the results."""
        if self.finder is None or not text.strip():
            self._search_generation.next()
            self.panel.show_results([])
            return
        self._run(self._search_generation, self.finder.search, text, 20,
                  then=self.panel.show_results)  # fmt: skip

    def _picks_changed(self, ids: tuple[str, ...]) -> None:
        if self._article is not None:
            self._article = self._article.with_changes(related=ids)
        self.host.document.set_related(ids)
        self._timer.start(0)  # suggestions never offer what is already chosen


def attach_related_picker(host: Host) -> RelatedPicker:
    """Build the picker as a dock and wire it to the host's open article and tasks."""
    panel = RelatedPanel()
    picker = RelatedPicker(host, panel)
    host.add_dock(panel, panel.tr("Related articles"))
    host.sig_workspace_ready.connect(picker.workspace_ready)
    picker.workspace_ready()
    article = host.current_article()
    if article is not None:  # opened before the features were attached (a restart)
        picker.article_changed(article)
    return picker
