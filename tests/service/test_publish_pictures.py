"""Publishing a story with pictures: each uploaded once before the article, references
rewritten to the service's URLs, the live page's figures answering over HTTP, faults resumed."""

from __future__ import annotations

import contextlib
import io
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import httpx
import pytest
from bs4 import BeautifulSoup
from fault_proxy import FaultProxy
from picture_files import GPS_IFD, photo_with_gps
from PIL import Image
from sqlalchemy import func, select

from workstation.domain.media import MediaItem, MediaWords, markdown_for
from workstation.domain.publication import JobState
from workstation.paths import DataDir
from workstation.publish.worker import OutboxWorker, RetryPolicy
from workstation.service.auth import Role, create_token
from workstation.service.config import ServiceConfig
from workstation.service.db import ServiceDatabase, open_service_database, sqlite_url_for
from workstation.service.models import ArticleRecord, MediaRecord
from workstation.service.server import BackgroundServer
from workstation.usecases import media, publishing
from workstation.usecases.articles import create_article
from workstation.usecases.workspace import Workspace, open_workspace

CLIENT_TIMEOUT = 2.0


@dataclass
class Rig:
    ws: Workspace
    service_db: ServiceDatabase
    proxy: FaultProxy
    server: BackgroundServer

    def worker(self) -> OutboxWorker:
        return OutboxWorker(
            self.ws.db,
            publishing.target_factory(self.ws.db, timeout=CLIENT_TIMEOUT),
            policy=RetryPolicy(base=0.01, cap=0.05),
            rng=random.Random(3),
            page=lambda article: publishing.page_context.page_context(self.ws.db, article, None),
            pictures=lambda article: publishing.picture_uploads(self.ws.db, article),
        )

    def media_rows(self) -> int:
        with self.service_db.session() as session:
            return int(session.scalar(select(func.count()).select_from(MediaRecord)) or 0)


R = TypeVar("R", bound=Rig)


@contextlib.contextmanager
def running_rig(tmp_path: Path, data_home: Path, hold: float, kind: type[R]) -> Iterator[R]:
    """A service behind the fault proxy (holding answers `hold` s) and a workstation whose
    account "newsroom" publishes to it; all stopped on exit."""
    config = ServiceConfig(database_url=sqlite_url_for(tmp_path / "service"))
    server = BackgroundServer(config).start()
    proxy = FaultProxy(server.port, hold=hold).start()
    service_db = open_service_database(config.database_url)
    ws = open_workspace(DataDir(data_home))
    try:
        with service_db.session() as session:
            token = create_token(session, "desk", Role.PUBLISHER)
        publishing.add_account(ws.db, "newsroom", proxy.url, token, check=False)
        yield kind(ws, service_db, proxy, server)
    finally:
        ws.close()
        service_db.close()
        proxy.stop()
        server.stop()


@pytest.fixture
def rig(tmp_path: Path, data_home: Path) -> Iterator[Rig]:
    with running_rig(tmp_path, data_home, CLIENT_TIMEOUT * 2, Rig) as made:
        yield made


def picture(
    ws: Workspace, tmp_path: Path, name: str, size: tuple[int, int], **words: str
) -> MediaItem:
    source = tmp_path / name
    source.write_bytes(photo_with_gps(*size, orientation=1))
    item = media.add_picture(ws.data, ws.db, source)
    return media.update_words(ws.db, item.sha256, MediaWords(**words))  # type: ignore[arg-type]


def story_with_pictures(ws: Workspace, tmp_path: Path) -> tuple[str, MediaItem, MediaItem]:
    hero = picture(ws, tmp_path, "front.jpg", (1800, 1200), alt="The hospital's front door",
                   caption="St Mary's reopened its doors", credit="Trust handout")  # fmt: skip
    inline = picture(ws, tmp_path, "ward.jpg", (1000, 700), alt="Six beds in a bright ward",
                     caption="The new ward", credit="Jo Bloggs/Agency")  # fmt: skip
    body = f"The ward reopened on Monday.\n\n{markdown_for(inline)}\n\nStaff were pleased."
    article = create_article(ws.db, "Ward reopens after a year of repairs",
                             "The children's ward is open again.", ["Health correspondent"],
                             body, "Workforce")  # fmt: skip
    media.set_hero(ws.db, article.id, hero.sha256)
    return article.id, hero, inline


