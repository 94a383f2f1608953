"""The PublishTarget protocol: what the outbox needs from any place articles are published to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from workstation.domain.article import Article


@dataclass(frozen=True)
class RemoteState:
    """The target's answer: the article's version there, its publication state and live URL."""

    version: int
    state: str
    url: str = ""
    published_at: datetime | None = None  # when it first went live there: the page's date


@dataclass(frozen=True)
class PictureUpload:
    """A library picture an article shows, to be on the target before the article is."""

    sha256: str
    filename: str
    content_type: str
    read: Callable[[], bytes]
    alt: str = ""
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True)
class PictureDownload:
    """A picture as the service holds it: the bytes (their SHA-256 checked) and its words."""

    sha256: str
    data: bytes
    filename: str = ""
    alt: str = ""
    caption: str = ""
    credit: str = ""


class MediaTarget(Protocol):
    """A target that takes pictures (the upload service does)."""

    def upload_media(self, picture: PictureUpload) -> str:
        """Make sure the picture is on the target (a no-op when it is); its URL there."""
        ...


class PublishTarget(Protocol):
    """One account on one target. Methods raise workstation.publish.errors types only."""

    name: str

    def push(self, article: Article, known_version: int | None) -> RemoteState:
        """Create or update the article's content (If-None-Match / If-Match on known_version)."""
        ...

    def publish(
        self,
        article_id: str,
        version: int,
        key: str,
        publish_at: datetime | None = None,
        *,
        page: dict[str, Any] | None = None,
        kind: str = "",
        note: str = "",
        override: str = "",
    ) -> RemoteState:
        """Put `version` live now, or schedule it; `key` makes retries safe. `page` is what
        the preview showed around the body (related block, site texts), for the live page.
        `kind` says what a republish is (silent, update, correction) and `note` why;
        `override` why it goes over house-style errors or the checklist (for the audit)."""
        ...

    def fetch(self, article_id: str) -> RemoteState:
        """What the target holds now (to resolve a conflict)."""
        ...

    def unpublish(self, article_id: str, key: str) -> RemoteState:
        """Take the article off the site; `key` makes retries safe."""
        ...

    def take_down(self, article_id: str, reason: str, key: str) -> RemoteState:
        """Take the story down (its page 410, gone from every list); `reason` is required."""
        ...

    def close(self) -> None: ...
