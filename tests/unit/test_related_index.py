"""The archive index follows the articles: what is indexed, updates, removal, rebuild, refresh."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from workstation.domain.article import Article, Origin, Status
from workstation.related.index import (
    TABLE_PREFIX,
    index_article,
    indexed_count,
    rebuild_index,
    refresh_index,
    remove_article,
)
from workstation.store.db import Database, open_database
from workstation.store.models import ArticleRow
from workstation.store.repository import ArticleRepository


def story(article_id: str, headline: str, **fields: object) -> Article:
    base = {"origin": Origin.ARCHIVE, "status": Status.PUBLISHED,
            "published_at": datetime(2024, 5, 1, tzinfo=UTC)}  # fmt: skip
    base.update(fields)
    return Article(id=article_id, headline=headline, **base)  # type: ignore[arg-type]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "index.sqlite3")
    yield database
    database.close()


def save(db: Database, *articles: Article, index: bool = True) -> None:
    with db.session() as session:
        repo = ArticleRepository(session)
        for article in articles:
            repo.write_row(article)
            if index:
                index_article(session, article)


def matching(db: Database, query: str) -> set[str]:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT d.article_id FROM archive_fts JOIN archive_fts_docs AS d "
            "ON d.doc_id = archive_fts.rowid WHERE archive_fts MATCH ?",
            (query,),
        ).all()
    return {row[0] for row in rows}


def count(db: Database) -> int:
    with db.session() as session:
        return indexed_count(session)


def test_every_index_table_shares_the_prefix(db: Database) -> None:
    """The model/migration comparison ignores these tables by prefix: none is an ORM model."""
    with db.engine.connect() as conn:
        tables = {row[0] for row in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}  # fmt: skip
    ours = {name for name in tables if "fts" in name or "archive" in name}
    assert {"archive_fts", "archive_fts_docs", "archive_fts_data", "archive_fts_vocab"} <= ours
    assert all(name.startswith(TABLE_PREFIX) for name in ours)


def test_only_archive_and_published_stories_are_indexed(db: Database) -> None:
    save(
        db,
        story("a", "Nurses strike over pay"),
        story("b", "Nurses draft local", origin=Origin.LOCAL, status=Status.DRAFT),
        story("c", "Nurses published here", origin=Origin.LOCAL),
        story("d", "Nurses withdrawn", status=Status.WITHDRAWN),
    )
    assert matching(db, "nurses") == {"a", "c"}


def test_saving_again_replaces_the_entry_and_withdrawing_removes_it(db: Database) -> None:
    save(db, story("a", "Nurses strike over pay", tags=("pay",)))
    save(db, story("a", "Midwives strike over rotas", tags=("rotas",)))
    assert matching(db, "nurses") == set()
    assert matching(db, "midwives") == {"a"}
    assert matching(db, "tags : rotas") == {"a"}
    save(db, story("a", "Midwives strike over rotas", status=Status.WITHDRAWN))
    assert matching(db, "midwives") == set()
    assert count(db) == 0


def test_remove_article(db: Database) -> None:
    save(db, story("a", "Nurses strike"), story("b", "Nurses vote"))
    with db.session() as session:
        assert remove_article(session, "a") is True
        assert remove_article(session, "a") is False
    assert matching(db, "nurses") == {"b"}


def test_index_changes_roll_back_with_the_article(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        ArticleRepository(session).write_row(story("a", "Nurses strike"))
        index_article(session, story("a", "Nurses strike"))
        raise RuntimeError("the save fails")
    assert matching(db, "nurses") == set()


def test_rebuild_and_refresh_catch_up_with_writes_that_skipped_the_index(db: Database) -> None:
    save(db, story("a", "Nurses strike"), story("b", "Nurses vote"), index=False)
    assert count(db) == 0
    with db.session() as session:
        assert refresh_index(session) == (2, 0)
    assert matching(db, "nurses") == {"a", "b"}
    save(db, story("b", "Nurses vote", status=Status.WITHDRAWN), index=False)
    save(db, story("a", "Porters strike", updated_at=datetime(2025, 1, 1, tzinfo=UTC)),
         index=False)  # fmt: skip
    with db.session() as session:
        refresh_index(session)
    assert matching(db, "nurses") == set()
    assert matching(db, "porters") == {"a"}
    with db.session() as session:
        assert rebuild_index(session) == 1
    assert matching(db, "porters") == {"a"}


def test_the_migration_indexes_an_existing_archive(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    database = open_database(tmp_path / "old.sqlite3")
    config = Config()
    config.set_main_option("script_location", "workstation.store:migrations")
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001_initial")
    with database.engine.begin() as connection:  # a row as version 0001 stored it
        old = story("a", "Nurses strike")
        connection.execute(
            ArticleRow.__table__.insert().values(
                id=old.id, headline=old.headline, body=old.body, status=old.status.value,
                origin=old.origin.value, created_at=old.created_at, updated_at=old.updated_at,
            )
        )  # fmt: skip
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    assert matching(database, "nurses") == {"a"}
    database.close()
