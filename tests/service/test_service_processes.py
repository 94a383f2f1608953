"""Several real service processes on one database: the sync cursor, scheduler, idempotency,
presence and rate limits hold across them (PostgreSQL, the newsroom set-up; SQLite too)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from service_helpers import ServiceProcesses, content, database_url, new_article_id, start_processes

from workstation.service.auth import Role

FEED = "/api/v1/sync/articles"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def processes(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServiceProcesses]:
    url = database_url(request.param, tmp_path_factory.mktemp("processes"))
    yield from start_processes(url, 3)


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
