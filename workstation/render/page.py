"""The published page (and the preview, which is the same page) from Jinja2 templates."""

from __future__ import annotations

import base64
import hashlib
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from html import escape
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup

from workstation.domain.article import Article, RelatedLink
from workstation.domain.audience import is_gated
from workstation.domain.lifecycle import PageHistory
from workstation.domain.preferences import Preferences
from workstation.paths import resource
from workstation.render.body import RenderedBody, render_blocks
from workstation.render.figures import PREVIEW_MEDIA_SCHEME, Pictures, expand_blocks
from workstation.render.metadata import head_meta
from workstation.render.page_forms import GATE_SCRIPT, newsletter_form
from workstation.render.sanitize import EMBED_PREFIXES
from workstation.render.typography import smarten

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
DISPLAY_TIMEZONE = "Europe/London"
REGIONS = (
    "notice", "masthead", "header", "gate", "corrections", "newsletter", "related", "footer",
)  # fmt: skip
"""Parts of the page outside the body that the preview patches by name (data-region)."""


def format_date(when: datetime | None) -> str:
    """`24 November 2022`: no leading zero, full month name, in the site's time zone."""
    if when is None:
        return ""
    if when.tzinfo is not None:
        when = when.astimezone(_display_zone())
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}"


def _display_zone() -> Any:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(DISPLAY_TIMEZONE)
    except Exception:  # no tz database on this machine: UTC is a fair guess for a UK title
        from datetime import UTC

        return UTC


def safe_url(url: str, *, allow_relative: bool = True) -> str:
    """`url` if it is http(s), mailto or (optionally) relative; '' for anything else."""
    url = url.strip()
    if not url or any(ord(ch) < 0x20 for ch in url):
        return ""
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("http", "https", "mailto"):
        return url
    if not scheme and allow_relative and not url.startswith("//"):
        return url
    return ""


def byline_text(names: Sequence[str]) -> str:
    """`By A`, `By A and B`, `By A, B and C`."""
    names = [n.strip() for n in names if n.strip()]
    if not names:
        return ""
    if len(names) == 1:
        return f"By {names[0]}"
    return f"By {', '.join(names[:-1])} and {names[-1]}"


@dataclass(frozen=True)
class PageParts:
    """The page in pieces: its title, named regions and body blocks (all sanitized HTML)."""

    title: str
    regions: dict[str, str] = field(default_factory=dict)
    body: tuple[str, ...] = ()
    head: str = ""
    """The head's metadata tags (Open Graph, Twitter, canonical, JSON-LD): the preview
    replaces them as the article changes, so it shows what readers' link cards will."""


class _Templates:
    """Templates and the stylesheet, read once from resources/ (source, wheel or bundle)."""

    def __init__(self) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FunctionLoader(self._load),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
        self.env.filters["date"] = format_date
        self.env.filters["safe_url"] = safe_url
        self.stylesheet = resource("css", "site.css").read_text(encoding="utf-8")
        self.parts: Any = self.env.get_template("_parts.html").module

    @staticmethod
    def _load(name: str) -> str:
        if "/" in name or "\\" in name or name.startswith("."):
            raise jinja2.TemplateNotFound(name)
        node = resource("templates", name)
        if not node.is_file():
            raise jinja2.TemplateNotFound(name)
        return node.read_text(encoding="utf-8")


_templates: _Templates | None = None
_lock = threading.Lock()


def templates() -> _Templates:
    """The shared templates, loaded on first use."""
    global _templates
    with _lock:
        if _templates is None:
            _templates = _Templates()
        return _templates


