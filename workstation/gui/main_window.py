"""The main window: article list, metadata form and editor, preview; menus and status bar."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.article import (
    Article,
    ArticleSummary,
    RelatedLink,
    Status,
    reading_minutes,
    word_count,
)
from workstation.gui import jobs
from workstation.gui.article_list import STATUS_LABELS, ArticleListPanel
from workstation.gui.autosave import Autosaver
from workstation.gui.editor import MarkdownEditor
from workstation.gui.find_bar import FindBar
from workstation.gui.host import Host
from workstation.gui.metadata_form import MetadataForm
from workstation.gui.tasks import Generation, TaskRunner
from workstation.gui.text_merge import merge_into_plain_text
from workstation.paths import DataDir

if TYPE_CHECKING:
    from workstation.domain.preferences import Preferences
    from workstation.domain.publication import ArticleState
    from workstation.gui.preview import PreviewPane
    from workstation.render import Pictures
    from workstation.usecases.workspace import Workspace

log = logging.getLogger(__name__)


STATE_POLL_MS = 3000
DEFAULT_SIZE = (1380, 860)  # first-run window size (px), kept within the screen
DOCK_WIDTH = 400  # first-run width of the right-hand panels (px): their buttons fit whole
"""How often the open article's state is read back from the store (another process, the
outbox worker or a sync round may have moved it)."""


class MainWindow(QMainWindow):
    """One window: write on the left and middle, see the published page on the right.

    It composes the features through a `Host` (gui/host.py) and implements the host's
    `Document`: the open article, whose status the store owns and the window only follows.
    """

    view_menu: QMenu
    save_action: QAction

    sig_article_shown = Signal()
    """An article was loaded into the editor (the first one marks start-up as done)."""

    sig_article_edited = Signal(object)
    """The user changed the open article; carries the current Article."""

    sig_workspace_ready = Signal()
    """The data dir is open: `workspace` is set and features may start their own work."""

    sig_started = Signal()
    """Start-up is over: the data dir is open and every feature is attached."""

    def __init__(self, data: DataDir, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.workspace: Workspace | None = None
        self.tasks = TaskRunner(self)
        self.tasks.sig_error.connect(self._show_error)
        self._article: Article | None = None
        self._finished = False
        self.exit_without_waiting = False
        """Set by the app's launcher, which ends the process right after `finish`: the pool's
        jobs still running are not waited for (see TaskRunner.shutdown)."""
        self._list_generation = Generation()
        self._count_generation = Generation()
        self._related: list[RelatedLink] = []
        self._pictures: Pictures | None = None
        self._state: ArticleState | None = None
        self._raised: dict[str, int] = {}
        self._raise_count = 0
        self.features: dict[str, object] = {}
        self.setWindowTitle(self.tr("Editorial Workstation"))
        self.setObjectName("mainWindow")

        self.list_panel = ArticleListPanel(self)
        self.form = MetadataForm(self)
        self.editor = MarkdownEditor(self)
        self.find_bar = FindBar(self.editor, self)
        self.preview_host = QWidget(self)
        self.preview_host.setObjectName("previewHost")
        QVBoxLayout(self.preview_host).setContentsMargins(0, 0, 0, 0)
        self.preview: PreviewPane | None = None  # created after first paint: QtWebEngine loads late
        self._build_layout()
        self._build_status_bar()
        self.autosaver = Autosaver(self.tasks, self.current_article, parent=self)
        self.autosaver.sig_saved.connect(self._saved)
        self.host = Host(self, self.tasks, self, data)
        from workstation.gui.menus import build_menus

        build_menus(self)
        self.host.view_menu = self.view_menu
        self.host.sig_preferences_changed.connect(self._apply_preferences)
        self._state_timer = QTimer(self)
        self._state_timer.setInterval(STATE_POLL_MS)
        self._state_timer.timeout.connect(self.refresh_state)
        self._connect()
        self._restore_window_state()
        self._set_editing_enabled(False)

    # -- layout ------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        writing = QWidget(self)
        column = QVBoxLayout(writing)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.form)
        column.addWidget(self.editor, 1)
        column.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.list_panel)
        self.splitter.addWidget(writing)
        self.splitter.addWidget(self.preview_host)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([260, 560, 560])
        self.setCentralWidget(self.splitter)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )

    def _build_status_bar(self) -> None:
        self.count_label = QLabel(self)
        self.count_label.setObjectName("wordCount")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("articleStatus")
        self.save_label = QLabel(self.tr("Opening…"), self)
        self.save_label.setObjectName("saveState")
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.save_label)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(250)
        self._count_timer.timeout.connect(self._recount)

    def add_dock(self, widget: QWidget, title: str) -> QDockWidget:
        """Add a panel as a dock on the right (the host's way; kept for the window's own)."""
        return self.host.add_dock(widget, title)

    def _apply_preferences(self, prefs: Preferences) -> None:
        """The window's share of the preferences: autosave timing; the page shows the rest."""
        self.autosaver.set_timing(prefs.autosave_pause_ms, prefs.revision_interval_minutes)
        self._update_preview()

    # -- the host's Document -----------------------------------------------------------------
    @property
    def headline_edit(self) -> QLineEdit:
        return self.form.headline_edit

    @property
    def standfirst_edit(self) -> QPlainTextEdit:
        return self.form.standfirst_edit

    def save_now(self) -> None:
        self.autosaver.save_now()

    def cancel_pending_save(self) -> None:
        self.autosaver.cancel_pending()

    def mark_edited(self) -> None:
        self.autosaver.mark_edited()

    def _connect(self) -> None:
        self.editor.textChanged.connect(self._edited)
        self.form.sig_edited.connect(self._edited)
        self.list_panel.sig_open_requested.connect(self.open_article)
        self.list_panel.sig_filter_changed.connect(self.refresh_list)

    # -- start-up ----------------------------------------------------------------------------
    def start(self) -> None:
        """Open the data dir on the database thread; the window is already painted.

        First the last article is read with the standard library only and shown; the ORM,
        migrations and the rest load behind it.
        """
        self.tasks.submit_db(jobs.peek_last_article, self.data, on_success=self._peeked)
        self.tasks.submit_db(
            jobs.open_data_dir, self.data, on_success=self._opened, on_error=self._open_failed
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.preview is None:
            QTimer.singleShot(50, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """Load what the first paint did without: the preview (QtWebEngine) and the features.

        The features' modules are imported on a worker thread first (`import_features`), so
        the GUI thread only builds their widgets.
        """
        if self.preview is not None:
            return
        from workstation.gui.features import import_features
        from workstation.gui.preview import PreviewPane

        preview = PreviewPane(self.tasks, self.preview_host, media_root=self.data.root)
        preview.setObjectName("preview")
        layout = self.preview_host.layout()
        assert layout is not None
        layout.addWidget(preview)
        preview.sig_source_line_visible.connect(self.editor.scroll_to_line)
        preview.sig_problem.connect(self._show_error)
        self.editor.verticalScrollBar().valueChanged.connect(self._editor_scrolled)
        self.preview = preview
        self.tasks.submit(
            import_features, on_success=lambda _none: self._attach_features(),
            on_error=lambda error: self._show_error(self.tr("Cannot load: %s") % error),
        )  # fmt: skip
        self._update_preview()

    def _attach_features(self) -> None:
        from workstation.gui.features import attach_features

        self.features = attach_features(self.host)
        docks = self.host.docks
        if docks:
            docks[0].raise_()
            self.resizeDocks([docks[0]], [max(300, self.width() // 4)], Qt.Orientation.Horizontal)
        self.restore_docks()
        for dock in docks:
            dock.visibilityChanged.connect(lambda shown, d=dock: self._dock_shown(d, shown))
        self._update_preview()
        self._started_if_done()

    def _started_if_done(self) -> None:
        if self.features and self.workspace is not None:
            self.sig_started.emit()

    def _peeked(self, article: Article | None) -> None:
        if article is not None and self._article is None:
            self.show_article(article)

    def _editor_scrolled(self, _value: int) -> None:
        if self.preview is not None:
            self.preview.scroll_to_source_line(self.editor.first_visible_line())

    def _opened(self, opened: jobs.Opened) -> None:
        self.workspace = opened.workspace
        self.autosaver.set_database(opened.workspace.db)
        if opened.demo_loaded:
            self.statusBar().showMessage(
                self.tr(
                    "Loaded %n fictional demo articles into the archive.", "", opened.demo_loaded
                ),
                8000,
            )
        self.host.workspace = opened.workspace
        self.sig_workspace_ready.emit()
        self.host.sig_workspace_ready.emit()
        self._started_if_done()
        self.refresh_list()
        if self._article is not None:  # shown early by the fast path: keep what was typed
            self.autosaver.save_now()
            self._refresh_related()
            self.refresh_state()
            self.tasks.submit_db(jobs.remember_open_article, opened.workspace.db, self._article.id)
            self.list_panel.select(self._article.id)
            self.host.sig_article_opened.emit(self.current_article())
        elif opened.article is not None:
            self.show_article(opened.article)
        else:
            self.save_label.setText(self.tr("No article open"))

    def _open_failed(self, error: BaseException) -> None:
        self.save_label.setText(self.tr("Cannot open the data dir"))
        self._show_error(self.tr("Cannot open %s: %s") % (self.data.root, error))

    # -- the open article --------------------------------------------------------------------
    def current_article(self) -> Article | None:
        """The open article as the widgets show it now (cheap; GUI thread)."""
        if self._article is None:
            return None
        return self.form.apply_to(self._article).with_changes(body=self.editor.toPlainText())

    def show_pictures(self, pictures: Pictures | None) -> None:
        """The library pictures the open article shows (hero, body): the preview renders them."""
        self._pictures = pictures
        self._update_preview()

    def set_related(self, ids: tuple[str, ...]) -> None:
        """Store the related picks on the open article (saved with the next autosave)."""
        if self._article is None or ids == self._article.related:
            return
        self._article = self._article.with_changes(related=ids)
        self._refresh_related()
        self._edited()

    def set_status(self, status: Status) -> None:
        """Move the open article to another workflow state (a revision records the move)."""
        article = self.current_article()
        if article is None or self.workspace is None or article.status == status:
            return
        self.autosaver.cancel_pending()
        self.tasks.submit_db(
            jobs.change_status, self.workspace.db, article, status, on_success=self._status_changed
        )

    def _status_changed(self, article: Article) -> None:
        self._adopt_store_fields(article)
        self.refresh_list()
        self.refresh_state()

    def _adopt_store_fields(self, stored: Article) -> None:
        """Take what the store owns (status, publication date) without touching the text."""
        if self._article is None or self._article.id != stored.id:
            return
        self._article = self._article.with_changes(
            status=stored.status, published_at=stored.published_at, origin=stored.origin,
            updated_at=stored.updated_at,
        )  # fmt: skip
        self.status_label.setText(self.tr(STATUS_LABELS[stored.status]))

    def refresh_state(self) -> None:
        """Read the open article's state back from the store (DB thread; cheap)."""
        if self.workspace is None or self._article is None:
            return
        self.tasks.submit_db(
            jobs.article_state, self.workspace.db, self._article.id,
            on_success=self._state_loaded, on_error=lambda _e: None,
        )  # fmt: skip

    def _state_loaded(self, state: ArticleState) -> None:
        if self._article is None or self._article.id != state.article_id:
            return
        if self._article.status is not state.status:
            self._article = self._article.with_changes(
                status=state.status, published_at=state.published_at
            )
            self.status_label.setText(self.tr(STATUS_LABELS[state.status]))
            self.refresh_list()
        if state != self._state:
            self._state = state
            self.host.sig_state_changed.emit(state)

    @property
    def article_state(self) -> ArticleState | None:
        """The store's last word on the open article (None until read)."""
        return self._state

    def open_article(self, article_id: str) -> None:
        """Save the open article, then load another (both on the database thread, in order)."""
        if self.workspace is None or (self._article and self._article.id == article_id):
            return
        self.autosaver.save_now()
        self.tasks.submit_db(
            jobs.get_article, self.workspace.db, article_id, on_success=self.show_article
        )

    def show_article(self, article: Article) -> None:
        """Load `article` into the widgets. The open article again (a merge, a restore) keeps
        the writer's place: the cursor carried through the new text, the scroll, the focus."""
        again = self._article is not None and self._article.id == article.id
        scrolled = self.editor.verticalScrollBar().value()
        self._article = article
        self.form.load(article, keep_place=again)
        self.editor.blockSignals(True)
        if again:  # the change is an edit of the text shown: undo and the cursor survive it
            merge_into_plain_text(self.editor, article.body)
            self.editor.verticalScrollBar().setValue(scrolled)
        else:
            self.editor.setPlainText(article.body)
        self.editor.blockSignals(False)
        self.editor.document().setModified(False)
        self._set_editing_enabled(True)
        self.setWindowTitle(self.tr("%s — Editorial Workstation") % article.headline)
        self.save_label.setText(self.tr("Saved"))
        self.status_label.setText(self.tr(STATUS_LABELS[article.status]))
        self._recount()
        self._refresh_related()
        if not again:
            self.editor.setFocus()
        self._state = None
        if self.workspace is not None:
            self.tasks.submit_db(jobs.remember_open_article, self.workspace.db, article.id)
            self.list_panel.select(article.id)
            self.refresh_state()
        self._state_timer.start()
        self.host.sig_article_opened.emit(article)
        self.sig_article_shown.emit()

    def _set_editing_enabled(self, enabled: bool) -> None:
        self.form.setEnabled(enabled)
        self.editor.setReadOnly(not enabled)

    def _edited(self) -> None:
        article = self.current_article()
        if article is None:
            return
        self.autosaver.mark_edited()
        self.save_label.setText(self.tr("Editing…"))
        self._count_timer.start()
        self._update_preview(article)
        self.sig_article_edited.emit(article)
        self.host.sig_article_changed.emit(article)

    def _saved(self, article: Article | None) -> None:
        if article is None:
            return
        if self._article is not None and article.id == self._article.id:
            self._adopt_store_fields(article)
            self.host.sig_article_saved.emit(article)
            if not self.autosaver.dirty:
                self.save_label.setText(
                    self.tr("Saved %s") % article.updated_at.astimezone().strftime("%H:%M:%S")
                )
        self.refresh_list()

    def _recount(self) -> None:
        generation = self._count_generation.next()
        self.tasks.submit(
            _counts, self.editor.toPlainText(),
            on_success=lambda counts: self._show_counts(generation, counts),
        )  # fmt: skip

    def _show_counts(self, generation: int, counts: tuple[int, int]) -> None:
        if self._count_generation.is_current(generation):
            words, minutes = counts
            self.count_label.setText(
                self.tr("%n words", "", words) + " · " + self.tr("%n min read", "", minutes)
            )

    def _refresh_related(self) -> None:
        if self.workspace is None or self._article is None:
            return
        workspace = self.workspace
        self.tasks.submit_db(
            jobs.related_links, workspace.db, self._article.related,
            on_success=self._related_loaded,
        )  # fmt: skip

    def _related_loaded(self, links: list[RelatedLink]) -> None:
        self._related = links
        self._update_preview()

    def _update_preview(self, article: Article | None = None) -> None:
        article = article or self.current_article()
        if self.preview is None or article is None or self.workspace is None:
            return
        self.preview.show_article(article, self.workspace.prefs, self._related, self._pictures)

    # -- list --------------------------------------------------------------------------------
    def refresh_list(self) -> None:
        if self.workspace is None:
            return
        generation = self._list_generation.next()
        self.tasks.submit_db(
            jobs.fetch_list, self.workspace.db, self.list_panel.status_filter(),
            self.list_panel.search_text(),
            on_success=lambda rows: self._list_loaded(generation, rows),
        )  # fmt: skip

    def _list_loaded(self, generation: int, rows: list[ArticleSummary]) -> None:
        if self._list_generation.is_current(generation):
            self.list_panel.set_rows(rows, self._article.id if self._article else None)

    # -- window state and closing ------------------------------------------------------------
    def _settings(self) -> QSettings:
        return QSettings(str(self.data.window_state), QSettings.Format.IniFormat)

    def _restore_window_state(self) -> None:
        if not self.data.window_state.exists():
            self._default_size()
            return
        settings = self._settings()
        geometry = settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self._default_size()
        splitter = settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self._saved_dock_state = settings.value("windowState")

    def _default_size(self) -> None:
        """1380×860, or the screen's free area when that is smaller (a 1280×800 laptop)."""
        screen = self.screen()
        free = screen.availableGeometry() if screen is not None else None
        width, height = DEFAULT_SIZE
        if free is not None and free.width() > 0 and free.height() > 0:
            width, height = min(width, free.width()), min(height, free.height())
        self.resize(width, height)

    def restore_docks(self) -> None:
        """Called once features have added their docks, so their layout comes back too,
        with the tab that was in front of each group of tabbed docks."""
        state = getattr(self, "_saved_dock_state", None)
        if state is not None:
            self.restoreState(state)
        elif self.host.docks:  # first run: room for the panels' buttons beside the preview
            self.resizeDocks(self.host.docks[:1], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        for bar in self.findChildren(QTabBar):  # the docks' tabs: whole names, never "Probl…"
            if bar.parent() is self:
                bar.setElideMode(Qt.TextElideMode.ElideNone)
                bar.setUsesScrollButtons(True)
        raised = self._settings().value("raisedDocks") if self.data.window_state.exists() else None
        names = [raised] if isinstance(raised, str) else list(raised or [])
        for dock in self.host.docks:
            if dock.objectName() in names:
                dock.raise_()

    def _dock_shown(self, dock: QDockWidget, shown: bool) -> None:
        if shown:
            self._raise_count += 1
            self._raised[dock.objectName()] = self._raise_count

    def _front_docks(self) -> list[str]:
        """The dock in front of each tab group: the shown one, else the last one shown."""
        front: list[str] = []
        seen: set[str] = set()
        for dock in self.host.docks:
            if dock.objectName() in seen or dock.isHidden():
                continue
            group = [dock, *self.tabifiedDockWidgets(dock)]
            seen.update(d.objectName() for d in group)
            shown = [d for d in group if d.isVisible()]
            best = (
                shown[0]
                if len(shown) == 1
                else max(group, key=lambda d: self._raised.get(d.objectName(), -1))
            )
            front.append(best.objectName())
        return front

    def save_window_state(self) -> None:
        self.data.ensure()
        settings = self._settings()
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("windowState", self.saveState())
        settings.setValue("splitter", self.splitter.saveState())
        settings.setValue("raisedDocks", self._front_docks())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.finish()
        event.accept()

    def finish(self) -> None:
        """Save what was typed, the window state, and close the store; once (the window's
        close does it, and start-up's caller again in case the loop ended another way)."""
        if self._finished:
            return
        self._finished = True
        self._state_timer.stop()
        self.autosaver.save_now()
        self.save_window_state()
        if self.preview is not None:
            self.preview.shutdown()
        # Waits for queued saves (nothing typed is lost) and durable jobs.
        self.tasks.shutdown(wait_for_pool=not self.exit_without_waiting)
        if self.workspace is not None:
            self.workspace.close()

    def _show_error(self, message: str) -> None:
        log.error("%s", message)
        self.statusBar().showMessage(message, 15000)


def _counts(text: str) -> tuple[int, int]:
    return word_count(text), reading_minutes(text)
