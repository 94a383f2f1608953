"""Workflow moves made here (queued for the service), the inbox, the review panels' state."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workstation.article_writer import write_with_revision
from workstation.domain.article import Article, Status, now_utc
from workstation.domain.comments import Comment
from workstation.domain.revisions import status_reason
from workstation.domain.sync import QueueKind, SyncConflict
from workstation.domain.workflow import (
    Move,
    Role,
    WorkflowError,
    allowed_moves,
    check_move,
    move_for_verb,
)
from workstation.store.db import Database
from workstation.store.repository import ArticleRepository
from workstation.store.sync_state import SyncRepository
from workstation.usecases.articles import UseCaseError, article_by_ref
from workstation.usecases.review.target import target_in


def request_move(
    db: Database, ref: str, verb: str, note: str = "", target: str | None = None
) -> Article:
    """Make a workflow move here at once and queue it for the service (which has the last
    word: a refused move is put back at the next sync and reported)."""
    with db.session() as session:
        article = article_by_ref(session, ref)
        name = target_in(session, target)
        move = move_for_verb(article.status, verb)
        if move is None:
            raise UseCaseError(f"cannot {verb} an article that is {article.status.value}")
        sync = SyncRepository(session, name)
        role = sync.state().role
        try:
            check_move(Role.named(role), move.source, move.target, note)
        except WorkflowError as exc:
            raise UseCaseError(str(exc)) from None
        moved = article.with_changes(status=move.target, updated_at=now_utc())
        write_with_revision(session, moved, status_reason(move.target), sync.state().user, note)
        sync.enqueue(article.id, QueueKind.TRANSITION, {"to": move.target.value, "note": note})
    return moved


def _inbox(session: Session) -> list[Article]:
    repo = ArticleRepository(session)
    found = [*repo.summaries(Status.SUBMITTED), *repo.summaries(Status.IN_SUBBING)]
    return [repo.get(s.id) for s in sorted(found, key=lambda s: s.updated_at)]


def inbox(db: Database) -> list[Article]:
    """Drafts waiting for a subeditor: submitted or in subbing, oldest change first."""
    with db.session() as session:
        return _inbox(session)


@dataclass(frozen=True)
class ReviewState:
    """What the review panels show for the open article, and the inbox."""

    comments: list[Comment]
    conflicts: list[SyncConflict]
    inbox: list[Article]
    moves: list[Move]  # what our role may do with the open article now (the domain table)


def review_state(db: Database, article_id: str | None, target: str | None = None) -> ReviewState:
    moves: list[Move] = []
    with db.session() as session:
        sync = SyncRepository(session, target_in(session, target))
        comments = sync.comments(article_id) if article_id else []
        conflicts = sync.conflicts(article_id) if article_id else []
        role = sync.state().role
        article = ArticleRepository(session).find(article_id) if article_id else None
        waiting = _inbox(session)
    if article is not None and role in {r.value for r in Role}:
        moves = [
            m
            for m in allowed_moves(Role(role), article.status)
            if m.target not in (Status.PUBLISHED, Status.SCHEDULED)
        ]
    return ReviewState(comments, conflicts, waiting, moves)
