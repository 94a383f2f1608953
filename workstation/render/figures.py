"""Pictures on the page: a library image becomes a `<figure>` with `<picture>`, srcset in WebP
and JPEG, its size set (no layout shift), lazy below the fold, caption and credit.

The body's Markdown names a picture `media:<sha256>` (or, once published, by the service URL
`…/media/<sha256>.<ext>`). Where the bytes are served from differs, the markup does not: the
preview uses the app's own URL scheme, an export the files beside it, the reader site the
service. A `Pictures` value carries the pictures' words and that one URL function.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from html import escape, unescape

from workstation.domain.media import MediaItem

WIDTHS = (480, 960, 1600)
"""Rendition widths offered in srcset (never above the picture's own width)."""
SIZES = "(max-width: 46rem) 100vw, 46rem"
CROPS = {"1x1": (1, 1), "4x3": (4, 3), "16x9": (16, 9)}
"""Link-preview crops (og:image); each at least 50,000 pixels."""
OG_CROP = "16x9"

UrlFor = Callable[[str, str, str], str]
"""(sha256, variant, extension) -> URL; variant is a width ("960"), a crop ("16x9") or ""."""

_MEDIA_SRC = re.compile(r"^(?:media:|.*/media/)([0-9a-f]{64})(?:\.[a-z]+)?$")
_IMG = re.compile(r"<img\b[^>]*>")
_ATTR = re.compile(r'\s([a-z-]+)="([^"]*)"')
_LONE_IMG = re.compile(r'^<p( data-source-line="\d+")?>\s*(<img\b[^>]*>)\s*</p>$')


PREVIEW_MEDIA_SCHEME = "ew-media"
"""The preview's own URL scheme for library pictures (served by the app, never file://)."""


def preview_url(sha256: str, variant: str, extension: str) -> str:
    """Where the preview page fetches a picture: the app's scheme handler answers."""
    return f"{PREVIEW_MEDIA_SCHEME}:{sha256}-{variant}.{extension}"


@dataclass(frozen=True)
class Pictures:
    """The library pictures a page may show, and where their bytes are fetched from."""

    items: Mapping[str, MediaItem]
    url_for: UrlFor
    hero: MediaItem | None = None
    widths: tuple[int, ...] = field(default=WIDTHS)

    def widths_of(self, item: MediaItem) -> list[int]:
        shown = [w for w in self.widths if w < item.width]
        return [*shown, item.width] if item.width not in shown else shown

    def og_image(self) -> str:
        """The link-preview picture: the hero's 16:9 crop, else the first body picture's."""
        item = self.hero or next(iter(self.items.values()), None)
        if item is None:
            return ""
        focal = f"{round(item.focal_x * 100)}-{round(item.focal_y * 100)}"
        return self.url_for(item.sha256, f"{OG_CROP}-{focal}", "jpg")


def sha_of(src: str) -> str | None:
    """The picture a src names (`media:<sha>` or a service `/media/<sha>.<ext>`), or None."""
    match = _MEDIA_SRC.match(unescape(src))
    return None if match is None else match.group(1)


def figure_html(
    item: MediaItem, pictures: Pictures, *, alt: str | None = None, caption: str | None = None,
    lazy: bool = True, css_class: str = "picture", line: str = "",
) -> str:  # fmt: skip
    """One picture as the page shows it; `alt`/`caption` from the Markdown win when given."""
    url = pictures.url_for
    widths = pictures.widths_of(item)
    webp = ", ".join(f"{escape(url(item.sha256, str(w), 'webp'))} {w}w" for w in widths)
    jpeg = ", ".join(f"{escape(url(item.sha256, str(w), 'jpg'))} {w}w" for w in widths)
    fallback = url(item.sha256, str(widths[-2] if len(widths) > 1 else widths[-1]), "jpg")
    text = "" if item.decorative else (alt if alt and alt.strip() else item.alt)
    words = caption if caption and caption.strip() else item.caption
    loading = ' loading="lazy" decoding="async"' if lazy else ' fetchpriority="high"'
    credit = f'<span class="credit">{escape(item.credit)}</span>' if item.credit else ""
    figcaption = ""
    if words or credit:
        figcaption = (
            f"<figcaption>{escape(words)}{' ' if words and credit else ''}{credit}</figcaption>"
        )
    return (
        f'<figure class="{css_class}"{line} data-media="{item.sha256}"><picture>'
        f'<source type="image/webp" srcset="{webp}" sizes="{SIZES}">'
        f'<img src="{escape(fallback)}" srcset="{jpeg}" sizes="{SIZES}" '
        f'width="{item.width}" height="{item.height}" alt="{escape(text)}"{loading}>'
        f"</picture>{figcaption}</figure>"
    )


def _attrs(tag: str) -> dict[str, str]:
    return {name: unescape(value) for name, value in _ATTR.findall(tag)}


def expand_block(block: str, pictures: Pictures | None, *, first: bool = False) -> str:
    """A body block with its library pictures placed: a paragraph holding only a picture
    becomes a figure; a picture inside text keeps its place as a plain sized image."""
    if "<img" not in block:
        return block
    lone = _LONE_IMG.match(block)
    if lone is not None:
        attrs = _attrs(lone.group(2))
        sha = sha_of(attrs.get("src", ""))
        item = None if sha is None or pictures is None else pictures.items.get(sha)
        if item is not None and pictures is not None:
            return figure_html(
                item, pictures, alt=attrs.get("alt"), caption=attrs.get("title"),
                lazy=not first, line=lone.group(1) or "",
            )  # fmt: skip
    return _IMG.sub(lambda m: _inline(m.group(0), pictures), block)


def _inline(tag: str, pictures: Pictures | None) -> str:
    attrs = _attrs(tag)
    sha = sha_of(attrs.get("src", ""))
    if sha is None:
        return tag
    item = None if pictures is None else pictures.items.get(sha)
    if item is None or pictures is None:
        # Not in the library (or no library here): never a dangling media: URL in the page.
        return f'<span class="missing-picture">{escape(attrs.get("alt", ""))}</span>'
    src = pictures.url_for(sha, str(pictures.widths_of(item)[0]), "jpg")
    alt = "" if item.decorative else attrs.get("alt") or item.alt
    return (
        f'<img src="{escape(src)}" width="{item.width}" height="{item.height}" '
        f'alt="{escape(alt)}" loading="lazy" decoding="async">'
    )


def expand_blocks(blocks: tuple[str, ...], pictures: Pictures | None) -> tuple[str, ...]:
    """The body's blocks with pictures placed, the hero first (eager: it is above the fold)."""
    shown = tuple(expand_block(b, pictures, first=False) for b in blocks)
    if pictures is not None and pictures.hero is not None:
        hero = figure_html(pictures.hero, pictures, lazy=False, css_class="picture hero")
        return (hero, *shown)
    return shown
