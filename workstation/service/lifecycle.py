"""A story's life after publish at the service: republish kinds and corrections, takedowns,
and the audit trail every one of them (and every move) writes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation.domain.lifecycle import Correction, PageHistory, RepublishKind
from workstation.service.models import (
    ArticleRecord,
    AuditRecord,
    CorrectionRecord,
    LiveRecord,
)
from workstation.service.problems import Problem


def audit(
    session: Session,
    record: ArticleRecord,
    action: str,
    user: str,
    now: datetime,
    *,
    note: str = "",
    version: int | None = None,
    from_state: str = "",
    to_state: str = "",
) -> None:
    """Add one line to the story's audit trail (in the caller's transaction)."""
    session.add(
        AuditRecord(
            article_id=record.id,
            action=action,
            version=record.version if version is None else version,
            user=user,
            note=note.strip(),
            from_state=from_state,
            to_state=to_state,
            created_at=now,
        )
    )


def audit_rows(session: Session, article_id: str) -> list[AuditRecord]:
    return list(
        session.scalars(
            select(AuditRecord).where(AuditRecord.article_id == article_id).order_by(AuditRecord.id)
        )
    )


def check_republish(record: ArticleRecord, kind: str | None, note: str) -> None:
    """422 for a republish that does not say enough: a correction without its note, or a
    story that was taken down without a publisher's note."""
    if kind == RepublishKind.CORRECTION and not note.strip():
        raise Problem(
            422, "a correction needs a note saying what was wrong", kind="correction-note"
        )
    if record.taken_down_at is not None and not note.strip():
        raise Problem(
            422,
            "this story was taken down; republishing it needs a publisher's note saying why",
            kind="takedown-note",
        )


def after_republish(
    session: Session,
    record: ArticleRecord,
    live: LiveRecord,
    was_live: bool,
    kind: str | None,
    note: str,
    user: str,
    now: datetime,
) -> str:
    """What a publish of a story that was already live means for the page: a correction
    note added (never edited: only added), the "Updated" time moved (update, and a client
    that does not say), or nothing readers see (silent). Returns the audit action."""
    if not was_live:
        live.modified_at = None
        return "publish"
    if kind == RepublishKind.SILENT:
        return "silent-fix"
    live.modified_at = now
    if kind == RepublishKind.CORRECTION:
        session.add(
            CorrectionRecord(
                article_id=record.id,
                version=live.version,
                note=note.strip(),
                user=user,
                created_at=now,
            )
        )
        return "correction"
    return "update"


def take_down(session: Session, record: ArticleRecord, reason: str, now: datetime) -> None:
    """Off the site for good (until a publisher republishes it with a note): the page answers
    410 Gone, and with the live copy gone it leaves home, section, tag and author pages, the
    feeds, the sitemap and every other story's related block in the same transaction."""
    from workstation.service import articles

    if not reason.strip():
        raise Problem(422, "say why the story is taken down", kind="takedown-reason")
    articles.unpublish(session, record, now)
    record.taken_down_at = now
    record.takedown_reason = reason.strip()


def taken_down_ids(session: Session, ids: list[str]) -> set[str]:
    if not ids:
        return set()
    rows = session.scalars(
        select(ArticleRecord.id).where(
            ArticleRecord.id.in_(ids), ArticleRecord.taken_down_at.is_not(None)
        )
    )
    return set(rows)


def corrections(session: Session, article_id: str) -> list[Correction]:
    rows = session.scalars(
        select(CorrectionRecord)
        .where(CorrectionRecord.article_id == article_id)
        .order_by(CorrectionRecord.created_at, CorrectionRecord.id)
    )
    return [Correction(r.note, r.created_at, r.version, r.user) for r in rows]


def page_history(session: Session, live: LiveRecord) -> PageHistory:
    return PageHistory(live.modified_at, tuple(corrections(session, live.article_id)))


def live_corrections(session: Session, limit: int) -> list[tuple[CorrectionRecord, LiveRecord]]:
    """The newest corrections of stories live now (a taken-down story's are not listed)."""
    rows = session.execute(
        select(CorrectionRecord, LiveRecord)
        .join(LiveRecord, LiveRecord.article_id == CorrectionRecord.article_id)
        .order_by(CorrectionRecord.created_at.desc(), CorrectionRecord.id.desc())
        .limit(limit)
    ).all()
    return [(c, live) for c, live in rows]
