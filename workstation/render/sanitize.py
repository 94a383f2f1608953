"""The HTML allowlist: what of a writer's Markdown and raw HTML may reach a reader's browser."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote, urlsplit

import nh3

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "iframe", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q",
    "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "time", "tr", "u", "ul",
})  # fmt: skip
"""Text structure only: no forms, no media players, no SVG/MathML, no <base>/<meta>/<link>."""

DROPPED_WITH_CONTENT = frozenset({
    "script", "style", "noscript", "template", "title", "textarea", "xmp", "noembed",
    "noframes", "object", "embed", "applet", "frameset", "frame", "select", "option", "svg",
    "math",
})  # fmt: skip

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "iframe": {"src", "width", "height", "allowfullscreen"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
ALLOWED_CLASSES: dict[str, set[str]] = {
    "a": {"footnote-ref", "footnote-backref"},
    "div": {"footnote", "pullquote", "note", "embed"},
    "p": {"pullquote", "note", "caption"},
    "blockquote": {"pullquote"},
    "figure": {"embed", "wide"},
    "table": {"wide"},
    "img": {"wide"},
}
"""Classes the site stylesheet styles; anything else could only mimic the page's own chrome."""

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
EMBED_PREFIXES = (
    "https://www.youtube-nocookie.com/embed/",
    "https://www.youtube.com/embed/",
    "https://player.vimeo.com/video/",
    "https://datawrapper.dwcdn.net/",
    "https://flo.uri.sh/visualisation/",
    "https://flo.uri.sh/story/",
)
"""Iframes may show only these players and chart hosts, sandboxed."""
RESERVED_ID_PREFIX = "ew-"
"""Ids the page chrome and the preview bridge use; the body may not claim them."""

_EMPTY_IFRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>\s*</iframe>")
_FIRST_TAG = re.compile(r"<([a-z][a-z0-9]*)")


_URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
_URL_INVISIBLES = re.compile(r"\s")
_URL_HEAD = re.compile(r"[/?#]")


_LIBRARY_PICTURE = re.compile(r"media:[0-9a-f]{64}")


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id" and value.lower().startswith(RESERVED_ID_PREFIX):
        return None
    if tag == "img" and attribute == "src" and _LIBRARY_PICTURE.fullmatch(value):
        return value  # a picture of the library: render/figures.py turns it into a URL
    if attribute in _URL_ATTRIBUTES:
        # Browsers drop tabs and newlines inside URLs (and leading C0): "jav\tascript:".
        # Spaces are dropped too, for the check only: a scheme split by spaces is still refused.
        seen = _URL_INVISIBLES.sub("", value).lstrip("".join(map(chr, range(33))))
        head = _URL_HEAD.split(seen, maxsplit=1)[0]
        if ":" in head and head.split(":", 1)[0].lower() not in URL_SCHEMES:
            return None  # also "java\u200bscript:": not a scheme to a browser, but no link either
    if tag == "iframe" and attribute == "src":
        return value if embed_allowed(value) else None
    return value


_URL_CONTROLS = re.compile(r"[\t\n\r]")
_DOT_SEGMENTS = frozenset({".", ".."})


def embed_allowed(src: str) -> bool:
    """Whether an iframe `src` shows one of the allowed players. The prefix is checked on the
    path as a browser resolves it: "/embed/../../evil" leaves the player, and so do its
    percent-encoded ("%2e%2e") and tab-split (".\t.") forms, so any dot segment is refused."""
    seen = _URL_CONTROLS.sub("", src)
    if "\\" in seen or not seen.startswith(EMBED_PREFIXES):
        return False
    path = urlsplit(seen).path
    return not any(unquote(part) in _DOT_SEGMENTS for part in path.lower().split("/"))


_cleaner: Any = None


def _get_cleaner() -> Any:
    global _cleaner
    if _cleaner is None:
        _cleaner = nh3.Cleaner(
            tags=set(ALLOWED_TAGS),
            clean_content_tags=set(DROPPED_WITH_CONTENT),
            attributes=ALLOWED_ATTRIBUTES,
            attribute_filter=_filter_attribute,
            strip_comments=True,
            link_rel="noopener noreferrer",
            url_schemes={*URL_SCHEMES, "media"},  # media: only as an img src (the filter)
            allowed_classes=ALLOWED_CLASSES,
            # Column alignment comes as align="…" (tables: use_align_attribute): no style
            # attribute survives, which also suits the page's policy (no inline styles).
            tag_attribute_values={
                "td": {"align": {"left", "right", "center"}},
                "th": {"align": {"left", "right", "center"}},
            },
            set_tag_attribute_values={
                "iframe": {
                    "sandbox": "allow-scripts allow-same-origin allow-popups allow-presentation",
                    "referrerpolicy": "strict-origin-when-cross-origin",
                    "loading": "lazy",
                },
            },
        )
    return _cleaner


def sanitize(html: str) -> str:
    """`html` reduced to the allowlist; scripts, handlers, javascript:/data: URLs gone."""
    cleaned: str = _get_cleaner().clean(html)
    if "<iframe" in cleaned:
        cleaned = _EMPTY_IFRAME.sub("", cleaned)
    return cleaned.strip()


def tag_block(html: str, line: int | None, *, check_shape: bool) -> str:
    """A sanitized block as exactly one element, carrying `data-source-line` when known.

    Markdown's own blocks are one element already; raw HTML may be text or several elements,
    and is wrapped in a <div> so that every block is one node the preview can patch.
    """
    if not html:
        return ""
    if check_shape and not is_single_element(html):
        html = f"<div>{html}</div>"
    if line is None:
        return html
    match = _FIRST_TAG.match(html)
    if match is None:  # cannot happen after the wrap above; kept for safety
        return f'<div data-source-line="{line}">{html}</div>'
    end = match.end()
    return f'{html[:end]} data-source-line="{line}"{html[end:]}'


_VOID = frozenset({"br", "col", "hr", "img", "wbr", "area", "source", "track"})


class _Shape(HTMLParser):
    """Counts top-level nodes of well-formed (already sanitized) HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.top_level = 0
        self.first_is_element = True

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if self.depth == 0:
            self.top_level += 1
        if tag not in _VOID:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID:
            self.depth = max(0, self.depth - 1)

    def handle_data(self, data: str) -> None:
        if self.depth == 0 and data.strip():
            self.top_level += 2  # text at the top level always needs a wrapper


def is_single_element(html: str) -> bool:
    """Whether `html` is exactly one element (whitespace around it allowed)."""
    if not html.startswith("<"):
        return False
    shape = _Shape()
    shape.feed(html)
    shape.close()
    return shape.top_level == 1 and shape.depth == 0
