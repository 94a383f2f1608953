"""A story as IPTC ninjs 2.1 (News in JSON), for aggregators and syndication partners.

`public=True` is what anyone may fetch: a gated story (health professionals only) carries its
headline and standfirst but no body (`representationtype: partial`).
"""

from __future__ import annotations

from typing import Any

from workstation.domain.article import Article, now_utc, word_count
from workstation.domain.audience import is_gated, public_summary
from workstation.domain.mediatopics import MEDTOP_URI, media_topics
from workstation.domain.preferences import Preferences

NINJS_VERSION = "2.1"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"


def to_ninjs(
    article: Article,
    prefs: Preferences,
    *,
    url: str,
    body_html: str,
    public: bool = True,
    version: int | None = None,
) -> dict[str, Any]:
    """The ninjs object. `body_html` is the rendered, sanitized body (render.render_body)."""
    withheld = public and is_gated(article, prefs)
    first = article.published_at or article.created_at
    item: dict[str, Any] = {
        "uri": f"urn:uuid:{article.id}",
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "representationtype": "partial" if withheld else "full",
        "firstcreated": first.isoformat(),
        "versioncreated": (article.updated_at or now_utc()).isoformat(),
        "pubstatus": "usable",
        "language": "en-GB",
        "headlines": [{"role": "main", "value": article.headline}],
        "slugline": article.effective_slug,
        "copyrightholder": prefs.site_name,
    }
    if version is not None:
        item["version"] = str(version)
    summary = public_summary(article, prefs)
    if summary:
        item["descriptions"] = [{"role": "summary", "contenttype": "text/plain", "value": summary}]
    names = [n.strip() for n in article.byline if n.strip()]
    if names:
        item["by"] = ", ".join(names)
    if not withheld and body_html:
        item["bodies"] = [
            {
                "role": "main",
                "contenttype": "text/html",
                "wordcount": word_count(article.body),
                "value": body_html,
            }
        ]
    subjects = [
        {"name": name, "uri": MEDTOP_URI + code, "literal": f"medtop:{code}", "rel": "about"}
        for code, name in media_topics(article)
    ]
    if subjects:
        item["subjects"] = subjects
    if url:
        item["renditions"] = [{"name": "web", "href": url, "contenttype": "text/html"}]
    if article.sponsor.strip():
        item["infosources"] = [{"name": article.sponsor.strip(), "role": "sponsor"}]
    if withheld:
        item["usageterms"] = (
            "Health professionals only: the full text is on the site, behind a self-declaration."
        )
    return item
