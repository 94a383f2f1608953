"""An article's wire form: the one serializer of an Article to JSON-ready dicts.

`content_of` is the content the service stores and sync compares: publishing sends it
(publish/service_client.py), sync pushes and merges it (sync/). `article_as_json` is the export
form (`workstation show --json`): the same content with the id, the origin and the times.
Reading content back into an Article is sync/convert.py's `apply_content`.
"""

from __future__ import annotations

from typing import Any

from workstation.domain.article import Article

CONTENT_KEYS = (
    "headline", "standfirst", "body", "byline", "section", "tags", "audience", "newsletter",
    "related", "slug", "status", "gate", "sponsor",
)  # fmt: skip
"""The keys of the content: the synced text fields (domain.article.SYNCED_TEXT_FIELDS) and
the workflow status."""

EXPORT_KEYS = (
    "id", "headline", "standfirst", "byline", "section", "tags", "audience", "newsletter",
    "related", "slug", "status", "origin", "body", "created_at", "updated_at", "published_at",
    "gate", "sponsor",
)  # fmt: skip
"""The keys of the export form, in the order `show --json` has always printed them."""


def content_of(article: Article, status: str | None = None) -> dict[str, Any]:
    """The content the service stores (so equal content compares equal); `status` overrides
    the article's (sync sends the service's own status back and makes moves as moves)."""
    return {
        "headline": article.headline,
        "standfirst": article.standfirst,
        "body": article.body,
        "byline": list(article.byline),
        "section": article.section,
        "tags": list(article.tags),
        "audience": article.audience,
        "newsletter": article.newsletter,
        "related": list(article.related),
        "slug": article.slug,
        "status": status or article.status.value,
        "gate": article.gate,
        "sponsor": article.sponsor,
    }


def article_as_json(article: Article) -> dict[str, Any]:
    """Every field, JSON-ready, times in ISO 8601; the slug as the page will have it."""
    fields = {
        **content_of(article),
        "id": article.id,
        "slug": article.effective_slug,
        "origin": article.origin.value,
        "created_at": article.created_at.isoformat(),
        "updated_at": article.updated_at.isoformat(),
        "published_at": article.published_at.isoformat() if article.published_at else None,
    }
    return {key: fields[key] for key in EXPORT_KEYS}
