"""Publishing through a faulty network: every article live exactly once, none lost."""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from fault_proxy import FAULTS, FaultProxy
from sqlalchemy import func, select

from workstation.domain.article import Article, new_id, now_utc
from workstation.domain.publication import JobState
from workstation.paths import DataDir
from workstation.publish.worker import OutboxWorker, RetryPolicy
from workstation.service.auth import Role, create_token
from workstation.service.config import ServiceConfig
from workstation.service.db import ServiceDatabase, open_service_database, sqlite_url_for
from workstation.service.models import ArticleRecord, IdempotencyRecord, LiveRecord, RevisionRecord
from workstation.service.server import BackgroundServer
from workstation.store.outbox import OutboxRepository
from workstation.store.repository import ArticleRepository
from workstation.usecases import publishing
from workstation.usecases.workspace import Workspace, open_workspace

PUBLISHES = int(os.environ.get("WORKSTATION_FAULT_PUBLISHES", "200"))
CLIENT_TIMEOUT = 0.3


@dataclass
class Rig:
    ws: Workspace
    service_db: ServiceDatabase
    proxy: FaultProxy
    server: BackgroundServer
    config: ServiceConfig

    def worker(self, **options: object) -> OutboxWorker:
        return OutboxWorker(
            self.ws.db,
            publishing.target_factory(self.ws.db, timeout=CLIENT_TIMEOUT),
            policy=RetryPolicy(base=0.01, cap=0.05),
            rng=random.Random(7),
            **options,  # type: ignore[arg-type]
        )

    def restart_service(self) -> None:
        port = self.server.port
        self.server.stop()
        self.server = BackgroundServer(self.config, port=port).start()


@pytest.fixture
def rig(tmp_path: Path, data_home: Path) -> Iterator[Rig]:
    config = ServiceConfig(database_url=sqlite_url_for(tmp_path / "service"))
    server = BackgroundServer(config).start()
    proxy = FaultProxy(server.port, hold=CLIENT_TIMEOUT * 3).start()
    service_db = open_service_database(config.database_url)
    ws = open_workspace(DataDir(data_home))
    rig = Rig(ws, service_db, proxy, server, config)
    try:
        with service_db.session() as session:
            token = create_token(session, "desk", Role.PUBLISHER)
        publishing.add_account(ws.db, "newsroom", proxy.url, token, check=False)
        yield rig
    finally:
        ws.close()
        service_db.close()
        proxy.stop()
        rig.server.stop()


def queue_articles(ws: Workspace, count: int) -> list[str]:
    ids = []
    for n in range(count):
        article = Article(
            id=new_id(),
            headline=f"Fault test story number {n}",
            standfirst="A standfirst.",
            byline=("Staff reporter",),
            section="Policy",
            body="One paragraph.",
        )
        with ws.db.session() as session:
            ArticleRepository(session).write_row(article)
        publishing.publish(ws.db, article.id)
        ids.append(article.id)
    return ids


def all_done(ws: Workspace) -> Callable[[], bool]:
    return lambda: not publishing.outbox_jobs(ws.db, include_finished=False)


def assert_live_exactly_once(rig: Rig, ids: list[str]) -> None:
    jobs = publishing.outbox_jobs(rig.ws.db)
    assert {job.state for job in jobs} == {JobState.DONE}, [j.last_error for j in jobs][:5]
    with rig.service_db.session() as session:
        for article_id in ids:
            record = session.get(ArticleRecord, article_id)
            assert record is not None and record.state == "published", article_id
            versions = session.scalar(
                select(func.count())
                .select_from(RevisionRecord)
                .where(RevisionRecord.article_id == article_id)
            )
            assert versions == 1, f"{article_id} was written {versions} times"
        assert session.scalar(select(func.count()).select_from(LiveRecord)) == len(ids)
        keys = session.scalar(select(func.count()).select_from(IdempotencyRecord))
        assert keys == len(jobs)  # one key per job however many attempts it took


@pytest.mark.parametrize("fault", [f for f in FAULTS if f != "pass"])
def test_each_fault_is_survived(rig: Rig, fault: str) -> None:
    ids = queue_articles(rig.ws, 1)
    rig.proxy.script([fault, fault])  # the PUT and then one more request each hit it
    assert rig.worker().run_until(all_done(rig.ws), timeout=30)
    assert_live_exactly_once(rig, ids)
    assert rig.proxy.seen[:2] == [fault, fault]


