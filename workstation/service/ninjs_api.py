"""GET /api/v1/articles/{id}/ninjs: a live story as IPTC ninjs 2.1, public (no token), so a
gated story's body is left out (domain.ninjs)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from workstation.domain.ninjs import to_ninjs
from workstation.service import live_page
from workstation.service.deps import site_url, state_of
from workstation.service.models import LiveRecord
from workstation.service.problems import PROBLEM_MEDIA_TYPE, Problem

router = APIRouter(prefix="/api/v1", tags=["syndication"])
NINJS_MEDIA_TYPE = "application/json"


@router.get(
    "/articles/{article_id}/ninjs",
    responses={
        200: {"description": "The live story as ninjs 2.1", "content": {NINJS_MEDIA_TYPE: {}}},
        404: {"description": "Not live here", "content": {PROBLEM_MEDIA_TYPE: {}}},
    },
)
def article_ninjs(article_id: UUID, request: Request) -> JSONResponse:
    """The published version; health-professionals-only stories without their body."""
    from workstation.render import render_body  # late: Markdown loads only when asked
    from workstation.service.reader import _prefs, to_article

    with state_of(request).db.session() as session:
        live = session.get(LiveRecord, str(article_id))
        if live is None:
            raise Problem(404, "this article is not live here", kind="not-live")
        article = to_article(live)
        page: dict[str, Any] | None = live.page
        version, path = live.version, live.url_path
    prefs = live_page.page_prefs(_prefs(request), page)
    item = to_ninjs(
        article,
        prefs,
        url=site_url(request) + path,
        body_html=render_body(article.body),
        public=True,
        version=version,
    )
    return JSONResponse(item, media_type=NINJS_MEDIA_TYPE)
