"""Publishing state in the local database: accounts, the durable outbox and remote versions.

The tables only; the values they are read into (Account, OutboxJob, JobState, Publication)
live in domain/publication.py.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, aliased, mapped_column

from workstation.domain.article import now_utc
from workstation.domain.publication import (
    OPEN_STATES,
    Account,
    JobState,
    OutboxJob,
    Publication,
)
from workstation.store.models import Base, StrEnumColumn, UTCDateTime


class AccountRow(Base):
    """A publish target. Its token is in the keyring, never here."""

    __tablename__ = "publish_accounts"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    url: Mapped[str] = mapped_column(Text)
    is_default: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OutboxRow(Base):
    """One publish or unpublish to send, with the one Idempotency-Key all its attempts use."""

    __tablename__ = "outbox_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(String(36), index=True)
    revision_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    action: Mapped[str] = mapped_column(String(20))
    target: Mapped[str] = mapped_column(String(80))
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    publish_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    state: Mapped[JobState] = mapped_column(StrEnumColumn(JobState, 20), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    live_url: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(20), default="", server_default="")
    """What a republish is (domain.lifecycle.RepublishKind); "" when not said."""
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    override: Mapped[str] = mapped_column(Text, default="", server_default="")
    """Why the publish went over house-style errors or the checklist (the service's audit)."""


class PublicationRow(Base):
    """What a target holds of an article: its version there (for If-Match) and live URL."""

    __tablename__ = "publications"

    article_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    target: Mapped[str] = mapped_column(String(80), primary_key=True)
    remote_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    url: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


def _job(row: OutboxRow) -> OutboxJob:
    return OutboxJob(
        id=row.id,
        article_id=row.article_id,
        revision_id=row.revision_id,
        action=row.action,
        target=row.target,
        idempotency_key=row.idempotency_key,
        publish_at=row.publish_at,
        state=row.state,
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_error=row.last_error,
        live_url=row.live_url,
        created_at=row.created_at,
        updated_at=row.updated_at,
        kind=row.kind or "",
        note=row.note or "",
        override=row.override or "",
    )


class OutboxRepository:
    """Accounts, jobs and publications within one session (one unit of work)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # accounts
    def accounts(self) -> list[Account]:
        rows = self._session.scalars(select(AccountRow).order_by(AccountRow.name))
        return [Account(r.name, r.kind, r.url, r.is_default) for r in rows]

    def account(self, name: str) -> Account | None:
        row = self._session.get(AccountRow, name)
        return None if row is None else Account(row.name, row.kind, row.url, row.is_default)

    def save_account(self, account: Account) -> None:
        if account.is_default:
            for row in self._session.scalars(select(AccountRow)):
                row.is_default = False
        found = self._session.get(AccountRow, account.name)
        row = found or AccountRow(name=account.name, created_at=now_utc())
        if found is None:
            self._session.add(row)
        row.kind, row.url, row.is_default = account.kind, account.url, account.is_default

    def remove_account(self, name: str) -> bool:
        row = self._session.get(AccountRow, name)
        if row is None:
            return False
        self._session.delete(row)
        return True

    # jobs
    def enqueue(
        self,
        article_id: str,
        revision_id: int | None,
        action: str,
        target: str,
        key: str,
        publish_at: datetime | None = None,
        *,
        kind: str = "",
        note: str = "",
        override: str = "",
    ) -> OutboxJob:
        now = now_utc()
        row = OutboxRow(
            article_id=article_id,
            revision_id=revision_id,
            action=str(action),
            target=target,
            idempotency_key=key,
            publish_at=publish_at,
            state=JobState.PENDING,
            attempts=0,
            next_attempt_at=now,
            last_error="",
            live_url="",
            created_at=now,
            updated_at=now,
            kind=kind,
            note=note,
            override=override,
        )
        self._session.add(row)
        self._session.flush()
        return _job(row)

    def job(self, job_id: int) -> OutboxJob | None:
        row = self._session.get(OutboxRow, job_id)
        return None if row is None else _job(row)

    def jobs(self, include_finished: bool = True) -> list[OutboxJob]:
        query = select(OutboxRow).order_by(OutboxRow.id)
        if not include_finished:
            query = query.where(OutboxRow.state.in_(OPEN_STATES))
        return [_job(row) for row in self._session.scalars(query)]

    def claim_due(self, now: datetime, lease: timedelta) -> OutboxJob | None:
        """The oldest due job whose article has no older open job (jobs for one article go in
        order), marked SENDING until now + lease so a crashed sender's claim expires."""
        older = aliased(OutboxRow)
        blocked = (
            select(older.id)
            .where(
                older.article_id == OutboxRow.article_id,
                older.target == OutboxRow.target,
                older.id < OutboxRow.id,
                older.state.in_(OPEN_STATES),
            )
            .exists()
        )
        row = self._session.scalars(
            select(OutboxRow)
            .where(OutboxRow.state.in_(OPEN_STATES), OutboxRow.next_attempt_at <= now, ~blocked)
            .order_by(OutboxRow.next_attempt_at, OutboxRow.id)
            .limit(1)
        ).first()
        if row is None:
            return None
        row.state = JobState.SENDING
        row.attempts += 1
        row.next_attempt_at = now + lease
        row.updated_at = now
        return _job(row)

    def reclaim_sending(self, now: datetime) -> int:
        """Jobs left SENDING by a process that died: due again now (their key keeps it safe)."""
        rows = self._session.scalars(
            select(OutboxRow).where(OutboxRow.state == JobState.SENDING)
        ).all()
        for row in rows:
            row.state, row.next_attempt_at, row.updated_at = JobState.PENDING, now, now
        return len(rows)

    def next_due_time(self) -> datetime | None:
        return self._session.scalars(
            select(OutboxRow.next_attempt_at)
            .where(OutboxRow.state.in_(OPEN_STATES))
            .order_by(OutboxRow.next_attempt_at)
            .limit(1)
        ).first()

    def finish(self, job_id: int, state: JobState, error: str = "", live_url: str = "") -> None:
        row = self._session.get(OutboxRow, job_id)
        if row is None:
            return
        row.state, row.last_error, row.updated_at = state, error, now_utc()
        if live_url:
            row.live_url = live_url

    def retry_later(self, job_id: int, at: datetime, error: str) -> None:
        row = self._session.get(OutboxRow, job_id)
        if row is None or row.state != JobState.SENDING:
            return
        row.state, row.next_attempt_at = JobState.PENDING, at
        row.last_error, row.updated_at = error, now_utc()

    def reopen(self, job_id: int) -> bool:
        """Send a failed, conflicted or signed-out job again (same key, so never twice)."""
        row = self._session.get(OutboxRow, job_id)
        if row is None or row.state in (JobState.DONE, *OPEN_STATES):
            return False
        row.state, row.next_attempt_at, row.updated_at = (
            JobState.PENDING,
            now_utc(),
            now_utc(),
        )
        return True

    def cancel(self, job_id: int) -> bool:
        row = self._session.get(OutboxRow, job_id)
        if row is None or row.state == JobState.DONE:
            return False
        row.state, row.updated_at = JobState.CANCELLED, now_utc()
        return True

    # publications
    def publication(self, article_id: str, target: str) -> Publication | None:
        row = self._session.get(PublicationRow, (article_id, target))
        if row is None:
            return None
        return Publication(row.article_id, row.target, row.remote_version, row.url, row.state)

    def save_publication(
        self,
        article_id: str,
        target: str,
        *,
        remote_version: int | None = None,
        url: str | None = None,
        state: str | None = None,
    ) -> None:
        found = self._session.get(PublicationRow, (article_id, target))
        row = found or PublicationRow(article_id=article_id, target=target, url="", state="")
        if found is None:
            self._session.add(row)
        if remote_version is not None:
            row.remote_version = remote_version
        if url is not None:
            row.url = url
        if state is not None:
            row.state = state
        row.updated_at = now_utc()


def publications_of(session: Session, article_id: str) -> list[Publication]:
    """Every target's record of `article_id`, the most recently changed first."""
    rows = session.scalars(
        select(PublicationRow)
        .where(PublicationRow.article_id == article_id)
        .order_by(PublicationRow.updated_at.desc())
    )
    return [Publication(r.article_id, r.target, r.remote_version, r.url, r.state) for r in rows]


def last_publish_job(session: Session, article_id: str) -> OutboxJob | None:
    """The newest publish job of `article_id` (its schedule, its error), if any."""
    row = session.scalars(
        select(OutboxRow)
        .where(OutboxRow.article_id == article_id)
        .order_by(OutboxRow.id.desc())
        .limit(1)
    ).first()
    return None if row is None else _job(row)
