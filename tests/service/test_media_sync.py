"""Issue 13 step 5: pictures travel with drafts, so a subeditor sees the writer's pictures.

A writer's sync uploads the pictures a draft shows before the draft (the body keeps its
`media:` references); the subeditor's sync downloads those its library lacks, checks their
SHA-256 and adds them with their words. Bytes that are not the picture are refused with
nothing stored; a picture the service lacks is said, and the draft syncs all the same.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import httpx
from picture_files import photo_with_gps
from review_support import Network, Profile
from service_helpers import RunningService

from workstation.domain.media import MediaItem, MediaWords, markdown_for
from workstation.service.auth import Role
from workstation.usecases import media
from workstation.usecases.articles import create_article, get_article
from workstation.usecases.review.sync import sync_once

Desk = tuple[RunningService, Profile, Profile]


def _picture(profile: Profile, tmp_path: Path, name: str, size: tuple[int, int]) -> MediaItem:
    source = tmp_path / name
    source.write_bytes(photo_with_gps(*size, orientation=1))
    item = media.add_picture(profile.workspace.data, profile.db, source)
    words = MediaWords(alt=f"Alt of {name}", caption=f"Caption of {name}", credit="Jo Bloggs")
    return media.update_words(profile.db, item.sha256, words)


def _draft_with_picture(writer: Profile, tmp_path: Path) -> tuple[str, MediaItem, MediaItem]:
    inline = _picture(writer, tmp_path, "ward.jpg", (120, 80))
    hero = _picture(writer, tmp_path, "front.jpg", (160, 90))
    body = f"The ward reopened.\n\n{markdown_for(inline)}\n\nStaff were pleased."
    article = create_article(
        writer.db, "Ward reopens", "Open again.", ["Ruth Okafor"], body, "Workforce"
    )
    media.set_hero(writer.db, article.id, hero.sha256)
    return article.id, inline, hero


def test_the_writers_pictures_reach_the_subeditors_library(desk: Desk, tmp_path: Path) -> None:
    service, writer, sub = desk
    article_id, inline, hero = _draft_with_picture(writer, tmp_path)

    code, out = writer.cli("sync")
    assert code == 0 and "pushed: 1" in out, out
    with service.client(Role.SUBEDITOR) as api:
        for item in (inline, hero):  # the body's picture and the hero are both up
            assert api.get(f"/api/v1/media/{item.sha256}").status_code == 200
        remote = api.get(f"/api/v1/articles/{article_id}").json()
    assert f"media:{inline.sha256}" in remote["content"]["body"]  # not rewritten to a URL

    code, out = sub.cli("sync")
    assert code == 0 and "picture:" not in out, out
    path = media.library_of(sub.workspace.data).find(inline.sha256)
    assert path is not None
    assert hashlib.sha256(path.read_bytes()).hexdigest() == inline.sha256
    got = media.picture(sub.db, inline.sha256)
    assert got is not None
    assert (got.alt, got.caption, got.credit) == (inline.alt, inline.caption, inline.credit)
    assert f"media:{inline.sha256}" in get_article(sub.db, article_id).body

    code, out = sub.cli("show", article_id, "--json")
    assert code == 0, out
    shown = json.loads(out)["pictures"]["body"]
    assert [p["sha256"] for p in shown] == [inline.sha256]
    assert shown[0]["alt"] == inline.alt

    # A second round finds the picture here and asks for nothing more.
    code, out = sub.cli("sync")
    assert code == 0 and "picture:" not in out, out


class Tampering(Network):
    """The real network, except that picture bytes arrive replaced (a broken cache, say)."""

    def __init__(self, other: bytes) -> None:
        super().__init__()
        self.other = other
        self.tampered = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "GET" and request.url.path.startswith("/media/"):
            self.tampered += 1
            return httpx.Response(200, content=self.other, headers={"Content-Type": "image/jpeg"})
        return super().handle_request(request)


def test_bytes_that_are_not_the_picture_are_refused_and_nothing_stored(
    desk: Desk, tmp_path: Path
) -> None:
    _service, writer, sub = desk
    article_id, inline, _hero = _draft_with_picture(writer, tmp_path)
    assert writer.cli("sync")[0] == 0

    network = Tampering(photo_with_gps(50, 50, orientation=1))
    try:
        report = sync_once(sub.db, transport=network)
    finally:
        network.close()
    assert network.tampered == 1
    assert report.online and not report.error and report.pulled == [article_id]
    [line] = report.pictures
    assert inline.sha256[:12] in line and "other bytes" in line and "nothing stored" in line
    assert media.library_of(sub.workspace.data).find(inline.sha256) is None
    assert media.picture(sub.db, inline.sha256) is None
    stored = [p for p in sub.workspace.data.media.rglob("*") if p.is_file()]
    assert stored == []
    assert f"media:{inline.sha256}" in get_article(sub.db, article_id).body  # the draft came


def test_a_picture_missing_on_the_service_does_not_stop_the_draft(
    desk: Desk, tmp_path: Path
) -> None:
    _service, writer, sub = desk
    article_id, inline, _hero = _draft_with_picture(writer, tmp_path)
    assert writer.sync().pushed == [article_id]  # an engine with no pictures: only the draft

    code, out = sub.cli("sync")
    assert code == 0, out
    assert "pulled: 1" in out
    assert f"picture {inline.sha256[:12]} not on the service" in out
    assert get_article(sub.db, article_id).headline == "Ward reopens"
    assert media.picture(sub.db, inline.sha256) is None
