"""Comments at the API: anchored to a quoted range, re-anchored after edits, replies, resolve."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation.domain.anchors import Anchor, anchor_for, reanchor
from workstation.domain.article import now_utc
from workstation.domain.workflow import Role
from workstation.service import articles, changes
from workstation.service.auth import Action, Principal
from workstation.service.changes import Cursor
from workstation.service.deps import current_principal, require, state_of
from workstation.service.models import ArticleRecord
from workstation.service.problems import Problem
from workstation.service.review_models import CommentRecord
from workstation.service.review_schemas import CommentIn, CommentList, CommentOut, ResolveIn

router = APIRouter(prefix="/api/v1", tags=["comments"])
Caller = Annotated[Principal, Depends(current_principal)]


def comment_out(row: CommentRecord) -> CommentOut:
    return CommentOut(
        id=row.id,
        article_id=row.article_id,
        parent_id=row.parent_id,
        author=row.author,
        body=row.body,
        quote=row.quote,
        start=row.start,
        end=row.end,
        paragraph=row.paragraph,
        detached=row.detached,
        anchor_version=row.anchor_version,
        resolved=row.resolved,
        resolved_by=row.resolved_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _body_at(session: Session, record: ArticleRecord, version: int) -> str | None:
    try:
        _version, content = articles.revision_content(session, record, version)
    except Problem:
        return None
    return str(content.get("body", ""))


def bring_up_to_date(session: Session, record: ArticleRecord, rows: list[CommentRecord]) -> None:
    """Carry each anchor from the version it refers to onto the current body."""
    current = str(record.content.get("body", ""))
    for row in rows:
        if row.anchor_version == record.version or row.parent_id is not None:
            continue
        old = _body_at(session, record, row.anchor_version)
        anchor = Anchor(row.quote, row.start, row.end, row.paragraph, row.detached)
        moved = anchor if old is None else reanchor(anchor, old, current)
        row.quote, row.start, row.end = moved.quote, moved.start, moved.end
        row.paragraph, row.detached = moved.paragraph, moved.detached
        row.anchor_version = record.version
    session.flush()


def _rows(session: Session, article_id: str) -> list[CommentRecord]:
    return list(
        session.scalars(
            select(CommentRecord)
            .where(CommentRecord.article_id == article_id)
            .order_by(CommentRecord.created_at, CommentRecord.id)
        )
    )


@router.get("/articles/{article_id}/comments", response_model=CommentList)
def list_comments(article_id: UUID, request: Request, caller: Caller) -> CommentList:
    """Comments and replies, oldest first, anchored to the current version of the body."""
    require(caller, Action.READ)
    with state_of(request).db.session() as session:
        record = articles.get(session, str(article_id))
        rows = _rows(session, record.id)
        bring_up_to_date(session, record, rows)
        return CommentList(items=[comment_out(row) for row in rows])


def _same(row: CommentRecord, body: CommentIn, user: str) -> bool:
    return row.body == body.body and row.parent_id == body.parent_id and row.author == user


@router.put("/articles/{article_id}/comments/{comment_id}", response_model=CommentOut)
def put_comment(
    article_id: UUID,
    comment_id: UUID,
    body: CommentIn,
    request: Request,
    response: Response,
    caller: Caller,
) -> CommentOut:
    """Add a comment under a client-chosen id (a retry of the same comment is harmless).
    Replies name `parent_id`; top-level comments carry an anchor."""
    require(caller, Action.READ)
    now = now_utc()
    with state_of(request).db.session() as session:
        record = articles.get(session, str(article_id))
        existing = session.get(CommentRecord, str(comment_id))
        if existing is not None:
            if existing.article_id != record.id or not _same(existing, body, caller.user):
                raise Problem(409, "another comment has this id", kind="comment-exists")
            return comment_out(existing)
        version = body.version or record.version
        text = _body_at(session, record, version)
        if text is None:
            raise Problem(422, f"there is no version {version} to anchor to", kind="validation")
        if body.parent_id is not None:
            parent = session.get(CommentRecord, body.parent_id)
            if parent is None or parent.article_id != record.id:
                raise Problem(
                    422, "the comment replied to is not on this article", kind="validation"
                )
            anchor = Anchor(
                parent.quote, parent.start, parent.end, parent.paragraph, parent.detached
            )
            version = parent.anchor_version
        elif body.anchor is not None:
            anchor = anchor_for(text, body.anchor.start, body.anchor.end)
            if body.anchor.quote and anchor.quote != body.anchor.quote:
                raise Problem(
                    422, "the quote is not at those offsets of that version", kind="validation"
                )
        else:
            anchor = Anchor("", 0, 0, 0, detached=True)
        row = CommentRecord(
            id=str(comment_id),
            article_id=record.id,
            parent_id=body.parent_id,
            author=caller.user,
            body=body.body,
            quote=anchor.quote,
            start=anchor.start,
            end=anchor.end,
            paragraph=anchor.paragraph,
            detached=anchor.detached,
            anchor_version=version,
            resolved=False,
            resolved_by="",
            created_at=now,
            updated_at=now,
        )
        session.add(row)
        bring_up_to_date(session, record, [row])
        response.status_code = 201
        return comment_out(row)


@router.post("/articles/{article_id}/comments/{comment_id}/resolve", response_model=CommentOut)
def resolve_comment(
    article_id: UUID, comment_id: UUID, body: ResolveIn, request: Request, caller: Caller
) -> CommentOut:
    """Resolve (or reopen) a comment: its author, or a subeditor and up."""
    require(caller, Action.READ)
    with state_of(request).db.session() as session:
        row = session.get(CommentRecord, str(comment_id))
        if row is None or row.article_id != str(article_id):
            raise Problem(404, "no such comment on this article", kind="no-such-comment")
        if row.author != caller.user and Role(caller.role.value).rank < Role.SUBEDITOR.rank:
            raise Problem(
                403, "only its author or a subeditor may resolve a comment", kind="forbidden"
            )
        if row.resolved != body.resolved:
            row.resolved = body.resolved
            row.resolved_by = caller.user if body.resolved else ""
            row.updated_at = now_utc()
        return comment_out(row)


@router.get("/sync/comments", response_model=CommentList)
def comment_feed(
    request: Request,
    caller: Caller,
    updated_since: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=articles.MAX_PAGE)] = 200,
) -> CommentList:
    """Comments added or resolved after the cursor, oldest change first."""
    require(caller, Action.READ)
    since = Cursor.decode(updated_since) if updated_since is not None else None
    query = changes.page(select(CommentRecord), CommentRecord, since).limit(limit)
    with state_of(request).db.session() as session:
        rows = list(session.scalars(query))
        for article_id in {row.article_id for row in rows}:
            record = articles.get(session, article_id)
            bring_up_to_date(session, record, [r for r in rows if r.article_id == article_id])
        cursor = Cursor.after(rows[-1]).encode() if rows else updated_since
        return CommentList(items=[comment_out(row) for row in rows], next_cursor=cursor)
