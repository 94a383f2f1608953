"""Comments on a draft: on quoted words or as replies, resolved and reopened; sent at sync."""

from __future__ import annotations

import uuid
from typing import Any

from workstation.domain.anchors import anchor_for
from workstation.domain.article import now_utc
from workstation.domain.comments import Comment
from workstation.domain.sync import QueueKind
from workstation.store.db import Database
from workstation.store.sync_state import SyncRepository
from workstation.usecases.articles import UseCaseError, article_by_ref
from workstation.usecases.review.target import target_in


def add_comment(
    db: Database,
    ref: str,
    body: str,
    *,
    quote: str = "",
    reply_to: str | None = None,
    target: str | None = None,
) -> Comment:
    """A comment on the quoted words (the first place they occur) or a reply; sent at sync."""
    if not body.strip():
        raise UseCaseError("the comment is empty")
    with db.session() as session:
        article = article_by_ref(session, ref)
        sync = SyncRepository(session, target_in(session, target))
        start = article.body.find(quote) if quote else 0
        if quote and start < 0:
            raise UseCaseError(f"the words {quote!r} are not in the article")
        anchor = anchor_for(article.body, start, start + len(quote))
        comment_id = str(uuid.uuid4())
        if reply_to is not None:
            parent = sync.comment(_comment_id(sync, article.id, reply_to))
            assert parent is not None
            reply_to, anchor = parent.id, parent.anchor
        comment = Comment(
            comment_id,
            article.id,
            reply_to,
            sync.state().user,
            body.strip(),
            anchor,
            False,
            "",
            True,
            now_utc(),
        )
        sync.save_comment(comment)
        payload: dict[str, Any] = {
            "id": comment_id,
            "body": comment.body,
            "parent_id": reply_to,
            "quote": anchor.quote,
            "start": anchor.start,
        }
        sync.enqueue(article.id, QueueKind.COMMENT, payload)
    return comment


def _comment_id(sync: SyncRepository, article_id: str, ref: str) -> str:
    matches = [c.id for c in sync.comments(article_id) if c.id.startswith(ref)]
    if len(matches) != 1:
        raise UseCaseError(f"no single comment on this article starts with {ref}")
    return matches[0]


def resolve_comment(
    db: Database, ref: str, comment_ref: str, resolved: bool = True, target: str | None = None
) -> Comment:
    with db.session() as session:
        article = article_by_ref(session, ref)
        sync = SyncRepository(session, target_in(session, target))
        comment = sync.comment(_comment_id(sync, article.id, comment_ref))
        assert comment is not None
        changed = Comment(
            **{
                **comment.__dict__,
                "resolved": resolved,
                "resolved_by": sync.state().user if resolved else "",
            }
        )
        sync.save_comment(changed)
        sync.enqueue(article.id, QueueKind.RESOLVE, {"id": comment.id, "resolved": resolved})
    return changed


def list_comments(db: Database, ref: str, target: str | None = None) -> list[Comment]:
    with db.session() as session:
        article = article_by_ref(session, ref)
        return SyncRepository(session, target_in(session, target)).comments(article.id)


def comment_as_json(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.id,
        "article_id": comment.article_id,
        "parent_id": comment.parent_id,
        "author": comment.author,
        "body": comment.body,
        "quote": comment.anchor.quote,
        "start": comment.anchor.start,
        "end": comment.anchor.end,
        "paragraph": comment.anchor.paragraph,
        "detached": comment.anchor.detached,
        "resolved": comment.resolved,
        "resolved_by": comment.resolved_by,
        "pending": comment.pending,
        "created_at": comment.created_at.isoformat(),
    }
