"""The one writer of articles: every path that changes a working copy saves it here.

Window autosave, Ctrl+S, CLI import, restore, conflict resolution, archive import, workflow
moves, the outbox and sync all call `write_article` (or `write_with_revision`). It stores the
working copy with its content hash (what sync compares with the merge base: issue 20) and
keeps the archive index in step, in the caller's transaction. A test checks that no other
module saves an article row or indexes one.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from workstation.domain.article import Article, Revision
from workstation.related.index import index_article
from workstation.store.repository import ArticleRepository


def write_article(session: Session, article: Article) -> None:
    """Store `article` as the working copy (with its content hash) and index it."""
    ArticleRepository(session).write_row(article)
    index_article(session, article)


def write_edits(session: Session, edited: Article) -> Article:
    """The window's save: `edited`'s text and fields with the status, publication date and
    origin the store holds (never a stale copy's), indexed; returns what was stored."""
    stored = ArticleRepository(session).write_edited_row(edited)
    index_article(session, stored)
    return stored


def write_with_revision(
    session: Session, article: Article, reason: str, author: str = "", note: str = ""
) -> Revision:
    """`write_article`, and an immutable revision of it recording why."""
    write_article(session, article)
    return ArticleRepository(session).add_revision(article, reason, author, note)
