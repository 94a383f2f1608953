"""SQLAlchemy tables of the upload service (its own schema, apart from the client's store)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from workstation.store.models import UTCDateTime


class ServiceBase(DeclarativeBase):
    """The declarative base of every service table."""


class ArticleRecord(ServiceBase):
    """An article as the service holds it: the latest version and where it is published."""

    __tablename__ = "svc_articles"
    __table_args__ = (Index("ix_svc_articles_change", "change_seq", "id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    headline: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), index=True)
    publish_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    url_path: Mapped[str | None] = mapped_column(String(300), nullable=True, unique=True)
    first_published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    live_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    scheduled_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # What the publisher's preview showed around the body (related links, site texts): the
    # page goes live the same, even when the go-live is a schedule the service runs later.
    page: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    change_seq: Mapped[int] = mapped_column(BigInteger, server_default="0")
    """The change sequence of the transaction that last changed it (see changes.py)."""
    taken_down_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    """Set by a takedown (the page answers 410); cleared by a republish with a note."""
    takedown_reason: Mapped[str] = mapped_column(Text, server_default="")
    legal_flags: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)
    """Legal and Editors' Code flags (lifecycle.LEGAL_FLAGS): publish needs a sign-off."""


class RevisionRecord(ServiceBase):
    """One immutable version of an article, as it was PUT."""

    __tablename__ = "svc_revisions"
    __table_args__ = (UniqueConstraint("article_id", "version", name="uq_svc_revisions_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("svc_articles.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LiveRecord(ServiceBase):
    """What the reader site shows for a published article (a copy of the published version)."""

    __tablename__ = "svc_live"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("svc_articles.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer)
    url_path: Mapped[str] = mapped_column(String(300), unique=True)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    page: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    section: Mapped[str] = mapped_column(String(200), index=True)
    section_slug: Mapped[str] = mapped_column(String(200), index=True, server_default="")
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    modified_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    """The last update readers are told of ("Updated", dateModified); a silent fix leaves it."""


class CorrectionRecord(ServiceBase):
    """A correction note on a story. Only ever added: no route edits or deletes one."""

    __tablename__ = "svc_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("svc_articles.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text)
    user: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class SignoffRecord(ServiceBase):
    """A legal sign-off of one version of a story by a named signer; it covers later versions
    only while their headline, standfirst and body are the same."""

    __tablename__ = "svc_signoffs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("svc_articles.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    user: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuditRecord(ServiceBase):
    """One line of a story's audit trail: every move, publish, correction, takedown and
    override, with who, when, which version and why."""

    __tablename__ = "svc_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("svc_articles.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(String(40))
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    user: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text)
    from_state: Mapped[str] = mapped_column(String(20), server_default="")
    to_state: Mapped[str] = mapped_column(String(20), server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LiveTagRecord(ServiceBase):
    """A tag of a live article, by slug, so tag pages are one indexed query."""

    __tablename__ = "svc_live_tags"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("svc_live.article_id", ondelete="CASCADE"), primary_key=True
    )
    tag_slug: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)
    tag: Mapped[str] = mapped_column(String(200))


class TokenRecord(ServiceBase):
    """An API token: only its SHA-256 is kept, never the token itself."""

    __tablename__ = "svc_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user: Mapped[str] = mapped_column(String(200), index=True)
    role: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hint: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class IdempotencyRecord(ServiceBase):
    """An action request seen under an Idempotency-Key, and the result to replay."""

    __tablename__ = "svc_idempotency"

    user: Mapped[str] = mapped_column(String(200), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(20))
    status_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    response: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    lease_until: Mapped[datetime] = mapped_column(UTCDateTime)


class MediaRecord(ServiceBase):
    """An uploaded image, addressed by the SHA-256 of its bytes."""

    __tablename__ = "svc_media"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content_type: Mapped[str] = mapped_column(String(100))
    filename: Mapped[str] = mapped_column(String(300))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    alt: Mapped[str] = mapped_column(Text)
    caption: Mapped[str] = mapped_column(Text)
    credit: Mapped[str] = mapped_column(Text)
    uploaded_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SubscriberRecord(ServiceBase):
    """A newsletter signup: pending until the confirm link is used (double opt-in), with the
    consent wording the reader agreed to and its version. Only the confirm token's SHA-256 is
    kept; the unsubscribe token is kept whole, as every newsletter sent carries it."""

    __tablename__ = "svc_subscribers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    state: Mapped[str] = mapped_column(String(20), index=True)
    consent_text: Mapped[str] = mapped_column(Text)
    consent_version: Mapped[str] = mapped_column(String(40))
    confirm_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    unsubscribe_token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    unsubscribed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ChangeCounterRecord(ServiceBase):
    """One row: the last change sequence handed out. Its row lock, held from the bump to the
    commit, makes sequence order commit order (see changes.py)."""

    __tablename__ = "svc_change_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class RateHitRecord(ServiceBase):
    """One counted request of a rate-limited kind, by a hashed client key."""

    __tablename__ = "svc_rate_hits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bucket: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
