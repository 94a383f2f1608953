"""Local store: migrations reach head and match the models; pragmas; repositories."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from workstation.domain.article import Article, Origin, Status, new_id
from workstation.store.db import HEAD_REVISION, StoreError, current_revision, open_database
from workstation.store.models import Base
from workstation.store.repository import ArticleRepository, NotFound

# Tables the ORM does not model on purpose: FTS5 virtual tables and their shadow tables.
UNMODELLED_PREFIXES = ("archive_fts",)


def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", "workstation.store:migrations")
    return ScriptDirectory.from_config(config)


def test_head_constant_matches_alembic_head() -> None:
    assert _script().get_heads() == [HEAD_REVISION]


def test_empty_database_upgrades_to_head_and_matches_models(tmp_path: Path) -> None:
    db = open_database(tmp_path / "fresh.sqlite3")
    assert current_revision(db.engine) == HEAD_REVISION
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": lambda name, type_, _parent: (
                    not (type_ == "table" and name and name.startswith(UNMODELLED_PREFIXES))
                ),
            },
        )
        diff = compare_metadata(context, Base.metadata)
    db.close()
    assert diff == []


def test_sqlite_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "p.sqlite3")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.close()


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open the database"):
        open_database(bad)


def test_repository_returns_domain_objects(tmp_path: Path) -> None:
    db = open_database(tmp_path / "r.sqlite3")
    article = Article(
        id=new_id(), headline="H", byline=("A", "B"), tags=("t",), related=(new_id(),),
        audience="", status=Status.SUBMITTED, origin=Origin.ARCHIVE,
    )  # fmt: skip
    with db.session() as session:
        repo = ArticleRepository(session)
        repo.write_row(article)
        repo.add_revision(article, "manual", "sub")
    with db.session() as session:
        repo = ArticleRepository(session)
        loaded = repo.get(article.id)
        assert type(loaded) is Article
        assert loaded == article
        assert repo.resolve_id(article.id[:6]) == article.id
        revision = repo.revisions(article.id)[0]
        assert revision.article == article and revision.author == "sub"
        with pytest.raises(NotFound):
            repo.get("missing")
        assert [s.id for s in repo.summaries(status=Status.SUBMITTED)] == [article.id]
        assert repo.summaries(status=Status.DRAFT) == []
        assert [s.id for s in repo.summaries(search="h")] == [article.id]
    db.close()


def test_failed_unit_of_work_writes_nothing(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite3")
    with pytest.raises(RuntimeError), db.session() as session:
        ArticleRepository(session).write_row(Article(id=new_id(), headline="H"))
        raise RuntimeError("boom")
    with db.session() as session:
        assert ArticleRepository(session).count() == 0
    db.close()


def test_the_content_hash_migration_backfills_drafts_and_bases(tmp_path: Path) -> None:
    """A store from before 0005 gets both hashes, so its synced drafts don't all look changed
    and an edit made before the upgrade (text differs from the base) is still found."""
    from alembic import command

    from workstation.domain.article import article_hash, content_hash
    from workstation.domain.wire import content_of
    from workstation.store.models import ArticleRow
    from workstation.store.sync_state import SyncBaseRow, SyncRepository

    db = open_database(tmp_path / "old.sqlite3")
    config = Config()
    config.set_main_option("script_location", "workstation.store:migrations")
    same = Article(id=new_id(), headline="Same", body="Body.", byline=("Ann",), tags=("nhs",))
    edited = Article(id=new_id(), headline="Edited", body="New text.", newsletter=False)
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004_sync")
        for article, base_body in ((same, same.body), (edited, "Old text.")):
            connection.execute(
                ArticleRow.__table__.insert().values(
                    id=article.id, headline=article.headline, body=article.body,
                    byline=list(article.byline), tags=list(article.tags),
                    newsletter=article.newsletter, status="draft", origin="local",
                    created_at=article.created_at, updated_at=article.updated_at,
                )
            )  # fmt: skip
            connection.execute(
                SyncBaseRow.__table__.insert().values(
                    article_id=article.id, target="desk", version=1, author="ann",
                    content={**content_of(article), "body": base_body},
                    synced_at=article.updated_at,
                )
            )  # fmt: skip
        command.upgrade(config, "head")
    with db.session() as session:
        rows = {row.id: row for row in session.query(ArticleRow)}
        assert rows[same.id].content_hash == article_hash(same)
        assert rows[edited.id].content_hash == article_hash(edited)
        base = session.get(SyncBaseRow, (same.id, "desk"))
        assert base is not None and base.content_hash == content_hash(content_of(same))
        assert SyncRepository(session, "desk").changed_since_sync() == [edited.id]
    db.close()
