"""Conflicts sync could not merge: the open ones, both versions side by side, resolving."""

from __future__ import annotations

from dataclasses import dataclass

from workstation.article_writer import write_with_revision
from workstation.domain.article import Article, Revision, now_utc
from workstation.domain.diff import Row, side_by_side
from workstation.domain.revisions import RevisionReason
from workstation.domain.sync import SyncConflict
from workstation.store.db import Database
from workstation.store.repository import ArticleRepository
from workstation.store.sync_state import SyncRepository
from workstation.usecases.articles import UseCaseError, article_by_ref


def open_conflicts(db: Database, ref: str | None = None) -> list[SyncConflict]:
    with db.session() as session:
        article_id = article_by_ref(session, ref).id if ref else None
        return SyncRepository(session, "").conflicts(article_id)


@dataclass(frozen=True)
class ConflictView:
    """Both versions of a conflict, side by side, for the user to resolve."""

    conflict: SyncConflict
    mine: Revision
    theirs: Revision
    rows: list[Row]


def conflict_view(db: Database, conflict_id: int) -> ConflictView:
    with db.session() as session:
        found = [c for c in SyncRepository(session, "").conflicts() if c.id == conflict_id]
        if not found:
            raise UseCaseError(f"no open conflict {conflict_id}")
        repo = ArticleRepository(session)
        mine = repo.revision(found[0].local_revision_id)
        theirs = repo.revision(found[0].remote_revision_id)
    return ConflictView(
        found[0], mine, theirs, side_by_side(theirs.article.body, mine.article.body)
    )


def resolve_conflict(db: Database, conflict_id: int, body: str | None = None) -> Article:
    """Close a conflict; with `body`, that text becomes the working copy (synced next)."""
    with db.session() as session:
        sync = SyncRepository(session, "")
        if not sync.resolve_conflict(conflict_id):
            raise UseCaseError(f"no open conflict {conflict_id}")
        repo = ArticleRepository(session)
        closed = next(c for c in sync.conflicts(open_only=False) if c.id == conflict_id)
        current = repo.get(closed.article_id)
        if body is not None and body != current.body:
            current = current.with_changes(body=body, updated_at=now_utc())
            write_with_revision(session, current, RevisionReason.CONFLICT_RESOLVED)
    return current
