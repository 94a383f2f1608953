"""PublishTarget for a Ghost (5.x) site, through its Admin API and an Admin API key.

The key (`id:secret`, from Ghost Admin › Settings › Integrations) signs a short JWT for every
request (HS256, `kid` = id, audience `/admin/`, five minutes' life), as Ghost documents.
Exactly once: Ghost has no idempotency keys, so each post carries two internal tags (`#` tags,
never shown by themes): `#ew-<article id>`, looked up before any create, and
`#ew-key-<publish key>`, which marks the publish that last changed it. Updates send the
`updated_at` last seen; Ghost itself refuses a stale one (409), which is turned into a conflict
for the user, never an overwrite of a web editor's change.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from datetime import UTC, datetime
from typing import Any

import httpx

from workstation.domain.article import Article
from workstation.domain.lifecycle import Correction
from workstation.http_client import json_or_none, plain_client
from workstation.publish.errors import ConflictError, RejectedError, SignInRequired
from workstation.publish.site_target import (
    CHANGED_ON_SITE,
    SiteTarget,
    picture_file_name,
    raise_for_common,
    send,
)
from workstation.publish.target import PictureUpload, RemoteState
from workstation.publish.wordpress_content import post_fields

TOKEN_LIFE_S = 300
_STATES = {"published": "published", "scheduled": "scheduled"}


class GhostKeyError(ValueError):
    """The Admin API key is not `id:secret` with a hex secret."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def admin_token(key: str, now: float | None = None) -> str:
    """A JWT for Ghost's Admin API from an Admin API key `id:secret` (secret in hex)."""
    key_id, _, secret = key.strip().partition(":")
    try:
        secret_bytes = bytes.fromhex(secret)
    except ValueError:
        raise GhostKeyError("a Ghost Admin API key is id:secret, the secret in hex") from None
    if not key_id or not secret_bytes:
        raise GhostKeyError("a Ghost Admin API key is id:secret, the secret in hex")
    issued = int(now if now is not None else time.time())
    header = {"alg": "HS256", "typ": "JWT", "kid": key_id}
    payload = {"iat": issued, "exp": issued + TOKEN_LIFE_S, "aud": "/admin/"}
    signing = (
        _b64(json.dumps(header, separators=(",", ":")).encode())
        + "."
        + _b64(json.dumps(payload, separators=(",", ":")).encode())
    )
    signature = hmac.new(secret_bytes, signing.encode("ascii"), hashlib.sha256).digest()
    return signing + "." + _b64(signature)


def article_tag(article_id: str) -> str:
    return f"#ew-{article_id}"


def key_tag(key: str) -> str:
    return f"#ew-key-{key}"


