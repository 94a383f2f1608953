"""A stand-in for Ghost 5's Admin API, built from Ghost's documentation, not from Ghost.

Ghost could not be installed here (see tests/ghost/README.md): its npm package pulls a
dependency from codeload.github.com, which this machine cannot reach. So the Ghost target is
tested against this double, which keeps to the documented shapes and rules only:
- every request carries `Authorization: Ghost <JWT>`, HS256-signed with the hex secret of an
  Admin API key `id:secret`, `kid` = id, `aud` = `/admin/`, at most five minutes' life;
- `GET /ghost/api/admin/site/`, `GET /posts/?filter=tag:<slug>&include=tags`,
  `POST /posts/?source=html`, `PUT /posts/<id>/` with the `updated_at` last read, else 409
  UpdateCollisionError; tags by name, made when missing, internal (`#`) tags slugged `hash-…`;
- errors as `{"errors": [{"type", "message"}]}`.
It runs under Uvicorn on a loopback port, so the target is tested over real HTTP.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import re
import threading
import time
from datetime import UTC, datetime
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

KEY_ID = "64f0c2a1e4b0d3a5c6f7a8b9"
SECRET_HEX = "5d3e" * 16
ADMIN_KEY = f"{KEY_ID}:{SECRET_HEX}"


def _unb64(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def _error(status: int, kind: str, message: str) -> JSONResponse:
    return JSONResponse({"errors": [{"type": kind, "message": message}]}, status_code=status)


def _slug(name: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower().lstrip("#")).strip("-")
    return ("hash-" + base) if name.startswith("#") else base


class GhostDouble:
    def __init__(self, site_url: str = "http://ghost.invalid") -> None:
        self.site_url = site_url
        self.posts: dict[str, dict[str, Any]] = {}
        self.images: dict[str, bytes] = {}  # path under /content/images/ -> bytes
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self.app = self._build()

    def _now(self) -> str:
        time.sleep(0.002)  # distinct updated_at values, as Ghost's own clock gives
        return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def _authorised(self, request: Request) -> JSONResponse | None:
        header = request.headers.get("authorization", "")
        if not header.startswith("Ghost "):
            return _error(401, "UnauthorizedError", "Authorization header format is Ghost [token]")
        try:
            head, body, signature = header[6:].split(".")
            claims = json.loads(_unb64(body))
            kid = json.loads(_unb64(head)).get("kid")
        except ValueError:
            return _error(401, "UnauthorizedError", "Invalid token")
        expected = hmac.new(bytes.fromhex(SECRET_HEX), f"{head}.{body}".encode(), hashlib.sha256)
        if kid != KEY_ID or not hmac.compare_digest(_unb64(signature), expected.digest()):
            return _error(401, "UnauthorizedError", "Invalid token: invalid signature")
        now = time.time()
        if claims.get("aud") != "/admin/" or not claims["iat"] <= now + 5 < claims["exp"] + 5:
            return _error(401, "UnauthorizedError", "Invalid token")
        if claims["exp"] - claims["iat"] > 300:
            return _error(401, "UnauthorizedError", "Invalid token: expiry too far ahead")
        return None

    def _shown(self, post: dict[str, Any]) -> dict[str, Any]:
        shown = dict(post)
        shown["url"] = f"{self.site_url}/{post['slug']}/" if post["status"] == "published" else ""
        return shown

    def _apply(self, post: dict[str, Any], fields: dict[str, Any]) -> None:
        for name in ("title", "slug", "custom_excerpt", "html", "status", "published_at"):
            if name in fields:
                post[name] = fields[name]
        if "tags" in fields:
            post["tags"] = [{"name": t["name"], "slug": _slug(t["name"])} for t in fields["tags"]]
        if post["status"] == "published" and not post.get("published_at"):
            post["published_at"] = self._now()
        post["updated_at"] = self._now()

    def _build(self) -> FastAPI:
        app = FastAPI()
        base = "/ghost/api/admin"

        @app.middleware("http")
        async def auth(request: Request, call_next: Any) -> Any:
            if not request.url.path.startswith(base):
                return await call_next(request)  # the site's public files
            refused = self._authorised(request)
            return refused if refused is not None else await call_next(request)

        @app.get(f"{base}/site/")
        def site() -> dict[str, Any]:
            return {"site": {"title": "Trade Desk Ghost", "version": "5.130"}}

        @app.post(f"{base}/images/upload/")
        async def upload(request: Request) -> Any:
            """Ghost's documented multipart upload: field `file`, optional `ref` echoed."""
            head = f"Content-Type: {request.headers.get('content-type', '')}\r\n\r\n"
            form = BytesParser(policy=HTTP).parsebytes(head.encode() + await request.body())
            parts = {p.get_param("name", header="content-disposition"): p
                     for p in form.iter_parts()}  # fmt: skip
            file = parts.get("file")
            if file is None or not file.get_filename():
                return _error(422, "ValidationError", "Please select an image.")
            with self._lock:
                path = f"2026/12/{next(self._ids)}-{file.get_filename()}"
                self.images[path] = file.get_payload(decode=True)
            ref = parts["ref"].get_payload(decode=True).decode() if "ref" in parts else None
            url = f"{self.site_url}/content/images/{path}"
            return JSONResponse({"images": [{"url": url, "ref": ref}]}, status_code=201)

        @app.get("/content/images/{path:path}")
        def image(path: str) -> Any:
            data = self.images.get(path)
            if data is None:
                return _error(404, "NotFoundError", "Image not found.")
            return Response(data, media_type="image/jpeg")

        @app.get(f"{base}/posts/")
        def posts(filter: str = "", limit: int = 15) -> dict[str, Any]:
            with self._lock:
                found = list(self.posts.values())
            if filter.startswith("tag:"):
                slug = filter[4:]
                found = [p for p in found if slug in {t["slug"] for t in p["tags"]}]
            return {"posts": [self._shown(p) for p in found[:limit]]}

        @app.post(f"{base}/posts/")
        async def create(request: Request) -> Any:
            fields = (await request.json())["posts"][0]
            if not fields.get("title"):
                return _error(422, "ValidationError", "Validation error, cannot save post.")
            with self._lock:
                post_id = f"{next(self._ids):024x}"
                post = {"id": post_id, "status": "draft", "tags": [], "created_at": self._now()}
                self._apply(post, fields)
                self.posts[post_id] = post
            return JSONResponse({"posts": [self._shown(post)]}, status_code=201)

        @app.put(f"{base}/posts/{{post_id}}/")
        async def update(post_id: str, request: Request) -> Any:
            fields = (await request.json())["posts"][0]
            with self._lock:
                post = self.posts.get(post_id)
                if post is None:
                    return _error(404, "NotFoundError", "Post not found.")
                if fields.get("updated_at") != post["updated_at"]:
                    return _error(
                        409,
                        "UpdateCollisionError",
                        "Saving failed! Someone else is editing this post.",
                    )
                self._apply(post, fields)
            return {"posts": [self._shown(post)]}

        return app
