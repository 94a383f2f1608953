"""Pictures as the articles use them: a library item's words and the `media:` references."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

MEDIA_SCHEME = "media"
MEDIA_REF = re.compile(r"(?:(?<![\w/])media:|/media/)([0-9a-f]{64})(?![0-9a-f])")
"""A reference to a picture of the library in Markdown: `![alt](media:<sha256>)`, or the
service URL publishing put in its place (`https://site/media/<sha256>.jpg`), which a sync
may bring back into the draft: the same picture either way."""
MEDIA_IMAGE = re.compile(
    r"!\[([^\]]*)\]\(\s*<?(?:media:|[^\s)>]*/media/)([0-9a-f]{64})(?![0-9a-f])"
)
"""A Markdown image of the library (either form): groups (alt text, sha256)."""


@dataclass(frozen=True)
class MediaItem:
    """A picture in the library with the words an editor gives it."""

    sha256: str
    extension: str
    width: int
    height: int
    size: int
    filename: str = ""
    alt: str = ""
    decorative: bool = False
    caption: str = ""
    credit: str = ""
    focal_x: float = 0.5
    focal_y: float = 0.5
    created_at: datetime | None = None

    @property
    def content_type(self) -> str:
        return {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}[self.extension]

    @property
    def reference(self) -> str:
        return f"{MEDIA_SCHEME}:{self.sha256}"

    @property
    def alt_settled(self) -> bool:
        """Alt text written, or "decorative" chosen on purpose: what the checklist asks."""
        return self.decorative or bool(self.alt.strip())


@dataclass(frozen=True)
class MediaWords:
    """What the editor may change of a picture (the bytes never change)."""

    alt: str = ""
    decorative: bool = False
    caption: str = ""
    credit: str = ""
    focal_x: float = 0.5
    focal_y: float = 0.5


def markdown_for(item: MediaItem) -> str:
    """The Markdown that places `item` inline: alt text, then the caption as the title."""
    alt = "" if item.decorative else item.alt.replace("]", "").replace("\n", " ")
    title = item.caption.replace('"', "'").replace("\n", " ")
    suffix = f' "{title}"' if title else ""
    return f"![{alt}]({item.reference}{suffix})"


def references_in(body: str) -> list[str]:
    """The SHA-256 of each library picture the body refers to, first use first, once each."""
    seen: dict[str, None] = {}
    for match in MEDIA_REF.finditer(body):
        seen.setdefault(match.group(1), None)
    return list(seen)


def crop_box(
    width: int, height: int, ratio: tuple[int, int], focal: tuple[float, float]
) -> tuple[int, int, int, int]:
    """The largest `ratio` box inside width×height, centred on the focal point as far as fits
    (the link-preview crops keep what matters in the picture)."""
    rw, rh = ratio
    box_h = min(height, width * rh // rw)
    box_w = box_h * rw // rh
    left = min(max(0, round(focal[0] * width - box_w / 2)), width - box_w)
    top = min(max(0, round(focal[1] * height - box_h / 2)), height - box_h)
    return left, top, left + box_w, top + box_h
