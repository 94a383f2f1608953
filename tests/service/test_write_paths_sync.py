"""Issue 20: every path that writes an article goes through the one writer, and each one syncs.

For each path a person can take to change a draft (the window's autosave and Ctrl+S, a status
move with edits, CLI import of an edited export, restoring a revision, resolving a conflict),
the writer's workstation makes the edit, syncs, and the subeditor's workstation receives it.
Each path also leaves the row's content hash equal to its text's, which is what sync compares.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from review_support import Profile
from service_helpers import RunningService

from workstation.domain.article import Article, Status, article_hash
from workstation.store.models import ArticleRow
from workstation.store.sync_state import SyncRepository
from workstation.usecases.article_state import save_and_move, save_edits, save_edits_revision
from workstation.usecases.articles import (
    create_article,
    get_article,
    list_revisions,
    restore_revision,
    save_working_copy,
)
from workstation.usecases.review.conflicts import resolve_conflict

BODY = "Trusts must publish waiting times.\n\nThe rule starts in May.\n\nUnions welcomed it."

Desk = tuple[RunningService, Profile, Profile]
# A path: makes one edit and returns (the profile that edited, a test the edited article passes).
Check = Callable[[Article], bool]
Path_ = Callable[[Profile, Profile, str, Path], tuple[Profile, Check]]


def has(phrase: str) -> Check:
    return lambda article: phrase in article.body or phrase in article.standfirst


def _autosave(writer: Profile, _sub: Profile, article_id: str, _tmp: Path) -> tuple[Profile, Check]:
    article = get_article(writer.db, article_id)
    save_edits(writer.db, article.with_changes(body=article.body + "\n\nAutosaved line."))
    return writer, has("Autosaved line.")


def _ctrl_s(writer: Profile, _sub: Profile, article_id: str, _tmp: Path) -> tuple[Profile, Check]:
    article = get_article(writer.db, article_id)
    save_edits_revision(writer.db, article.with_changes(body=article.body + "\n\nSaved."), "manual")
    return writer, has("Saved.")


def _move_with_edits(
    writer: Profile, _sub: Profile, article_id: str, _tmp: Path
) -> tuple[Profile, Check]:
    article = get_article(writer.db, article_id)
    edited = article.with_changes(standfirst="Moved with an edit.")
    save_and_move(writer.db, edited, Status.SUBMITTED)
    return writer, has("Moved with an edit.")


def _cli_import(
    writer: Profile, _sub: Profile, article_id: str, tmp: Path
) -> tuple[Profile, Check]:
    path = tmp / "edited.md"
    assert writer.cli("export", article_id, "-o", str(path))[0] == 0
    text = path.read_text(encoding="utf-8").replace("in May", "in June")
    # A file from long ago: its updated_at is older than the last sync.
    text, count = re.subn(r"(?m)^updated_at:.*$", "updated_at: '1999-01-01T00:00:00+00:00'", text)
    assert count == 1
    path.write_text(text, encoding="utf-8")
    code, out = writer.cli("import", str(path))
    assert code == 0, out
    return writer, has("in June")


def _restore(writer: Profile, _sub: Profile, article_id: str, _tmp: Path) -> tuple[Profile, Check]:
    first = next(r for r in list_revisions(writer.db, article_id) if r.reason == "created")
    restore_revision(writer.db, first.id)  # the line the setup added goes again
    return writer, lambda article: article.body == BODY


def _resolve_conflict(
    writer: Profile, sub: Profile, article_id: str, _tmp: Path
) -> tuple[Profile, Check]:
    for profile, word in ((writer, "attacked"), (sub, "doubted")):
        article = get_article(profile.db, article_id)
        body = article.body.replace("Unions welcomed it.", f"Unions {word} it.")
        save_working_copy(profile.db, article.with_changes(body=body))
    writer.sync()
    assert sub.sync().conflicts == [article_id]
    with sub.db.session() as session:
        (conflict,) = SyncRepository(session, sub.name).conflicts(article_id)
    resolved = get_article(sub.db, article_id).body.replace("Unions attacked it.", "Unions split.")
    resolve_conflict(sub.db, conflict.id, body=resolved)
    return sub, has("Unions split.")


PATHS: dict[str, Path_] = {
    "window-autosave": _autosave,
    "ctrl-s-revision": _ctrl_s,
    "status-move-with-edits": _move_with_edits,
    "cli-import": _cli_import,
    "restore-revision": _restore,
    "conflict-resolution": _resolve_conflict,
}


@pytest.mark.parametrize("path", PATHS.values(), ids=PATHS.keys())
def test_each_write_path_records_the_change_and_syncs(
    desk: Desk, tmp_path: Path, path: Path_
) -> None:
    _service, writer, sub = desk
    article_id = create_article(writer.db, "Waiting times", body=BODY).id
    assert writer.sync().pushed == [article_id]
    save_working_copy(writer.db, get_article(writer.db, article_id).with_changes(
        body=BODY + "\n\nA second line."))  # fmt: skip
    assert writer.sync().pushed == [article_id]
    sub.sync()

    editor, edited = path(writer, sub, article_id, tmp_path)
    other = sub if editor is writer else writer

    stored = get_article(editor.db, article_id)
    with editor.db.session() as session:
        row = session.get(ArticleRow, article_id)
        assert row is not None
        assert row.content_hash == article_hash(stored)
        assert SyncRepository(session, editor.name).changed_since_sync() == [article_id]
    report = editor.sync()
    assert report.pushed == [article_id], report.lines()
    other.sync()
    for profile in (writer, sub):
        article = get_article(profile.db, article_id)
        assert edited(article), (profile.name, article)
    # Settled on both sides: nothing more to send.
    assert writer.sync().pushed == [] and sub.sync().pushed == []
