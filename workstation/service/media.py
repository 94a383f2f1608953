"""Media upload and serving: raw bytes, sniffed image types, SHA-256 addressed, digest checked."""

from __future__ import annotations

import base64
import hashlib
import re
import threading
from collections import OrderedDict
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from workstation.domain.article import now_utc
from workstation.service.auth import Action, Principal
from workstation.service.deps import current_principal, require, site_url, state_of
from workstation.service.models import MediaRecord
from workstation.service.problems import Problem
from workstation.service.schemas import MediaOut

router = APIRouter(tags=["media"])
Caller = Annotated[Principal, Depends(current_principal)]
EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}
DIGEST_PATTERN = r"sha-256=:[A-Za-z0-9+/]{43}=:"
_DIGEST = re.compile(DIGEST_PATTERN)


def sniff(data: bytes) -> str | None:
    """The image type the bytes really are (never what the client claims), or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def content_digest(data: bytes) -> str:
    """An RFC 9530 Content-Digest value for `data`."""
    return "sha-256=:" + base64.b64encode(hashlib.sha256(data).digest()).decode() + ":"


class MediaMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    alt: str | None = Field(default=None, max_length=1000)
    caption: str | None = Field(default=None, max_length=2000)
    credit: str | None = Field(default=None, max_length=500)


def _out(row: MediaRecord, site: str) -> dict[str, object]:
    return {
        "sha256": row.sha256,
        "url": f"{site}/media/{row.sha256}.{EXTENSIONS[row.content_type]}",
        "content_type": row.content_type,
        "filename": row.filename,
        "size": row.size,
        "alt": row.alt,
        "caption": row.caption,
        "credit": row.credit,
        "created_at": row.created_at.isoformat(),
    }


async def _read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise Problem(413, f"the file is over the {limit // 1024} KiB limit", kind="too-large")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Problem(413, f"the file is over the {limit // 1024} KiB limit", kind="too-large")
        chunks.append(chunk)
    return b"".join(chunks)


@router.post(
    "/api/v1/media",
    status_code=201,
    response_model=MediaOut,
    responses={200: {"model": MediaOut, "description": "These bytes were uploaded before"}},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                f"image/{kind}": {"schema": {"type": "string", "format": "binary", "minLength": 1}}
                for kind in ("png", "jpeg", "gif", "webp")
            },
        }
    },
)
async def upload_media(
    request: Request,
    caller: Caller,
    filename: Annotated[str, Query(min_length=1, max_length=300)],
    alt: Annotated[str, Query(max_length=1000)] = "",
    caption: Annotated[str, Query(max_length=2000)] = "",
    credit: Annotated[str, Query(max_length=500)] = "",
    content_digest_header: Annotated[str | None, Header(alias="Content-Digest")] = None,
) -> Response:
    """Upload an image as the raw body. The same bytes again are a no-op (200, not 201)."""
    require(caller, Action.UPLOAD_MEDIA)
    state = state_of(request)
    data = await _read_limited(request, state.config.media_max_bytes)
    if not data:
        raise Problem(400, "the body is empty; send the image bytes", kind="empty-body")
    # Digests in other algorithms are ignored (RFC 9530 lets a recipient); a sha-256 one is
    # checked, and must be well-formed.
    if content_digest_header is not None and "sha-256=" in content_digest_header:
        match = _DIGEST.search(content_digest_header)
        if match is None:
            raise Problem(400, "Content-Digest must carry sha-256=:<base64>:", kind="bad-digest")
        if match.group(0) != content_digest(data):
            # Well-formed, yet not these bytes: 422, as for any other body that breaks a rule.
            raise Problem(422, "the body does not match its Content-Digest", kind="digest-mismatch")
    kind = sniff(data)
    declared = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind is None:
        raise Problem(415, "only PNG, JPEG, GIF and WebP images are accepted", kind="not-an-image")
    if declared != kind:
        raise Problem(415, f"the file is {kind}, not {declared or 'untyped'}", kind="type-mismatch")
    sha = hashlib.sha256(data).hexdigest()
    site = site_url(request)

    def store() -> tuple[int, dict[str, object]]:
        with state.db.session() as session:
            row = session.get(MediaRecord, sha)
            if row is not None:
                return 200, _out(row, site)
            row = MediaRecord(
                sha256=sha,
                content_type=kind,
                filename=filename,
                size=len(data),
                data=data,
                alt=alt,
                caption=caption,
                credit=credit,
                uploaded_by=caller.user,
                created_at=now_utc(),
            )
            session.add(row)
            session.flush()
            return 201, _out(row, site)

    status, body = await run_in_threadpool(store)
    return JSONResponse(body, status_code=status, headers={"Location": str(body["url"])})


@router.get("/api/v1/media/{sha256}")
def media_info(sha256: str, request: Request, caller: Caller) -> dict[str, object]:
    require(caller, Action.READ)
    with state_of(request).db.session() as session:
        row = session.get(MediaRecord, sha256)
        if row is None:
            raise Problem(404, "no such media", kind="no-such-media")
        return _out(row, site_url(request))


@router.patch("/api/v1/media/{sha256}")
def update_media(
    sha256: str, meta: MediaMeta, request: Request, caller: Caller
) -> dict[str, object]:
    """Change alt text, caption or credit (the bytes never change): the uploader may, and so
    may subeditors and publishers; another writer may not rewrite someone's credit."""
    require(caller, Action.UPLOAD_MEDIA)
    with state_of(request).db.session() as session:
        row = session.get(MediaRecord, sha256)
        if row is None:
            raise Problem(404, "no such media", kind="no-such-media")
        if row.uploaded_by != caller.user and not caller.may(Action.UPDATE_ANY_ARTICLE):
            raise Problem(
                403,
                "only the uploader, a subeditor or a publisher may change this picture's words",
                kind="forbidden",
                required=Action.UPDATE_ANY_ARTICLE.value,
            )
        for name, value in meta.model_dump(exclude_none=True).items():
            setattr(row, name, value)
        return _out(row, site_url(request))