def _style(prefs: Preferences, for_preview: bool) -> str:
    css = templates().stylesheet
    if for_preview:
        size = min(max(prefs.preview_font_size, 8), 48)
        css += f"\n:root {{ --preview-font-size: {size}px; }}\n"
    return css


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def content_security_policy(style: str, for_preview: bool) -> str:
    """Only our stylesheet; on the published page one script of ours (the audience gate's
    remembered declaration), forms only to this site; remote images and embeds only when
    published. The preview runs no script and sends no form."""
    parts = [
        "default-src 'none'",
        f"style-src 'sha256-{_sha256(style)}'",
        "base-uri 'none'",
    ]
    if for_preview:
        parts += ["form-action 'none'", f"img-src data: {PREVIEW_MEDIA_SCHEME}:"]
    else:
        frames = " ".join(sorted({_origin(p) for p in EMBED_PREFIXES}))
        parts += [
            f"script-src 'sha256-{_sha256(GATE_SCRIPT)}'",
            "form-action 'self'",
            "img-src https: http: data:",
            f"frame-src {frames}",
        ]
    return "; ".join(parts)


def _origin(url: str) -> str:
    split = urlsplit(url)
    return f"{split.scheme}://{split.netloc}"


def notice_text(article: Article, prefs: Preferences) -> str:
    """The audience notice: the article's own, the site default (None), or none ("")."""
    return prefs.audience_notice if article.audience is None else article.audience


def render_parts(
    article: Article,
    prefs: Preferences,
    related: Sequence[RelatedLink],
    *,
    for_preview: bool = False,
    body: RenderedBody | None = None,
    canonical: str = "",
    form_token: str = "",
    pictures: Pictures | None = None,
    history: PageHistory | None = None,
) -> PageParts:
    """Everything the preview patches: regions by name, the title, the body blocks and the
    head's metadata. `canonical` is the live URL (default: where the site will put it);
    `form_token` the service's anti-forgery token for the newsletter form."""
    parts = templates().parts
    if body is None:
        body = render_blocks(article.body)
    blocks = expand_blocks(body.blocks, pictures)
    if for_preview:
        blocks = tuple(offline_placeholders(b) for b in blocks)
    shown = typeset(article)
    links = [
        replace(link, headline=smarten(link.headline), standfirst=smarten(link.standfirst))
        for link in related
    ]
    regions = {
        "notice": str(parts.notice(notice_text(article, prefs))),
        "masthead": str(parts.masthead(prefs)),
        "gate": str(parts.gate(is_gated(article, prefs), prefs.site_url)),
        "header": str(parts.header(shown, byline_text(shown.byline), _dates(article, history))),
        "corrections": str(
            parts.corrections(
                [replace(c, note=smarten(c.note)) for c in history.corrections]
                if history is not None
                else []
            )
        ),
        "newsletter": str(
            parts.newsletter(prefs, newsletter_form(prefs, form_token))
            if article.newsletter
            else ""
        ),
        "related": str(parts.related(links)),
        "footer": str(parts.footer(prefs)),
    }
    og_image = pictures.og_image() if pictures is not None else ""
    og = (og_image,) if og_image else ()
    head = str(parts.head(head_meta(article, prefs, canonical, og, history=history)))
    return PageParts(page_title(article, prefs), regions, blocks, head)


def typeset(article: Article) -> Article:
    """The article's plain-text fields with British smart punctuation, as printed."""
    return article.with_changes(
        headline=smarten(article.headline),
        standfirst=smarten(article.standfirst),
        byline=tuple(smarten(name) for name in article.byline),
    )


def page_title(article: Article, prefs: Preferences) -> str:
    headline = smarten(article.headline.strip()) or "Untitled"
    return f"{headline} | {prefs.site_name}" if prefs.site_name else headline


def _dates(article: Article, history: PageHistory | None = None) -> dict[str, Any]:
    shown = article.published_at or article.updated_at
    if history is not None:  # the site's word: "Updated" only after an update or correction
        return {"published": shown, "updated": history.modified_at}
    updated = None
    if article.published_at is not None and article.updated_at.date() > shown.date():
        updated = article.updated_at
    return {"published": shown, "updated": updated}


