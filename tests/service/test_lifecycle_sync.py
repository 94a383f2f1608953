"""A takedown made on one workstation reaches every other by sync: the story shows as taken
down there (status withdrawn), and its page is 410 for readers."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from review_support import Profile
from service_helpers import RunningService

from workstation.domain.article import Status
from workstation.service.auth import Role
from workstation.usecases.article_state import article_state
from workstation.usecases.articles import create_article


def test_a_takedown_syncs_to_every_workstation(
    desk: tuple[RunningService, Profile, Profile], tmp_path: Path
) -> None:
    service, writer, sub = desk
    publisher = Profile(
        "desk-p", tmp_path / "publisher", service.url, service.new_token("pat", Role.PUBLISHER)
    )
    try:
        article = create_article(
            publisher.db,
            "Hospital admits data breach",
            "Records of 2,000 patients were exposed.",
            ["Staff reporter"],
            "The hospital said it had told the regulator.",
            "Technology",
        )
        code, out = publisher.cli("publish", article.id, "--wait")
        assert code == 0, out
        url = out.strip().splitlines()[-1]
        assert httpx.get(url).status_code == 200
        writer.sync()
        sub.sync()
        assert article_state(sub.db, article.id).status is not Status.WITHDRAWN

        code, out = sub.cli("takedown", article.id, "--reason", "Legal", "--wait")
        assert code != 0 and "403" in out  # a subeditor may not take a story down
        code, out = publisher.cli("takedown", article.id, "--reason", "", "--wait")
        assert code != 0 and "say why" in out
        code, out = publisher.cli(
            "takedown", article.id, "--reason", "Injunction granted", "--wait"
        )
        assert code == 0, out
        assert httpx.get(url).status_code == 410

        for profile in (writer, sub):
            profile.sync()
            assert article_state(profile.db, article.id).status is Status.WITHDRAWN
            code, shown = profile.cli("show", article.id, "--json")
            assert code == 0 and json.loads(shown)["status"] == "withdrawn"
    finally:
        publisher.close()


def test_a_writers_edit_after_approval_comes_back_as_in_review(
    desk: tuple[RunningService, Profile, Profile], tmp_path: Path
) -> None:
    """The hole found in review: the writer edits their approved story; the service sends it
    back to review, and the writer's own workstation shows it so after the sync."""
    from workstation.usecases.articles import get_article, save_working_copy

    _service, writer, sub = desk
    body_file = tmp_path / "body.md"
    body_file.write_text("Two wards will close.", encoding="utf-8")
    code, out = writer.cli("new", "--headline", "Ward closures", "--body-file", str(body_file))
    article_id = out.strip().split()[-1]
    assert writer.cli("submit", article_id)[0] == 0
    sub.sync()
    code, out = sub.cli("approve", article_id)
    assert code == 0, out
    writer.sync()
    assert get_article(writer.db, article_id).status is Status.APPROVED

    mine = get_article(writer.db, article_id)
    save_working_copy(writer.db, mine.with_changes(body="Three wards will close."))
    code, out = writer.cli("sync")
    assert code == 0, out
    assert get_article(writer.db, article_id).status is Status.SUBMITTED
    code, shown = writer.cli("show", article_id, "--json")
    assert json.loads(shown)["status"] == "submitted"
    sub.sync()
    assert get_article(sub.db, article_id).status is Status.SUBMITTED


def test_history_from_the_command_line(
    desk: tuple[RunningService, Profile, Profile], tmp_path: Path
) -> None:
    """`workstation history ID` (and --json) lists every move, publish, correction and
    takedown with who, when, which version and why."""
    service, writer, _sub = desk
    publisher = Profile(
        "desk-p", tmp_path / "publisher", service.url, service.new_token("pat", Role.PUBLISHER)
    )
    try:
        article = create_article(
            publisher.db,
            "Trust fined",
            "The regulator fined the trust.",
            ["Staff reporter"],
            "The trust said said it was fined £2m.",  # a repeated word: a house-style error
            "Finance",
        )
        code, out = publisher.cli(
            "publish", article.id, "--override-style", "Quoting the notice", "--wait"
        )
        assert code == 0, out
        code, out = publisher.cli(
            "publish", article.id, "--correction", "It was £2m.", "--override-style", "Quote"
        )
        assert code == 0, out
        assert publisher.cli("takedown", article.id, "--reason", "Legal hold", "--wait")[0] == 0
        writer.sync()
        code, out = writer.cli("history", article.id, "--json")
        assert code == 0, out
        trail = json.loads(out)
        assert [e["action"] for e in trail] == [
            "publish",
            "override",
            "correction",
            "override",
            "takedown",
        ]
        assert {e["user"] for e in trail} == {"pat"}
        assert "Quoting the notice" in trail[1]["note"]
        assert trail[2]["note"] == "It was £2m." and trail[4]["note"] == "Legal hold"
        assert trail[0]["version"] is not None and trail[2]["version"] >= trail[0]["version"]
        assert trail[4]["to_state"] == "unpublished"
        code, text = writer.cli("history", article.id)
        assert code == 0 and "takedown" in text and "Legal hold" in text
    finally:
        publisher.close()


def test_legal_flags_and_sign_off_from_the_command_line(
    desk: tuple[RunningService, Profile, Profile], tmp_path: Path
) -> None:
    service, _writer, _sub = desk
    with service.client(Role.ADMIN) as admin:
        assert admin.put("/api/v1/site/legal", json={"signers": ["lena"]}).status_code == 200
    publisher = Profile(
        "desk-p", tmp_path / "publisher", service.url, service.new_token("pat", Role.PUBLISHER)
    )
    lawyer = Profile(
        "desk-l", tmp_path / "lawyer", service.url, service.new_token("lena", Role.WRITER)
    )
    try:
        article = create_article(
            publisher.db,
            "Consultant accused of negligence",
            "A family has complained.",
            ["Staff reporter"],
            "The consultant denies the claims.",
            "Workforce",
        )
        publisher.sync()  # the service has the story before its flags are set
        code, out = publisher.cli("legal", article.id, "--flag", "defamation", "--json")
        assert code == 0, out
        assert json.loads(out) == {
            "flags": ["defamation"],
            "signed_off": False,
            "signed_by": "",
            "signed_version": None,
            "note": "",
        }
        code, out = publisher.cli("publish", article.id, "--wait")
        assert code != 0 and "legal sign-off" in out
        code, out = publisher.cli("signoff", article.id)
        assert code != 0 and "not one of this site's legal signers" in out
        lawyer.sync()
        code, out = lawyer.cli("signoff", article.id, "--note", "Quotes checked")
        assert code == 0 and "covered: yes" in out and "lena" in out
        code, out = publisher.cli("publish", article.id, "--wait")
        assert code == 0, out
        assert httpx.get(out.strip().splitlines()[-1]).status_code == 200
    finally:
        publisher.close()
        lawyer.close()
