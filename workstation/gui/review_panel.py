"""Review in the window: background sync, online indicator, inbox, comments, presence, conflicts.

Attached by `attach_review(host)`; sync and presence run off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QInputDialog

from workstation.domain.article import Article, now_utc
from workstation.domain.merge import merge_content
from workstation.domain.wire import content_of
from workstation.gui.host import Host
from workstation.gui.review_widgets import CommentsPanel, ConflictDialog, InboxPanel, SyncIndicator
from workstation.gui.tasks import Generation
from workstation.sync.client import SyncError
from workstation.sync.engine import SyncReport
from workstation.usecases.articles import UseCaseError, get_article
from workstation.usecases.review import comments as review_comments
from workstation.usecases.review import conflicts as review_conflicts
from workstation.usecases.review import presence as review_presence
from workstation.usecases.review import sync as review_sync
from workstation.usecases.review import target as review_target
from workstation.usecases.review import workflow as review_workflow
from workstation.usecases.workspace import Workspace

SYNC_INTERVAL_MS = 60_000
PRESENCE_INTERVAL_MS = 45_000  # the service keeps a mark 90 s: renewed well before it lapses


def _sync_job(
    workspace: Workspace, held: tuple[str, ...], progress: Callable[[str, int], None]
) -> tuple[SyncReport, dict[str, list[str]]] | None:
    """One round and who has what open; None when no account is set up."""
    try:
        report = review_sync.sync_once(workspace.db, held=held, progress=progress)
    except UseCaseError:
        return None
    editing: dict[str, list[str]] = {}
    if report.online:
        with suppress(SyncError, UseCaseError):
            editing = review_presence.who_is_editing(workspace.db)
    return report, editing


def _state_job(workspace: Workspace, article_id: str | None) -> review_workflow.ReviewState | None:
    try:
        return review_workflow.review_state(workspace.db, article_id)
    except UseCaseError:
        return None


class ReviewController(QObject):
    """Keeps the review panels and the open article in step with the service."""

    sig_synced = Signal(object)
    """A sync round finished; carries its SyncReport."""

    sig_progress = Signal(str, int)
    """(stage, count so far) during a round; emitted from the sync's thread, queued to ours."""

    def __init__(
        self,
        host: Host,
        inbox: InboxPanel,
        comments: CommentsPanel,
        indicator: SyncIndicator,
    ) -> None:
        super().__init__(comments)
        self.host, self.inbox, self.comments, self.indicator = host, inbox, comments, indicator
        self._syncing = False
        self._state_generation = Generation()
        self._presence_generation = Generation()
        self._conflicts: list[Any] = []
        self._editing: dict[str, list[str]] = {}
        self._present_on: str | None = None
        self._me = ""
        self._sync_timer = QTimer(self)
        self._sync_timer.setInterval(SYNC_INTERVAL_MS)
        self._sync_timer.timeout.connect(self.sync_now)
        self._presence_timer = QTimer(self)
        self._presence_timer.setInterval(PRESENCE_INTERVAL_MS)
        self._presence_timer.timeout.connect(self._mark_presence)
        self.sig_progress.connect(indicator.show_progress)
        inbox.sig_refresh_requested.connect(self.sync_now)
        inbox.sig_open_requested.connect(host.document.open_article)
        comments.sig_comment_requested.connect(self._comment)
        comments.sig_resolve_requested.connect(self._resolve)
        comments.sig_conflict_requested.connect(self.show_conflict)
        comments.sig_move_requested.connect(self._ask_move)
        host.sig_article_opened.connect(self._article_shown)
        host.sig_workspace_ready.connect(self.start)

    def start(self) -> None:
        if self.host.workspace is None:
            return
        self._sync_timer.start()
        self._presence_timer.start()
        self.sync_now()

    def stop(self) -> None:
        self._sync_timer.stop()
        self._presence_timer.stop()

    # sync
    def sync_now(self) -> None:
        workspace = self.host.workspace
        if workspace is None or self._syncing:
            return
        self._syncing = True
        current = self.host.current_article()
        # The open article is held: sync never writes under the editor; the window merges.
        held = (current.id,) if current is not None else ()
        self.indicator.show_syncing()
        self.host.tasks.submit(
            _sync_job,
            workspace,
            held,
            self.sig_progress.emit,
            on_success=self._synced,
            on_error=self._sync_failed,
        )

    def _sync_failed(self, error: BaseException) -> None:
        self._syncing = False
        self.indicator.show_result(False, now_utc(), str(error))

    def _synced(self, result: tuple[SyncReport, dict[str, list[str]]] | None) -> None:
        self._syncing = False
        if result is None:
            self.indicator.show_unconfigured()
            self.stop()
            return
        report, self._editing = result
        self.indicator.show_result(report.online, now_utc(), "\n".join(report.lines()))
        current = self.host.current_article()
        workspace = self.host.workspace
        if current is not None and workspace is not None:
            incoming = report.incoming.get(current.id)
            refused = any(line.startswith(current.id[:8]) for line in report.refused)
            if incoming is not None:
                self._cancel_autosave()
                self.host.tasks.submit_db(
                    review_sync.accept_incoming,
                    workspace.db,
                    current,
                    incoming,
                    on_success=partial(self._accepted, current),
                    on_error=self._sync_failed,
                )
            elif current.id in report.moves_sent or refused:
                self.host.tasks.submit_db(
                    get_article, workspace.db, current.id, on_success=self._reload
                )
        self.host.document.refresh_state()
        self.refresh()
        self.sig_synced.emit(report)

    def _cancel_autosave(self) -> None:
        self.host.document.cancel_pending_save()  # what the editor shows goes in with the merge

    def _accepted(self, sent: Article, result: tuple[Article, SyncReport]) -> None:
        """Show the merge; keystrokes typed while it ran are merged on top and saved."""
        merged, report = result
        shown = self.host.current_article()
        if shown is None or shown.id != merged.id:
            return
        final = merged
        if content_of(shown) != content_of(sent):
            both = merge_content(
                content_of(sent), content_of(shown), content_of(merged), theirs_wins=("status",)
            )
            final = merged.with_changes(
                body=both.content["body"], headline=both.content["headline"]
            )
        self.host.document.show_article(final)
        if final is not merged:
            self.host.document.mark_edited()
        if report.conflicts:
            self.refresh()

    def _reload(self, synced: Article) -> None:
        """A move went out (or was refused): only the status changed under the editor, so
        only the status is taken; the text on screen stays as it is."""
        shown = self.host.current_article()
        if shown is None or shown.id != synced.id:
            return
        self.host.document.refresh_state()  # the store has the status now; the text stays

    # panels
    def refresh(self) -> None:
        workspace = self.host.workspace
        if workspace is None:
            return
        current = self.host.current_article()
        generation = self._state_generation.next()
        self.host.tasks.submit_db(
            _state_job,
            workspace,
            current.id if current else None,
            on_success=lambda state: self._show_state(generation, state),
        )

    def _show_state(self, generation: int, state: review_workflow.ReviewState | None) -> None:
        if state is None or not self._state_generation.is_current(generation):
            return
        self.comments.set_comments(state.comments)
        self._conflicts = state.conflicts
        self.comments.conflict.setVisible(bool(state.conflicts))
        self.inbox.set_articles(state.inbox, self._editing)
        self.comments.set_moves(state.moves)

    def _article_shown(self, _article: object = None) -> None:
        current, workspace = self.host.current_article(), self.host.workspace
        left = self._present_on
        if left and workspace is not None and (current is None or current.id != left):
            # Another article now: take our mark off the last one (else it lapses by itself).
            self.host.tasks.submit(
                review_presence.stop_presence, workspace.db, left, on_error=self._presence_failed
            )
        self._present_on = current.id if current is not None else None
        self.refresh()
        self._mark_presence()

    def _mark_presence(self) -> None:
        workspace, current = self.host.workspace, self.host.current_article()
        if workspace is None or current is None:
            return
        generation = self._presence_generation.next()
        self.host.tasks.submit(
            review_presence.presence,
            workspace.db,
            current.id,
            on_success=lambda marks: self._show_presence(generation, marks),
            on_error=self._presence_failed,
        )

    def _show_presence(self, generation: int, marks: list[Any]) -> None:
        if self._presence_generation.is_current(generation):
            workspace = self.host.workspace
            if workspace is not None and not self._me:
                self._me = review_target.sync_user(workspace.db)
            self.comments.set_presence(marks, self._me)

    def _presence_failed(self, _error: BaseException) -> None:
        self.comments.set_presence([], self._me)  # offline: say nothing rather than guess

    def _comment(self, text: str, quote: str) -> None:
        workspace, current = self.host.workspace, self.host.current_article()
        if workspace is None or current is None:
            return
        self.host.tasks.submit_db(
            partial(review_comments.add_comment, quote=quote),
            workspace.db,
            current.id,
            text,
            on_success=self._sent,
            on_error=self._sync_failed,
        )

    def _resolve(self, comment_id: str) -> None:
        workspace, current = self.host.workspace, self.host.current_article()
        if workspace is None or current is None:
            return
        self.host.tasks.submit_db(
            review_comments.resolve_comment,
            workspace.db,
            current.id,
            comment_id,
            on_success=self._sent,
            on_error=self._sync_failed,
        )

    def _sent(self, _comment: object) -> None:
        self.refresh()
        self.sync_now()

    # workflow moves
    def _ask_move(self, verb: str, note_required: bool) -> None:
        note = ""
        if note_required or verb in ("approve", "return"):
            note, ok = QInputDialog.getText(
                self.comments, self.comments.tr("Note"), self.comments.tr("A note to send:")
            )
            if not ok or (note_required and not note.strip()):
                return
        self.request_move(verb, note)

    def request_move(self, verb: str, note: str = "") -> None:
        """Make the move here now; it goes to the service with this round of sync."""
        workspace, current = self.host.workspace, self.host.current_article()
        if workspace is None or current is None:
            return
        self._cancel_autosave()
        self.host.tasks.submit_db(
            review_workflow.request_move,
            workspace.db,
            current.id,
            verb,
            note,
            on_success=self._moved,
            on_error=self._sync_failed,
        )

    def _moved(self, _moved: Article) -> None:
        self.host.document.refresh_state()  # the window's copy follows the store's status
        self.refresh()
        self.sync_now()

    # conflicts
    def show_conflict(self) -> None:
        workspace = self.host.workspace
        if workspace is None or not self._conflicts:
            return
        self.host.tasks.submit_db(
            review_conflicts.conflict_view, workspace.db, self._conflicts[0].id,
            on_success=self._ask_conflict, on_error=self._sync_failed,
        )  # fmt: skip

    def _ask_conflict(self, view: Any) -> None:
        workspace = self.host.workspace
        dialog = ConflictDialog(view.rows, self.comments)
        choice = dialog.exec()
        if choice == ConflictDialog.KEEP_MINE:
            body = view.mine.article.body
        elif choice == ConflictDialog.KEEP_THEIRS:
            body = view.theirs.article.body
        else:
            return
        if workspace is None:
            return
        self.host.tasks.submit_db(
            review_conflicts.resolve_conflict, workspace.db, view.conflict.id, body,
            on_success=self._conflict_resolved, on_error=self._sync_failed,
        )  # fmt: skip

    def _conflict_resolved(self, resolved: Article) -> None:
        self.host.document.show_article(resolved)
        self.refresh()


def attach_review(host: Host) -> ReviewController:
    """Inbox and comments docks, a sync indicator in the status bar, background sync."""
    inbox, comments, indicator = InboxPanel(), CommentsPanel(), SyncIndicator()
    host.add_dock(inbox, inbox.tr("Inbox"))
    host.add_dock(comments, comments.tr("Comments"))
    host.add_status_widget(indicator)
    editor = host.document.editor
    comments.quote_source = lambda: editor.textCursor().selectedText()
    controller = ReviewController(host, inbox, comments, indicator)
    if host.workspace is not None:
        controller.start()
    return controller