def render_page(
    article: Article,
    prefs: Preferences,
    related: Sequence[RelatedLink],
    *,
    for_preview: bool = False,
    body: RenderedBody | None = None,
    canonical: str = "",
    form_token: str = "",
    pictures: Pictures | None = None,
    history: PageHistory | None = None,
) -> str:
    """The full HTML document readers get (or, with for_preview, its offline twin)."""
    page_parts = render_parts(
        article,
        prefs,
        related,
        for_preview=for_preview,
        body=body,
        canonical=canonical,
        form_token=form_token,
        pictures=pictures,
        history=history,
    )
    return render_document(page_parts, article, prefs, for_preview=for_preview)


def render_document(
    page_parts: PageParts, article: Article, prefs: Preferences, *, for_preview: bool
) -> str:
    """Wrap rendered parts in the article page template."""
    style = _style(prefs, for_preview)
    return (
        templates()
        .env.get_template("article.html")
        .render(
            title=page_parts.title,
            lang="en-GB",
            style=Markup(style.replace("</", "<\\/")),
            csp=content_security_policy(style.replace("</", "<\\/"), for_preview),
            regions={k: Markup(v) for k, v in page_parts.regions.items()},
            body=Markup("\n".join(page_parts.body)),
            head=Markup(page_parts.head),
            gated=is_gated(article, prefs),
            script=Markup("" if for_preview else GATE_SCRIPT),
            section=article.section,
            for_preview=for_preview,
        )
    )


def render_site_page(
    template: str, prefs: Preferences, title: str, *, notice: str | None = None, **context: Any
) -> str:
    """Any other page of the site (lists, sections, errors) from a template extending
    base.html: same stylesheet, policy, notice, masthead and footer as the article page.
    Templates live in resources/templates/; `context` is passed through (autoescaped)."""
    parts = templates().parts
    style = _style(prefs, for_preview=False)
    regions = {
        "notice": parts.notice(prefs.audience_notice if notice is None else notice),
        "masthead": parts.masthead(prefs),
        "footer": parts.footer(prefs),
    }
    return (
        templates()
        .env.get_template(template)
        .render(
            title=f"{title} | {prefs.site_name}" if prefs.site_name else title,
            lang="en-GB",
            style=Markup(style.replace("</", "<\\/")),
            csp=content_security_policy(style.replace("</", "<\\/"), False),
            regions={k: Markup(str(v)) for k, v in regions.items()},
            for_preview=False,
            script="",
            **context,
        )
    )


_IMG = re.compile(r"<img\b[^>]*>")
_IFRAME = re.compile(r"<iframe\b[^>]*>\s*</iframe>")
_SRC = re.compile(r'\ssrc="([^"]*)"')
PLACEHOLDER_IMAGE = "data:image/svg+xml," + quote(
    '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">'
    '<rect width="640" height="360" fill="#eceae4"/>'
    '<path d="M250 240l60-80 45 55 30-35 55 60z" fill="#b9b5aa"/>'
    '<circle cx="395" cy="140" r="22" fill="#b9b5aa"/></svg>',
    safe="",
)


def offline_placeholders(block: str) -> str:
    """Remote images and embeds as placeholders: an offline preview must not wait on them."""
    if "<img" in block:
        block = _IMG.sub(_image_placeholder, block)
    if "<iframe" in block:
        block = _IFRAME.sub(_embed_placeholder, block)
    return block


def _is_remote(src: str) -> bool:
    lowered = src.lower()
    return lowered.startswith(("http:", "https:", "//"))


def _image_placeholder(match: re.Match[str]) -> str:
    tag = match.group(0)
    src = _SRC.search(tag)
    if src is None or not _is_remote(src.group(1)):
        return tag
    return (
        f'{tag[: src.start()]} src="{PLACEHOLDER_IMAGE}" data-remote-src="{src.group(1)}"'
        f"{tag[src.end() :]}"
    )


def _embed_placeholder(match: re.Match[str]) -> str:
    src = _SRC.search(match.group(0))
    host = urlsplit(src.group(1).replace("&amp;", "&")).netloc if src else ""
    return (
        f'<span class="embed-placeholder" data-remote-src="{src.group(1) if src else ""}">'
        f"Embedded content from {escape(host)} is not loaded in the preview</span>"
    )
