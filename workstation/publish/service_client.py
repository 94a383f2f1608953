"""PublishTarget for our own upload service, over HTTP with httpx."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from workstation.domain.article import Article
from workstation.domain.wire import content_of
from workstation.http_client import json_or_none, problem_detail, service_client
from workstation.publish.errors import (
    ConflictError,
    RejectedError,
    SignInRequired,
    TransientError,
)
from workstation.publish.target import PictureDownload, PictureUpload, RemoteState

RETRYABLE = {408, 409, 425, 429}  # 409: the same Idempotency-Key is still in flight


def content_digest(data: bytes) -> str:
    """An RFC 9530 Content-Digest value (sha-256) for `data`."""
    return "sha-256=:" + base64.b64encode(hashlib.sha256(data).digest()).decode() + ":"


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _state(data: dict[str, Any]) -> RemoteState:
    publication = data.get("publication") or {}
    return RemoteState(
        version=int(data["version"]),
        state=str(publication.get("state", "")),
        url=str(publication.get("url") or ""),
        published_at=_when(publication.get("first_published_at")),
    )


def _when(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


class ServiceTarget:
    """An account on a workstation upload service."""

    def __init__(
        self,
        name: str,
        base_url: str,
        token: str,
        *,
        timeout: float = 15.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.name = name
        self._client = service_client(base_url, token, timeout=timeout, transport=transport)

    def close(self) -> None:
        self._client.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._client.request(method, path, **kwargs)
        except httpx.TransportError as exc:  # refused, reset, timeouts, DNS: all retryable
            raise TransientError(f"network: {type(exc).__name__}") from None
        status = response.status_code
        if status < 300:
            return response
        detail = problem_detail(response)
        if status == 401:
            raise SignInRequired(f"the service refused the token ({detail}); sign in again")
        if status == 412:
            body = json_or_none(response)
            current = body.get("current_version") if isinstance(body, dict) else None
            raise ConflictError(f"changed on the service: {detail}", current)
        if status in RETRYABLE or status >= 500:
            retry = retry_after_seconds(response.headers.get("Retry-After"))
            raise TransientError(f"HTTP {status}: {detail}", retry)
        raise RejectedError(f"HTTP {status}: {detail}", status)

    def whoami(self) -> tuple[str, str]:
        """(user, role) of the token: a cheap check when an account is added."""
        data = self._request("GET", "/api/v1/whoami").json()
        return str(data["user"]), str(data["role"])

    def fetch(self, article_id: str) -> RemoteState:
        """The article's current version and publication on the service."""
        return _state(self._request("GET", f"/api/v1/articles/{article_id}").json())

    def push(self, article: Article, known_version: int | None) -> RemoteState:
        path = f"/api/v1/articles/{article.id}"
        body = content_of(article)
        if known_version is None:
            headers = {"If-None-Match": "*"}
        else:
            headers = {"If-Match": f'"{known_version}"'}
        try:
            return _state(self._request("PUT", path, json=body, headers=headers).json())
        except ConflictError:
            # An earlier attempt may have been applied and only its answer lost: the same
            # content there means our change is in, so carry on from that version.
            current = self._request("GET", path).json()
            if current.get("content") == body:
                return _state(current)
            raise

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
        body: dict[str, Any] = {"version": version}
        if override:
            body["override"] = override
        if kind:
            body["kind"] = kind
        if note:
            body["note"] = note
        if publish_at is not None:
            body["publish_at"] = publish_at.isoformat()
        if page is not None:
            body["page"] = page
        response = self._request(
            "POST",
            f"/api/v1/articles/{article_id}/publish",
            json=body,
            headers={"Idempotency-Key": key},
        )
        return _state(response.json())

    def upload_media(self, picture: PictureUpload) -> str:
        """The picture's URL on the service, uploading it first unless it is there already
        (a retry after a lost answer finds it and sends no bytes again). The service checks the
        Content-Digest and keeps the same bytes once (200 for a re-upload)."""
        try:
            known = self._request("GET", f"/api/v1/media/{picture.sha256}").json()
            return str(known["url"])
        except RejectedError as error:
            if error.status != 404:
                raise
        data = picture.read()
        response = self._request(
            "POST",
            "/api/v1/media",
            params={
                "filename": picture.filename[:300] or f"{picture.sha256[:12]}",
                "alt": picture.alt[:1000],
                "caption": picture.caption[:2000],
                "credit": picture.credit[:500],
            },
            content=data,
            headers={
                "Content-Type": picture.content_type,
                "Content-Digest": content_digest(data),
            },
        )
        stored = response.json()
        if stored.get("sha256") != picture.sha256:
            raise RejectedError("the service stored other bytes than the picture sent", 0)
        return str(stored["url"])

    def download_media(self, sha256: str) -> PictureDownload:
        """The picture `sha256` from the service, with its alt text, caption and credit.
        RejectedError 404 when the service does not have it; RejectedError when the bytes it
        sends are not that picture (their SHA-256 differs): nothing of them is kept then.

        The bytes come from the URL the service names when it is the service's own address;
        a public site elsewhere (a CDN) is not sent the token: the service's /media/ is asked."""
        info = self._request("GET", f"/api/v1/media/{sha256}").json()
        url = httpx.URL(str(info.get("url") or ""))
        base = self._client.base_url
        same_origin = (url.scheme, url.host, url.port) == (base.scheme, base.host, base.port)
        name = url.path.rsplit("/", 1)[-1] or sha256
        data = self._request("GET", str(url) if same_origin else f"/media/{name}").content
        got = hashlib.sha256(data).hexdigest()
        if got != sha256:
            raise RejectedError(
                f"the service sent other bytes for picture {sha256[:12]} (their SHA-256 is "
                f"{got[:12]}): refused, nothing stored",
                0,
            )
        return PictureDownload(
            sha256,
            data,
            str(info.get("filename") or ""),
            str(info.get("alt") or ""),
            str(info.get("caption") or ""),
            str(info.get("credit") or ""),
        )

    def unpublish(self, article_id: str, key: str) -> RemoteState:
        response = self._request(
            "POST",
            f"/api/v1/articles/{article_id}/unpublish",
            json={},
            headers={"Idempotency-Key": key},
        )
        return _state(response.json())

    def take_down(self, article_id: str, reason: str, key: str) -> RemoteState:
        response = self._request(
            "POST",
            f"/api/v1/articles/{article_id}/takedown",
            json={"reason": reason},
            headers={"Idempotency-Key": key},
        )
        return _state(response.json())
