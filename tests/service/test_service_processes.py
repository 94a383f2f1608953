"""Several real service processes on one database: the sync cursor, scheduler, idempotency,
presence and rate limits hold across them (PostgreSQL, the newsroom set-up; SQLite too)."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from service_helpers import ServiceProcesses, content, database_url, new_article_id, start_processes

from workstation.service.auth import Role
from workstation.service.config import ServiceConfig

FEED = "/api/v1/sync/articles"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def processes(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServiceProcesses]:
    folder = tmp_path_factory.mktemp("processes")
    yield from start_processes(database_url(request.param, folder), 3, folder)


def _latest_cursor(client: httpx.Client) -> str | None:
    cursor = None
    while True:
        params = {"limit": 500, **({"updated_since": cursor} if cursor else {})}
        page = client.get(FEED, params=params).json()
        if not page["items"]:
            return cursor
        cursor = page["next_cursor"]


def _write(client: httpx.Client, ids: list[str], updates: list[int], errors: list[str]) -> None:
    """Create each article, then PUT `updates[i]` new versions of it, one after another."""
    for article_id, count in zip(ids, updates, strict=True):
        path = f"/api/v1/articles/{article_id}"
        answer = client.put(path, json=content(), headers={"If-None-Match": "*"})
        for version in range(1, count + 1):
            if answer.status_code not in (200, 201):
                errors.append(f"{answer.status_code} {answer.text}")
                return
            body = content(body=f"Version {version + 1} of the story.")
            answer = client.put(path, json=body, headers={"If-Match": f'"{version}"'})


def _read(client: httpx.Client, cursor: str | None, done: threading.Event) -> list[tuple[str, int]]:
    """Page through the feed until the writers are done and a page after that is empty."""
    seen: list[tuple[str, int]] = []
    while True:
        finished = done.is_set()
        params: dict[str, Any] = {"limit": 7, **({"updated_since": cursor} if cursor else {})}
        page = client.get(FEED, params=params).json()
        seen += [(i["article"]["id"], i["article"]["version"]) for i in page["items"]]
        cursor = page["next_cursor"]
        if finished and not page["items"]:
            return seen


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan=st.lists(st.lists(st.integers(0, 4), min_size=1, max_size=4), min_size=2, max_size=3))
def test_a_reader_paging_by_cursor_never_misses_or_repeats_a_change(
    processes: ServiceProcesses, plan: list[list[int]]
) -> None:
    """Writers on two processes (and a third, when planned) each create articles and update
    them; a reader on another process pages with small pages as they go. Every version it
    sees is new to it, and it ends with each article's last version."""
    with processes.client(0, Role.ADMIN) as reader:
        start = _latest_cursor(reader)
        ids = [[new_article_id() for _ in writes] for writes in plan]
        errors: list[str] = []
        done = threading.Event()
        clients = [processes.client(1 + n, Role.WRITER) for n in range(len(plan))]
        writers = [
            threading.Thread(target=_write, args=(client, mine, writes, errors))
            for client, mine, writes in zip(clients, ids, plan, strict=True)
        ]
        for writer in writers:
            writer.start()
        seen: list[tuple[str, int]] = []
        reading = threading.Thread(target=lambda: seen.extend(_read(reader, start, done)))
        reading.start()
        for writer in writers:
            writer.join(120)
        done.set()
        reading.join(120)
        for client in clients:
            client.close()
    assert errors == []
    assert len(seen) == len(set(seen)), "a change came twice"
    last: dict[str, int] = {}
    for article_id, version in seen:
        assert version > last.get(article_id, 0), "an older version came after a newer one"
        last[article_id] = version
    expected = {
        article_id: count + 1
        for mine, writes in zip(ids, plan, strict=True)
        for article_id, count in zip(mine, writes, strict=True)
    }
    assert {key: last.get(key) for key in expected} == expected, "a change was missed"


def _create(client: httpx.Client, headline: str) -> str:
    article_id = new_article_id()
    answer = client.put(
        f"/api/v1/articles/{article_id}",
        json=content(headline=headline),
        headers={"If-None-Match": "*"},
    )
    assert answer.status_code == 201, answer.text
    return article_id


