"""Service tables of the review workflow: workflow events, comments, presence, site settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workstation.service.models import ServiceBase
from workstation.store.models import UTCDateTime


class WorkflowEventRecord(ServiceBase):
    """One workflow move: who moved the article from which state to which, and why."""

    __tablename__ = "svc_workflow_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("svc_articles.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    verb: Mapped[str] = mapped_column(String(20))
    from_state: Mapped[str] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    user: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CommentRecord(ServiceBase):
    """A comment or reply, anchored to a quoted range of the body (client-chosen UUID)."""

    __tablename__ = "svc_comments"
    __table_args__ = (
        Index("ix_svc_comments_updated", "updated_at", "id"),
        Index("ix_svc_comments_change", "change_seq", "id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("svc_articles.id", ondelete="CASCADE"), index=True
    )
    parent_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    author: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    quote: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    paragraph: Mapped[int] = mapped_column(Integer)
    detached: Mapped[bool] = mapped_column(default=False)
    anchor_version: Mapped[int] = mapped_column(Integer)
    resolved: Mapped[bool] = mapped_column(default=False)
    resolved_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    change_seq: Mapped[int] = mapped_column(BigInteger, server_default="0")


class PresenceRecord(ServiceBase):
    """An advisory "editing now" mark; it lapses at `expires_at` unless renewed."""

    __tablename__ = "svc_presence"

    article_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user: Mapped[str] = mapped_column(String(200), primary_key=True)
    since: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class SiteSettingRecord(ServiceBase):
    """A site-wide option set through the API (such as publish on approval)."""

    __tablename__ = "svc_site_settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
