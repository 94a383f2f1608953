"""The page head's metadata, compiled from the article: schema.org NewsArticle JSON-LD, Open
Graph (`og:*`, `article:*`), the Twitter/X card, the canonical URL and the description.

The same for the preview, the export and the reader site (render.page puts it in the head).
Descriptions are the standfirst and never the body (domain.audience.public_summary), so a gated
story's body stays out of link cards; the gated part is declared for search engines with
`isAccessibleForFree: false` and a `hasPart` naming its CSS selector (paywall markup, the same
page for everyone, not a cloak).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workstation.domain.article import Article, slugify
from workstation.domain.audience import GATED_SELECTOR, is_gated, public_summary
from workstation.domain.lifecycle import PageHistory
from workstation.domain.preferences import Preferences
from workstation.render.typography import smarten

SEARCH_HEADLINE_MAX = 110
"""schema.org headline length search engines show in full (Google: 110 characters)."""
LANGUAGE = "en-GB"


@dataclass(frozen=True)
class HeadMeta:
    """What goes in the head besides the title: `meta` tags (property or name, content), the
    canonical URL and the JSON-LD (already serialized, safe inside a script element)."""

    canonical: str
    description: str
    tags: tuple[tuple[str, str, str], ...]
    """(attribute, key, content): attribute is "name" or "property"."""
    json_ld: str


def article_path(article: Article) -> str:
    """Where the reader site puts the story: /YYYY/MM/slug, by its (first) publication."""
    when = article.published_at or article.updated_at
    return f"/{when.year:04d}/{when.month:02d}/{article.effective_slug}"


def author_url(site_url: str, name: str) -> str:
    """The reader site's page of one byline's stories."""
    return f"{site_url.rstrip('/')}/author/{slugify(name)}"


def search_headline(headline: str) -> str:
    """The headline cut to SEARCH_HEADLINE_MAX characters at a word boundary (with an ellipsis)."""
    headline = " ".join(headline.split())
    if len(headline) <= SEARCH_HEADLINE_MAX:
        return headline
    cut = headline[: SEARCH_HEADLINE_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return cut + "…"


def _iso(when: datetime | None) -> str:
    return when.isoformat() if when is not None else ""


def modified_time(article: Article, history: PageHistory | None) -> datetime:
    """dateModified: the last update or correction readers were told of (the page's own
    history when the service gives it), else the article's last change."""
    if history is None:
        return article.updated_at
    return history.modified_at or article.published_at or article.updated_at


def json_ld(
    article: Article,
    prefs: Preferences,
    canonical: str,
    images: Sequence[str] = (),
    history: PageHistory | None = None,
) -> dict[str, Any]:
    """The NewsArticle as a JSON-ready dict; corrections as schema.org CorrectionComments."""
    site = prefs.site_url.rstrip("/")
    names = [n.strip() for n in article.byline if n.strip()]
    gated = is_gated(article, prefs)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": search_headline(smarten(article.headline)),
        "description": smarten(public_summary(article, prefs)),
        "url": canonical,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "inLanguage": LANGUAGE,
        "datePublished": _iso(article.published_at or article.updated_at),
        "dateModified": _iso(modified_time(article, history)),
        "author": [
            {"@type": "Person", "name": smarten(name), "url": author_url(site, name)}
            for name in names
        ],
        "publisher": {"@type": "Organization", "name": prefs.site_name, "url": site + "/"},
        "isAccessibleForFree": not gated,
    }
    if article.section.strip():
        data["articleSection"] = article.section.strip()
    tags = [t.strip() for t in article.tags if t.strip()]
    if tags:
        data["keywords"] = ", ".join(tags)
    if images:  # crops of the hero picture (media, issue 13): 16:9, 4:3 and 1:1
        data["image"] = list(images)
    if gated:
        data["hasPart"] = {
            "@type": "WebPageElement",
            "isAccessibleForFree": False,
            "cssSelector": GATED_SELECTOR,
        }
    if article.sponsor.strip():
        data["sponsor"] = {"@type": "Organization", "name": article.sponsor.strip()}
    if history is not None and history.corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": smarten(c.note),
                "datePublished": _iso(c.created_at),
            }
            for c in history.corrections
        ]
    if not data["description"]:
        del data["description"]
    return data


def script_json(data: dict[str, Any]) -> str:
    """JSON safe inside <script>: no "</script>" or "<!--" can close or confuse it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def head_meta(
    article: Article,
    prefs: Preferences,
    canonical: str = "",
    images: Sequence[str] = (),
    history: PageHistory | None = None,
) -> HeadMeta:
    """Every head tag of the article page. `canonical` defaults to where the site will put it."""
    site = prefs.site_url.rstrip("/")
    canonical = canonical or f"{site}{article_path(article)}"
    headline = smarten(article.headline.strip()) or "Untitled"
    description = smarten(public_summary(article, prefs))
    tags: list[tuple[str, str, str]] = [
        ("property", "og:type", "article"),
        ("property", "og:title", headline),
        ("property", "og:url", canonical),
        ("property", "og:site_name", prefs.site_name),
        ("property", "og:locale", LANGUAGE.replace("-", "_")),
    ]
    if description:
        tags.append(("property", "og:description", description))
    tags += [("property", "og:image", url) for url in images[:1]]
    tags.append(
        ("property", "article:published_time", _iso(article.published_at or article.updated_at))
    )
    tags.append(("property", "article:modified_time", _iso(modified_time(article, history))))
    if article.section.strip():
        tags.append(("property", "article:section", article.section.strip()))
    tags += [
        ("property", "article:author", author_url(site, name))
        for name in article.byline
        if name.strip()
    ]
    tags += [("property", "article:tag", tag.strip()) for tag in article.tags if tag.strip()]
    tags += [
        ("name", "twitter:card", "summary_large_image" if images else "summary"),
        ("name", "twitter:title", search_headline(headline)),
    ]
    if description:
        tags.append(("name", "twitter:description", description))
    tags += [("name", "twitter:image", url) for url in images[:1]]
    return HeadMeta(
        canonical=canonical,
        description=description,
        tags=tuple(tags),
        json_ld=script_json(json_ld(article, prefs, canonical, images, history)),
    )
