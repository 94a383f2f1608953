"""What a WordPress and a Ghost target share: exactly once made on the client, over a site
whose API has no idempotency keys.

Nothing is sent at push; publish looks the article's post up first, so a retried create whose
answer was lost finds the post rather than making a second; a post marked with this publish's
key is this publish, already done; a post whose version is not the one last seen was changed
on the site, which is a conflict for the user, never a silent overwrite. A correction's note
goes on the post as the same dated footnote the reader site shows, after the ones already
there (corrections are only ever added to). Neither site has a 410: a takedown sets the post
back to draft, which takes it off the site and every list (its address then answers 404).
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from typing import Any

import httpx

from workstation.domain.article import Article
from workstation.domain.lifecycle import Correction, RepublishKind
from workstation.publish.errors import ConflictError, RejectedError, TransientError
from workstation.publish.service_client import retry_after_seconds
from workstation.publish.target import PictureUpload, RemoteState

_CORRECTION = re.compile(
    r'<p class="correction"><strong>Correction, <time datetime="(?P<when>[^"]+)">'
    r"[^<]*</time>:</strong> (?P<note>.*?)</p>",
    re.DOTALL,
)
CHANGED_ON_SITE = (
    "the post was changed on the site (by a web editor?) since this workstation last "
    "published it; look at it there, then publish again to overwrite"
)


def send(client: httpx.Client, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """The request; any network failure is retryable."""
    try:
        return client.request(method, path, **kwargs)
    except httpx.TransportError as exc:
        raise TransientError(f"network: {type(exc).__name__}") from None


def raise_for_common(response: httpx.Response) -> None:
    """The failures any site's API answers alike: maintenance, overload, too large."""
    status = response.status_code
    if status == 503 and "maintenance" in response.text.lower():
        raise TransientError("the site is in maintenance mode; will retry", 60.0)
    if status in (408, 429) or status >= 500:
        retry = retry_after_seconds(response.headers.get("Retry-After"))
        raise TransientError(f"the site answered HTTP {status}", retry)
    if status == 413:
        raise RejectedError("the site refused the request as too large (HTTP 413)", status)


def picture_file_name(picture: PictureUpload) -> str:
    """The name a picture goes to a site under: its SHA-256 and its own extension."""
    extension = picture.filename.rsplit(".", 1)[-1] if "." in picture.filename else "jpg"
    return f"{picture.sha256}.{extension}"


def corrections_in(content: str) -> list[Correction]:
    """The correction footnotes already on a post (our own markup), oldest first."""
    found = []
    for match in _CORRECTION.finditer(content or ""):
        try:
            when = datetime.fromisoformat(match["when"])
        except ValueError:
            continue
        found.append(Correction(html.unescape(match["note"]), when))
    return found


class SiteTarget:
    """The publish skeleton; a site says how to find, mark, write and draft its posts."""

    name: str

    def __init__(self, name: str) -> None:
        self.name = name
        self._pending: dict[str, Article] = {}

    # what a site provides
    def find(self, article_id: str) -> dict[str, Any] | None:
        raise NotImplementedError

    def _state(self, post: dict[str, Any]) -> RemoteState:
        raise NotImplementedError

    def _marked(self, post: dict[str, Any], key: str) -> bool:
        """Whether the publish `key` made the post's last change."""
        raise NotImplementedError

    def _content(self, post: dict[str, Any]) -> str:
        """The post's body HTML as stored (for the corrections already on it)."""
        raise NotImplementedError

    def _write(
        self,
        article: Article,
        existing: dict[str, Any] | None,
        key: str,
        publish_at: datetime | None,
        page: dict[str, Any],
        corrections: list[Correction],
    ) -> RemoteState:
        raise NotImplementedError

    def _to_draft(self, post: dict[str, Any], key: str) -> dict[str, Any]:
        raise NotImplementedError

    # the PublishTarget protocol
    def fetch(self, article_id: str) -> RemoteState:
        post = self.find(article_id)
        return self._state(post) if post is not None else RemoteState(0, "")

    def push(self, article: Article, known_version: int | None) -> RemoteState:
        """Nothing is sent yet: the site makes and publishes a post in one request."""
        self._pending[article.id] = article
        return RemoteState(version=known_version or 0, state="")

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
        article = self._pending.get(article_id)
        if article is None:
            raise RejectedError("publish was asked before the article was pushed", 0)
        existing = self.find(article_id)
        if existing is not None and self._marked(existing, key):
            return self._state(existing)  # this very publish went in; only its answer was lost
        seen = self._state(existing).version if existing is not None else version
        if seen != version:
            raise ConflictError(CHANGED_ON_SITE, seen)
        corrections = corrections_in(self._content(existing)) if existing is not None else []
        if kind == RepublishKind.CORRECTION and note.strip() and existing is not None:
            corrections.append(Correction(note.strip(), datetime.now(UTC)))
        return self._write(article, existing, key, publish_at, page or {}, corrections)

    def unpublish(self, article_id: str, key: str) -> RemoteState:
        """Back to draft on the site (kept, not deleted: the web editors see what it was)."""
        post = self.find(article_id)
        if post is None:
            return RemoteState(0, "withdrawn")
        if post.get("status") != "draft":
            post = self._to_draft(post, key)
        return self._state(post)

    def take_down(self, article_id: str, reason: str, key: str) -> RemoteState:
        """Off the site and every list; the reason stays in the workstation's trail."""
        if not reason.strip():
            raise RejectedError("a takedown needs a reason", 0)
        return self.unpublish(article_id, key)
