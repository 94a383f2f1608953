"""Issue 20: an edit that arrives by `workstation import` syncs, whatever the file's updated_at.

Two workstations (a writer and a subeditor) on one real service; each edits a different paragraph
by export → edit the file → import, as a person working in another text editor would.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from review_support import Profile
from service_helpers import RunningService

from workstation.usecases.articles import (
    create_article,
    get_article,
    list_revisions,
    restore_revision,
    save_revision,
    save_working_copy,
)

BODY = (
    "The regulator said trust boards must publish equality data.\n\n"
    "It added that the data would be public from April.\n\n"
    "Unions welcomed the move."
)


def _edit_by_file(
    profile: Profile, article_id: str, old: str, new: str, folder: Path, stamp: str | None
) -> None:
    """export → change the text (and maybe the file's updated_at) → import, through the CLI."""
    path = folder / f"{profile.name}.md"
    code, out = profile.cli("export", article_id, "-o", str(path))
    assert code == 0, out
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new)
    if stamp is not None:
        text, count = re.subn(r"(?m)^updated_at:.*$", f"updated_at: '{stamp}'", text)
        assert count == 1, "the export carries updated_at in its front matter"
    path.write_text(text, encoding="utf-8")
    code, out = profile.cli("import", str(path))
    assert code == 0, out


@pytest.mark.parametrize(
    "stamp",
    [None, "2001-01-01T00:00:00+00:00", "2099-01-01T00:00:00+00:00"],
    ids=["as-exported", "past", "future"],
)
def test_edits_imported_on_two_workstations_meet_on_both(
    desk: tuple[RunningService, Profile, Profile], tmp_path: Path, stamp: str | None
) -> None:
    _service, writer, sub = desk
    article_id = create_article(writer.db, "Equality data rules", body=BODY).id
    assert writer.sync().pushed == [article_id]
    sub.sync()
    assert get_article(sub.db, article_id).body == BODY

    _edit_by_file(sub, article_id, "must publish", "must now publish", tmp_path, stamp)
    _edit_by_file(writer, article_id, "welcomed the move", "welcomed it", tmp_path, stamp)
    for profile in (sub, writer, sub):
        report = profile.sync()
        assert not report.conflicts, report

    for profile in (writer, sub):
        body = get_article(profile.db, article_id).body
        assert "must now publish" in body, (profile.name, body)
        assert "welcomed it" in body, (profile.name, body)

    # Settled: a further round on each side sends nothing.
    assert writer.sync().pushed == []
    assert sub.sync().pushed == []


def test_a_restored_revision_reaches_the_other_workstation(
    desk: tuple[RunningService, Profile, Profile],
) -> None:
    _service, writer, sub = desk
    article = create_article(writer.db, "Equality data rules", body=BODY)
    save_revision(writer.db, article, "manual")
    writer.sync()
    sub.sync()
    save_working_copy(writer.db, article.with_changes(body=BODY + "\n\nA late line."))
    writer.sync()
    sub.sync()
    assert get_article(sub.db, article.id).body.endswith("A late line.")

    first = next(r for r in list_revisions(writer.db, article.id) if r.article.body == BODY)
    restore_revision(writer.db, first.id)
    writer.sync()
    sub.sync()
    assert get_article(sub.db, article.id).body == BODY
