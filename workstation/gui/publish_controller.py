"""One-click publishing in the window: the Publish menu, progress, live URL, the outbox worker."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox

from workstation.domain.article import Article, Status
from workstation.domain.lifecycle import RepublishKind
from workstation.domain.publication import Account, ArticleState, JobState, OutboxJob
from workstation.domain.validation import distribution_problems, readiness_problems
from workstation.gui import jobs
from workstation.gui.host import Host
from workstation.gui.lifecycle_widgets import RepublishDialog, TakedownDialog
from workstation.gui.publish_widgets import (
    AccountDialog,
    ChecklistDialog,
    OutboxPanel,
    ScheduleDialog,
)

if TYPE_CHECKING:
    from pathlib import Path

    from workstation.gui.accounts_page import AccountEditor
    from workstation.publish.worker import OutboxWorker
    from workstation.usecases.local_service import LocalService
    from workstation.usecases.workspace import Database, Workspace

log = logging.getLogger(__name__)
FOLLOW_SCHEDULED_MS = 10_000
"""How often the site is asked whether a scheduled story has gone live."""


def _prepare(
    workspace: Workspace, on_change: Callable[[OutboxJob], None]
) -> tuple[OutboxWorker, LocalService | None]:
    """Worker thread job: the embedded service when no account exists, then the outbox worker."""
    from workstation.usecases import local_service, publishing

    db = workspace.db
    local = None
    if local_service.needs_local_service(db):
        local = local_service.start_local_service(workspace.data, db)
    # The page context reads the preferences as they are when a job is sent.
    return publishing.new_worker(db, lambda: workspace.prefs, on_change=on_change), local


def _enqueue(
    db: Database,
    article_id: str,
    action: str,
    at: datetime | None,
    data_root: Path | None = None,
    override_note: str = "",
    checklist_note: str = "",
    kind: str = "",
    note: str = "",
) -> OutboxJob:
    from workstation.usecases import publishing

    if action == "unpublish":
        return publishing.unpublish(db, article_id)
    if action == "takedown":
        return publishing.take_down(db, article_id, note)
    return publishing.publish(
        db,
        article_id,
        at=at,
        data_root=data_root,
        override_note=override_note,
        checklist_note=checklist_note,
        kind=RepublishKind(kind) if kind else None,
        note=note,
    )


def _jobs(db: Database) -> list[OutboxJob]:
    from workstation.usecases import publishing

    return publishing.outbox_jobs(db)[-200:]


def _overwrite(db: Database, job_id: int) -> None:
    """Pool job (it asks the service for its version first)."""
    from workstation.usecases import publishing

    publishing.overwrite_after_conflict(db, job_id)


def _account_to_sign_in(db: Database) -> Account | None:
    from workstation.usecases import publishing

    waiting = [j for j in publishing.outbox_jobs(db) if j.state is JobState.SIGN_IN]
    accounts = {a.name: a for a in publishing.list_accounts(db)}
    if waiting and waiting[-1].target in accounts:
        return accounts[waiting[-1].target]
    return next((a for a in accounts.values() if a.is_default), None)


def _retry_or_cancel(db: Database, job_id: int, retry: bool) -> None:
    from workstation.usecases import publishing

    if retry:
        publishing.retry_job(db, job_id)
    else:
        publishing.cancel_job(db, job_id)


class PublishController(QObject):
    """Publish, schedule and unpublish the open article; runs the outbox worker while open."""

    sig_job_changed = Signal(object)
    """An outbox job changed state (emitted from the worker thread; delivered queued)."""

    sig_published = Signal(str)
    """A job of this session finished; carries the live URL (empty after unpublish)."""

    sig_publish_failed = Signal(str)
    """A job of this session stopped for good; carries the reason for the status bar."""

    sig_ready = Signal()
    """The worker (and the embedded service, if needed) is running."""

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host
        self.worker: OutboxWorker | None = None
        self.local: LocalService | None = None
        self.checklist: ChecklistDialog | None = None
        self.schedule_dialog: ScheduleDialog | None = None
        self.publish_action: QAction | None = None
        self.account_editor: AccountEditor | None = None
        self._mine: set[int] = set()
        self._pending_publish: tuple[Article, str, datetime | None] | None = None
        self._checklist_note = ""
        self.republish_dialog: RepublishDialog | None = None
        self.takedown_dialog: TakedownDialog | None = None
        self._said: tuple[str, str] = ("", "")
        """What the republish is and its note (RepublishDialog), for the job being queued."""
        self.panel = OutboxPanel()
        self.link = QLabel()
        self.link.setObjectName("liveUrl")
        self.link.setAccessibleName(self.tr("Publication"))
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.setOpenExternalLinks(True)  # the system browser opens the live page
        host.add_status_widget(self.link)
        self.state: ArticleState | None = None
        self._follow = QTimer(self)
        self._follow.setInterval(FOLLOW_SCHEDULED_MS)
        self._follow.timeout.connect(self.follow_scheduled)
        self._following = False
        host.sig_state_changed.connect(self._state_changed)
        host.sig_accounts_changed.connect(self._accounts_changed)
        self.sig_job_changed.connect(self._job_changed)
        self.panel.sig_refresh.connect(self.refresh_outbox)
        self.panel.sig_retry.connect(self.retry_job)
        self.panel.sig_cancel.connect(self.cancel_job)
        self.panel.sig_overwrite.connect(self.overwrite_job)
        host.dialog_parent().installEventFilter(self)

    # -- set-up and teardown -----------------------------------------------------------------
    def workspace_ready(self) -> None:
        workspace = self.host.workspace
        if workspace is None or self.worker is not None:
            return
        self.host.tasks.submit(
            _prepare,
            workspace,
            self.sig_job_changed.emit,  # called on the worker's thread; the signal is queued
            on_success=self._prepared,
            on_error=self._prepare_failed,
        )

    def _prepared(self, result: tuple[OutboxWorker, LocalService | None]) -> None:
        self.worker, self.local = result
        self.worker.start()
        where = self.local.account.url if self.local is not None else "the accounts set up"
        log.info("publishing ready: %s", where)
        self.refresh_outbox()
        self.sig_ready.emit()

    def _prepare_failed(self, error: BaseException) -> None:
        log.warning("publishing unavailable: %s", error)
        self.link.setText(self.tr("Publishing is off: set up an account in Publish › Accounts…"))
        self.host.show_message(self.tr("Publishing is unavailable: %s") % error, 15_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host.dialog_parent() and event.type() == QEvent.Type.Close:
            self.shutdown()
        return False

    def shutdown(self) -> None:
        """Stop the worker (its jobs stay queued for next time) and the embedded service."""
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
        if self.local is not None:
            self.local.stop()
            self.local = None
        self._follow.stop()

    # -- actions -----------------------------------------------------------------------------
    def publish_current(self) -> None:
        """The Publish button: checklist only when something fails, otherwise publish now."""
        self.publish_at(None)

    def publish_at(self, at: datetime | None) -> None:
        """Publish the open article now (`at` None) or at `at` (an aware datetime)."""
        if at is not None and not isinstance(at, datetime):
            raise TypeError(f"publish time must be a datetime, not {type(at).__name__}")
        article: Article | None = self.host.current_article()
        if article is None or self.host.workspace is None:
            self.host.show_message(self.tr("Open an article to publish it."))
            return
        problems = readiness_problems(article)
        problems += distribution_problems(article, self.host.workspace.prefs)
        if problems:
            self.checklist = ChecklistDialog(problems, self.host.dialog_parent())
            self.checklist.sig_override.connect(lambda note: self._send_over(article, at, note))
            self.checklist.open()
            return
        self._checklist_note = ""
        self._ask_or_send(article, at)

    def _send_over(self, article: Article, at: datetime | None, note: str) -> None:
        """Publish over the checklist's warnings (search length, audience), keeping why."""
        self._checklist_note = note
        self._ask_or_send(article, at)

    def _is_live(self, article: Article) -> tuple[bool, bool]:
        """(live now, taken down) as the store last said."""
        state = self.state
        mine = state is not None and state.article_id == article.id
        status = state.status if state is not None and mine else article.status
        return status is Status.PUBLISHED, status is Status.WITHDRAWN

    def _ask_or_send(self, article: Article, at: datetime | None) -> None:
        """A live (or taken-down) story's republish first says what it is."""
        live, taken_down = self._is_live(article)
        self._said = ("", "")
        if at is not None or not (live or taken_down):
            self._send(article, "publish", at)
            return
        dialog = RepublishDialog(article.headline, taken_down, self.host.dialog_parent())
        dialog.sig_chosen.connect(lambda kind, note: self._republish(article, kind, note))
        self.republish_dialog = dialog
        dialog.open()

    def _republish(self, article: Article, kind: str, note: str) -> None:
        self._said = (kind, note)
        self._send(article, "publish", None)

    def schedule_current(self) -> None:
        if self.host.current_article() is None:
            self.host.show_message(self.tr("Open an article to schedule it."))
            return
        zone_name = self.host.workspace.prefs.time_zone if self.host.workspace else ""
        dialog = ScheduleDialog(self.host.dialog_parent(), zone_name or "Europe/London")
        dialog.accepted.connect(lambda: self.publish_at(dialog.publish_at()))
        self.schedule_dialog = dialog
        dialog.open()

    def unpublish_current(self) -> None:
        article = self.host.current_article()
        if article is None or self.host.workspace is None:
            self.host.show_message(self.tr("Open an article to unpublish it."))
            return
        answer = QMessageBox.question(
            self.host.dialog_parent(),
            self.tr("Unpublish"),
            self.tr("Take “%s” off the site? Its address will say it was withdrawn.")
            % article.headline,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._send(article, "unpublish", None)

    def take_down_current(self) -> None:
        """Publish › Take down…: asks why (required), then the outbox sends it."""
        article = self.host.current_article()
        if article is None or self.host.workspace is None:
            self.host.show_message(self.tr("Open an article to take it down."))
            return
        dialog = TakedownDialog(article.headline, self.host.dialog_parent())
        dialog.sig_reason.connect(lambda reason: self._take_down(article, reason))
        self.takedown_dialog = dialog
        dialog.open()

    def _take_down(self, article: Article, reason: str) -> None:
        self._said = ("", reason)
        self._send(article, "takedown", None)

    def _send(
        self, article: Article, action: str, at: datetime | None, override_note: str = ""
    ) -> None:
        self.host.document.save_now()  # queued first on the database thread: the job sees it
        self.link.setText(
            self.tr("Publishing…") if action == "publish" else self.tr("Unpublishing…")
        )
        said = self._said if action in ("publish", "takedown") else ("", "")
        workspace = self.host.workspace
        assert workspace is not None
        self._pending_publish = (article, action, at)
        self.host.tasks.submit_db(
            _enqueue,
            workspace.db,
            article.id,
            action,
            at,
            workspace.data.root,
            override_note,
            self._checklist_note if action == "publish" else "",
            *said,
            on_success=self._queued,
            on_error=self._enqueue_failed,
        )

    def _queued(self, job: OutboxJob) -> None:
        self._mine.add(job.id)
        if self.worker is not None:
            self.worker.wake()
        self.refresh_outbox()

    def _enqueue_failed(self, error: BaseException) -> None:
        self.link.setText("")
        problems = getattr(error, "problems", None)
        if problems:  # house style (or a check the service side added): the checklist says which
            self.checklist = ChecklistDialog(list(problems), self.host.dialog_parent())
            self.checklist.sig_override.connect(self._publish_over)
            self.checklist.open()
            return
        self.sig_publish_failed.emit(str(error))
        self.host.show_message(str(error), 10_000)

    def _publish_over(self, note: str) -> None:
        """The publisher overrode the house-style errors with a note: send it again with it."""
        if self._pending_publish is not None:
            article, action, at = self._pending_publish
            self._send(article, action, at, note)

    def _job_changed(self, job: OutboxJob) -> None:
        self.refresh_outbox()
        current = self.host.current_article()
        if current is not None and current.id == job.article_id:
            self.host.document.refresh_state()  # the store says what it is now, not the job
        if job.id not in self._mine or job.is_open:
            return
        self._mine.discard(job.id)
        if job.state is JobState.DONE:
            self.sig_published.emit(job.live_url)
            return
        reason = f"{STATE_TEXT.get(job.state, job.state.value)}: {job.last_error}"
        self.link.setText(self.tr("Not published: %s") % _escape(reason))
        self.host.show_message(reason, 15_000)
        self.sig_publish_failed.emit(reason)

    def _state_changed(self, state: ArticleState) -> None:
        """The visible line: Live at URL / Scheduled for T / Taken down, from the store."""
        self.state = state
        self.link.setText(state_line(state, self.tr))
        if state.status is Status.SCHEDULED:
            if not self._follow.isActive():
                self._follow.start()
        else:
            self._follow.stop()

    def follow_scheduled(self) -> None:
        """Ask the site whether scheduled stories went live (pool thread: network)."""
        workspace = self.host.workspace
        if workspace is None or self._following:
            return
        self._following = True
        self.host.tasks.submit(
            jobs.follow_scheduled, workspace.db,
            on_success=self._followed, on_error=self._follow_failed,
        )  # fmt: skip

    def _followed(self, changed: list[str]) -> None:
        self._following = False
        if changed:
            self.host.document.refresh_state()
            self.host.document.refresh_list()

    def _follow_failed(self, error: BaseException) -> None:
        self._following = False
        log.info("following scheduled stories: %s", error)

    # -- accounts ----------------------------------------------------------------------------
    def edit_account(self) -> None:
        """Sign in again (or add the first account): the token is checked, then kept. The
        dialog opens on the account a job is waiting to sign in to (else the default one),
        its kind and address filled in, once the database has said which that is."""
        workspace = self.host.workspace
        if workspace is None:
            self._open_account_editor(None)
            return
        self.host.tasks.submit_db(
            _account_to_sign_in, workspace.db,
            on_success=self._open_account_editor,
            on_error=lambda _error: self._open_account_editor(None),
        )  # fmt: skip

    def _open_account_editor(self, account: Account | None) -> None:
        from workstation.gui.accounts_page import AccountEditor

        if account is None:
            self.account_editor = AccountEditor(self.host)
        else:
            self.account_editor = AccountEditor(self.host, account.name, account.url, account.kind)
        self.account_editor.open()

    @property
    def account_dialog(self) -> AccountDialog | None:
        return self.account_editor.dialog if self.account_editor is not None else None

    def open_accounts(self) -> None:
        """Publish › Accounts…: Settings, on its Accounts page."""
        from workstation.gui.settings_dialog import open_settings

        open_settings(self.host, "accounts")

    def _accounts_changed(self) -> None:
        """An account (or the place tokens are kept) changed: start publishing if it could not."""
        if self.worker is None:
            self.workspace_ready()

    # -- outbox ------------------------------------------------------------------------------
    def refresh_outbox(self) -> None:
        if self.host.workspace is not None:
            self.host.tasks.submit_db(_jobs, self.host.workspace.db, on_success=self.panel.set_jobs)

    def retry_job(self, job_id: int) -> None:
        self._retry_or_cancel(job_id, True)

    def overwrite_job(self, job_id: int) -> None:
        """After a conflict, on the user's word: publish their version over the service's."""
        if self.host.workspace is None:
            return
        self._mine.add(job_id)
        self.host.tasks.submit(
            _overwrite,
            self.host.workspace.db,
            job_id,
            on_success=self._after_retry_or_cancel,
            on_error=self._enqueue_failed,
        )

    def cancel_job(self, job_id: int) -> None:
        self._retry_or_cancel(job_id, False)

    def _retry_or_cancel(self, job_id: int, retry: bool) -> None:
        if self.host.workspace is None:
            return
        if retry:
            self._mine.add(job_id)
        self.host.tasks.submit_db(
            _retry_or_cancel,
            self.host.workspace.db,
            job_id,
            retry,
            on_success=self._after_retry_or_cancel,
        )

    def _after_retry_or_cancel(self, _result: object) -> None:
        if self.worker is not None:
            self.worker.wake()
        self.refresh_outbox()


STATE_TEXT = {
    JobState.FAILED: "Publishing failed",
    JobState.CONFLICT: "Changed on the service meanwhile: merge, then retry",
    JobState.SIGN_IN: "Sign in again",
    JobState.CANCELLED: "Cancelled",
}


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def state_line(state: ArticleState, tr: Callable[[str], str]) -> str:
    """The publication line for the status bar (rich text: the live URL is a link)."""
    if state.status is Status.PUBLISHED and state.live_url:
        url = _escape(state.live_url)
        return tr('Live at <a href="%s">%s</a>') % (url, url)
    if state.status is Status.PUBLISHED:
        return tr("Live")
    if state.status is Status.SCHEDULED and state.publish_at is not None:
        from workstation.gui.schedule_time import describe

        return tr("Scheduled for %s") % _escape(describe(state.publish_at))
    if state.status is Status.SCHEDULED:
        return tr("Scheduled")
    if state.status is Status.WITHDRAWN:
        return tr("Taken down")
    return ""


def attach_publishing(host: Host) -> PublishController:
    """Add the Publish menu and toolbar button, the publication line and the Outbox dock."""
    existing = host.findChild(PublishController)
    if existing is not None:
        return existing
    controller = PublishController(host)
    tr = controller.tr
    menu = tr("&Publish")
    controller.publish_action = host.add_action(
        menu, tr("&Publish"), controller.publish_current, "Ctrl+Shift+P", toolbar=True,
        name="publishAction",
    )  # fmt: skip
    host.add_action(menu, tr("&Schedule…"), controller.schedule_current, name="scheduleAction")
    host.add_action(menu, tr("&Unpublish…"), controller.unpublish_current, name="unpublishAction")
    host.add_action(menu, tr("Take &down…"), controller.take_down_current, name="takedownAction")
    host.add_action(menu, tr("Sign &in again…"), controller.edit_account, name="signInAction")
    host.add_action(menu, tr("&Accounts…"), controller.open_accounts, name="accountsAction")
    host.add_dock(controller.panel, tr("Outbox"))
    host.sig_workspace_ready.connect(controller.workspace_ready)
    controller.workspace_ready()
    return controller
