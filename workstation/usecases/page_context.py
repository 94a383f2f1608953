"""What surrounds an article's body on its page, the same for the preview and the live page:
the related block (linked only where the story is live) and the site's texts. Publishing
sends it along (PageContext in the service's API) so the live page is the preview."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from workstation.domain.article import Article, RelatedLink
from workstation.domain.media import MediaItem, references_in
from workstation.domain.preferences import Preferences
from workstation.store.db import Database
from workstation.store.media import MediaRepository
from workstation.store.outbox import publications_of
from workstation.store.repository import ArticleRepository, NotFound

SITE_FIELDS = (
    "site_name",
    "audience_notice",
    "newsletter_text",
    "newsletter_link_text",
    "newsletter_url",
    "professionals_only",
    "professional_sections",
)


def live_url(session: Session, article_id: str) -> str:
    """Where the story is live now (the most recent target that has it live), or ""."""
    for publication in publications_of(session, article_id):
        if publication.state == "published" and publication.url:
            return publication.url
    return ""


def _resolve(repo: ArticleRepository, ref: str, by_slug: dict[str, Article]) -> Article | None:
    try:
        return repo.get(repo.resolve_id(ref))
    except NotFound:
        if not by_slug:
            by_slug.update({a.effective_slug: a for a in repo.all()})
        return by_slug.get(ref)


def related_links(db: Database, refs: Sequence[str]) -> tuple[list[RelatedLink], list[str]]:
    """RelatedLinks in the chosen order for ids, id prefixes or slugs, and the refs not found.
    A story links to its live URL; one never published here shows unlinked (no 404s)."""
    links: list[RelatedLink] = []
    missing: list[str] = []
    if not refs:
        return links, missing
    with db.session() as session:
        repo = ArticleRepository(session)
        by_slug: dict[str, Article] = {}
        for ref in refs:
            found = _resolve(repo, ref, by_slug)
            if found is None:
                missing.append(ref)
                continue
            url = live_url(session, found.id)
            links.append(
                RelatedLink(found.id, found.headline, found.standfirst, found.published_at, url)
            )
    return links, missing


def page_context(db: Database, article: Article, prefs: Preferences | None) -> dict[str, Any]:
    """The JSON the publish request carries: the related block and the site texts."""
    links, _missing = related_links(db, article.related)
    context: dict[str, Any] = {
        "related": [
            {
                "id": link.id,
                "headline": link.headline,
                "standfirst": link.standfirst,
                "published_at": link.published_at.isoformat() if link.published_at else None,
                "url": link.url,
            }
            for link in links
        ]
    }
    if prefs is not None:
        context["site"] = {name: getattr(prefs, name) for name in SITE_FIELDS}
    with db.session() as session:
        used, hero = pictures_in(session, article)
    shown = ([hero] if hero is not None else []) + [i for i in used if i != hero]
    if shown:
        context["pictures"] = [_picture(item) for item in shown]
        context["hero"] = hero.sha256 if hero is not None else None
    return context


def pictures_in(session: Session, article: Article) -> tuple[list[MediaItem], MediaItem | None]:
    """The library pictures the article's body names (first use first) and its hero."""
    repo = MediaRepository(session)
    used = [item for sha in references_in(article.body) if (item := repo.get(sha)) is not None]
    return used, repo.hero_of(article.id)


def _picture(item: MediaItem) -> dict[str, Any]:
    """A picture as the publish request's page context carries it (schemas.PagePicture)."""
    return {
        "sha256": item.sha256,
        "width": item.width,
        "height": item.height,
        "alt": item.alt[:1000],
        "decorative": item.decorative,
        "caption": item.caption[:2000],
        "credit": item.credit[:500],
        "focal_x": item.focal_x,
        "focal_y": item.focal_y,
    }