def _poll(check: Callable[[], bool], what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)  # polling against a deadline, not a fixed wait


def test_each_scheduled_publish_happens_once_across_processes(
    processes: ServiceProcesses,
) -> None:
    """Articles scheduled round-robin through three processes for the same moment go live
    once each: their workflow history has one scheduler publish, whichever process ran it."""
    clients = [processes.client(n, Role.PUBLISHER) for n in range(3)]
    at = (datetime.now(UTC) + timedelta(seconds=2)).isoformat()
    ids = []
    for n in range(12):
        client = clients[n % 3]
        article_id = _create(client, f"Scheduled story {n}: trusts told to publish pay gaps")
        answer = client.post(
            f"/api/v1/articles/{article_id}/schedule",
            json={"publish_at": at},
            headers={"Idempotency-Key": str(uuid.uuid4())},
        )
        assert answer.status_code == 200, answer.text
        ids.append(article_id)

    def state(article_id: str) -> str:
        return str(clients[1].get(f"/api/v1/articles/{article_id}").json()["publication"]["state"])

    _poll(lambda: all(state(i) == "published" for i in ids), "the scheduled articles went live")
    for article_id in ids:
        events = clients[2].get(f"/api/v1/articles/{article_id}/workflow").json()["items"]
        by_scheduler = [e for e in events if e["user"] == "scheduler"]
        assert [e["verb"] for e in by_scheduler] == ["publish"], events
    for client in clients:
        client.close()


def test_an_idempotency_key_holds_across_processes(processes: ServiceProcesses) -> None:
    clients = [processes.client(n, Role.PUBLISHER) for n in range(3)]
    article_id = _create(clients[0], "Idempotent publish across processes")
    key = {"Idempotency-Key": str(uuid.uuid4())}
    path = f"/api/v1/articles/{article_id}/publish"
    first = clients[0].post(path, json={}, headers=key)
    replay = clients[1].post(path, json={}, headers=key)
    other_body = clients[2].post(path, json={"version": 1}, headers=key)
    assert first.status_code == 200, first.text
    assert (replay.status_code, replay.json()) == (200, first.json())
    assert other_body.status_code == 422, other_body.text
    for client in clients:
        client.close()


def test_presence_marked_on_one_process_shows_on_the_others(
    processes: ServiceProcesses,
) -> None:
    with processes.client(0, Role.WRITER) as first, processes.client(2, Role.ADMIN) as third:
        article_id = _create(first, "Presence across processes")
        mark = first.put(f"/api/v1/articles/{article_id}/presence", json={"ttl_seconds": 60})
        assert mark.status_code == 200, mark.text
        shown = third.get(f"/api/v1/articles/{article_id}/presence").json()["items"]
        assert [p["user"] for p in shown] == ["writer-user"]
        assert first.delete(f"/api/v1/articles/{article_id}/presence").status_code == 204
        assert third.get(f"/api/v1/articles/{article_id}/presence").json()["items"] == []


def test_the_signup_limit_counts_across_processes(processes: ServiceProcesses) -> None:
    """The form signed by one process is good on another, and the per-client limit is one
    count over all of them: round-robin posts stop at the limit, not at three times it."""
    with processes.client(0, Role.PUBLISHER) as client:
        article_id = _create(client, "Signup limit across processes")
        published = client.post(
            f"/api/v1/articles/{article_id}/publish",
            json={},
            headers={"Idempotency-Key": str(uuid.uuid4())},
        )
        page_url = published.json()["publication"]["url"]
    soup = BeautifulSoup(httpx.get(page_url).text, "html.parser")
    form = soup.select_one("form.newsletter-form")
    assert form is not None
    fields = {str(i["name"]): str(i.get("value", "")) for i in form.select("input[type=hidden]")}
    limit = ServiceConfig(database_url="").signup_limit
    answers = []
    for n in range(limit + 3):
        url = processes.urls[n % 3]
        data = {**fields, "email": f"limit{n}.{uuid.uuid4().hex[:6]}@example.org", "consent": "yes"}
        posted = httpx.post(f"{url}/newsletter/subscribe", data=data, headers={"Origin": url})
        answers.append(posted.status_code)
    assert answers == [200] * limit + [429] * 3
