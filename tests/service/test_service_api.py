"""The article API against a real service: preconditions, ETags, changes, revisions, actions."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from service_helpers import RunningService, content, new_article_id

from workstation.service.auth import Role

PROBLEM = "application/problem+json"


def create(
    service: RunningService, article_id: str, role: Role = Role.WRITER, **fields: Any
) -> httpx.Response:
    with service.client(role) as client:
        return client.put(
            f"/api/v1/articles/{article_id}", json=content(**fields), headers={"If-None-Match": "*"}
        )


def test_create_then_read_with_etag(service: RunningService) -> None:
    article_id = new_article_id()
    created = create(service, article_id)
    assert created.status_code == 201, created.text
    assert created.headers["ETag"] == '"1"'
    assert created.headers["Location"] == f"/api/v1/articles/{article_id}"
    with service.client(Role.WRITER) as client:
        read = client.get(f"/api/v1/articles/{article_id}")
        assert read.status_code == 200
        assert read.headers["ETag"] == '"1"'
        assert read.json()["content"]["headline"].startswith("Every trust board")
        assert read.json()["publication"]["state"] == "draft"
        again = client.get(f"/api/v1/articles/{article_id}", headers={"If-None-Match": '"1"'})
        assert again.status_code == 304


def test_create_twice_is_412_with_the_current_version(service: RunningService) -> None:
    article_id = new_article_id()
    assert create(service, article_id).status_code == 201
    second = create(service, article_id)
    assert second.status_code == 412
    assert second.headers["content-type"].startswith(PROBLEM)
    assert second.json()["current_version"] == 1
    assert second.json()["status"] == 412


def test_update_needs_if_match_and_the_current_version(service: RunningService) -> None:
    article_id = new_article_id()
    create(service, article_id)
    url = f"/api/v1/articles/{article_id}"
    with service.client(Role.WRITER) as client:
        missing = client.put(url, json=content("New headline"))
        assert missing.status_code == 428
        assert missing.headers["content-type"].startswith(PROBLEM)
        updated = client.put(url, json=content("New headline"), headers={"If-Match": '"1"'})
        assert updated.status_code == 200, updated.text
        assert updated.headers["ETag"] == '"2"'
        stale = client.put(url, json=content("Lost update"), headers={"If-Match": '"1"'})
        assert stale.status_code == 412
        assert stale.json()["current_version"] == 2
        assert client.get(url).json()["content"]["headline"] == "New headline"
        no_such = client.put(
            f"/api/v1/articles/{new_article_id()}", json=content(), headers={"If-Match": '"1"'}
        )
        assert no_such.status_code == 412


def test_validation_errors_are_problems(service: RunningService) -> None:
    with service.client(Role.WRITER) as client:
        bad = client.put(
            f"/api/v1/articles/{new_article_id()}",
            json={"headline": ""},
            headers={"If-None-Match": "*"},
        )
        assert bad.status_code == 422
        assert bad.headers["content-type"].startswith(PROBLEM)
        assert bad.json()["errors"]
        not_uuid = client.get("/api/v1/articles/not-a-uuid")
        assert not_uuid.status_code == 422
        missing = client.get(f"/api/v1/articles/{new_article_id()}")
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("no-such-article")


def test_revisions_list_every_version(service: RunningService) -> None:
    article_id = new_article_id()
    create(service, article_id)
    url = f"/api/v1/articles/{article_id}"
    with service.client(Role.SUBEDITOR) as client:
        client.put(url, json=content("Second"), headers={"If-Match": '"1"'})
        client.put(url, json=content("Third"), headers={"If-Match": '"2"'})
        revisions = client.get(f"{url}/revisions").json()["items"]
        assert [r["version"] for r in revisions] == [3, 2, 1]
        assert revisions[2]["author"] == "writer-user"
        assert revisions[0]["author"] == "subeditor-user"
        assert client.get(f"{url}/revisions/2").json()["content"]["headline"] == "Second"
        assert client.get(f"{url}/revisions/9").status_code == 404


def test_changes_are_listed_with_a_cursor(service: RunningService) -> None:
    with service.client(Role.WRITER) as client:
        start = client.get("/api/v1/articles", params={"limit": 500}).json()["next_cursor"]
        ids = [new_article_id() for _ in range(5)]
        for article_id in ids:
            create(service, article_id)
        seen: list[str] = []
        cursor = start
        for _ in range(10):
            params: dict[str, Any] = {"limit": 2}
            if cursor:
                params["updated_since"] = cursor
            page = client.get("/api/v1/articles", params=params).json()
            if not page["items"]:
                break
            seen += [item["id"] for item in page["items"]]
            cursor = page["next_cursor"]
        assert [i for i in seen if i in ids] == ids
        since_iso = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
        later = client.get("/api/v1/articles", params={"updated_since": since_iso})
        assert later.json()["items"] == []


def test_an_old_clients_time_cursor_still_works_and_hands_back_a_sequence_cursor(
    service: RunningService,
) -> None:
    """Workstations from before the change sequence sent a time; they get every change since
    then, and a cursor that continues in sequence (no change twice, none skipped)."""
    with service.client(Role.WRITER) as client:
        before = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
        ids = [new_article_id() for _ in range(3)]
        for article_id in ids:
            create(service, article_id)
        first = client.get("/api/v1/articles", params={"updated_since": before, "limit": 2})
        page = first.json()
        rest = client.get(
            "/api/v1/articles", params={"updated_since": page["next_cursor"], "limit": 500}
        ).json()
        seen = [item["id"] for item in page["items"] + rest["items"]]
        assert [i for i in seen if i in ids] == ids
        assert len(seen) == len(set(seen))
        for bad in ("c12", "yesterday", "2026-01-01T00:00:00"):
            answer = client.get("/api/v1/articles", params={"updated_since": bad})
            assert answer.status_code == 400
            assert answer.headers["content-type"] == "application/problem+json"


def _publish(client, article_id: str, key: str, body: dict[str, object] | None = None):
    return client.post(
        f"/api/v1/articles/{article_id}/publish", json=body or {}, headers={"Idempotency-Key": key}
    )


def test_publish_is_idempotent_and_the_url_is_stable(service: RunningService) -> None:
    article_id = new_article_id()
    create(service, article_id, headline="Trusts told to publish equality data")
    key = str(uuid.uuid4())
    with service.client(Role.PUBLISHER) as client:
        first = _publish(client, article_id, key)
        assert first.status_code == 200, first.text
        url = first.json()["publication"]["url"]
        assert url.endswith("/trusts-told-to-publish-equality-data")
        replay = _publish(client, article_id, key)
        assert replay.status_code == 200
        assert replay.headers["Idempotent-Replayed"] == "true"
        assert replay.json() == first.json()
        reused = _publish(client, article_id, key, {"version": 1})
        assert reused.status_code == 422
        assert reused.json()["type"].endswith("idempotency-key-reused")
        no_key = client.post(f"/api/v1/articles/{article_id}/publish", json={})
        assert no_key.status_code == 428
        # An update keeps the URL: the page is reached at the same address afterwards.
        path = f"/api/v1/articles/{article_id}"
        client.put(path, json=content("A changed headline"), headers={"If-Match": '"1"'})
        again = _publish(client, article_id, str(uuid.uuid4()))
        assert again.json()["publication"]["url"] == url
        assert again.json()["publication"]["live_version"] == 2


def test_unpublish_and_republish(service: RunningService) -> None:
    article_id = new_article_id()
    create(service, article_id)
    with service.client(Role.PUBLISHER) as client:
        url = _publish(client, article_id, str(uuid.uuid4())).json()["publication"]["url"]
        gone = client.post(
            f"/api/v1/articles/{article_id}/unpublish",
            json={},
            headers={"Idempotency-Key": str(uuid.uuid4())},
        )
        assert gone.status_code == 200
        assert gone.json()["publication"]["state"] == "unpublished"
        back = _publish(client, article_id, str(uuid.uuid4()))
        assert back.json()["publication"]["url"] == url


def test_scheduled_articles_go_live_by_themselves(service: RunningService) -> None:
    article_id = new_article_id()
    create(service, article_id)
    at = datetime.now(UTC) + timedelta(seconds=1)
    with service.client(Role.PUBLISHER) as client:
        scheduled = client.post(
            f"/api/v1/articles/{article_id}/schedule",
            json={"publish_at": at.isoformat()},
            headers={"Idempotency-Key": str(uuid.uuid4())},
        )
        assert scheduled.status_code == 200, scheduled.text
        assert scheduled.json()["publication"]["state"] == "scheduled"
        deadline = time.monotonic() + 15
        state = "scheduled"
        while state != "published" and time.monotonic() < deadline:
            state = client.get(f"/api/v1/articles/{article_id}").json()["publication"]["state"]
            time.sleep(0.05)  # polling with a deadline, not a fixed wait
        assert state == "published"
        naive = client.post(
            f"/api/v1/articles/{article_id}/schedule",
            json={"publish_at": "2030-01-01T09:00:00"},
            headers={"Idempotency-Key": str(uuid.uuid4())},
        )
        assert naive.status_code == 422


def test_openapi_document_is_served(service: RunningService) -> None:
    with httpx.Client(base_url=service.url) as client:
        doc = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/articles/{article_id}" in doc["paths"]
    assert "/api/v1/articles/{article_id}/publish" in doc["paths"]
    assert "HTTPBearer" in doc["components"]["securitySchemes"]


def test_putting_the_same_content_again_is_not_a_new_version(service: RunningService) -> None:
    article_id = new_article_id()
    create(service, article_id)
    with service.client(Role.WRITER) as client:
        url = f"/api/v1/articles/{article_id}"
        same = client.put(url, json=content(), headers={"If-Match": '"1"'})
        assert same.status_code == 200 and same.headers["ETag"] == '"1"'
        assert len(client.get(f"{url}/revisions").json()["items"]) == 1


def test_racing_first_publishes_of_one_headline_get_distinct_urls(service: RunningService) -> None:
    ids = [new_article_id() for _ in range(12)]
    for article_id in ids:
        create(service, article_id, headline="Same headline for a race")
    results: list[httpx.Response] = []

    def go(article_id: str) -> None:
        with service.client(Role.PUBLISHER) as client:
            results.append(_publish(client, article_id, str(uuid.uuid4())))

    threads = [threading.Thread(target=go, args=(article_id,)) for article_id in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r.status_code for r in results] == [200] * len(ids), [r.text for r in results][:2]
    urls = {r.json()["publication"]["url"] for r in results}
    assert len(urls) == len(ids)


def test_every_read_has_an_etag(service: RunningService) -> None:
    article_id = new_article_id()
    create(service, article_id)
    with service.client(Role.WRITER) as client:
        for path in (
            "/api/v1/articles",
            f"/api/v1/articles/{article_id}",
            f"/api/v1/articles/{article_id}/revisions",
            f"/api/v1/articles/{article_id}/revisions/1",
        ):
            first = client.get(path)
            assert first.status_code == 200 and first.headers["ETag"], path
            again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
            assert again.status_code == 304, path


def test_a_key_still_in_flight_is_409_until_its_lease_runs_out(service: RunningService) -> None:
    from workstation.domain.article import now_utc
    from workstation.service.idempotency import LEASE, request_fingerprint
    from workstation.service.models import IdempotencyRecord

    article_id = new_article_id()
    create(service, article_id)
    key = str(uuid.uuid4())
    path = f"/api/v1/articles/{article_id}/publish"
    body = {"version": None, "publish_at": None}
    with service.db.session() as session:  # as if another request were working on it now
        session.add(
            IdempotencyRecord(
                user="publisher-user",
                key=key,
                request_hash=request_fingerprint("POST", path, body),
                state="in_flight",
                created_at=now_utc(),
                lease_until=now_utc() + LEASE,
            )
        )
    with service.client(Role.PUBLISHER) as client:
        busy = _publish(client, article_id, key)
        assert busy.status_code == 409
        assert busy.headers["Retry-After"] == "1"
        with service.db.session() as session:  # that request died: its lease runs out
            row = session.get(IdempotencyRecord, ("publisher-user", key))
            assert row is not None
            row.lease_until = now_utc()
        assert _publish(client, article_id, key).status_code == 200
