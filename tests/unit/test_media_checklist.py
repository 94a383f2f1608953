"""The pre-publish checklist asks for alt text for every picture, or "decorative" on purpose."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from picture_files import photo_with_gps

from workstation.domain.media import MediaWords, markdown_for
from workstation.paths import DataDir
from workstation.store.db import open_database
from workstation.usecases import media, publishing
from workstation.usecases.articles import create_article, get_article, save_working_copy


def test_hero_and_inline_pictures_need_alt_text_or_decorative(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data").ensure()
    db = open_database(data.database)
    publishing.add_account(db, "newsroom", "http://127.0.0.1:9", "token", check=False)
    source = tmp_path / "ward.jpg"
    source.write_bytes(photo_with_gps())
    picture = media.add_picture(data, db, source)
    article = create_article(
        db, "Ward reopens after repairs", "The ward is back after a year.", ["Staff reporter"],
        "The ward reopened.\n\n" + markdown_for(picture), "Workforce",
    )  # fmt: skip
    media.set_hero(db, article.id, picture.sha256)
    with pytest.raises(publishing.NotReady) as refused:
        publishing.publish(db, article.id)
    fields = sorted(p.field for p in refused.value.problems)
    assert fields == ["body", "hero"]
    assert not any(p.overridable for p in refused.value.problems)
    assert publishing.outbox_jobs(db) == []
    # Marked decorative on purpose: both lines go, and the story is queued.
    media.update_words(db, picture.sha256, MediaWords(decorative=True))
    job = publishing.publish(db, article.id)
    assert job.article_id == article.id
    # Alt text written in the Markdown settles an inline picture even when it is not decorative.
    media.update_words(db, picture.sha256, MediaWords(alt=""))
    edited = dataclasses.replace(
        get_article(db, article.id), body=f"![A ward with six beds]({picture.reference})"
    )
    save_working_copy(db, edited)
    with pytest.raises(publishing.NotReady) as refused:
        publishing.publish(db, article.id)
    assert [p.field for p in refused.value.problems] == ["hero"]
    db.close()
