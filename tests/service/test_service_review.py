"""The review API: the role matrix of workflow moves, PUT cannot skip it, comments, presence."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from service_helpers import RunningService, content, new_article_id

from workstation.domain.article import Status
from workstation.domain.workflow import MOVES, Move, may
from workstation.domain.workflow import Role as DomainRole
from workstation.service.auth import Role


def _create(service: RunningService, status: Status, author: Role = Role.ADMIN) -> str:
    """An article by `author`, put in `status` by an admin."""
    article_id = new_article_id()
    path = f"/api/v1/articles/{article_id}"
    with service.client(author) as writer:
        created = writer.put(path, json=content(), headers={"If-None-Match": "*"})
        assert created.status_code == 201, created.text
    if status is not Status.DRAFT:
        with service.client(Role.ADMIN) as admin:
            moved = admin.put(path, json=content(status=status.value), headers={"If-Match": '"1"'})
            assert moved.status_code == 200, moved.text
    return article_id


def _move(client: httpx.Client, article_id: str, move: Move) -> httpx.Response:
    body: dict[str, object] = {"to": move.target.value, "note": "see para 2"}
    if move.target is Status.SCHEDULED:
        body["publish_at"] = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    return client.post(f"/api/v1/articles/{article_id}/transition", json=body)


@pytest.mark.parametrize("move", MOVES, ids=lambda m: f"{m.source.value}-{m.target.value}")
def test_role_matrix_each_role_each_move(service: RunningService, move: Move) -> None:
    for role in Role:
        article_id = _create(service, move.source, author=role)
        with service.client(role) as client:
            answer = _move(client, article_id, move)
            if may(DomainRole(role.value), move):
                assert answer.status_code == 200, (role, answer.text)
                data = answer.json()
                assert data["article"]["content"]["status"] == move.target.value
                assert data["event"]["user"] == f"{role.value}-user"
                assert data["event"]["verb"] == move.verb
            else:
                assert answer.status_code == 403, (role, answer.text)
                current = client.get(f"/api/v1/articles/{article_id}").json()
                assert current["content"]["status"] == move.source.value


def test_a_move_not_in_the_table_is_409_and_a_retry_is_harmless(service: RunningService) -> None:
    article_id = _create(service, Status.DRAFT, author=Role.WRITER)
    with service.client(Role.ADMIN) as admin:
        skip = admin.post(f"/api/v1/articles/{article_id}/transition", json={"to": "published"})
        assert skip.status_code == 409
        assert skip.json()["current_state"] == "draft"
    with service.client(Role.WRITER) as writer:
        path = f"/api/v1/articles/{article_id}/transition"
        first = writer.post(path, json={"to": "submitted"})
        again = writer.post(path, json={"to": "submitted"})
    assert first.status_code == again.status_code == 200
    assert again.json()["event"] is None
    assert again.json()["article"]["version"] == first.json()["article"]["version"]


def test_put_cannot_skip_the_workflow(service: RunningService) -> None:
    article_id = new_article_id()
    path = f"/api/v1/articles/{article_id}"
    with service.client(Role.WRITER) as writer:
        refused = writer.put(path, json=content(status="approved"), headers={"If-None-Match": "*"})
        assert refused.status_code == 403
        assert writer.put(path, json=content(), headers={"If-None-Match": "*"}).status_code == 201
        sneaky = writer.put(path, json=content(status="approved"), headers={"If-Match": '"1"'})
        assert sneaky.status_code == 403
        fine = writer.put(path, json=content(status="submitted"), headers={"If-Match": '"1"'})
        assert fine.status_code == 200


def test_publish_on_approval_is_a_site_option(service: RunningService) -> None:
    with service.client(Role.SUBEDITOR) as sub:
        assert (
            sub.put("/api/v1/site/workflow", json={"publish_on_approval": True}).status_code == 403
        )
    with service.client(Role.ADMIN) as admin:
        turned_on = admin.put("/api/v1/site/workflow", json={"publish_on_approval": True})
        assert turned_on.json()["publish_on_approval"] is True
    try:
        article_id = _create(service, Status.IN_SUBBING)
        with service.client(Role.SUBEDITOR) as sub:
            done = sub.post(f"/api/v1/articles/{article_id}/transition", json={"to": "approved"})
            assert done.status_code == 200
            article = done.json()["article"]
            assert article["publication"]["state"] == "published"
            assert article["content"]["status"] == "published"
            events = sub.get(f"/api/v1/articles/{article_id}/workflow").json()["items"]
            assert [e["verb"] for e in events] == ["approve", "publish"]
    finally:
        with service.client(Role.ADMIN) as admin:
            admin.put("/api/v1/site/workflow", json={"publish_on_approval": False})


def test_comments_anchor_reply_resolve_and_follow_edits(service: RunningService) -> None:
    article_id = _create(service, Status.SUBMITTED)
    path = f"/api/v1/articles/{article_id}"
    with service.client(Role.ADMIN) as admin:
        body = admin.get(path).json()["content"]["body"]
    start = body.index("data would")
    comment_id, reply_id = str(uuid.uuid4()), str(uuid.uuid4())
    anchor = {"quote": "data would", "start": start, "end": start + 10, "paragraph": 1}
    with service.client(Role.SUBEDITOR) as sub:
        made = sub.put(
            f"{path}/comments/{comment_id}", json={"body": "Which data?", "anchor": anchor}
        )
        assert made.status_code == 201
        retried = sub.put(
            f"{path}/comments/{comment_id}", json={"body": "Which data?", "anchor": anchor}
        )
        assert retried.status_code == 200
        edited = "A new lead paragraph.\n\n" + body
        assert sub.put(path, json=content(body=edited, status="submitted"),
                       headers={"If-Match": '"2"'}).status_code == 200  # fmt: skip
    with service.client(Role.WRITER) as writer:
        reply = writer.put(f"{path}/comments/{reply_id}",
                           json={"body": "Board papers.", "parent_id": comment_id})  # fmt: skip
        assert reply.status_code == 201
        listed = writer.get(f"{path}/comments").json()["items"]
        assert [c["id"] for c in listed] == [comment_id, reply_id]
        top = listed[0]
        assert edited[top["start"] : top["end"]] == "data would" and top["paragraph"] == 2
        assert writer.post(f"{path}/comments/{comment_id}/resolve", json={}).status_code == 403
    with service.client(Role.SUBEDITOR) as sub:
        resolved = sub.post(f"{path}/comments/{comment_id}/resolve", json={"resolved": True})
        assert resolved.json()["resolved"] is True and resolved.json()["resolved_by"]
        feed = sub.get("/api/v1/sync/comments").json()
        assert comment_id in {c["id"] for c in feed["items"]}
        later = sub.get("/api/v1/sync/comments", params={"updated_since": feed["next_cursor"]})
        assert later.json()["items"] == []


def test_presence_marks_lapse_and_never_block(service: RunningService) -> None:
    article_id = _create(service, Status.SUBMITTED)
    path = f"/api/v1/articles/{article_id}/presence"
    with service.client(Role.WRITER) as writer, service.client(Role.SUBEDITOR) as sub:
        assert writer.put(path, json={"ttl_seconds": 60}).status_code == 200
        assert sub.put(path, json={"ttl_seconds": 5}).status_code == 200
        users = [m["user"] for m in writer.get(path).json()["items"]]
        assert users == ["writer-user", "subeditor-user"]
        assert sub.delete(path).status_code == 204
        assert [m["user"] for m in writer.get(path).json()["items"]] == ["writer-user"]


def test_sync_feed_pages_whole_articles_with_author(service: RunningService) -> None:
    article_id = _create(service, Status.DRAFT)
    with service.client(Role.WRITER) as writer:
        feed = writer.get("/api/v1/sync/articles", params={"limit": 500}).json()
        item = next(i for i in feed["items"] if i["article"]["id"] == article_id)
        assert item["author"] == "admin-user" and item["article"]["content"]["body"]
        nothing = writer.get("/api/v1/sync/articles", params={"updated_since": feed["next_cursor"]})
        assert nothing.json()["items"] == []


def test_a_writer_moves_only_their_own_articles(service: RunningService) -> None:
    article_id = _create(service, Status.DRAFT, author=Role.SUBEDITOR)
    with service.client(Role.WRITER) as writer:
        refused = writer.post(f"/api/v1/articles/{article_id}/transition", json={"to": "submitted"})
    assert refused.status_code == 403


def test_the_workflow_table_and_all_presence_are_readable(service: RunningService) -> None:
    article_id = _create(service, Status.DRAFT, author=Role.WRITER)
    with service.client(Role.WRITER) as writer:
        table = writer.get("/api/v1/workflow")
        assert table.status_code == 200
        moves = {(m["source"], m["target"], m["lowest_role"]) for m in table.json()["moves"]}
        assert ("draft", "submitted", "writer") in moves
        assert ("in_subbing", "approved", "subeditor") in moves
        writer.put(f"/api/v1/articles/{article_id}/presence", json={})
        marks = writer.get("/api/v1/presence")
        assert marks.status_code == 200
        assert (article_id, "writer-user") in {
            (m["article_id"], m["user"]) for m in marks.json()["items"]
        }
