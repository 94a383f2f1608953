"""Publishing to a real WordPress through the fault proxy: resets, timeouts after WordPress
committed, 5xx. WordPress has no idempotency keys; every story must still exist exactly once."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fault_proxy import FaultProxy
from wordpress_peer import WordPressSite

from workstation.domain.article import Article, new_id
from workstation.domain.publication import JobState
from workstation.paths import DataDir
from workstation.publish.worker import OutboxWorker, RetryPolicy
from workstation.store.repository import ArticleRepository
from workstation.usecases import publishing
from workstation.usecases.workspace import Workspace, open_workspace

PUBLISHES = int(os.environ.get("WORKSTATION_WP_FAULT_PUBLISHES", "100"))
CLIENT_TIMEOUT = 3.0


@pytest.fixture
def desk(wordpress: WordPressSite, data_home: Path) -> Iterator[tuple[Workspace, FaultProxy]]:
    port = int(wordpress.url.rsplit(":", 1)[1])
    proxy = FaultProxy(port, hold=CLIENT_TIMEOUT * 2).start()
    ws = open_workspace(DataDir(data_home))
    try:
        publishing.add_account(
            ws.db, "site", proxy.url, wordpress.app_password,
            kind="wordpress", user=wordpress.user, check=False,
        )  # fmt: skip
        yield ws, proxy
    finally:
        ws.close()
        proxy.stop()


def _queue(ws: Workspace, count: int, tag: str) -> list[str]:
    ids = []
    for n in range(count):
        article = Article(
            id=new_id(),
            headline=f"Fault story {tag} number {n}",
            standfirst="A standfirst.",
            byline=("Staff reporter",),
            section="Policy",
            tags=(f"faults-{tag}",),
            body="One paragraph.",
        )
        with ws.db.session() as session:
            ArticleRepository(session).write_row(article)
        publishing.publish(ws.db, article.id)
        ids.append(article.id)
    return ids


def _posts_of(wordpress: WordPressSite, article_id: str) -> list[dict]:
    with wordpress.client() as client:
        found = client.get(
            "/wp-json/wp/v2/posts",
            params={"ew_article_id": article_id, "status": "any", "context": "edit"},
        )
    found.raise_for_status()
    return list(found.json())


def test_every_story_exactly_once_through_random_faults(
    wordpress: WordPressSite, desk: tuple[Workspace, FaultProxy]
) -> None:
    ws, proxy = desk
    rng = random.Random(14)
    weights = {"pass": 70, "reset": 6, "timeout_before": 4, "timeout_after": 7, "500": 6,
               "503": 1, "close_after": 6}  # fmt: skip
    proxy.script(rng.choices(list(weights), list(weights.values()), k=PUBLISHES * 4))
    ids = _queue(ws, PUBLISHES, "random")
    worker = OutboxWorker(
        ws.db,
        publishing.target_factory(ws.db, timeout=CLIENT_TIMEOUT),
        policy=RetryPolicy(base=0.01, cap=0.05, retry_after_cap=0.05),
        rng=random.Random(7),
    )
    assert worker.run_until(
        lambda: not publishing.outbox_jobs(ws.db, include_finished=False), timeout=900
    )
    jobs = publishing.outbox_jobs(ws.db)
    assert {job.state for job in jobs} == {JobState.DONE}, [j.last_error for j in jobs][:5]
    assert len(jobs) == PUBLISHES
    for article_id in ids:
        posts = _posts_of(wordpress, article_id)
        assert len(posts) == 1, f"{article_id} is on the site {len(posts)} times"
        assert posts[0]["status"] == "publish"
    with wordpress.client() as client:  # nothing else was made twice either
        tags = client.get("/wp-json/wp/v2/tags", params={"search": "faults-random"}).json()
        assert [t["count"] for t in tags] == [PUBLISHES]
        made = client.get(
            "/wp-json/wp/v2/posts", params={"search": "Fault story random", "status": "any",
                                            "context": "edit", "per_page": 1},
        )  # fmt: skip
        assert int(made.headers["X-WP-Total"]) == PUBLISHES
    faults = [f for f in proxy.seen if f != "pass"]
    assert len(faults) > PUBLISHES // 4
    assert "timeout_after" in faults and "close_after" in faults
    live = httpx.get(_posts_of(wordpress, ids[0])[0]["link"], timeout=30)
    assert live.status_code == 200 and "Fault story random number 0" in live.text
