"""The review API in one router: workflow moves, comments, presence and the draft sync feed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import select, tuple_

from workstation.service import articles, comments, presence, workflow
from workstation.service.auth import Action, Principal
from workstation.service.changes import Cursor
from workstation.service.deps import current_principal, require, site_url, state_of
from workstation.service.models import RevisionRecord
from workstation.service.review_schemas import Feed, FeedItem

router = APIRouter()
router.include_router(workflow.router)
router.include_router(comments.router)
router.include_router(presence.router)

feed_router = APIRouter(prefix="/api/v1", tags=["sync"])
Caller = Annotated[Principal, Depends(current_principal)]


@feed_router.get("/sync/articles", response_model=Feed)
def article_feed(
    request: Request,
    caller: Caller,
    updated_since: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=articles.MAX_PAGE)] = 200,
) -> Feed:
    """Articles changed after the cursor, whole (content, version, its author, last move),
    oldest change first: one request per page instead of one per article."""
    require(caller, Action.READ)
    since = Cursor.decode(updated_since) if updated_since is not None else None
    site = site_url(request)
    with state_of(request).db.session() as session:
        rows, cursor = articles.list_changes(session, since, limit)
        keys = [(row.id, row.version) for row in rows]
        authors: dict[str, str] = {}
        if keys:
            found = session.execute(
                select(RevisionRecord.article_id, RevisionRecord.author).where(
                    tuple_(RevisionRecord.article_id, RevisionRecord.version).in_(keys)
                )
            )
            authors = {article_id: author for article_id, author in found}
        events = workflow.last_events(session, [row.id for row in rows])
        items = [
            FeedItem(
                article=articles.to_out(row, site),
                author=authors.get(row.id, row.created_by),
                last_event=events.get(row.id),
            )
            for row in rows
        ]
    return Feed(items=items, next_cursor=cursor or updated_since)


router.include_router(feed_router)