def urls_of(img: object) -> list[str]:
    tag = img  # an <img> or <source>
    found = [tag.get("src")] if tag.get("src") else []  # type: ignore[attr-defined]
    srcset = tag.get("srcset") or ""  # type: ignore[attr-defined]
    found += [part.strip().split(" ")[0] for part in srcset.split(",") if part.strip()]
    return found


def test_pictures_go_up_first_and_the_live_page_shows_them(rig: Rig, tmp_path: Path) -> None:
    article_id, hero, inline = story_with_pictures(rig.ws, tmp_path)
    job = publishing.publish(rig.ws.db, article_id)
    result = publishing.send_and_wait(rig.ws.db, job.id, 60, worker=rig.worker())
    assert result.job.state is JobState.DONE, result.job.last_error
    assert rig.media_rows() == 2
    with rig.service_db.session() as session:
        content = session.get(ArticleRecord, article_id).content  # type: ignore[union-attr]
    assert "media:" not in content["body"]
    assert f"/media/{inline.sha256}.jpg" in content["body"]

    page = httpx.get(result.job.live_url)
    assert page.status_code == 200
    soup = BeautifulSoup(page.text, "html.parser")
    figures = soup.select(".article-body figure.picture")
    assert [f["data-media"] for f in figures] == [hero.sha256, inline.sha256]
    hero_img, inline_img = (f.select_one("picture > img") for f in figures)
    assert hero_img is not None and inline_img is not None
    assert (inline_img["width"], inline_img["height"]) == ("1000", "700")
    assert inline_img["loading"] == "lazy" and "loading" not in hero_img.attrs
    assert inline_img["alt"] == "Six beds in a bright ward"
    assert figures[1].select_one("figcaption").get_text(" ", strip=True) == (
        "The new ward Jo Bloggs/Agency"
    )
    wanted = {"jpg": "image/jpeg", "webp": "image/webp"}
    for figure in figures:
        for tag in figure.select("picture > source, picture > img"):
            for url in urls_of(tag):
                answer = httpx.get(url)
                assert answer.status_code == 200, url
                assert answer.headers["content-type"] == wanted[url.rsplit(".", 1)[1]], url
                with Image.open(io.BytesIO(answer.content)) as image:
                    assert not image.getexif().get_ifd(GPS_IFD)
    og = soup.select_one('meta[property="og:image"]')
    assert og is not None
    crop = httpx.get(og["content"])
    assert crop.status_code == 200 and crop.headers["content-type"] == "image/jpeg"
    with Image.open(io.BytesIO(crop.content)) as image:
        assert abs(image.width / image.height - 16 / 9) < 0.01
        assert image.width * image.height >= 50_000


def test_a_lost_answer_midway_resumes_and_uploads_each_picture_once(
    rig: Rig, tmp_path: Path
) -> None:
    article_id, _hero, _inline = story_with_pictures(rig.ws, tmp_path)
    # GET hero (404), POST hero, GET inline (404), then the inline POST is stored but its
    # answer is lost: the job retries and finds both pictures there already.
    rig.proxy.script(["pass", "pass", "pass", "close_after"])
    job = publishing.publish(rig.ws.db, article_id)
    worker = rig.worker()
    first = worker.send_one()
    assert first is not None and first.state is JobState.PENDING  # to be retried
    assert rig.media_rows() == 2
    seen_before = len(rig.proxy.seen)
    result = publishing.send_and_wait(rig.ws.db, job.id, 60, worker=worker)
    assert result.job.state is JobState.DONE, result.job.last_error
    assert rig.media_rows() == 2
    # The retry: two GETs (both pictures found), the article's PUT and the publish: no POST.
    assert len(rig.proxy.seen) - seen_before == 4
    # Published again after an edit: the pictures are not sent again either.
    again = publishing.publish(rig.ws.db, article_id)
    seen_before = len(rig.proxy.seen)
    assert publishing.send_and_wait(rig.ws.db, again.id, 60, worker=worker).job.state is (
        JobState.DONE
    )
    assert len(rig.proxy.seen) - seen_before == 4 and rig.media_rows() == 2
