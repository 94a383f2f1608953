"""A story for syndication: IPTC ninjs from the local store or a front-matter file."""

from __future__ import annotations

from typing import Any

from workstation.domain.ninjs import to_ninjs
from workstation.render import render_body
from workstation.render.metadata import article_path
from workstation.usecases import page_context
from workstation.usecases.render_page import load_article
from workstation.usecases.workspace import Workspace


def article_ninjs(workspace: Workspace, ref: str, *, public: bool = False) -> dict[str, Any]:
    """The ninjs of `ref` (id, unique prefix or .md file). `public` applies the audience gate
    as the service's public export does: a gated story goes without its body."""
    prefs = workspace.prefs
    article = load_article(workspace, ref)
    with workspace.db.session() as session:
        url = page_context.live_url(session, article.id)
    url = url or prefs.site_url.rstrip("/") + article_path(article)
    return to_ninjs(article, prefs, url=url, body_html=render_body(article.body), public=public)
