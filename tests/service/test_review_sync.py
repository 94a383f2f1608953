"""Two workstations (a writer and a subeditor) and one real service: the review round trip."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from review_support import Profile
from service_helpers import RunningService

from workstation.domain.article import Status
from workstation.service.auth import Role
from workstation.store.repository import ArticleRepository
from workstation.usecases.articles import (
    change_status,
    get_article,
    list_revisions,
    save_working_copy,
)


def _edit(profile: Profile, article_id: str, old: str, new: str) -> None:
    article = get_article(profile.db, article_id)
    assert old in article.body
    save_working_copy(profile.db, article.with_changes(body=article.body.replace(old, new)))


BODY = (
    "The regulator said trust boards must publish equality data.\n\n"
    "It added that the data would be public from April.\n\n"
    "Unions welcomed the move."
)


def test_submit_pull_edit_comment_return_edit_approve_publish(
    desk: tuple[RunningService, Profile, Profile], tmp_path: Path
) -> None:
    service, writer, sub = desk
    with service.client(Role.ADMIN) as admin:
        admin.put("/api/v1/site/workflow", json={"publish_on_approval": True})
    body_file = tmp_path / "body.md"
    body_file.write_text(BODY, encoding="utf-8")
    code, out = writer.cli(
        "new", "--headline", "Boards must publish equality data", "--body-file", str(body_file)
    )
    assert code == 0, out
    article_id = out.strip().split()[-1]
    code, out = writer.cli("submit", article_id)
    assert code == 0, out
    assert "pushed: 1" in out and "moves sent: 1" in out

    code, out = sub.cli("sync", "--json")
    assert code == 0 and json.loads(out)["pulled"] == [article_id], out
    assert get_article(sub.db, article_id).status is Status.SUBMITTED
    _edit(sub, article_id, "Unions welcomed the move.", "Unions welcomed the move on Tuesday.")
    code, out = sub.cli(
        "comment", article_id, "Which boards? Say NHS trusts.", "--quote", "trust boards"
    )
    assert code == 0, out
    code, out = sub.cli("return", article_id, "--note", "Tighten the second paragraph")
    assert code == 0, out

    # Meanwhile the writer, offline, fixed the first paragraph: a different paragraph merges.
    writer.network.online = False
    _edit(writer, article_id, "The regulator said", "The health regulator said")
    assert not writer.sync().online
    writer.network.online = True
    code, out = writer.cli("sync")
    assert code == 0, out
    mine = get_article(writer.db, article_id)
    assert mine.status is Status.RETURNED
    assert "The health regulator said" in mine.body and "on Tuesday" in mine.body
    code, out = writer.cli("comments", article_id, "--json")
    comments = json.loads(out)
    assert [(c["author"], c["quote"]) for c in comments] == [("sam", "trust boards")]
    revisions = list_revisions(writer.db, article_id)
    assert any(r.author == "sam" for r in revisions)
    code, out = writer.cli("changes", article_id)
    assert code == 0 and "move{+ on Tuesday+}." in out, out
    code, out = writer.cli("changes", article_id, "--side-by-side")
    assert "- Unions welcomed the move." in out, out

    _edit(writer, article_id, "would be public from April", "will be public from April")
    code, out = writer.cli("comment", article_id, "Done.", "--reply-to", comments[0]["id"][:8])
    assert code == 0, out
    code, out = writer.cli("submit", article_id)
    assert code == 0, out

    code, out = sub.cli("sync")
    assert code == 0, out
    code, out = sub.cli("resolve", article_id, comments[0]["id"][:8])
    assert code == 0, out
    code, out = sub.cli("approve", article_id, "--note", "Good to go")
    assert code == 0, out
    final = get_article(sub.db, article_id)
    assert final.status is Status.PUBLISHED
    with httpx.Client(base_url=service.url) as reader, service.client(Role.ADMIN) as admin:
        live = admin.get(f"/api/v1/articles/{article_id}").json()
        assert live["publication"]["state"] == "published"
        page = reader.get(live["publication"]["url"].removeprefix(service.url))
        assert page.status_code == 200 and "will be public from April" in page.text
        assert "The health regulator said" in page.text

    code, out = writer.cli("sync")
    assert code == 0, out
    done = get_article(writer.db, article_id)
    assert done.status is Status.PUBLISHED and done.body == final.body
    code, out = writer.cli("comments", article_id, "--json")
    assert [c["resolved"] for c in json.loads(out)] == [True, False]
    with writer.db.session() as session:
        assert ArticleRepository(session).count() == 1


def test_a_writer_cannot_approve_and_the_refusal_is_put_back(
    desk: tuple[RunningService, Profile, Profile],
) -> None:
    _service, writer, _sub = desk
    code, out = writer.cli("new", "--headline", "Waiting lists grow again")
    article_id = out.strip().split()[-1]
    assert writer.cli("submit", article_id)[0] == 0
    code, out = writer.cli("approve", article_id)
    assert code != 0 and "may not" in out
    assert get_article(writer.db, article_id).status is Status.SUBMITTED


def test_a_move_made_offline_waits_in_the_queue(
    desk: tuple[RunningService, Profile, Profile],
) -> None:
    service, writer, _sub = desk
    code, out = writer.cli("new", "--headline", "Pay deal agreed")
    article_id = out.strip().split()[-1]
    assert writer.cli("sync")[0] == 0
    code, out = writer.cli("submit", article_id, "--offline")
    assert code == 0 and "queued" in out, out
    with service.client(Role.ADMIN) as admin:
        remote = admin.get(f"/api/v1/articles/{article_id}").json()
        assert remote["content"]["status"] == "draft"
        writer.network.online = False
        assert not writer.sync().online  # still queued, nothing lost
        writer.network.online = True
        report = writer.sync()
        assert report.moves_sent == [article_id]
        remote = admin.get(f"/api/v1/articles/{article_id}").json()
        assert remote["content"]["status"] == "submitted"
        events = admin.get(f"/api/v1/articles/{article_id}/workflow").json()["items"]
        assert [(e["verb"], e["user"]) for e in events] == [("submit", "wendy")]


def test_status_menu_moves_go_out_but_a_stale_copy_is_no_move(
    desk: tuple[RunningService, Profile, Profile],
) -> None:
    service, writer, sub = desk
    _code, out = writer.cli("new", "--headline", "Ambulance waits fall")
    article_id = out.strip().split()[-1]
    assert writer.cli("submit", article_id)[0] == 0
    assert sub.sync().pulled == [article_id]
    stale = get_article(sub.db, article_id).with_changes(status=Status.DRAFT)
    save_working_copy(sub.db, stale)  # a window's old copy autosaved over the synced one
    report = sub.sync()
    assert report.moves_sent == [] and not report.refused
    assert get_article(sub.db, article_id).status is Status.SUBMITTED
    change_status(sub.db, article_id, Status.IN_SUBBING, "sam")  # the status menu
    assert sub.sync().moves_sent == [article_id]
    with service.client(Role.ADMIN) as admin:
        remote = admin.get(f"/api/v1/articles/{article_id}").json()
    assert remote["content"]["status"] == "in_subbing"


def test_sync_reports_progress(desk: tuple[RunningService, Profile, Profile]) -> None:
    _service, writer, sub = desk
    for n in range(3):
        assert writer.cli("new", "--headline", f"Story {n}")[0] == 0
    assert len(writer.sync().pushed) == 3
    stages: list[tuple[str, int]] = []
    report = sub.sync(progress=lambda stage, count: stages.append((stage, count)))
    assert len(report.pulled) == 3 and stages == [("pulled", 3)]


def test_publishing_after_sync_needs_no_conflict_resolution(
    desk: tuple[RunningService, Profile, Profile], tmp_path: Path
) -> None:
    service, _writer, _sub = desk
    desk_editor = Profile(
        "desk-p", tmp_path / "publisher", service.url, service.new_token("pat", Role.PUBLISHER)
    )
    try:
        code, out = desk_editor.cli(
            "new",
            "--headline",
            "Trusts publish equality data",
            "--byline",
            "Staff",
            "--section",
            "Workforce",
        )
        article_id = out.strip().split()[-1]
        _body = "Boards must act.\n\nThe data will be public."
        article = get_article(desk_editor.db, article_id)
        save_working_copy(
            desk_editor.db, article.with_changes(body=_body, standfirst="Boards act.")
        )
        assert desk_editor.sync().pushed == [article_id]
        _edit(desk_editor, article_id, "Boards must act.", "Boards must act now.")  # not synced
        code, out = desk_editor.cli("publish", article_id, "--wait", "--timeout", "60")
        assert code == 0, out
        with service.client(Role.ADMIN) as admin:
            live = admin.get(f"/api/v1/articles/{article_id}").json()
        assert live["publication"]["state"] == "published"
        assert "act now" in live["content"]["body"]
    finally:
        desk_editor.close()


def test_a_conflict_keeps_both_versions_until_resolved(
    desk: tuple[RunningService, Profile, Profile], tmp_path: Path
) -> None:
    service, writer, sub = desk
    body_file = tmp_path / "conflict.md"
    body_file.write_text(BODY, encoding="utf-8")
    _code, out = writer.cli("new", "--headline", "GP numbers fall", "--body-file", str(body_file))
    article_id = out.strip().split()[-1]
    assert writer.cli("submit", article_id)[0] == 0
    assert sub.cli("sync")[0] == 0
    _edit(writer, article_id, "Unions welcomed the move.", "Unions attacked the move.")
    _edit(sub, article_id, "Unions welcomed the move.", "Unions cautiously welcomed the move.")
    assert writer.cli("sync")[0] == 0
    code, out = sub.cli("sync")
    assert code == 0 and "conflicts: 1" in out, out
    assert "Unions attacked the move." in get_article(sub.db, article_id).body
    code, out = sub.cli("conflicts")
    conflict_id = out.split()[0]
    assert "body" in out
    revisions = {r.id: r for r in list_revisions(sub.db, article_id)}
    mine = revisions[int(out.split("yours is revision ")[1].split(",")[0])]
    assert "cautiously" in mine.article.body and mine.reason == "conflict-local"
    code, out = sub.cli("conflicts", "--resolve", conflict_id, "--keep", "mine")
    assert code == 0, out
    assert sub.cli("conflicts")[1].strip() == ""
    assert sub.cli("sync")[0] == 0
    with service.client(Role.ADMIN) as admin:
        body = admin.get(f"/api/v1/articles/{article_id}").json()["content"]["body"]
    assert "Unions cautiously welcomed the move." in body


@pytest.mark.parametrize(
    ("when", "expected"),
    [(None, Status.PUBLISHED), ("2099-06-01T09:00:00+01:00", Status.SCHEDULED)],
    ids=["published", "scheduled"],
)
def test_a_draft_published_in_one_click_keeps_its_state_after_a_sync(
    desk: tuple[RunningService, Profile, Profile],
    tmp_path: Path,
    when: str | None,
    expected: Status,
) -> None:
    """A desk without approval publishes (or schedules) a draft as it is: the service's
    version carries the workflow word "draft". The next sync round must not take the story back
    to draft (the window once showed "Live at" or "Scheduled for" over a store that said draft,
    and a scheduled story that went live was never noticed)."""
    publisher = _publisher(desk[0], tmp_path)
    try:
        article_id = _ready_story(publisher, "Trusts publish waiting data")
        # Published before its first sync, as a one-click publish of a new story is.
        at = ["--at", when] if when else []
        code, out = publisher.cli("publish", article_id, *at, "--wait", "--timeout", "60")
        assert code == 0, out
        assert get_article(publisher.db, article_id).status is expected
        for _round in range(2):
            report = publisher.sync()
            assert not report.error, report.lines()
            assert get_article(publisher.db, article_id).status is expected
        shown = json.loads(publisher.cli("show", article_id, "--json")[1])
        assert shown["status"] == expected.value
    finally:
        publisher.close()


def test_a_sync_read_from_before_this_desks_publish_does_not_undo_it(
    desk: tuple[RunningService, Profile, Profile], tmp_path: Path
) -> None:
    """The race the schedule journey met: a sync round reads a new story from the service
    just before this desk's outbox schedules it, and applies what it read just after the
    outbox recorded "scheduled". Publishing changes no version, so the read looks current."""
    from dataclasses import replace

    from workstation.sync.apply import SyncReport, apply_remote
    from workstation.sync.client import SyncClient

    publisher = _publisher(desk[0], tmp_path)
    try:
        article_id = _ready_story(publisher, "Car parks stay free")
        at = "2099-06-01T09:00:00+01:00"
        code, out = publisher.cli("publish", article_id, "--at", at, "--wait", "--timeout", "60")
        assert code == 0, out
        client = SyncClient(publisher.url, publisher.token)
        try:
            now = client.get(article_id)
        finally:
            client.close()
        assert now.publication_state == "scheduled"
        read_before = replace(now, publication_state="draft", live_version=None)
        with publisher.db.session() as session:
            apply_remote(session, publisher.name, "pia", read_before, SyncReport(publisher.name))
        assert get_article(publisher.db, article_id).status is Status.SCHEDULED
        assert publisher.sync().error == ""
        assert get_article(publisher.db, article_id).status is Status.SCHEDULED
    finally:
        publisher.close()


def _publisher(service: RunningService, tmp_path: Path) -> Profile:
    """A desk that publishes without approval (a publisher's account on the service)."""
    token = service.new_token("pia", Role.PUBLISHER)
    return Profile("desk-1", tmp_path / "one-click", service.url, token)


def _ready_story(profile: Profile, headline: str) -> str:
    """A new story with everything the pre-publish check asks for, never synced."""
    code, out = profile.cli(
        "new", "--headline", headline, "--byline", "Staff", "--section", "Workforce"
    )
    assert code == 0, out
    article_id = out.strip().split()[-1]
    article = get_article(profile.db, article_id)
    body = "Boards must act.\n\nThe data will be public."
    save_working_copy(profile.db, article.with_changes(standfirst="Boards act.", body=body))
    return article_id
