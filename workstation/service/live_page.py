"""The live page's surroundings as the publisher's preview showed them: related links and
site texts sent with publish (see PageContext), resolved against what is live here now."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation.domain.article import Article, RelatedLink
from workstation.domain.media import MediaItem
from workstation.domain.preferences import Preferences
from workstation.service.models import LiveRecord

if TYPE_CHECKING:
    from workstation.render.figures import Pictures

SITE_FIELDS = (
    "site_name",
    "audience_notice",
    "newsletter_text",
    "newsletter_link_text",
    "newsletter_url",
    "professionals_only",
    "professional_sections",
)


def page_prefs(base: Preferences, page: dict[str, Any] | None) -> Preferences:
    """The service's site settings with the publisher's site texts (and audience defaults)
    over them."""
    site = (page or {}).get("site") or {}
    changes = {
        name: site[name]
        for name in SITE_FIELDS
        if type(site.get(name)) is type(getattr(base, name))
    }
    return replace(base, **changes) if changes else base


def _live_link(row: LiveRecord, site: str) -> RelatedLink:
    return RelatedLink(
        id=row.article_id,
        headline=row.content["headline"],
        standfirst=row.content.get("standfirst", ""),
        published_at=row.published_at,
        url=f"{site}{row.url_path}",
    )


def _find_live(session: Session, ref: str) -> LiveRecord | None:
    return (
        session.get(LiveRecord, ref)
        or session.scalars(
            select(LiveRecord).where(LiveRecord.url_path.endswith(f"/{ref}"))
        ).first()
    )


def _sent_link(entry: dict[str, Any], site: str) -> RelatedLink:
    """A related article as the publisher saw it. A link into this site that is not live here
    (taken down since) would 404: it shows unlinked, as the preview shows a story not live."""
    url = str(entry.get("url") or "")
    if url.startswith(site + "/"):
        url = ""
    when = entry.get("published_at")
    return RelatedLink(
        id=str(entry.get("id", "")),
        headline=str(entry.get("headline", "")),
        standfirst=str(entry.get("standfirst") or ""),
        published_at=datetime.fromisoformat(when) if isinstance(when, str) else None,
        url=url,
    )


def related_links(
    session: Session, article: Article, page: dict[str, Any] | None, site: str
) -> list[RelatedLink]:
    """The related block in the chosen order: a story live here links to its page here; one
    that is not shows as the publisher's preview showed it. Without a page context (an older
    client), only the chosen stories live here are listed."""
    sent = (page or {}).get("related")
    if isinstance(sent, list):
        from workstation.service.lifecycle import taken_down_ids

        gone = taken_down_ids(session, [str(e.get("id", "")) for e in sent if isinstance(e, dict)])
        links = []
        for entry in sent:
            if not isinstance(entry, dict) or str(entry.get("id", "")) in gone:
                continue  # a story taken down is named nowhere, not even unlinked
            row = session.get(LiveRecord, str(entry.get("id", "")))
            links.append(_live_link(row, site) if row is not None else _sent_link(entry, site))
        return links
    found = (_find_live(session, ref) for ref in article.related)
    return [_live_link(row, site) for row in found if row is not None]


def page_pictures(page: dict[str, Any] | None, site: str) -> Pictures | None:
    """The pictures the publisher's preview showed (sent with publish, uploaded before), served
    from this site's /media/ with its renditions; None when the page has none."""
    sent = (page or {}).get("pictures")
    if not isinstance(sent, list) or not sent:
        return None
    items: dict[str, MediaItem] = {}
    for entry in sent:
        if not isinstance(entry, dict) or not isinstance(entry.get("sha256"), str):
            continue
        items[entry["sha256"]] = MediaItem(
            sha256=entry["sha256"],
            extension="jpg",
            width=int(entry.get("width") or 1),
            height=int(entry.get("height") or 1),
            size=0,
            alt=str(entry.get("alt") or ""),
            decorative=bool(entry.get("decorative")),
            caption=str(entry.get("caption") or ""),
            credit=str(entry.get("credit") or ""),
            focal_x=float(entry.get("focal_x", 0.5)),
            focal_y=float(entry.get("focal_y", 0.5)),
        )
    hero_sha = (page or {}).get("hero")
    hero = items.get(hero_sha) if isinstance(hero_sha, str) else None
    from workstation.render.figures import Pictures  # late, as render_page: Markdown loads

    def url_for(sha: str, variant: str, extension: str) -> str:
        return f"{site}/media/{sha}-{variant}.{extension}" if variant else f"{site}/media/{sha}"

    return Pictures(items, url_for, hero=hero)
