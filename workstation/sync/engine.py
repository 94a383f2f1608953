"""One sync round with a service: note moves, pull and merge, push, send the queue, comments."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from workstation.article_writer import write_article, write_with_revision
from workstation.domain.article import Origin, Revision, Status, now_utc
from workstation.domain.media import references_in
from workstation.domain.revisions import ReasonKind, RevisionReason, moved_reason, parse_reason
from workstation.domain.sync import QueueKind, QueueState
from workstation.domain.wire import content_of
from workstation.store.db import Database
from workstation.store.repository import ArticleRepository
from workstation.store.sync_state import SyncRepository
from workstation.sync.apply import (
    SyncReport,
    accept_incoming,
    apply_remote,
    base_content,
    status_of_base,
)
from workstation.sync.client import Offline, Refused, Remote, Stale, SyncClient, SyncError
from workstation.sync.comments import comment_from_remote, comment_request
from workstation.sync.convert import effective_status, same_text
from workstation.sync.pictures import DraftPictures

__all__ = ["SyncEngine", "SyncReport", "accept_incoming"]

PUSH_ATTEMPTS = 5
COMMIT_WINDOW = timedelta(seconds=5)
MOVE_TARGETS_NOT_INFERRED = (Status.PUBLISHED, Status.SCHEDULED)  # the publish flow's job


def _safe_cursor(cursor: str, items: list[Remote], server_time: datetime | None) -> str:
    """The cursor to start the next round from. From a service whose cursor is a time (before
    the change sequence), a change stamped just before the newest one seen may still be
    committing, so when the page reaches into the last few seconds, the next round starts a
    little earlier (re-reads are skipped). A sequence cursor comes with no server time."""
    newest = max((r.updated_at for r in items if r.updated_at is not None), default=None)
    if newest is None or server_time is None:
        return cursor
    settled = server_time - COMMIT_WINDOW
    return settled.isoformat() if newest > settled else cursor


WRITTEN_BY_SYNC = frozenset(
    {
        RevisionReason.SYNCED,
        RevisionReason.MERGED,
        RevisionReason.REMOTE,
        RevisionReason.CONFLICT_LOCAL,
        RevisionReason.CONFLICT_REMOTE,
        ReasonKind.MOVED,
    }
)


def _chosen_here(revisions: list[Revision], status: Status) -> bool:
    """Whether the newest revision about status, newer than anything sync wrote, is a person
    moving the article to `status` (revisions come newest first)."""
    for revision in revisions:
        reason = parse_reason(revision.reason)
        if reason.word in WRITTEN_BY_SYNC:
            return False
        if reason.word is ReasonKind.STATUS:
            return reason.argument == status.value
    return False


class SyncEngine:
    """Syncs one local database with one service account (`target` names the account)."""

    def __init__(
        self,
        db: Database,
        client: SyncClient,
        target: str,
        page_size: int = 500,
        held: Iterable[str] = (),
        progress: Callable[[str, int], None] | None = None,
        pictures: DraftPictures | None = None,
    ) -> None:
        self.db = db
        self.pictures = pictures  # None: drafts sync without their pictures (tests, tools)
        self.held = frozenset(held)
        self.progress = progress  # (stage, count so far); called on the sync's own thread
        self.client = client
        self.target = target
        self.page_size = page_size
        self.user = ""

    def run_once(self) -> SyncReport:
        """One round; offline or failing service stops it early and loses nothing."""
        report = SyncReport(self.target)
        try:
            self._identify()
            self._note_status_changes()
            self._pull(report)
            self._check_held(report)
            self._push(report)
            self._send_queue(report)
            self._pull_comments(report)
        except Offline as exc:
            report.online, report.error = False, str(exc)
        except SyncError as exc:
            report.error = str(exc)
        with self.db.session() as session:
            SyncRepository(session, self.target).update_state(
                last_sync_at=now_utc() if report.online else None, last_error=report.error
            )
        return report

    # who we are
    def _identify(self) -> None:
        with self.db.session() as session:
            state = SyncRepository(session, self.target).state()
        if state.user:
            self.user = state.user
            return
        user, role = self.client.whoami()
        self.user = user
        with self.db.session() as session:
            SyncRepository(session, self.target).update_state(user=user, role=role)

    # status changes made here without a queued move (the GUI's status menu)
    def _note_status_changes(self) -> None:
        """A status set here by a person (a "status:" revision newer than anything sync wrote)
        becomes a queued move; a status that differs only because a stale copy was saved over
        the synced one is put back."""
        with self.db.session() as session:
            sync = SyncRepository(session, self.target)
            articles = ArticleRepository(session)
            for article_id in sync.changed_since_sync():
                base = sync.base(article_id)
                local = articles.get(article_id)
                if base is None or local.status is status_of_base(base):
                    continue
                if local.status in MOVE_TARGETS_NOT_INFERRED:
                    continue
                if sync.has_pending(article_id, QueueKind.TRANSITION):
                    continue
                if _chosen_here(articles.revisions(article_id), local.status):
                    move = {"to": local.status.value, "note": ""}
                    sync.enqueue(article_id, QueueKind.TRANSITION, move)
                else:
                    write_article(session, local.with_changes(status=status_of_base(base)))

    # pull
    def _pull(self, report: SyncReport) -> None:
        with self.db.session() as session:
            cursor = SyncRepository(session, self.target).state().article_cursor or None
        seen = 0
        while True:
            items, next_cursor, server_time = self.client.feed(cursor, self.page_size)
            with self.db.session() as session, session.no_autoflush:
                # Load the page's bases and local copies in two queries, not two per article.
                SyncRepository(session, self.target).warm([remote.id for remote in items])
                for remote in items:
                    apply_remote(session, self.target, self.user, remote, report, self.held)
                if next_cursor:
                    stored = _safe_cursor(next_cursor, items, server_time)
                    SyncRepository(session, self.target).update_state(article_cursor=stored)
            self._fetch_pictures(items, report)
            seen += len(items)
            if self.progress is not None and items:
                self.progress("pulled", seen)
            if len(items) < self.page_size or not next_cursor or next_cursor == cursor:
                return
            cursor = next_cursor

    def _fetch_pictures(self, items: list[Remote], report: SyncReport) -> None:
        """The pictures the page's drafts show that this library lacks, from the service (held
        ones too: the editor shows them once the new version is taken)."""
        if self.pictures is None or not items:
            return
        wanted: dict[str, None] = {}
        for remote in items:
            for sha in references_in(str(remote.content.get("body") or "")):
                wanted.setdefault(sha, None)
        if wanted:
            report.pictures.extend(self.pictures.fetch(wanted))

    # push
    def _check_held(self, report: SyncReport) -> None:
        """Held articles are not written by a pull, so the feed may have passed them: ask."""
        for article_id in self.held - set(report.incoming):
            with self.db.session() as session:
                base = SyncRepository(session, self.target).base(article_id)
            if base is None:
                continue
            try:
                remote = self.client.get(article_id)
            except Refused:
                continue
            if remote.version > base.version:
                report.incoming[article_id] = remote

    def _push(self, report: SyncReport) -> None:
        with self.db.session() as session:
            changed = SyncRepository(session, self.target).changed_since_sync()
        for done, article_id in enumerate(changed, 1):
            self._push_one(article_id, report)
            if self.progress is not None and done % 50 == 0:
                self.progress("pushed", done)

    def _push_one(self, article_id: str, report: SyncReport) -> None:
        pictures_sent = False
        for _attempt in range(PUSH_ATTEMPTS):
            with self.db.session() as session:
                local = ArticleRepository(session).find(article_id)
                base = SyncRepository(session, self.target).base(article_id)
            if local is None or local.origin is not Origin.LOCAL:
                return
            status = str(base.content.get("status")) if base else Status.DRAFT.value
            content = content_of(local, status)
            if base is not None and same_text(content, base.content):
                with self.db.session() as session:  # only the status moved: the queue's job
                    SyncRepository(session, self.target).set_base(
                        article_id, base.version, base.content, base.author, local.updated_at
                    )
                return
            if self.pictures is not None and not pictures_sent:
                # Before the draft: whoever pulls it finds its pictures on the service.
                report.pictures.extend(self.pictures.send(local))
                pictures_sent = True
            try:
                remote = self.client.put(article_id, content, base.version if base else None)
            except Stale:
                remote = self.client.get(article_id)
                if article_id in self.held:
                    report.incoming[article_id] = remote
                    return
                with self.db.session() as session:
                    apply_remote(session, self.target, self.user, remote, report, self.held)
                continue
            except Refused as exc:
                report.refused.append(f"{article_id[:8]}: {exc}")
                return
            with self.db.session() as session:
                SyncRepository(session, self.target).set_base(
                    article_id, remote.version, base_content(remote), self.user, local.updated_at
                )
                if remote.content.get("status") != content.get("status"):
                    self._service_moved(session, local, remote)
            report.pushed.append(article_id)
            return
        report.error = f"{article_id[:8]} kept changing on the service; trying again next round"

    def _service_moved(self, session: Any, local: Any, remote: Remote) -> None:
        """The service moved the story as it took the edit (a writer's edit after approval
        goes back to review): the store shows the service's status, with why."""
        status = effective_status(remote.content, remote.publication_state, remote.is_live)
        if status is local.status:
            return
        moved = local.with_changes(status=status)
        note = "edited after approval: back to review" if status is Status.SUBMITTED else ""
        write_with_revision(session, moved, moved_reason(status), "service", note)

    # the offline queue: moves, comments, resolves
    def _send_queue(self, report: SyncReport) -> None:
        with self.db.session() as session:
            pending = SyncRepository(session, self.target).pending()
        for change in pending:
            try:
                if change.kind == QueueKind.TRANSITION:
                    self._send_move(change.article_id, change.payload, report)
                elif change.kind == QueueKind.COMMENT:
                    self._send_comment(change.article_id, change.payload)
                    report.comments_sent += 1
                elif change.kind == QueueKind.RESOLVE:
                    data = self.client.resolve(
                        change.article_id, change.payload["id"], change.payload["resolved"]
                    )
                    self._save_remote_comment(data)
            except Refused as exc:
                self._refused(change.id, change.article_id, change.kind, str(exc), report)
                continue
            with self.db.session() as session:
                SyncRepository(session, self.target).finish(change.id, QueueState.DONE)

    def _send_move(self, article_id: str, payload: dict[str, Any], report: SyncReport) -> None:
        remote = self.client.transition(article_id, payload["to"], payload.get("note", ""))
        with self.db.session() as session:
            articles, sync = ArticleRepository(session), SyncRepository(session, self.target)
            local = articles.get(article_id)
            status = effective_status(remote.content, remote.publication_state, remote.is_live)
            moved = local.with_changes(status=status)
            write_with_revision(
                session, moved, moved_reason(status), self.user, payload.get("note", "")
            )
            in_step = same_text(content_of(local), remote.content)
            sync.set_base(
                article_id,
                remote.version,
                base_content(remote),
                self.user,
                moved.updated_at if in_step else None,
            )
        report.moves_sent.append(article_id)

    def _refused(
        self, change_id: int, article_id: str, kind: QueueKind, error: str, report: SyncReport
    ) -> None:
        """A refused move puts the local status back to the service's; nothing is dropped
        silently: the change stays in the queue as refused, and the report says why."""
        with self.db.session() as session:
            sync, articles = SyncRepository(session, self.target), ArticleRepository(session)
            sync.finish(change_id, QueueState.REFUSED, error)
            base = sync.base(article_id)
            local = articles.find(article_id)
            if kind == QueueKind.TRANSITION and base is not None and local is not None:
                write_article(session, local.with_changes(status=status_of_base(base)))
        report.refused.append(f"{article_id[:8]} {kind}: {error}")

    def _send_comment(self, article_id: str, payload: dict[str, Any]) -> None:
        with self.db.session() as session:
            base = SyncRepository(session, self.target).base(article_id)
        remote_body = str(base.content.get("body", "")) if base else ""
        data = self.client.put_comment(
            article_id, payload["id"], comment_request(payload, remote_body)
        )
        self._save_remote_comment(data)

    def _save_remote_comment(self, data: dict[str, Any]) -> None:
        with self.db.session() as session:
            SyncRepository(session, self.target).save_comment(comment_from_remote(data))

    def _pull_comments(self, report: SyncReport) -> None:
        with self.db.session() as session:
            cursor = SyncRepository(session, self.target).state().comment_cursor or None
        while True:
            items, next_cursor = self.client.comment_feed(cursor)
            with self.db.session() as session:
                sync = SyncRepository(session, self.target)
                for data in items:
                    sync.save_comment(comment_from_remote(data))
                if next_cursor:
                    sync.update_state(comment_cursor=next_cursor)
            report.comments_pulled += len(items)
            if not items or not next_cursor or next_cursor == cursor:
                return
            cursor = next_cursor
