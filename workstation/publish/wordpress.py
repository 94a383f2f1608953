"""PublishTarget for a WordPress site, through its REST API and an Application Password.

WordPress has no idempotency keys and ignores If-Match, so exactly-once is made here:
- every post the workstation makes carries its article id and the publish's key in post meta
  (registered by the mu-plugin in packaging/wordpress/); before creating, the target looks the
  article up by id, so a retried create whose first answer was lost finds the post instead of
  making a second one, and a post whose key is this publish's is this publish, already done;
- the post's `modified_gmt` is the version: the outbox keeps the one it last saw, and an update
  finding another one (a web editor changed the post since) is a conflict for the user to
  resolve, never a silent overwrite. (`modified_gmt` counts seconds: a web edit in the same
  second as our own update would go unseen.)
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from workstation.domain.article import Article, RelatedLink
from workstation.domain.lifecycle import Correction
from workstation.http_client import json_or_none, plain_client
from workstation.publish.errors import RejectedError, SignInRequired
from workstation.publish.site_target import (
    SiteTarget,
    picture_file_name,
    raise_for_common,
    send,
)
from workstation.publish.target import PictureUpload, RemoteState
from workstation.publish.wordpress_content import post_fields

META_ARTICLE = "ew_article_id"
META_KEY = "ew_publish_key"
_STATES = {"publish": "published", "future": "scheduled"}
_SIGN_IN_CODES = {"incorrect_password", "invalid_username", "invalid_email", "rest_not_logged_in"}


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def wordpress_time(value: object) -> datetime | None:
    """A WordPress `*_gmt` field (no offset, UTC) as an aware datetime."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError:
        return None


def version_of(post: dict[str, Any]) -> int:
    """The post's version: its modified_gmt in whole seconds since 1970."""
    modified = wordpress_time(post.get("modified_gmt"))
    return int(modified.timestamp()) if modified else 0


def state_of(post: dict[str, Any]) -> RemoteState:
    status = str(post.get("status", ""))
    state = _STATES.get(status, "withdrawn")
    url = str(post.get("link") or "") if state == "published" else ""
    first = wordpress_time(post.get("date_gmt")) if state == "published" else None
    return RemoteState(version=version_of(post), state=state, url=url, published_at=first)


def _message(response: httpx.Response) -> tuple[str, str]:
    body = json_or_none(response)
    if isinstance(body, dict):
        return str(body.get("code", "")), str(body.get("message", ""))
    return "", ""


