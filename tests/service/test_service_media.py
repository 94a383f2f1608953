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


def test_only_the_uploader_subs_and_publishers_change_the_words(
    sqlite_service: RunningService,
) -> None:
    sha = upload(sqlite_service, tiny_png(5)).json()["sha256"]  # by writer-user
    other_writer = sqlite_service.new_token("wanda", Role.WRITER)
    with sqlite_service.client(token=other_writer) as client:
        refused = client.patch(f"/api/v1/media/{sha}", json={"credit": "Wanda"})
        assert refused.status_code == 403, refused.text
        assert client.get(f"/api/v1/media/{sha}").json()["credit"] == "Staff"
    for role, credit in ((Role.SUBEDITOR, "Sub"), (Role.PUBLISHER, "Pub"), (Role.WRITER, "Own")):
        with sqlite_service.client(role) as client:
            changed = client.patch(f"/api/v1/media/{sha}", json={"credit": credit})
            assert changed.status_code == 200, (role, changed.text)
            assert changed.json()["credit"] == credit


def test_renditions_are_served_by_name(sqlite_service: RunningService) -> None:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (200, 100), "red").save(out, "JPEG")
    body = upload(sqlite_service, out.getvalue(), "image/jpeg").json()
    sha = body["sha256"]
    with sqlite_service.client() as client:
        webp = client.get(f"/media/{sha}-120.webp")
        assert webp.status_code == 200 and webp.headers["content-type"] == "image/webp"
        assert Image.open(io.BytesIO(webp.content)).size == (120, 60)
        crop = client.get(f"/media/{sha}-1x1-50-50.jpg")
        assert Image.open(io.BytesIO(crop.content)).size == (100, 100)
        assert client.get(f"/media/{sha}-../x.jpg").status_code == 404
        assert client.get(f"/media/{sha}-99999999.jpg").status_code == 404
