"""The autosave's hot path (one prepared UPDATE ... RETURNING) stores exactly what the ORM
stores, keeps the store-owned fields, and hands over to the ORM where it must (issue 19)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import event

from workstation.article_writer import write_article, write_edits
from workstation.domain.article import Article, Origin, Status, new_id
from workstation.store.db import Database, open_database
from workstation.store.models import ArticleRow
from workstation.store.repository import ArticleRepository

WHEN = datetime(2026, 3, 29, 0, 30, 15, 123456, tzinfo=UTC)


def _article(**changes: object) -> Article:
    article = Article(
        id=new_id(), headline="Clinic waits fall — «again»", standfirst="Figures out",
        byline=("Ana Ortiz", "Ben Li"), section="Health", tags=("waits", "NHS"),
        audience="Health professionals", newsletter=False, related=("abc",),
        body="Body with ünïcode and 'quotes'\n\n" * 200, slug="clinic-waits",
        status=Status.DRAFT, origin=Origin.LOCAL, created_at=WHEN, updated_at=WHEN,
    )  # fmt: skip
    return article.with_changes(**changes)


def _raw_row(db: Database, article_id: str) -> tuple[object, ...]:
    path = db.engine.url.database
    assert path is not None
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    assert row is not None
    return tuple(row)


def _orm_statements(db: Database) -> list[str]:
    """Statements SQLAlchemy sends (the one-statement path goes to the driver directly)."""
    seen: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    return seen


def test_the_fast_update_stores_what_the_orm_stores(tmp_path: Path) -> None:
    first, edited = _article(), _article(headline="Changed", tags=("new",), audience=None)
    fast, orm = open_database(tmp_path / "fast.db"), open_database(tmp_path / "orm.db")
    edited = edited.with_changes(id=first.id, updated_at=WHEN.replace(second=59))
    for db in (fast, orm):
        with db.session() as session:
            write_article(session, first)
    fast_sql, orm_sql = _orm_statements(fast), _orm_statements(orm)
    with fast.session() as session:  # a fresh session: the one-statement path
        write_article(session, edited)
    with orm.session() as session:  # this session holds the row: the ORM path
        held = session.get(ArticleRow, first.id)
        write_article(session, edited)
        assert held is not None and held.headline == "Changed"  # the held row is current
    assert not any(sql.startswith("UPDATE articles") for sql in fast_sql)
    assert any(sql.startswith("UPDATE articles") for sql in orm_sql)
    assert _raw_row(fast, first.id) == _raw_row(orm, first.id)
    with fast.session() as session:
        assert ArticleRepository(session).get(first.id) == edited


def test_an_editors_save_keeps_the_store_owned_fields(tmp_path: Path) -> None:
    db = open_database(tmp_path / "w.db")
    live = _article(status=Status.PUBLISHED, published_at=WHEN, origin=Origin.LOCAL)
    with db.session() as session:
        write_article(session, live)
    stale = live.with_changes(status=Status.DRAFT, published_at=None, body="New text")
    with db.session() as session:
        stored = write_edits(session, stale)
    assert (stored.status, stored.published_at, stored.body) == (
        Status.PUBLISHED, WHEN, "New text",
    )  # fmt: skip
    with db.session() as session:
        assert ArticleRepository(session).get(live.id) == stored


def test_an_editors_save_of_a_new_article_inserts_it(tmp_path: Path) -> None:
    db = open_database(tmp_path / "w.db")
    fresh = _article()
    with db.session() as session:
        assert write_edits(session, fresh) == fresh
    with db.session() as session:
        assert ArticleRepository(session).get(fresh.id) == fresh


def test_a_failed_unit_of_work_rolls_the_fast_update_back(tmp_path: Path) -> None:
    db = open_database(tmp_path / "w.db")
    article = _article()
    with db.session() as session:
        write_article(session, article)
    try:
        with db.session() as session:
            write_edits(session, article.with_changes(body="Lost"))
            raise RuntimeError("crash mid-save")
    except RuntimeError:
        pass
    with db.session() as session:
        assert ArticleRepository(session).get(article.id).body == article.body
