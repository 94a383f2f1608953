"""The Article: every field of the published page and its metadata, as a frozen value."""

from __future__ import annotations

import enum
import hashlib
import json
import re
import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

SYNCED_TEXT_FIELDS = (
    "headline", "standfirst", "body", "byline", "section", "tags", "audience", "newsletter",
    "related", "slug", "gate", "sponsor",
)  # fmt: skip
"""The fields sync carries besides the workflow status (the Article attribute names)."""

LATER_FIELDS = {"gate": (None,), "sponsor": (None, "")}
"""Fields added after hashes were first stored: left out of the hash at their default, so an
article that does not use them keeps the hash it always had (and old content compares equal)."""


def same_text(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Two content dicts (or a stored row's fields) agree in everything but the status."""
    return content_hash(a) == content_hash(b)


def content_hash(fields: Mapping[str, Any]) -> str:
    """SHA-256 of the synced fields (body and every synced field, not the status or any
    timestamp): what the store compares to tell a changed draft, whatever its clocks say."""
    plain = {
        name: _plain(fields.get(name))
        for name in SYNCED_TEXT_FIELDS
        if fields.get(name) not in LATER_FIELDS.get(name, ())
    }
    text = json.dumps(plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_hash(article: Article) -> str:
    """`content_hash` of an article's synced fields."""
    return content_hash({name: getattr(article, name) for name in SYNCED_TEXT_FIELDS})


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


class Status(enum.StrEnum):
    """Where an article is in the newsroom's workflow."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_SUBBING = "in_subbing"
    RETURNED = "returned"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class Origin(enum.StrEnum):
    """Where the article came from: written here, or part of the archive of earlier stories."""

    LOCAL = "local"
    ARCHIVE = "archive"


def now_utc() -> datetime:
    """The current time, timezone-aware, to the microsecond."""
    return datetime.now(UTC)


def new_id() -> str:
    """A new article id: a random UUID, chosen by the client so drafts can be made offline."""
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Article:
    """One news story. `audience` None means the site's default notice; "" means none.

    `gate` True: health professionals only (an interstitial before the body, the body kept out
    of feeds, previews and the public ninjs); False: open to all; None: the section's or the
    site's default (domain.audience.is_gated). `sponsor` names who paid for a sponsored story.
    """

    id: str
    headline: str
    body: str = ""
    standfirst: str = ""
    byline: tuple[str, ...] = ()
    section: str = ""
    tags: tuple[str, ...] = ()
    audience: str | None = None
    newsletter: bool = True
    related: tuple[str, ...] = ()
    slug: str = ""
    gate: bool | None = None
    sponsor: str = ""
    status: Status = Status.DRAFT
    origin: Origin = Origin.LOCAL
    created_at: datetime = field(default_factory=now_utc)
    updated_at: datetime = field(default_factory=now_utc)
    published_at: datetime | None = None

    def with_changes(self, **changes: object) -> Article:
        """A copy with the given fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def effective_slug(self) -> str:
        return self.slug or slugify(self.headline)


_SLUG_DROP = re.compile(r"[^a-z0-9\s-]")
_SLUG_SPACE = re.compile(r"[\s_-]+")
MAX_SLUG_LENGTH = 80


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """A URL slug: ASCII, lower case, words joined by hyphens, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.lower().replace("&", " and ").replace("%", " per cent ")
    words = _SLUG_SPACE.sub(" ", _SLUG_DROP.sub("", ascii_text)).split()
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_length]
    return slug or "untitled"


def word_count(markdown_text: str) -> int:
    """Words a reader reads: Markdown punctuation and URLs do not count."""
    text = re.sub(r"\]\([^)]*\)", "]", markdown_text)  # drop link targets
    text = re.sub(r"https?://\S+", " ", text)
    return len(re.findall(r"[\w'’-]*\w[\w'’-]*", text))


WORDS_PER_MINUTE = 230


def reading_minutes(markdown_text: str) -> int:
    """Reading time in whole minutes, at least one for any text."""
    words = word_count(markdown_text)
    return max(1, round(words / WORDS_PER_MINUTE)) if words else 0


@dataclass(frozen=True)
class RelatedLink:
    """A related article as the page shows it: linked headline, date and standfirst."""

    id: str
    headline: str
    standfirst: str = ""
    published_at: datetime | None = None
    url: str = ""


@dataclass(frozen=True)
class ArticleSummary:
    """What the article list needs: no body, so listing stays cheap."""

    id: str
    headline: str
    status: Status
    origin: Origin
    section: str
    updated_at: datetime


@dataclass(frozen=True)
class Revision:
    """An immutable snapshot of an article and why it was taken."""

    id: int
    article_id: str
    created_at: datetime
    reason: str
    author: str
    note: str
    article: Article