_RENDITION = re.compile(r"([0-9a-f]{64})(?:-([0-9a-z-]+))?\.(jpg|webp|png|gif)")
RENDITION_TYPES = {"jpg": "image/jpeg", "webp": "image/webp", "png": "image/png"}


_RENDITIONS: OrderedDict[tuple[str, str, str], bytes] = OrderedDict()
_RENDITIONS_KEPT = 256
_renditions_lock = threading.Lock()


def _rendition(sha: str, variant: str, extension: str, data: bytes) -> bytes:
    """A rendition (width or crop) of a stored picture, made once per process (Pillow); the
    most recent ones are kept (renditions are small, the originals are not kept here)."""
    key = (sha, variant, extension)
    with _renditions_lock:
        if key in _RENDITIONS:
            _RENDITIONS.move_to_end(key)
            return _RENDITIONS[key]
    from workstation.media.library import MediaError, variant_bytes  # late: Pillow

    try:
        made = variant_bytes(data, variant, extension)
    except (MediaError, OSError, ValueError) as error:
        raise Problem(404, "no such rendition", kind="no-such-media") from error
    with _renditions_lock:
        _RENDITIONS[key] = made
        while len(_RENDITIONS) > _RENDITIONS_KEPT:
            _RENDITIONS.popitem(last=False)
    return made


@router.get("/media/{name}", include_in_schema=False)
def serve_media(name: str, request: Request) -> Response:
    """The image bytes, or a rendition the page's srcset names (`<sha>-<width>.webp`, a crop
    `<sha>-16x9-50-40.jpg`): content-addressed, so cacheable for ever."""
    match = _RENDITION.fullmatch(name)
    sha = match.group(1) if match else name.split(".")[0]
    with state_of(request).db.session() as session:
        row = session.get(MediaRecord, sha)
        if row is None:
            raise Problem(404, "no such media", kind="no-such-media")
        data, kind = row.data, row.content_type
    variant, extension = (match.group(2) or "", match.group(3)) if match else ("", "")
    if variant or (extension in RENDITION_TYPES and RENDITION_TYPES[extension] != kind):
        if extension not in RENDITION_TYPES:
            raise Problem(404, "no such rendition", kind="no-such-media")
        data, kind = _rendition(sha, variant, extension, data), RENDITION_TYPES[extension]
    etag = f'"{name}"' if variant else f'"{sha}"'
    headers = {
        "ETag": etag,
        "Cache-Control": "public, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
    }
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(data, media_type=kind, headers=headers)