def test_retry_after_is_honoured(rig: Rig) -> None:
    queue_articles(rig.ws, 1)
    rig.proxy.script(["503"])
    job = rig.worker().send_one()
    assert job is not None and job.state is JobState.PENDING
    assert (job.next_attempt_at - now_utc()).total_seconds() > 0.8  # Retry-After: 1


def test_many_publishes_through_random_faults(rig: Rig) -> None:
    rng = random.Random(2026)
    weights = {
        "pass": 70,
        "reset": 6,
        "timeout_before": 5,
        "timeout_after": 6,
        "500": 6,
        "503": 1,
        "close_after": 6,
    }
    rig.proxy.script(rng.choices(list(weights), list(weights.values()), k=PUBLISHES * 3))
    ids = queue_articles(rig.ws, PUBLISHES)
    assert rig.worker().run_until(all_done(rig.ws), timeout=240)
    assert_live_exactly_once(rig, ids)
    assert len([f for f in rig.proxy.seen if f != "pass"]) > PUBLISHES // 5


def test_service_restarted_mid_publish(rig: Rig) -> None:
    ids = queue_articles(rig.ws, 30)
    worker = rig.worker()
    worker.start()
    try:
        done = lambda: sum(j.state is JobState.DONE for j in publishing.outbox_jobs(rig.ws.db))  # noqa: E731
        deadline = time.monotonic() + 60
        while done() < 5 and time.monotonic() < deadline:
            threading.Event().wait(0.02)
        rig.restart_service()
        worker.wake()
        deadline = time.monotonic() + 60
        while not all_done(rig.ws)() and time.monotonic() < deadline:
            threading.Event().wait(0.05)
    finally:
        worker.stop()
    assert_live_exactly_once(rig, ids)


def test_app_killed_after_the_service_committed(rig: Rig) -> None:
    ids = queue_articles(rig.ws, 1)
    # The "killed" app: it claimed the job and the service published, but nothing was recorded.
    with rig.ws.db.session() as session:
        job = OutboxRepository(session).claim_due(now_utc(), timedelta(seconds=0.2))
    assert job is not None and job.revision_id is not None
    target = publishing.target_factory(rig.ws.db)("newsroom")
    with rig.ws.db.session() as session:
        article = ArticleRepository(session).revision(job.revision_id).article
    pushed = target.push(article, None)
    target.publish(article.id, pushed.version, job.idempotency_key)
    target.close()
    # The restarted app's worker takes the job over once the dead claim's lease runs out.
    assert rig.worker().run_until(all_done(rig.ws), timeout=30)
    assert_live_exactly_once(rig, ids)


def test_the_app_killed_mid_publish_for_real(
    rig: Rig, data_home: Path, workstation_exe: list[str]
) -> None:
    """`workstation publish --wait` is killed (SIGKILL) after the service committed the publish
    but before the answer arrived; the next run finishes the job without publishing twice."""
    import signal
    import subprocess

    ids = [ready_id(rig.ws)]
    rig.proxy.hold = 60  # the publish answer is held back far longer than the test waits
    rig.proxy.script(["pass", "timeout_after"])  # PUT goes through; publish commits, no answer
    cli = [*workstation_exe, "--data-dir", str(data_home)]
    process = subprocess.Popen(
        [*cli, "publish", ids[0], "--wait"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not live_on_service(rig, ids[0]):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the service never committed the publish"
            threading.Event().wait(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait(20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(20)
    assert [j.state for j in publishing.outbox_jobs(rig.ws.db)] == [JobState.SENDING]
    rig.proxy.hold = CLIENT_TIMEOUT * 3
    again = subprocess.run(
        [*cli, "outbox", "--send", "--timeout", "60", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
    assert_live_exactly_once(rig, ids)


def ready_id(ws: Workspace) -> str:
    article = Article(
        id=new_id(),
        headline="Killed mid-publish story",
        standfirst="A standfirst.",
        byline=("Staff reporter",),
        section="Policy",
        body="One paragraph.",
    )
    with ws.db.session() as session:
        ArticleRepository(session).write_row(article)
    return article.id


def live_on_service(rig: Rig, article_id: str) -> bool:
    with rig.service_db.session() as session:
        return session.get(LiveRecord, article_id) is not None
