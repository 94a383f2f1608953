"""An article as WordPress post fields: what the preview shows, in the shape the REST API takes.

The body is our renderer's sanitized HTML (the site shows what the preview showed) followed by
the related block from the same template; the standfirst is the excerpt; byline, audience
notice and newsletter flag go to post meta, which the mu-plugin shows in the theme.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from workstation.domain.article import Article, RelatedLink
from workstation.domain.lifecycle import Correction
from workstation.render.body import render_body
from workstation.render.page import byline_text, templates
from workstation.render.typography import smarten


def _audience(article: Article, site: dict[str, Any]) -> str:
    if article.audience is not None:
        return article.audience
    return str(site.get("audience_notice") or "")


def post_fields(
    article: Article,
    page: dict[str, Any],
    related: Sequence[RelatedLink],
    publish_at: datetime | None,
    corrections: Sequence[Correction] = (),
) -> dict[str, Any]:
    """The JSON for POST /wp/v2/posts (categories and tags are added by the target); the
    correction footnotes, oldest first, follow the body as on the reader site."""
    content = render_body(article.body)
    if corrections:
        notes = [replace(c, note=smarten(c.note)) for c in corrections]
        content += "\n" + str(templates().parts.corrections(notes))
    if related:
        content += "\n" + str(templates().parts.related(list(related)))
    fields: dict[str, Any] = {
        "title": smarten(article.headline.strip()),
        "slug": article.effective_slug,
        "excerpt": smarten(article.standfirst.strip()),
        "content": content,
        "status": "publish",
        "meta": {
            "ew_byline": byline_text([smarten(n) for n in article.byline]),
            "ew_audience": _audience(article, page.get("site") or {}),
            "ew_newsletter": "1" if article.newsletter else "",
        },
    }
    if publish_at is not None and publish_at > datetime.now(UTC):
        fields["status"] = "future"
        fields["date_gmt"] = (
            publish_at.astimezone(UTC).replace(tzinfo=None).isoformat("T", "seconds")
        )
    return fields
