"""The sync's HTTP client for the service's review API (feeds, conditional PUT, moves)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from workstation.http_client import problem_detail, service_client


class SyncError(Exception):
    """A sync request failed; the message is for the user."""


class Offline(SyncError):
    """The service cannot be reached (or is failing): try again later, nothing is lost."""


class Refused(SyncError):
    """The service refused the request for good (a role, a move, a bad request)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class SignInRequired(Refused):
    """The token is unknown or revoked."""


class Stale(SyncError):
    """The article changed on the service since the version we based our change on."""


@dataclass(frozen=True)
class Remote:
    """An article as the service holds it."""

    id: str
    version: int
    content: dict[str, Any]
    author: str
    publication_state: str
    last_note: str = ""
    updated_at: datetime | None = None
    live_version: int | None = None
    """The version the reader site shows (None when none is live)."""

    @property
    def is_live(self) -> bool:
        """This version is the one on the reader site."""
        return self.publication_state == "published" and self.live_version == self.version


def remote_from(data: dict[str, Any], author: str = "", note: str = "") -> Remote:
    publication = data.get("publication") or {}
    return Remote(
        id=str(data["id"]),
        version=int(data["version"]),
        content=dict(data["content"]),
        author=author or str(data.get("created_by", "")),
        publication_state=str(publication.get("state", "")),
        last_note=note,
        updated_at=datetime.fromisoformat(data["updated_at"]) if data.get("updated_at") else None,
        live_version=publication.get("live_version"),
    )


class SyncClient:
    """One account on one service. `transport` lets tests cut the network."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float = 15.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._client = service_client(
            base_url, token, timeout=timeout, transport=transport, purpose="sync"
        )

    def close(self) -> None:
        self._client.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._client.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            raise Offline(f"cannot reach the service: {type(exc).__name__}") from None
        status = response.status_code
        if status < 300:
            return response
        detail = problem_detail(response)
        if status == 412:
            raise Stale(detail)
        if status == 401:
            raise SignInRequired(f"the service refused the token ({detail})", status)
        if status in (408, 425, 429) or status >= 500:
            raise Offline(f"the service is failing (HTTP {status}): {detail}")
        raise Refused(f"HTTP {status}: {detail}", status)

    def whoami(self) -> tuple[str, str]:
        data = self._call("GET", "/api/v1/whoami").json()
        return str(data["user"]), str(data["role"])

    def feed(
        self, cursor: str | None, limit: int = 500
    ) -> tuple[list[Remote], str | None, datetime | None]:
        """One page of changed articles after `cursor`, the cursor for the next, and the
        service's clock at the answer (its Date header) when its cursor is a time; None
        when it is the commit-ordered change sequence, which needs no safety margin."""
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["updated_since"] = cursor
        response = self._call("GET", "/api/v1/sync/articles", params=params)
        data = response.json()
        items = [
            remote_from(
                item["article"],
                item.get("author", ""),
                (item.get("last_event") or {}).get("note", ""),
            )
            for item in data["items"]
        ]
        server_time = None if data.get("sequence_cursor") else _server_time(response)
        return items, data.get("next_cursor"), server_time

    def get(self, article_id: str) -> Remote:
        return remote_from(self._call("GET", f"/api/v1/articles/{article_id}").json())

    def put(self, article_id: str, content: dict[str, Any], version: int | None) -> Remote:
        """Create (version None) or update from `version`; Stale when it moved on."""
        headers = {"If-None-Match": "*"} if version is None else {"If-Match": f'"{version}"'}
        response = self._call(
            "PUT", f"/api/v1/articles/{article_id}", json=content, headers=headers
        )
        return remote_from(response.json())

    def transition(self, article_id: str, to: str, note: str = "") -> Remote:
        response = self._call(
            "POST", f"/api/v1/articles/{article_id}/transition", json={"to": to, "note": note}
        )
        return remote_from(response.json()["article"])

    def put_comment(self, article_id: str, comment_id: str, body: dict[str, Any]) -> dict[str, Any]:
        path = f"/api/v1/articles/{article_id}/comments/{comment_id}"
        result: dict[str, Any] = self._call("PUT", path, json=body).json()
        return result

    def resolve(self, article_id: str, comment_id: str, resolved: bool) -> dict[str, Any]:
        path = f"/api/v1/articles/{article_id}/comments/{comment_id}/resolve"
        result: dict[str, Any] = self._call("POST", path, json={"resolved": resolved}).json()
        return result

    def comment_feed(self, cursor: str | None) -> tuple[list[dict[str, Any]], str | None]:
        params: dict[str, Any] = {"limit": 500}
        if cursor:
            params["updated_since"] = cursor
        data = self._call("GET", "/api/v1/sync/comments", params=params).json()
        return list(data["items"]), data.get("next_cursor")

    def presence(self, article_id: str) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = self._call(
            "GET", f"/api/v1/articles/{article_id}/presence"
        ).json()["items"]
        return items

    def all_presence(self) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = self._call("GET", "/api/v1/presence").json()["items"]
        return items

    def mark_editing(self, article_id: str, ttl_seconds: int = 90) -> None:
        self._call(
            "PUT", f"/api/v1/articles/{article_id}/presence", json={"ttl_seconds": ttl_seconds}
        )

    def stop_editing(self, article_id: str) -> None:
        self._call("DELETE", f"/api/v1/articles/{article_id}/presence")


def _server_time(response: httpx.Response) -> datetime | None:
    try:
        return parsedate_to_datetime(response.headers.get("date", ""))
    except (TypeError, ValueError):
        return None