class WordPressTarget(SiteTarget):
    """An account on a WordPress site (user + Application Password, sent over https)."""

    def __init__(
        self,
        name: str,
        site_url: str,
        user: str,
        app_password: str,
        *,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        super().__init__(name)
        self.site_url = site_url.rstrip("/")
        self._client = plain_client(
            self.site_url + "/wp-json", timeout=timeout, transport=transport
        )
        self._client.auth = httpx.BasicAuth(user, app_password)
        self._terms: dict[tuple[str, str], int] = {}

    def close(self) -> None:
        self._client.close()

    # HTTP, with WordPress's errors in the user's words
    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        response = send(self._client, method, path, **kwargs)
        status = response.status_code
        if status < 300:
            if json_or_none(response) is None and method != "HEAD":
                raise RejectedError(
                    "the site answered with a web page, not its REST API: a security plugin or "
                    "the host may block /wp-json/ (allow it for this user)",
                    status,
                )
            return response
        code, message = _message(response)
        if not code and json_or_none(response) is None and status in (401, 403, 404, 405):
            raise RejectedError(
                f"the site's REST API is blocked (HTTP {status} with a web page, not the API's "
                "answer): a security plugin, a firewall or the host may block /wp-json/; allow "
                "it for this user",
                status,
            )
        if status == 401 or code in _SIGN_IN_CODES:
            raise SignInRequired(
                "WordPress refused the user name or Application Password"
                + (f" ({message})" if message else "")
                + "; check them in Settings › Accounts"
            )
        raise_for_common(response)
        if status == 403:
            raise RejectedError(
                f"WordPress does not let this user do that ({message or 'HTTP 403'}): "
                "the account needs the Editor or Author role",
                status,
            )
        if status == 404 and not code:
            raise RejectedError(
                "the site has no REST API at /wp-json/ (a security plugin may block it)", status
            )
        raise RejectedError(f"WordPress refused it: {message or code or status}", status)

    # what the outbox asks
    def whoami(self) -> dict[str, Any]:
        """The signed-in user (name, roles, capabilities); raises on a bad password, saying so
        when the site has Application Passwords turned off (its API index then lists none)."""
        try:
            data = self._request("GET", "/wp/v2/users/me", params={"context": "edit"}).json()
        except SignInRequired:
            index = json_or_none(self._client.get("/"))
            methods = (index or {}).get("authentication") if isinstance(index, dict) else None
            if isinstance(index, dict) and not (methods or {}).get("application-passwords"):
                raise SignInRequired(
                    "Application Passwords are turned off on the site (WordPress needs https "
                    "for them, or a plugin or the host disables them)"
                ) from None
            raise
        return dict(data)

    def has_bridge(self) -> bool:
        """Whether the site runs the workstation's mu-plugin (its post meta is registered)."""
        schema = self._request("OPTIONS", "/wp/v2/posts").json().get("schema", {})
        meta = schema.get("properties", {}).get("meta", {}).get("properties", {})
        return META_ARTICLE in meta and META_KEY in meta

    def find(self, article_id: str) -> dict[str, Any] | None:
        """The post made from `article_id` (any status but trash), or None."""
        posts = self._request(
            "GET",
            "/wp/v2/posts",
            params={META_ARTICLE: article_id, "status": "any", "context": "edit", "per_page": 5},
        ).json()
        mine = [p for p in posts if (p.get("meta") or {}).get(META_ARTICLE) == article_id]
        return min(mine, key=lambda p: int(p["id"])) if mine else None

    def published_posts(self, per_page: int = 100) -> Iterator[dict[str, Any]]:
        """Every published post, newest first, with its terms and author embedded."""
        page, pages = 1, 1
        while page <= pages:
            response = self._request(
                "GET",
                "/wp/v2/posts",
                params={"status": "publish", "per_page": per_page, "page": page,
                        "_embed": "author,wp:term"},
            )  # fmt: skip
            pages = int(response.headers.get("X-WP-TotalPages", "1") or 1)
            yield from response.json()
            page += 1

    # what the publish skeleton asks of the site
    def _state(self, post: dict[str, Any]) -> RemoteState:
        return state_of(post)

    def _marked(self, post: dict[str, Any], key: str) -> bool:
        return bool((post.get("meta") or {}).get(META_KEY) == key)

    def _content(self, post: dict[str, Any]) -> str:
        content = post.get("content") or {}
        return str(content.get("raw") or content.get("rendered") or "")

    def _write(
        self,
        article: Article,
        existing: dict[str, Any] | None,
        key: str,
        publish_at: datetime | None,
        page: dict[str, Any],
        corrections: list[Correction],
    ) -> RemoteState:
        fields = post_fields(article, page, self._related_urls(page), publish_at, corrections)
        fields["meta"] = {**fields["meta"], META_ARTICLE: article.id, META_KEY: key}
        fields["categories"] = (
            [self._term("categories", article.section)] if article.section else []
        )
        fields["tags"] = [self._term("tags", tag) for tag in article.tags]
        path = "/wp/v2/posts" if existing is None else f"/wp/v2/posts/{existing['id']}"
        post = self._request("POST", path, json=fields, params={"context": "edit"}).json()
        return state_of(post)

    def _to_draft(self, post: dict[str, Any], key: str) -> dict[str, Any]:
        return dict(
            self._request(
                "POST",
                f"/wp/v2/posts/{post['id']}",
                json={"status": "draft", "meta": {META_KEY: key}},
                params={"context": "edit"},
            ).json()
        )

    def upload_media(self, picture: PictureUpload) -> str:
        """The picture's URL in the site's media library, uploaded unless it is there: its file
        is named by its SHA-256, which WordPress makes its title, so a retry after a lost answer
        finds it and sends no bytes again. Alt text and caption go with it."""
        found = self._request(
            "GET", "/wp/v2/media", params={"search": picture.sha256, "per_page": 5}
        ).json()
        for item in found:
            if picture.sha256 in str(item.get("source_url", "")):
                return str(item["source_url"])
        made = self._request(
            "POST",
            "/wp/v2/media",
            content=picture.read(),
            params={"alt_text": picture.alt[:1000], "caption": picture.caption[:2000]},
            headers={
                "Content-Type": picture.content_type,
                "Content-Disposition": f'attachment; filename="{picture_file_name(picture)}"',
            },
        ).json()
        return str(made["source_url"])

    # helpers
    def _related_urls(self, page: dict[str, Any] | None) -> list[RelatedLink]:
        links = []
        for item in (page or {}).get("related", []):
            url = ""
            if item.get("id"):
                post = self.find(str(item["id"]))
                url = state_of(post).url if post is not None else ""
            links.append(
                RelatedLink(
                    str(item.get("id", "")),
                    str(item.get("headline", "")),
                    str(item.get("standfirst", "")),
                    None,
                    url,
                )
            )
        return links

    def _term(self, taxonomy: str, name: str) -> int:
        """The id of the category or tag `name`, made on the site when it has none."""
        cache_key = (taxonomy, name.casefold())
        if cache_key in self._terms:
            return self._terms[cache_key]
        found = self._request(
            "GET", f"/wp/v2/{taxonomy}", params={"search": name, "per_page": 100}
        ).json()
        term_id = next(
            (int(t["id"]) for t in found if str(t.get("name", "")).casefold() == name.casefold()),
            None,
        )
        if term_id is None:
            try:
                term_id = int(
                    self._request("POST", f"/wp/v2/{taxonomy}", json={"name": name}).json()["id"]
                )
            except RejectedError:
                # term_exists (made by a retry, or differing only in accents): look again
                again = self._request("GET", f"/wp/v2/{taxonomy}", params={"search": name}).json()
                if not again:
                    raise
                term_id = int(again[0]["id"])
        self._terms[cache_key] = term_id
        return term_id
