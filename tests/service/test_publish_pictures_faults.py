"""Publishing stories with pictures through a faulty network, 100 times: every job done, every
story live once, every picture stored on the service once (its bytes reached the service in
one POST only, however many attempts the job took), and no picture missing on a live page."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from bs4 import BeautifulSoup
from fault_proxy import FORWARDED, FaultProxy
from picture_files import photo_with_gps
from sqlalchemy import select
from test_publish_faults import all_done, assert_live_exactly_once
from test_publish_pictures import Rig, running_rig, urls_of

from workstation.domain.media import MediaItem, MediaWords, markdown_for
from workstation.publish.worker import OutboxWorker, RetryPolicy
from workstation.service.models import ArticleRecord, MediaRecord
from workstation.usecases import media, publishing
from workstation.usecases.articles import create_article

PUBLISHES = 100
POOL = 40  # distinct pictures, shared between the stories (1 or 2 each)
CLIENT_TIMEOUT = 0.5  # short, as the faults' timeouts cost this each; the service is loopback
WEIGHTS = {
    "pass": 70,
    "reset": 6,
    "timeout_before": 5,
    "timeout_after": 6,
    "500": 6,
    "503": 1,
    "close_after": 6,
}


class FastRig(Rig):
    def worker(self) -> OutboxWorker:
        return OutboxWorker(
            self.ws.db,
            publishing.target_factory(self.ws.db, timeout=CLIENT_TIMEOUT),
            policy=RetryPolicy(base=0.01, cap=0.05),
            rng=random.Random(11),
            page=lambda article: publishing.page_context.page_context(self.ws.db, article, None),
            pictures=lambda article: publishing.picture_uploads(self.ws.db, article),
        )


@pytest.fixture
def rig(tmp_path: Path, data_home: Path) -> Iterator[FastRig]:
    with running_rig(tmp_path, data_home, CLIENT_TIMEOUT * 3, FastRig) as made:
        yield made


def picture_pool(rig: Rig, folder: Path) -> list[MediaItem]:
    """POOL distinct small pictures in the library (distinct sizes: distinct bytes)."""
    items = []
    for k in range(POOL):
        source = folder / f"pool-{k}.jpg"
        source.write_bytes(photo_with_gps(64 + k, 48, orientation=1))
        item = media.add_picture(rig.ws.data, rig.ws.db, source)
        words = MediaWords(alt=f"Picture {k}", caption=f"Caption {k}", credit="Agency")
        items.append(media.update_words(rig.ws.db, item.sha256, words))
    assert len({item.sha256 for item in items}) == POOL
    return items


def queue_pictured_stories(rig: Rig, pool: list[MediaItem]) -> dict[str, set[str]]:
    """PUBLISHES stories, queued: one or two pool pictures each (a hero in every third), every
    pool picture in at least two stories. Returns each story's pictures by SHA-256."""
    stories: dict[str, set[str]] = {}
    for n in range(PUBLISHES):
        shown = [pool[n % POOL]]
        if n % 2:
            shown.append(pool[(n * 7 + 3) % POOL])
        hero = shown.pop(0) if n % 3 == 0 else None
        body = "\n\n".join(["A paragraph.", *(markdown_for(item) for item in shown), "The end."])
        article = create_article(rig.ws.db, f"Pictured fault story {n}", "A standfirst.",
                                 ["Staff reporter"], body, "Policy")  # fmt: skip
        if hero is not None:
            media.set_hero(rig.ws.db, article.id, hero.sha256)
        publishing.publish(rig.ws.db, article.id)
        stories[article.id] = {item.sha256 for item in shown} | ({hero.sha256} if hero else set())
    return stories


def media_posts(proxy: FaultProxy) -> list[str]:
    """The faults met by each picture upload (POST) the client sent."""
    return [fault for fault, line in proxy.requests if line.startswith("POST /api/v1/media?")]


def test_100_pictured_publishes_through_random_faults(rig: FastRig, tmp_path: Path) -> None:
    pool = picture_pool(rig, tmp_path)
    rng = random.Random(2027)
    rig.proxy.script(rng.choices(list(WEIGHTS), list(WEIGHTS.values()), k=PUBLISHES * 6))
    stories = queue_pictured_stories(rig, pool)
    assert rig.worker().run_until(all_done(rig.ws), timeout=100)
    assert_live_exactly_once(rig, list(stories))  # type: ignore[arg-type]

    # Every picture stored once, and its bytes reached the service in one POST only: a retry
    # after a lost answer finds it there (GET) rather than sending it again.
    wanted = {item.sha256 for item in pool}
    with rig.service_db.session() as session:
        stored = {row.sha256: row.size for row in session.scalars(select(MediaRecord))}
        bodies = {
            article_id: session.get(ArticleRecord, article_id).content["body"]  # type: ignore[union-attr]
            for article_id in stories
        }
    assert set(stored) == wanted
    posts = media_posts(rig.proxy)
    assert len([f for f in posts if f in FORWARDED]) == POOL, posts
    # The faults did hit the uploads, answers lost after the service stored the bytes too.
    assert len([f for f in posts if f not in FORWARDED]) >= 3, posts
    assert {"timeout_after", "close_after"} & set(posts), posts
    assert len([f for f, _ in rig.proxy.requests if f != "pass"]) > PUBLISHES // 2

    # Every live page shows each of its pictures, each URL on it answering; the original at
    # /media/<sha>.jpg answers with exactly the bytes the library holds.
    rig.proxy.faults.clear()  # the checks below read through the proxy too: no faults now
    answered: dict[str, httpx.Response] = {}

    def fetch(client: httpx.Client, url: str) -> httpx.Response:
        if url not in answered:
            answered[url] = client.get(url)
        return answered[url]

    with httpx.Client(timeout=30) as client:
        for article_id, shas in stories.items():
            job = next(j for j in publishing.outbox_jobs(rig.ws.db) if j.article_id == article_id)
            page = client.get(str(job.live_url))
            assert page.status_code == 200, job.live_url
            soup = BeautifulSoup(page.text, "html.parser")
            figures = soup.select(".article-body figure.picture")
            assert {f["data-media"] for f in figures} == shas, article_id
            assert "media:" not in bodies[article_id]
            site = "{0.scheme}://{0.netloc}".format(urlsplit(str(job.live_url)))
            for figure in figures:
                sha = str(figure["data-media"])
                urls = [u for tag in figure.select("picture > source, picture > img")
                        for u in urls_of(tag)]  # fmt: skip
                assert urls, sha
                for url in urls:
                    assert fetch(client, url).status_code == 200, url
                original = fetch(client, f"{site}/media/{sha}.jpg")
                assert original.status_code == 200
                assert hashlib.sha256(original.content).hexdigest() == sha
                assert len(original.content) == stored[sha]
