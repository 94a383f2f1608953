"""Start-up helpers: the stdlib fast path agrees with the ORM; the demo loads on first run only."""

from __future__ import annotations

from pathlib import Path

from workstation.domain.article import Origin, Status
from workstation.store.db import open_database
from workstation.store.quick_read import peek_last_article
from workstation.usecases.articles import (
    create_article,
    get_article,
    import_files,
    list_articles,
    remember_open_article,
    save_working_copy,
)
from workstation.usecases.demo import demo_files, load_demo_on_first_run


def test_fast_path_reads_what_the_orm_reads(tmp_path: Path) -> None:
    db = open_database(tmp_path / "w.sqlite3")
    article = create_article(db, "Fast ‘path’", "Standfirst", ["A", "B"], "Body\n", "Policy")
    article = save_working_copy(
        db, article.with_changes(tags=("x", "y"), audience="", related=("r",))
    )
    remember_open_article(db, article.id)
    assert peek_last_article(tmp_path / "w.sqlite3") == get_article(db, article.id)
    db.close()


def test_fast_path_declines_what_it_cannot_read(tmp_path: Path) -> None:
    assert peek_last_article(tmp_path / "missing.sqlite3") is None
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"junk" * 100)
    assert peek_last_article(junk) is None
    db = open_database(tmp_path / "empty.sqlite3")
    assert peek_last_article(tmp_path / "empty.sqlite3") is None  # nothing was open yet
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'older'")
    assert peek_last_article(tmp_path / "empty.sqlite3") is None
    db.close()


def test_demo_loads_into_an_empty_data_dir_once(tmp_path: Path) -> None:
    db = open_database(tmp_path / "w.sqlite3")
    count = load_demo_on_first_run(db)
    assert count == len(demo_files()) >= 30
    rows = list_articles(db)
    assert {row.origin for row in rows} == {Origin.ARCHIVE}
    assert {row.status for row in rows} == {Status.PUBLISHED}
    assert len({row.section for row in rows}) >= 5
    assert load_demo_on_first_run(db) == 0
    db.close()


def test_demo_is_not_loaded_over_existing_work(tmp_path: Path) -> None:
    db = open_database(tmp_path / "w.sqlite3")
    create_article(db, "Mine")
    assert load_demo_on_first_run(db) == 0
    db.close()


def test_demo_articles_say_they_are_fictional() -> None:
    from workstation.paths import resource

    readme = resource("demo", "README.md").read_text(encoding="utf-8").lower()
    assert "fictional" in readme


def test_saving_and_importing_keep_the_archive_index_current(tmp_path: Path) -> None:
    from workstation.usecases.articles import change_status
    from workstation.usecases.related import search_archive

    db = open_database(tmp_path / "w.sqlite3")
    story = tmp_path / "story.md"
    story.write_text(
        "---\nheadline: Zanzibar ferry nurses win retention bonus\nstatus: published\n"
        "published_at: '2024-01-02T09:00:00+00:00'\n---\nFictional text about zanzibar.\n",
        encoding="utf-8",
    )
    (imported_id,) = import_files(db, [story])
    assert [hit.article_id for hit in search_archive(db, "zanzibar")] == [imported_id]
    draft = create_article(db, "Quokka census draft", body="quokka quokka")
    assert search_archive(db, "quokka") == []  # drafts are not in the archive
    change_status(db, draft.id, Status.PUBLISHED)
    assert [hit.article_id for hit in search_archive(db, "quokka")] == [draft.id]
    change_status(db, draft.id, Status.WITHDRAWN)
    assert search_archive(db, "quokka") == []
    db.close()


def test_the_start_up_reads_load_no_orm(tmp_path: Path) -> None:
    """The window's first paint reads the last article and the theme through usecases.startup:
    that path stays on the standard library (SQLAlchemy and Alembic load behind the window)."""
    import subprocess
    import sys

    db = open_database(tmp_path / "workstation.sqlite3")
    remember_open_article(db, create_article(db, "Quick").id)
    db.close()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from workstation.paths import DataDir\n"
        "from workstation.usecases.startup import peek_last_article, saved_preferences\n"
        f"data = DataDir(Path({str(tmp_path)!r}))\n"
        "assert peek_last_article(data) is not None\n"
        "saved_preferences(data)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic'))\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
