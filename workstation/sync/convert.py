"""The service's content dicts back into articles, and the workflow status a reader sees.

Articles into content: domain/wire.py's `content_of`, the one serializer.
"""

from __future__ import annotations

from typing import Any

from workstation.domain.article import Article, Status, now_utc, same_text

PUBLICATION_KEY = "_publication"  # kept beside a base's content; never sent
LIVE_KEY = "_live"  # likewise: whether the base's version is the one on the reader site
__all__ = [
    "LIVE_KEY",
    "PUBLICATION_KEY",
    "apply_content",
    "effective_status",
    "same_text",
]


def sendable(content: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in content.items() if not key.startswith("_")}


def effective_status(content: dict[str, Any], publication_state: str, live: bool = False) -> Status:
    """The status to show: content says "approved" while the site has it live: published.
    So does a version that is itself the live one (`live`), whatever workflow word it carries
    (a desk without approval publishes a draft in one click); a scheduled one is scheduled."""
    try:
        status = Status(content.get("status", Status.DRAFT.value))
    except ValueError:
        status = Status.DRAFT
    if live and publication_state == "published":
        return Status.PUBLISHED
    if publication_state == "scheduled":  # it goes live at its time whatever the word says
        return Status.SCHEDULED
    if status in (Status.APPROVED, Status.SCHEDULED):
        if publication_state == "published":
            return Status.PUBLISHED
        if publication_state == "scheduled":
            return Status.SCHEDULED
    return status


def apply_content(
    article: Article | None, article_id: str, content: dict[str, Any], status: Status
) -> Article:
    """The local article with the service's content (a new one when there is none)."""
    fields: dict[str, Any] = {
        "headline": content.get("headline", ""),
        "standfirst": content.get("standfirst", ""),
        "body": content.get("body", ""),
        "byline": tuple(content.get("byline", ())),
        "section": content.get("section", ""),
        "tags": tuple(content.get("tags", ())),
        "audience": content.get("audience"),
        "newsletter": bool(content.get("newsletter", True)),
        "related": tuple(content.get("related", ())),
        "slug": content.get("slug", ""),
        "gate": content.get("gate"),
        "sponsor": content.get("sponsor") or "",
        "status": status,
        "updated_at": now_utc(),
    }
    if article is None:
        return Article(id=article_id, **fields)
    return article.with_changes(**fields)
