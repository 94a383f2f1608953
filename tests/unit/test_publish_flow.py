"""One-click publishing end to end: outbox, worker, real service, real keyring backend."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from publish_support import make_token, ready_article, running_service, workspace

from workstation.domain.article import Status
from workstation.domain.publication import JobState
from workstation.publish.worker import RetryPolicy
from workstation.service.auth import Role
from workstation.service.server import BackgroundServer
from workstation.usecases import publishing
from workstation.usecases.articles import get_article, save_revision
from workstation.usecases.workspace import Workspace


@dataclass
class Desk:
    ws: Workspace
    server: BackgroundServer
    service_dir: Path
    token: str


@pytest.fixture
def desk(tmp_path: Path, data_home: Path) -> Iterator[Desk]:
    service_dir = tmp_path / "service"
    with running_service(service_dir) as server, workspace(data_home) as ws:
        token = make_token(service_dir)
        publishing.add_account(ws.db, "newsroom", server.url, token)
        yield Desk(ws, server, service_dir, token)


def test_publish_goes_live_and_marks_the_article(desk: Desk) -> None:
    article = ready_article(desk.ws)
    job = publishing.publish(desk.ws.db, article.id)
    result = publishing.send_and_wait(desk.ws.db, job.id, timeout=30)
    assert result.finished and result.job.state is JobState.DONE, result.job.last_error
    page = httpx.get(result.job.live_url)
    assert page.status_code == 200
    assert "Trusts must publish equality data" in page.text
    stored = get_article(desk.ws.db, article.id)
    assert stored.status is Status.PUBLISHED and stored.published_at is not None
    assert publishing.outbox_jobs(desk.ws.db, include_finished=False) == []


def test_an_update_keeps_the_url_and_unpublish_takes_it_down(desk: Desk) -> None:
    article = ready_article(desk.ws)
    first = publishing.publish(desk.ws.db, article.id)
    url = publishing.send_and_wait(desk.ws.db, first.id, 30).job.live_url
    changed = get_article(desk.ws.db, article.id).with_changes(headline="A sharper headline")
    save_revision(desk.ws.db, changed, "save")
    second = publishing.publish(desk.ws.db, article.id)
    done = publishing.send_and_wait(desk.ws.db, second.id, 30).job
    assert done.state is JobState.DONE and done.live_url == url
    assert "A sharper headline" in httpx.get(url).text
    down = publishing.unpublish(desk.ws.db, article.id)
    assert publishing.send_and_wait(desk.ws.db, down.id, 30).job.state is JobState.DONE
    assert httpx.get(url).status_code == 410
    assert get_article(desk.ws.db, article.id).status is Status.WITHDRAWN


def test_not_ready_queues_nothing(desk: Desk) -> None:
    from workstation.usecases.articles import create_article

    draft = create_article(desk.ws.db, "A headline only")
    with pytest.raises(publishing.NotReady) as caught:
        publishing.publish(desk.ws.db, draft.id)
    assert {p.field for p in caught.value.problems} >= {"byline", "standfirst", "body"}
    assert publishing.outbox_jobs(desk.ws.db) == []


def test_a_remote_edit_is_a_conflict_not_an_overwrite(desk: Desk) -> None:
    article = ready_article(desk.ws)
    first = publishing.publish(desk.ws.db, article.id)
    publishing.send_and_wait(desk.ws.db, first.id, 30)
    other = make_token(desk.service_dir, Role.SUBEDITOR, "sub")
    remote = httpx.get(
        f"{desk.server.url}/api/v1/articles/{article.id}",
        headers={"Authorization": f"Bearer {other}"},
    ).json()
    remote["content"]["headline"] = "Subbed on the service"
    httpx.put(
        f"{desk.server.url}/api/v1/articles/{article.id}",
        json=remote["content"],
        headers={"Authorization": f"Bearer {other}", "If-Match": remote["etag"]},
    )
    save_revision(
        desk.ws.db,
        get_article(desk.ws.db, article.id).with_changes(headline="Edited locally meanwhile"),
        "save",
    )
    job = publishing.publish(desk.ws.db, article.id)
    assert publishing.send_and_wait(desk.ws.db, job.id, 30).job.state is JobState.CONFLICT
    live = httpx.get(
        f"{desk.server.url}/api/v1/articles/{article.id}",
        headers={"Authorization": f"Bearer {other}"},
    ).json()
    assert live["content"]["headline"] == "Subbed on the service"
    # Only when the user says so: their version replaces the service's.
    publishing.overwrite_after_conflict(desk.ws.db, job.id)
    assert publishing.send_and_wait(desk.ws.db, job.id, 30).job.state is JobState.DONE
    live = httpx.get(
        f"{desk.server.url}/api/v1/articles/{article.id}",
        headers={"Authorization": f"Bearer {other}"},
    ).json()
    assert live["content"]["headline"] == "Edited locally meanwhile"
    with pytest.raises(publishing.PublishingError):
        publishing.overwrite_after_conflict(desk.ws.db, job.id)


def test_a_revoked_token_asks_to_sign_in_again(desk: Desk) -> None:
    from workstation.service.auth import revoke_tokens
    from workstation.service.db import open_service_database, sqlite_url_for

    db = open_service_database(sqlite_url_for(desk.service_dir))
    with db.session() as session:
        revoke_tokens(session, token=desk.token)
    db.close()
    job = publishing.publish(desk.ws.db, ready_article(desk.ws).id)
    done = publishing.send_and_wait(desk.ws.db, job.id, 30).job
    assert done.state is JobState.SIGN_IN
    assert desk.token not in done.last_error


def test_a_writer_token_cannot_publish(desk: Desk) -> None:
    writer = make_token(desk.service_dir, Role.WRITER, "writer")
    publishing.add_account(desk.ws.db, "mine", desk.server.url, writer)
    job = publishing.publish(desk.ws.db, ready_article(desk.ws).id, target="mine")
    done = publishing.send_and_wait(desk.ws.db, job.id, 30).job
    assert done.state is JobState.FAILED
    assert "403" in done.last_error


def test_tokens_never_reach_the_database_settings_or_logs(
    desk: Desk, data_home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    article = ready_article(desk.ws)
    job = publishing.publish(desk.ws.db, article.id)
    publishing.send_and_wait(desk.ws.db, job.id, 30)
    bad = publishing.publish(desk.ws.db, article.id, target="newsroom")
    publishing.send_and_wait(desk.ws.db, bad.id, 30)
    with pytest.raises(publishing.PublishingError) as refused:
        publishing.add_account(desk.ws.db, "wrong", desk.server.url, "wst_" + "x" * 43)
    desk.ws.close()
    secret = desk.token.encode()
    for path in data_home.rglob("*"):
        if path.is_file():
            assert secret not in path.read_bytes(), path
    assert desk.token not in caplog.text
    assert "wst_" + "x" * 43 not in str(refused.value)
    assert any("outbox job" in r.getMessage() for r in caplog.records)  # logs were written


def test_schedule_goes_live_later_by_itself(desk: Desk) -> None:
    from datetime import timedelta

    from workstation.domain.article import now_utc

    article = ready_article(desk.ws)
    job = publishing.publish(desk.ws.db, article.id, at=now_utc() + timedelta(seconds=1))
    done = publishing.send_and_wait(desk.ws.db, job.id, 30).job
    assert done.state is JobState.DONE
    assert get_article(desk.ws.db, article.id).status is Status.SCHEDULED
    headers = {"Authorization": f"Bearer {desk.token}"}
    deadline = time.monotonic() + 15
    state = ""
    while state != "published" and time.monotonic() < deadline:
        remote = httpx.get(f"{desk.server.url}/api/v1/articles/{article.id}", headers=headers)
        state = remote.json()["publication"]["state"]
        time.sleep(0.05)  # polling against a deadline
    assert state == "published"
    assert httpx.get(remote.json()["publication"]["url"]).status_code == 200


def test_an_offline_spell_is_waited_out(tmp_path: Path, data_home: Path) -> None:
    """The service is down when Publish is clicked; the job waits and goes when it is back."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    service_dir = tmp_path / "service"
    token = make_token(service_dir)
    with workspace(data_home) as ws:
        publishing.add_account(ws.db, "newsroom", f"http://127.0.0.1:{port}", token, check=False)
        job = publishing.publish(ws.db, ready_article(ws).id)
        worker = publishing.new_worker(ws.db, policy=RetryPolicy(base=0.05, cap=0.2))
        first = worker.send_one()
        assert first is not None and first.state is JobState.PENDING
        assert "network" in first.last_error
        with running_service(service_dir, port=port):
            result = publishing.send_and_wait(ws.db, job.id, 30, worker)
        assert result.job.state is JobState.DONE and result.job.attempts >= 2
