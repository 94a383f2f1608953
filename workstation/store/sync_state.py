"""Sync state in the local database: bases, cursors, the offline queue, comments, conflicts.

The tables only; the values they are read into live in domain/sync.py and domain/comments.py.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, Text, and_, or_, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from workstation.domain.anchors import Anchor
from workstation.domain.article import Origin, content_hash, now_utc
from workstation.domain.comments import Comment
from workstation.domain.sync import (
    QueuedChange,
    QueueKind,
    QueueState,
    SyncBase,
    SyncConflict,
    TargetState,
)
from workstation.store.models import ArticleRow, Base, StrEnumColumn, UTCDateTime
from workstation.store.outbox import OutboxRepository, PublicationRow


class SyncBaseRow(Base):
    """The last version both sides agreed on: the base of the next three-way merge."""

    __tablename__ = "sync_bases"

    article_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    target: Mapped[str] = mapped_column(String(80), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    author: Mapped[str] = mapped_column(String(200), default="")
    synced_at: Mapped[datetime] = mapped_column(UTCDateTime)
    content_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)


class SyncTargetRow(Base):
    """Per target: the feed cursors, who we are there, and how the last round went."""

    __tablename__ = "sync_targets"

    target: Mapped[str] = mapped_column(String(80), primary_key=True)
    article_cursor: Mapped[str] = mapped_column(Text, default="")
    comment_cursor: Mapped[str] = mapped_column(Text, default="")
    user: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20), default="")
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")


class SyncQueueRow(Base):
    """A change made here to send when online: a workflow move, a comment, a resolve."""

    __tablename__ = "sync_queue"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    target: Mapped[str] = mapped_column(String(80), index=True)
    article_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[QueueKind] = mapped_column(StrEnumColumn(QueueKind, 20))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[QueueState] = mapped_column(StrEnumColumn(QueueState, 20), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SyncCommentRow(Base):
    """A comment as last seen on the service, or written here and not yet sent."""

    __tablename__ = "sync_comments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    target: Mapped[str] = mapped_column(String(80))
    article_id: Mapped[str] = mapped_column(String(36), index=True)
    parent_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    author: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    quote: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    paragraph: Mapped[int] = mapped_column(Integer)
    detached: Mapped[bool] = mapped_column(default=False)
    resolved: Mapped[bool] = mapped_column(default=False)
    resolved_by: Mapped[str] = mapped_column(String(200), default="")
    pending: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SyncConflictRow(Base):
    """Two versions that changed the same text: both kept as revisions until resolved."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(String(36), index=True)
    target: Mapped[str] = mapped_column(String(80))
    base_version: Mapped[int] = mapped_column(Integer)
    remote_version: Mapped[int] = mapped_column(Integer)
    local_revision_id: Mapped[int] = mapped_column(Integer)
    remote_revision_id: Mapped[int] = mapped_column(Integer)
    fields: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


_NO_PUBLICATION = "sync.no_publication"  # session.info key: article ids known to have none
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _comment(row: SyncCommentRow) -> Comment:
    anchor = Anchor(row.quote, row.start, row.end, row.paragraph, row.detached)
    return Comment(
        row.id,
        row.article_id,
        row.parent_id,
        row.author,
        row.body,
        anchor,
        row.resolved,
        row.resolved_by,
        row.pending,
        row.created_at,
    )


def _conflict(row: SyncConflictRow) -> SyncConflict:
    return SyncConflict(
        row.id,
        row.article_id,
        row.base_version,
        row.remote_version,
        row.local_revision_id,
        row.remote_revision_id,
        tuple(row.fields),
        row.created_at,
        row.resolved_at is not None,
    )


