"""Article storage rules: versions and preconditions, revisions, publishing, scheduling, URLs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from workstation.domain.article import slugify
from workstation.service import changes, lifecycle
from workstation.service.changes import Cursor
from workstation.service.models import ArticleRecord, LiveRecord, LiveTagRecord, RevisionRecord
from workstation.service.problems import Problem
from workstation.service.schemas import (
    ArticleContent,
    ArticleOut,
    ArticleSummary,
    Publication,
    RevisionOut,
)

MAX_PAGE = 500


def etag_of(version: int) -> str:
    return f'"{version}"'


IF_MATCH_PATTERN = r'^(\*|(W/)?"[0-9]{1,9}"( *, *(W/)?"[0-9]{1,9}")*)$'
"""What clients send; anything else names no version, so the precondition fails (412)."""


def parse_if_match(header: str) -> set[int] | None:
    """The versions an If-Match header names; None for `*` (any current version)."""
    if header.strip() == "*":
        return None
    versions: set[int] = set()
    for part in header.split(","):
        tag = part.strip().removeprefix("W/").strip('"')
        if tag.isdigit():
            versions.add(int(tag))
    return versions


def stale(record: ArticleRecord, detail: str) -> Problem:
    """412 carrying the current version, so the client can fetch it and merge."""
    return Problem(
        412,
        detail,
        kind="stale-version",
        headers={"ETag": etag_of(record.version)},
        current_version=record.version,
        current_etag=etag_of(record.version),
    )


def find(session: Session, article_id: str, *, lock: bool = False) -> ArticleRecord | None:
    query = select(ArticleRecord).where(ArticleRecord.id == article_id)
    if lock:
        query = query.with_for_update()
    return session.scalars(query).first()


def get(session: Session, article_id: str, *, lock: bool = False) -> ArticleRecord:
    record = find(session, article_id, lock=lock)
    if record is None:
        raise Problem(404, f"no article {article_id}", kind="no-such-article")
    return record


def _content_dict(content: ArticleContent) -> dict[str, Any]:
    return content.model_dump(mode="json")


def create(
    session: Session, article_id: str, content: ArticleContent, user: str, now: datetime
) -> ArticleRecord:
    """A new article at version 1 (the caller checked If-None-Match and that it is new)."""
    data = _content_dict(content)
    record = ArticleRecord(
        id=article_id,
        version=1,
        content=data,
        headline=content.headline,
        state="draft",
        created_by=user,
        created_at=now,
        updated_at=now,
    )
    session.add(record)
    session.add(
        RevisionRecord(article_id=article_id, version=1, content=data, author=user, created_at=now)
    )
    session.flush()
    return record


def update(
    session: Session,
    record: ArticleRecord,
    content: ArticleContent,
    expected: set[int] | None,
    user: str,
    now: datetime,
) -> ArticleRecord:
    """The next version, if `expected` names the current one (else 412)."""
    if expected is not None and record.version not in expected:
        raise stale(record, f"the article is at version {record.version}; merge and retry")
    data = _content_dict(content)
    if data == record.content:  # PUT is idempotent: the same content again is not a new version
        return record
    record.version += 1
    record.content = data
    record.headline = content.headline
    record.updated_at = now
    session.add(
        RevisionRecord(
            article_id=record.id, version=record.version, content=data, author=user, created_at=now
        )
    )
    session.flush()
    return record


def revision_content(
    session: Session, record: ArticleRecord, version: int | None
) -> tuple[int, dict[str, Any]]:
    if version is None or version == record.version:
        return record.version, record.content
    row = session.scalars(
        select(RevisionRecord).where(
            RevisionRecord.article_id == record.id, RevisionRecord.version == version
        )
    ).first()
    if row is None:
        raise stale(record, f"there is no version {version} of this article")
    return row.version, row.content


URL_PROBES = 5


def _url_path_for(
    session: Session, record: ArticleRecord, content: dict[str, Any], when: datetime
) -> str:
    """/YYYY/MM/slug, or slug-2 ... slug-5 when taken, then a suffix from the article's id
    (so many first publishes of one headline racing each other soon stop colliding)."""
    slug = content.get("slug") or slugify(content.get("headline", ""))
    base = f"/{when.year:04d}/{when.month:02d}/{slug}"
    candidates = [base, *(f"{base}-{n}" for n in range(2, URL_PROBES + 1))]
    for path in candidates:
        taken = session.scalars(
            select(ArticleRecord.id).where(
                ArticleRecord.url_path == path, ArticleRecord.id != record.id
            )
        ).first()
        if taken is None:
            return path
    return f"{base}-{record.id.replace('-', '')[:8]}"


APPROVED_STATES = ("approved", "scheduled", "published")


def check_approved(session: Session, record: ArticleRecord, version: int | None) -> None:
    """422 unless the version to go live carries the approved workflow status."""
    _version, content = revision_content(session, record, version)
    if content.get("status") not in APPROVED_STATES:
        raise Problem(
            422,
            "this site publishes only approved articles; have it subbed and approved first",
            kind="approval-required",
        )


def publish(
    session: Session,
    record: ArticleRecord,
    version: int | None,
    now: datetime,
    *,
    kind: str | None = None,
    note: str = "",
    user: str = "",
) -> str:
    """Put `version` (default: the latest) live. The first publish fixes the URL for good.
    A republish of a live story is `kind` (silent, update, correction: see lifecycle);
    returns what it was, for the audit trail."""
    lifecycle.check_republish(record, kind, note)
    version, content = revision_content(session, record, version)
    taken_down = record.taken_down_at is not None
    record.taken_down_at = None
    record.takedown_reason = ""
    if record.first_published_at is None:
        record.first_published_at = now
    if record.url_path is None:
        record.url_path = _url_path_for(session, record, content, record.first_published_at)
    record.state = "published"
    record.live_version = version
    record.publish_at = None
    record.scheduled_version = None
    live = session.get(LiveRecord, record.id)
    was_live = live is not None
    if live is None:
        live = LiveRecord(
            article_id=record.id, url_path=record.url_path, published_at=record.first_published_at
        )
        session.add(live)
    action = lifecycle.after_republish(session, record, live, was_live, kind, note, user, now)
    live.version = version
    live.content = content
    live.page = record.page
    live.section = content.get("section", "")
    live.section_slug = slugify(live.section) if live.section else ""
    live.updated_at = now
    session.flush()
    _replace_tags(session, record.id, content.get("tags", []))
    record.updated_at = now
    session.flush()
    return "republish-after-takedown" if taken_down else action


def _replace_tags(session: Session, article_id: str, tags: list[str]) -> None:
    session.execute(delete(LiveTagRecord).where(LiveTagRecord.article_id == article_id))
    seen: set[str] = set()
    for tag in tags:
        slug = slugify(tag)
        if slug not in seen:
            seen.add(slug)
            session.add(LiveTagRecord(article_id=article_id, tag_slug=slug, tag=tag))


def schedule(
    session: Session, record: ArticleRecord, version: int | None, at: datetime, now: datetime
) -> None:
    """Go live at `at` (the scheduler does it); the version is checked now."""
    version, _content = revision_content(session, record, version)
    record.publish_at = at
    record.scheduled_version = version
    if record.state != "published":
        record.state = "scheduled"
    record.updated_at = now
    session.flush()


def unpublish(session: Session, record: ArticleRecord, now: datetime) -> None:
    """Take it off the site; the URL stays reserved and answers 410 Gone."""
    live = session.get(LiveRecord, record.id)
    if live is not None:
        _replace_tags(session, record.id, [])
        session.delete(live)
    if record.url_path is not None or record.state in ("published", "scheduled"):
        record.state = "unpublished"
    record.live_version = None
    record.publish_at = None
    record.scheduled_version = None
    record.updated_at = now
    session.flush()


def claim_due(session: Session, now: datetime, limit: int) -> list[ArticleRecord]:
    """Scheduled articles whose time has come, locked for this transaction. Rows another
    service process holds are skipped (it is publishing them), and once it commits they are
    no longer due: each scheduled publish happens once, however many processes run."""
    query = (
        select(ArticleRecord)
        .where(ArticleRecord.publish_at.is_not(None), ArticleRecord.publish_at <= now)
        .order_by(ArticleRecord.publish_at, ArticleRecord.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(session.scalars(query))


def list_changes(
    session: Session, since: Cursor | None, limit: int
) -> tuple[list[ArticleRecord], str | None]:
    """Articles changed after the cursor, in change order, and the cursor for the next page."""
    limit = max(1, min(limit, MAX_PAGE))
    query = changes.page(select(ArticleRecord), ArticleRecord, since)
    rows = list(session.scalars(query.limit(limit)))
    return rows, Cursor.after(rows[-1]).encode() if rows else None


def revisions(session: Session, article_id: str) -> list[RevisionOut]:
    rows = session.scalars(
        select(RevisionRecord)
        .where(RevisionRecord.article_id == article_id)
        .order_by(RevisionRecord.version.desc())
    )
    return [
        RevisionOut(
            version=row.version,
            author=row.author,
            created_at=row.created_at,
            content=ArticleContent.model_validate(row.content),
        )
        for row in rows
    ]


def to_out(record: ArticleRecord, site_url: str) -> ArticleOut:
    url = f"{site_url}{record.url_path}" if record.url_path and record.live_version else None
    return ArticleOut(
        id=record.id,
        version=record.version,
        etag=etag_of(record.version),
        content=ArticleContent.model_validate(record.content),
        publication=Publication(
            state=record.state,  # type: ignore[arg-type]
            live_version=record.live_version,
            url=url,
            first_published_at=record.first_published_at,
            publish_at=record.publish_at,
            taken_down_at=record.taken_down_at,
            takedown_reason=record.takedown_reason or "",
        ),
        created_by=record.created_by,
        created_at=record.created_at,
        updated_at=record.updated_at,
    )


def to_summary(record: ArticleRecord, site_url: str) -> ArticleSummary:
    url = f"{site_url}{record.url_path}" if record.url_path and record.live_version else None
    return ArticleSummary(
        id=record.id,
        version=record.version,
        headline=record.headline,
        state=record.state,  # type: ignore[arg-type]
        url=url,
        updated_at=record.updated_at,
    )
