"""The public reader site: article pages from the shared renderer, lists, Atom feed, sitemap."""

from __future__ import annotations

import hashlib
from datetime import datetime
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

import jinja2
from fastapi import APIRouter, Request, Response
from sqlalchemy import Select, select

from workstation.domain.article import Article, Status, slugify
from workstation.domain.preferences import Preferences
from workstation.service import lifecycle, live_page
from workstation.service.deps import site_url, state_of
from workstation.service.models import ArticleRecord, LiveRecord, LiveTagRecord
from workstation.service.problems import Problem

router = APIRouter(include_in_schema=False)
LIST_LIMIT = 50
SITEMAP_LIMIT = 50_000  # the sitemap protocol's limit for one file

_LIST_PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} | {{ site_name }}</title>
<link rel="alternate" type="application/atom+xml" href="{{ site }}/feed.atom"
 title="{{ site_name }}">
<style>body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
.notice{background:#eef;padding:.4rem;font:14px sans-serif}h2{font-size:1.15rem;margin:.2rem 0}
li{list-style:none;margin:1.2rem 0}.meta{color:#666;font:13px sans-serif}a{color:#114}</style>
</head><body>
<p class="notice">{{ notice }}</p>
<header><a href="{{ site }}/">{{ site_name }}</a></header>
<h1>{{ title }}</h1>
<ul>
{% for item in items %}<li><h2><a href="{{ site }}{{ item.url_path }}">{{ item.headline }}</a></h2>
<p class="meta">{{ item.date }}{% if item.section %} ·
<a href="{{ site }}/section/{{ item.section_slug }}">{{ item.section }}</a>{% endif %}</p>
<p>{{ item.standfirst }}</p></li>
{% else %}<li>Nothing published yet.</li>{% endfor %}
</ul></body></html>
"""


@lru_cache(maxsize=1)
def _list_template() -> jinja2.Template:
    return jinja2.Environment(autoescape=True).from_string(_LIST_PAGE)


def long_date(when: datetime) -> str:
    """24 November 2022: no ordinal, no weekday, the month in full."""
    return f"{when.day} {when:%B %Y}"


def to_article(live: LiveRecord) -> Article:
    """The domain article the renderer takes, from the published copy."""
    c = live.content
    return Article(
        id=live.article_id,
        headline=c["headline"],
        body=c.get("body", ""),
        standfirst=c.get("standfirst", ""),
        byline=tuple(c.get("byline", ())),
        section=c.get("section", ""),
        tags=tuple(c.get("tags", ())),
        audience=c.get("audience"),
        newsletter=bool(c.get("newsletter", True)),
        related=tuple(c.get("related", ())),
        slug=c.get("slug", ""),
        gate=c.get("gate"),
        sponsor=c.get("sponsor") or "",
        status=Status.PUBLISHED,
        created_at=live.published_at,
        updated_at=live.updated_at,
        published_at=live.published_at,
    )


def _cached(request: Request, body: str | bytes, media_type: str) -> Response:
    """A response with a content ETag and Cache-Control; 304 when the client has it."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
    max_age = state_of(request).config.page_max_age
    headers = {"ETag": etag, "Cache-Control": f"public, max-age={max_age}"}
    if etag in {t.strip() for t in request.headers.get("if-none-match", "").split(",")}:
        return Response(status_code=304, headers=headers)
    return Response(data, media_type=media_type, headers=headers)


def _prefs(request: Request) -> Preferences:
    return Preferences(site_name=state_of(request).config.site_name, site_url=site_url(request))


def _live_rows(
    request: Request,
    query: Select[Any] | None = None,
    newest: Any = LiveRecord.published_at,
) -> list[LiveRecord]:
    """Up to LIST_LIMIT live articles, newest first (by publication, or by `newest`)."""
    query = select(LiveRecord) if query is None else query
    with state_of(request).db.session() as session:
        return list(session.scalars(query.order_by(newest.desc()).limit(LIST_LIMIT)))


def _list_page(request: Request, title: str, rows: list[LiveRecord]) -> Response:
    prefs = _prefs(request)
    items = [
        {
            "url_path": row.url_path,
            "headline": row.content["headline"],
            "standfirst": row.content.get("standfirst", ""),
            "date": long_date(row.published_at),
            "section": row.section,
            "section_slug": slugify(row.section),
        }
        for row in rows[:LIST_LIMIT]
    ]
    html = _list_template().render(
        title=title,
        site_name=prefs.site_name,
        site=prefs.site_url,
        notice=prefs.audience_notice,
        items=items,
    )
    return _cached(request, html, "text/html; charset=utf-8")


@router.get("/")
def index(request: Request) -> Response:
    return _list_page(request, "Latest news", _live_rows(request))


@router.get("/section/{name}")
def section_page(name: str, request: Request) -> Response:
    rows = _live_rows(request, select(LiveRecord).where(LiveRecord.section_slug == name))
    if not rows:
        raise Problem(404, f"nothing published in the section {name}", kind="no-such-section")
    return _list_page(request, rows[0].section, rows)


@router.get("/tag/{name}")
def tag_page(name: str, request: Request) -> Response:
    tagged = (
        select(LiveRecord)
        .join(LiveTagRecord, LiveTagRecord.article_id == LiveRecord.article_id)
        .where(LiveTagRecord.tag_slug == name)
    )
    rows = _live_rows(request, tagged)
    if not rows:
        raise Problem(404, f"nothing published with the tag {name}", kind="no-such-tag")
    tag = next((t for t in rows[0].content.get("tags", ()) if slugify(t) == name), name)
    return _list_page(request, f"Tagged: {tag}", rows)


_GONE_PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<title>Removed | {{ site_name }}</title></head><body>
<header><a href="{{ site }}/">{{ site_name }}</a></header>
<main><h1>This article has been removed</h1>
<p class="takedown-notice">It is no longer available on {{ site_name }}.</p></main>
</body></html>
"""


def _taken_down_page(request: Request) -> Response:
    """410 Gone with a short notice for people (the reason stays in the audit trail)."""
    prefs = _prefs(request)
    html = (
        jinja2.Environment(autoescape=True)
        .from_string(_GONE_PAGE)
        .render(site_name=prefs.site_name, site=prefs.site_url)
    )
    return Response(
        html,
        status_code=410,
        media_type="text/html; charset=utf-8",
        headers={"Cache-Control": "no-store"},
    )


# Digits only, so that API paths of three segments (/api/v1/media) are never a page: GET
# there is a 405 naming the methods it has, not a 404 from here.
@router.get("/{year:int}/{month:int}/{slug}")
def article_page(year: int, month: int, slug: str, request: Request) -> Response:
    """The published page; 410 Gone once unpublished (the URL stays reserved)."""
    path = request.url.path  # as written: /2026/01/slug (the ints would drop the 0)
    with state_of(request).db.session() as session:
        live = session.scalars(select(LiveRecord).where(LiveRecord.url_path == path)).first()
        if live is None:
            gone = session.scalars(
                select(ArticleRecord).where(ArticleRecord.url_path == path)
            ).first()
            if gone is not None and gone.taken_down_at is not None:
                return _taken_down_page(request)
            if gone is not None:
                raise Problem(410, "this article has been withdrawn", kind="withdrawn")
            raise Problem(404, "no article at this address", kind="no-such-page")
    from workstation.render import render_page  # late: Markdown loads only when pages are read

    prefs = live_page.page_prefs(_prefs(request), live.page)
    article = to_article(live)
    with state_of(request).db.session() as session:
        related = live_page.related_links(session, article, live.page, prefs.site_url)
        history = lifecycle.page_history(session, live)
    from workstation.service.newsletter_site import form_token

    html = render_page(
        article,
        prefs,
        related,
        for_preview=False,
        canonical=prefs.site_url + live.url_path,
        form_token=form_token(state_of(request).form_secret),
        pictures=live_page.page_pictures(live.page, prefs.site_url),
        history=history,
    )
    return _cached(request, html, "text/html; charset=utf-8")


@router.get("/author/{name}")
def author_page(name: str, request: Request) -> Response:
    """The stories of one byline (the URL the page's JSON-LD gives its author)."""
    rows = [
        row
        for row in _live_rows(request)
        if any(slugify(by) == name for by in row.content.get("byline", ()))
    ]
    if not rows:
        raise Problem(404, f"no stories by {name}", kind="no-such-author")
    author = next(b for b in rows[0].content.get("byline", ()) if slugify(b) == name)
    return _list_page(request, author, rows)


def _atom(site: str, site_name: str, rows: list[LiveRecord]) -> str:
    updated = max((row.updated_at for row in rows), default=None)
    entries: list[str] = []
    for row in rows[:LIST_LIMIT]:
        c: dict[str, Any] = row.content
        authors = "".join(
            f"<author><name>{escape(name)}</name></author>" for name in c.get("byline", ())
        )
        entries.append(
            f"<entry><id>urn:uuid:{row.article_id}</id><title>{escape(c['headline'])}</title>"
            f'<link rel="alternate" href="{escape(site + row.url_path)}"/>'
            f"<published>{row.published_at.isoformat()}</published>"
            f"<updated>{row.updated_at.isoformat()}</updated>{authors}"
            f"<summary>{escape(c.get('standfirst', ''))}</summary></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>{escape(site)}/</id><title>{escape(site_name)}</title>"
        f'<link rel="self" href="{escape(site)}/feed.atom"/><link href="{escape(site)}/"/>'
        f"<updated>{(updated.isoformat() if updated else '1970-01-01T00:00:00+00:00')}</updated>"
        f"<author><name>{escape(site_name)}</name></author>{''.join(entries)}</feed>\n"
    )


@router.get("/feed.atom")
def feed(request: Request) -> Response:
    prefs = _prefs(request)
    rows = _live_rows(request, newest=LiveRecord.updated_at)
    return _cached(request, _atom(prefs.site_url, prefs.site_name, rows), "application/atom+xml")


@router.get("/sitemap.xml")
def sitemap(request: Request) -> Response:
    site = site_url(request)
    with state_of(request).db.session() as session:
        pages = session.execute(
            select(LiveRecord.url_path, LiveRecord.updated_at)
            .order_by(LiveRecord.published_at.desc())
            .limit(SITEMAP_LIMIT)
        ).all()
    urls = [f"<url><loc>{escape(site)}/</loc></url>"] + [
        f"<url><loc>{escape(site + path)}</loc>"
        f"<lastmod>{updated.date().isoformat()}</lastmod></url>"
        for path, updated in pages
    ]
    body = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(urls)
        + "</urlset>\n"
    )
    return _cached(request, body, "application/xml")


_CORRECTIONS_PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Corrections | {{ site_name }}</title>
<link rel="alternate" type="application/atom+xml" href="{{ site }}/corrections.atom"
 title="Corrections | {{ site_name }}">
<style>body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
li{list-style:none;margin:1.2rem 0}.meta{color:#666;font:13px sans-serif}a{color:#114}</style>
</head><body>
<header><a href="{{ site }}/">{{ site_name }}</a></header>
<h1>Corrections</h1>
<ul>
{% for item in items %}<li class="correction-entry">
<h2><a href="{{ site }}{{ item.url_path }}">{{ item.headline }}</a></h2>
<p class="correction">Correction, {{ item.date }}: {{ item.note }}</p></li>
{% else %}<li>No corrections.</li>{% endfor %}
</ul></body></html>
"""


@lru_cache(maxsize=1)
def _corrections_template() -> jinja2.Template:
    return jinja2.Environment(autoescape=True).from_string(_CORRECTIONS_PAGE)


def _correction_items(request: Request) -> list[dict[str, Any]]:
    from workstation.render.page import format_date

    with state_of(request).db.session() as session:
        rows = lifecycle.live_corrections(session, LIST_LIMIT)
        return [
            {
                "article_id": live.article_id,
                "url_path": live.url_path,
                "headline": live.content["headline"],
                "note": correction.note,
                "date": format_date(correction.created_at),
                "created_at": correction.created_at,
                "id": correction.id,
            }
            for correction, live in rows
        ]


@router.get("/corrections")
def corrections_page(request: Request) -> Response:
    """Every correction of a story live now, newest first (IPSO: corrections are findable)."""
    prefs = _prefs(request)
    html = _corrections_template().render(
        site_name=prefs.site_name, site=prefs.site_url, items=_correction_items(request)
    )
    return _cached(request, html, "text/html; charset=utf-8")


@router.get("/corrections.atom")
def corrections_feed(request: Request) -> Response:
    prefs = _prefs(request)
    site = prefs.site_url
    items = _correction_items(request)
    updated = max((item["created_at"] for item in items), default=None)
    entries = "".join(
        f"<entry><id>{escape(site)}/corrections#{item['id']}</id>"
        f"<title>Correction: {escape(item['headline'])}</title>"
        f'<link rel="alternate" href="{escape(site + item["url_path"])}"/>'
        f"<updated>{item['created_at'].isoformat()}</updated>"
        f"<summary>{escape(item['note'])}</summary></entry>"
        for item in items
    )
    body = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>{escape(site)}/corrections</id><title>Corrections | {escape(prefs.site_name)}</title>"
        f'<link rel="self" href="{escape(site)}/corrections.atom"/>'
        f'<link href="{escape(site)}/corrections"/>'
        f"<updated>{(updated.isoformat() if updated else '1970-01-01T00:00:00+00:00')}</updated>"
        f"<author><name>{escape(prefs.site_name)}</name></author>{entries}</feed>\n"
    )
    return _cached(request, body, "application/atom+xml")