class SyncRepository:
    """Sync state for one target within one session (one unit of work)."""

    def __init__(self, session: Session, target: str) -> None:
        self._session = session
        self.target = target

    # bases
    def base(self, article_id: str) -> SyncBase | None:
        row = self._session.get(SyncBaseRow, (article_id, self.target))
        return None if row is None else SyncBase(row.version, dict(row.content), row.author)

    def bases(self) -> dict[str, SyncBase]:
        rows = self._session.scalars(select(SyncBaseRow).where(SyncBaseRow.target == self.target))
        return {r.article_id: SyncBase(r.version, dict(r.content), r.author) for r in rows}

    def set_base(
        self,
        article_id: str,
        version: int,
        content: dict[str, Any],
        author: str,
        synced_at: datetime | None = None,
    ) -> None:
        """Record the agreed version; `synced_at` is the local working copy's updated_at that
        matches it (a later local save then counts as a change to push)."""
        row = self._session.get(SyncBaseRow, (article_id, self.target))
        if row is None:
            row = SyncBaseRow(article_id=article_id, target=self.target)
            self._session.add(row)
        row.version, row.content, row.author = version, dict(content), author
        row.content_hash = content_hash(content)
        row.synced_at = synced_at or EPOCH
        # The publish outbox sends If-Match from its own record of the version there: keep it
        # up with sync, or a publish after a sync would meet a needless 412.
        outbox = OutboxRepository(self._session)
        unpublished: set[str] = self._session.info.get(_NO_PUBLICATION, set())
        if article_id in unpublished:  # known absent (see `warm`): no need to look
            unpublished.discard(article_id)
            self._session.add(
                PublicationRow(
                    article_id=article_id,
                    target=self.target,
                    remote_version=version,
                    url="",
                    state="",
                    updated_at=now_utc(),
                )
            )
            return
        known = outbox.publication(article_id, self.target)
        if known is None or known.remote_version is None or known.remote_version < version:
            outbox.save_publication(article_id, self.target, remote_version=version)

    def warm(self, article_ids: list[str]) -> None:
        """Load these articles' bases and working copies into the session in two queries
        (a sync page then reads them from memory)."""
        for start in range(0, len(article_ids), 500):
            chunk = article_ids[start : start + 500]
            self._session.scalars(
                select(SyncBaseRow).where(
                    SyncBaseRow.target == self.target, SyncBaseRow.article_id.in_(chunk)
                )
            ).all()
            self._session.scalars(select(ArticleRow).where(ArticleRow.id.in_(chunk))).all()
            found = self._session.scalars(
                select(PublicationRow.article_id).where(
                    PublicationRow.target == self.target, PublicationRow.article_id.in_(chunk)
                )
            ).all()
            unpublished: set[str] = self._session.info.setdefault(_NO_PUBLICATION, set())
            unpublished.update(set(chunk) - set(found))

    def changed_since_sync(self) -> list[str]:
        """Local drafts never synced, or whose content hash differs from their merge base's
        (archive stories stay), oldest change first: one query, whatever the timestamps say.

        `import` of an exported file keeps the file's `updated_at`, which can be long before
        (or after) the last sync (issue 20): text changes are found by hash alone. A save since
        the sync (`updated_at` later than `synced_at`) is listed too, for a status moved here
        with the text unchanged; the push settles that one without sending anything.
        """
        base = SyncBaseRow
        query = (
            select(ArticleRow.id)
            .outerjoin(base, and_(base.article_id == ArticleRow.id, base.target == self.target))
            .where(ArticleRow.origin == Origin.LOCAL.value)
            .where(
                or_(
                    base.article_id.is_(None),
                    ArticleRow.content_hash.is_(None),
                    base.content_hash.is_(None),
                    ArticleRow.content_hash != base.content_hash,
                    ArticleRow.updated_at > base.synced_at,
                )
            )
            .order_by(ArticleRow.updated_at)
        )
        return list(self._session.scalars(query))

    # target state
    def state(self) -> TargetState:
        row = self._row()
        return TargetState(
            row.target,
            row.article_cursor or "",
            row.comment_cursor or "",
            row.user or "",
            row.role or "",
            row.last_sync_at,
            row.last_error or "",
        )

    def _row(self) -> SyncTargetRow:
        row = self._session.get(SyncTargetRow, self.target)
        if row is None:
            row = SyncTargetRow(
                target=self.target,
                article_cursor="",
                comment_cursor="",
                user="",
                role="",
                last_error="",
            )
            self._session.add(row)
            self._session.flush()
        return row

    def update_state(self, **fields: Any) -> None:
        row = self._row()
        for name, value in fields.items():
            setattr(row, name, value)

    # queue
    def enqueue(self, article_id: str, kind: QueueKind, payload: dict[str, Any]) -> int:
        row = SyncQueueRow(
            target=self.target,
            article_id=article_id,
            kind=kind,
            payload=payload,
            state=QueueState.PENDING,
            attempts=0,
            last_error="",
            created_at=now_utc(),
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def pending(self) -> list[QueuedChange]:
        rows = self._session.scalars(
            select(SyncQueueRow)
            .where(SyncQueueRow.target == self.target, SyncQueueRow.state == QueueState.PENDING)
            .order_by(SyncQueueRow.id)
        )
        return [
            QueuedChange(r.id, r.article_id, r.kind, dict(r.payload), r.state, r.last_error)
            for r in rows
        ]

    def has_pending(self, article_id: str, kind: QueueKind) -> bool:
        return any(c.article_id == article_id and c.kind == kind for c in self.pending())

    def finish(self, change_id: int, state: QueueState, error: str = "") -> None:
        row = self._session.get(SyncQueueRow, change_id)
        if row is not None:
            row.state, row.last_error = state, error
            row.attempts += 1

    def refused(self) -> list[QueuedChange]:
        rows = self._session.scalars(
            select(SyncQueueRow)
            .where(SyncQueueRow.target == self.target, SyncQueueRow.state == QueueState.REFUSED)
            .order_by(SyncQueueRow.id)
        )
        return [
            QueuedChange(r.id, r.article_id, r.kind, dict(r.payload), r.state, r.last_error)
            for r in rows
        ]

    # comments
    def save_comment(self, comment: Comment) -> None:
        row = self._session.get(SyncCommentRow, comment.id)
        if row is None:
            row = SyncCommentRow(id=comment.id, target=self.target)
            self._session.add(row)
        row.article_id, row.parent_id, row.author = (
            comment.article_id,
            comment.parent_id,
            comment.author,
        )
        row.body, row.quote = comment.body, comment.anchor.quote
        row.start, row.end = comment.anchor.start, comment.anchor.end
        row.paragraph, row.detached = comment.anchor.paragraph, comment.anchor.detached
        row.resolved, row.resolved_by = comment.resolved, comment.resolved_by
        row.pending, row.created_at = comment.pending, comment.created_at

    def comment(self, comment_id: str) -> Comment | None:
        row = self._session.get(SyncCommentRow, comment_id)
        return None if row is None else _comment(row)

    def comments(self, article_id: str) -> list[Comment]:
        rows = self._session.scalars(
            select(SyncCommentRow)
            .where(SyncCommentRow.article_id == article_id)
            .order_by(SyncCommentRow.created_at, SyncCommentRow.id)
        )
        return [_comment(row) for row in rows]

    # conflicts
    def add_conflict(
        self,
        article_id: str,
        base_version: int,
        remote_version: int,
        local_revision_id: int,
        remote_revision_id: int,
        fields: list[str],
    ) -> int:
        row = SyncConflictRow(
            article_id=article_id,
            target=self.target,
            base_version=base_version,
            remote_version=remote_version,
            local_revision_id=local_revision_id,
            remote_revision_id=remote_revision_id,
            fields=fields,
            created_at=now_utc(),
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def conflicts(
        self, article_id: str | None = None, open_only: bool = True
    ) -> list[SyncConflict]:
        query = select(SyncConflictRow).order_by(SyncConflictRow.id)
        if article_id is not None:
            query = query.where(SyncConflictRow.article_id == article_id)
        if open_only:
            query = query.where(SyncConflictRow.resolved_at.is_(None))
        return [_conflict(row) for row in self._session.scalars(query)]

    def resolve_conflict(self, conflict_id: int) -> bool:
        row = self._session.get(SyncConflictRow, conflict_id)
        if row is None or row.resolved_at is not None:
            return False
        row.resolved_at = now_utc()
        return True
