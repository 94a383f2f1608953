"""Media upload: sniffed image types, SHA-256 addressing, Content-Digest, the size limit."""

from __future__ import annotations

import hashlib

import httpx
from service_helpers import RunningService, tiny_png

from workstation.service.auth import Role
from workstation.service.media import content_digest


def upload(
    service: RunningService, data: bytes, content_type: str = "image/png", **headers: str
) -> httpx.Response:
    with service.client(Role.WRITER) as client:
        return client.post(
            "/api/v1/media",
            params={"filename": "board.png", "alt": "A board meeting", "credit": "Staff"},
            content=data,
            headers={"Content-Type": content_type, **headers},
        )


def test_upload_is_stored_by_sha256_and_reupload_is_a_no_op(sqlite_service: RunningService) -> None:
    data = tiny_png(1)
    first = upload(sqlite_service, data, **{"Content-Digest": content_digest(data)})
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["sha256"] == hashlib.sha256(data).hexdigest()
    assert body["alt"] == "A board meeting"
    again = upload(sqlite_service, data)
    assert again.status_code == 200
    assert again.json()["sha256"] == body["sha256"]
    with sqlite_service.client() as client:
        served = client.get(body["url"].removeprefix(sqlite_service.url))
        assert served.content == data
        assert served.headers["content-type"] == "image/png"
        assert "immutable" in served.headers["cache-control"]


def test_non_images_and_lies_are_refused(sqlite_service: RunningService) -> None:
    script = b"<script>alert(1)</script>"
    assert upload(sqlite_service, script, "image/png").status_code == 415
    assert upload(sqlite_service, tiny_png(2), "image/jpeg").status_code == 415
    assert upload(sqlite_service, b"").status_code == 400


def test_digest_mismatch_and_size_limit(sqlite_service: RunningService) -> None:
    data = tiny_png(3)
    wrong = upload(sqlite_service, data, **{"Content-Digest": content_digest(b"other")})
    assert wrong.status_code == 422
    assert wrong.json()["type"].endswith("digest-mismatch")
    malformed = upload(sqlite_service, data, **{"Content-Digest": "sha-256=:abc:"})
    assert malformed.status_code == 400
    other_algorithm = upload(sqlite_service, data, **{"Content-Digest": "md5=:abc:"})
    assert other_algorithm.status_code == 201  # RFC 9530: digests we do not check are ignored
    big = data + b"\x00" * (64 * 1024)
    assert upload(sqlite_service, big).status_code == 413


def test_metadata_can_be_changed(sqlite_service: RunningService) -> None:
    sha = upload(sqlite_service, tiny_png(4)).json()["sha256"]
    with sqlite_service.client(Role.WRITER) as client:
        changed = client.patch(f"/api/v1/media/{sha}", json={"caption": "The board in session"})
        assert changed.json()["caption"] == "The board in session"
        assert client.get(f"/api/v1/media/{sha}").json()["caption"] == "The board in session"