def _when(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def version_of(post: dict[str, Any]) -> int:
    """The post's version: its updated_at in milliseconds since 1970."""
    updated = _when(post.get("updated_at"))
    return int(updated.timestamp() * 1000) if updated else 0


def state_of(post: dict[str, Any]) -> RemoteState:
    state = _STATES.get(str(post.get("status", "")), "withdrawn")
    url = str(post.get("url") or "") if state == "published" else ""
    first = _when(post.get("published_at")) if state == "published" else None
    return RemoteState(version=version_of(post), state=state, url=url, published_at=first)


def _tag_names(post: dict[str, Any]) -> list[str]:
    return [str(t.get("name", "")) for t in post.get("tags") or [] if isinstance(t, dict)]


class GhostTarget(SiteTarget):
    """An account on a Ghost site (an Admin API key, sent over https)."""

    def __init__(
        self,
        name: str,
        site_url: str,
        admin_key: str,
        *,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        admin_token(admin_key)  # a malformed key fails here, before any request
        super().__init__(name)
        self.site_url = site_url.rstrip("/")
        self._key = admin_key
        self._client = plain_client(
            self.site_url + "/ghost/api/admin", timeout=timeout, transport=transport
        )
        self._uploaded: dict[str, str] = {}

    def close(self) -> None:
        self._client.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        headers = {"Authorization": f"Ghost {admin_token(self._key)}", "Accept-Version": "v5.0"}
        response = send(self._client, method, path, headers=headers, **kwargs)
        body = json_or_none(response)
        status = response.status_code
        if status < 300:
            if not isinstance(body, dict):
                raise RejectedError(
                    "the site answered with a web page, not Ghost's Admin API", status
                )
            return body
        errors = body.get("errors") if isinstance(body, dict) else None
        first = errors[0] if isinstance(errors, list) and errors else {}
        kind = str(first.get("type", "")) if isinstance(first, dict) else ""
        message = str(first.get("message", "")) if isinstance(first, dict) else ""
        if status in (401, 403) and kind in ("UnauthorizedError", "NoPermissionError", ""):
            raise SignInRequired(
                "Ghost refused the Admin API key"
                + (f" ({message})" if message else "")
                + "; make a new one under Settings › Integrations"
            )
        if status == 409 or kind == "UpdateCollisionError":
            raise ConflictError(CHANGED_ON_SITE)
        raise_for_common(response)
        raise RejectedError(f"Ghost refused it: {message or kind or status}", status)

    def upload_media(self, picture: PictureUpload) -> str:
        """The picture's URL on the site. Ghost's image API cannot be asked what it holds, so
        a picture is sent once per connection (named by its SHA-256, `ref` the same); a retry
        after a lost answer sends it again, which leaves a spare file and no wrong page."""
        if picture.sha256 in self._uploaded:
            return self._uploaded[picture.sha256]
        name = picture_file_name(picture)
        answer = self._request(
            "POST",
            "/images/upload/",
            files={"file": (name, picture.read(), picture.content_type)},
            data={"ref": picture.sha256},
        )
        url = str((answer.get("images") or [{}])[0].get("url", ""))
        if not url:
            raise RejectedError("Ghost took the picture but gave no address for it", 0)
        self._uploaded[picture.sha256] = url
        return url

    def whoami(self) -> dict[str, Any]:
        """The site's title and version: the key works (Test connection)."""
        return dict(self._request("GET", "/site/").get("site") or {})

    def find(self, article_id: str) -> dict[str, Any] | None:
        slug = "hash-ew-" + article_id
        posts = self._request(
            "GET", "/posts/",
            params={"filter": f"tag:{slug}", "include": "tags", "formats": "html", "limit": 5},
        ).get("posts") or []  # fmt: skip
        mine = [p for p in posts if article_tag(article_id) in _tag_names(p)]
        return min(mine, key=lambda p: str(p.get("created_at", ""))) if mine else None

    # what the publish skeleton asks of the site
    def _state(self, post: dict[str, Any]) -> RemoteState:
        return state_of(post)

    def _marked(self, post: dict[str, Any], key: str) -> bool:
        return key_tag(key) in _tag_names(post)

    def _content(self, post: dict[str, Any]) -> str:
        return str(post.get("html") or "")

    def _write(
        self,
        article: Article,
        existing: dict[str, Any] | None,
        key: str,
        publish_at: datetime | None,
        page: dict[str, Any],
        corrections: list[Correction],
    ) -> RemoteState:
        fields = post_fields(article, page, [], publish_at, corrections)
        post: dict[str, Any] = {
            "title": fields["title"],
            "slug": fields["slug"],
            "custom_excerpt": fields["excerpt"][:300],
            "html": fields["content"],
            "status": "scheduled" if fields["status"] == "future" else "published",
            "tags": [{"name": t} for t in article.tags]
            + [{"name": article_tag(article.id)}, {"name": key_tag(key)}],
        }
        if article.section:
            post["tags"].insert(0, {"name": article.section})  # the primary tag: the section
        if fields["status"] == "future" and publish_at is not None:
            post["published_at"] = publish_at.astimezone(UTC).isoformat().replace("+00:00", "Z")
        if existing is None:
            made = self._request(
                "POST", "/posts/", params={"source": "html"}, json={"posts": [post]}
            )
        else:
            post["updated_at"] = existing["updated_at"]  # Ghost refuses a stale one: 409
            made = self._request(
                "PUT", f"/posts/{existing['id']}/", params={"source": "html"},
                json={"posts": [post]},
            )  # fmt: skip
        return state_of(made["posts"][0])

    def _to_draft(self, post: dict[str, Any], key: str) -> dict[str, Any]:
        tags = [{"name": n} for n in _tag_names(post) if not n.startswith("#ew-key-")]
        change = {"status": "draft", "updated_at": post["updated_at"],
                  "tags": [*tags, {"name": key_tag(key)}]}  # fmt: skip
        answer = self._request("PUT", f"/posts/{post['id']}/", json={"posts": [change]})
        return dict(answer["posts"][0])
