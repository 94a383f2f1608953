"""Review jobs: sync with a service, workflow moves, comments, conflicts, what changed."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from workstation import secrets
from workstation.article_writer import write_with_revision
from workstation.domain.anchors import anchor_for
from workstation.domain.article import Article, Revision, Status, now_utc
from workstation.domain.comments import Comment
from workstation.domain.diff import Row, Run, side_by_side, word_diff
from workstation.domain.revisions import RevisionReason, status_reason
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
from workstation.store.outbox import OutboxRepository
from workstation.store.repository import ArticleRepository, NotFound
from workstation.store.sync_state import SyncRepository
from workstation.sync.client import Remote, SyncClient
from workstation.sync.engine import SyncEngine, SyncReport
from workstation.sync.engine import accept_incoming as engine_accept
from workstation.usecases.articles import UseCaseError
from workstation.usecases.publishing import secret_name

ClientFactory = Callable[[str, str], SyncClient]  # (url, token) -> client


def target_name(db: Database, requested: str | None = None) -> str:
    """The account to sync with: the one asked for, else the default account."""
    with db.session() as session:
        outbox = OutboxRepository(session)
        if requested:
            if outbox.account(requested) is None:
                raise UseCaseError(
                    f"no account named {requested} (see `workstation accounts list`)"
                )
            return requested
        for account in outbox.accounts():
            if account.is_default:
                return account.name
    raise UseCaseError("no account to sync with: add one with `workstation accounts add`")


def open_client(
    db: Database, target: str, transport: httpx.BaseTransport | None = None
) -> SyncClient:
    with db.session() as session:
        account = OutboxRepository(session).account(target)
    if account is None:
        raise UseCaseError(f"no account named {target}")
    try:
        token = secrets.get_secret(secret_name(target))
    except secrets.SecretsUnavailable as exc:
        raise UseCaseError(str(exc)) from None
    if not token:
        raise UseCaseError(f"no token for {target} in the keyring; add the account again")
    return SyncClient(account.url, token, transport=transport)


def sync_once(
    db: Database,
    target: str | None = None,
    transport: httpx.BaseTransport | None = None,
    held: Iterable[str] = (),
    progress: Callable[[str, int], None] | None = None,
) -> SyncReport:
    """One round of sync with the account; offline is reported, not raised. Articles in
    `held` (open in an editor) are not written: their new versions come back as incoming."""
    name = target_name(db, target)
    client = open_client(db, name, transport)
    try:
        return SyncEngine(db, client, name, held=held, progress=progress).run_once()
    finally:
        client.close()


def accept_incoming(
    db: Database, edited: Article, remote: Remote, target: str | None = None
) -> tuple[Article, SyncReport]:
    """Merge the service's new version into what the editor shows; returns what to show."""
    name = target_name(db, target)
    with db.session() as session:
        user = SyncRepository(session, name).state().user
    return engine_accept(db, name, user, edited, remote)


def _resolve(db: Database, ref: str) -> Article:
    with db.session() as session:
        repo = ArticleRepository(session)
        try:
            return repo.get(repo.resolve_id(ref))
        except NotFound as exc:
            raise UseCaseError(str(exc)) from None


def request_move(
    db: Database, ref: str, verb: str, note: str = "", target: str | None = None
) -> Article:
    """Make a workflow move here at once and queue it for the service (which has the last
    word: a refused move is put back at the next sync and reported)."""
    article = _resolve(db, ref)
    name = target_name(db, target)
    move = move_for_verb(article.status, verb)
    if move is None:
        raise UseCaseError(f"cannot {verb} an article that is {article.status.value}")
    with db.session() as session:
        sync = SyncRepository(session, name)
        role = sync.state().role
        try:
            check_move(Role(role) if role else Role.ADMIN, move.source, move.target, note)
        except WorkflowError as exc:
            raise UseCaseError(str(exc)) from None
        moved = article.with_changes(status=move.target, updated_at=now_utc())
        write_with_revision(session, moved, status_reason(move.target), sync.state().user, note)
        sync.enqueue(article.id, QueueKind.TRANSITION, {"to": move.target.value, "note": note})
    return moved


def add_comment(
    db: Database,
    ref: str,
    body: str,
    *,
    quote: str = "",
    reply_to: str | None = None,
    target: str | None = None,
) -> Comment:
    """A comment on the quoted words (the first place they occur) or a reply; sent at sync."""
    if not body.strip():
        raise UseCaseError("the comment is empty")
    article = _resolve(db, ref)
    name = target_name(db, target)
    start = article.body.find(quote) if quote else 0
    if quote and start < 0:
        raise UseCaseError(f"the words {quote!r} are not in the article")
    anchor = anchor_for(article.body, start, start + len(quote))
    comment_id = str(uuid.uuid4())
    with db.session() as session:
        sync = SyncRepository(session, name)
        if reply_to is not None:
            parent = sync.comment(_comment_id(sync, article.id, reply_to))
            assert parent is not None
            reply_to, anchor = parent.id, parent.anchor
        comment = Comment(
            comment_id,
            article.id,
            reply_to,
            sync.state().user,
            body.strip(),
            anchor,
            False,
            "",
            True,
            now_utc(),
        )
        sync.save_comment(comment)
        payload: dict[str, Any] = {
            "id": comment_id,
            "body": comment.body,
            "parent_id": reply_to,
            "quote": anchor.quote,
            "start": anchor.start,
        }
        sync.enqueue(article.id, QueueKind.COMMENT, payload)
    return comment


def _comment_id(sync: SyncRepository, article_id: str, ref: str) -> str:
    matches = [c.id for c in sync.comments(article_id) if c.id.startswith(ref)]
    if len(matches) != 1:
        raise UseCaseError(f"no single comment on this article starts with {ref}")
    return matches[0]


def resolve_comment(
    db: Database, ref: str, comment_ref: str, resolved: bool = True, target: str | None = None
) -> Comment:
    article = _resolve(db, ref)
    name = target_name(db, target)
    with db.session() as session:
        sync = SyncRepository(session, name)
        comment = sync.comment(_comment_id(sync, article.id, comment_ref))
        assert comment is not None
        changed = Comment(
            **{
                **comment.__dict__,
                "resolved": resolved,
                "resolved_by": sync.state().user if resolved else "",
            }
        )
        sync.save_comment(changed)
        sync.enqueue(article.id, QueueKind.RESOLVE, {"id": comment.id, "resolved": resolved})
    return changed


def list_comments(db: Database, ref: str, target: str | None = None) -> list[Comment]:
    article = _resolve(db, ref)
    with db.session() as session:
        return SyncRepository(session, target_name(db, target)).comments(article.id)


def comment_as_json(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.id,
        "article_id": comment.article_id,
        "parent_id": comment.parent_id,
        "author": comment.author,
        "body": comment.body,
        "quote": comment.anchor.quote,
        "start": comment.anchor.start,
        "end": comment.anchor.end,
        "paragraph": comment.anchor.paragraph,
        "detached": comment.anchor.detached,
        "resolved": comment.resolved,
        "resolved_by": comment.resolved_by,
        "pending": comment.pending,
        "created_at": comment.created_at.isoformat(),
    }


def open_conflicts(db: Database, ref: str | None = None) -> list[SyncConflict]:
    article_id = _resolve(db, ref).id if ref else None
    with db.session() as session:
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


def changes_since(db: Database, ref: str, revision_id: int) -> tuple[list[Run], list[Row]]:
    """What changed in the body since that revision: inline runs and side-by-side rows."""
    article = _resolve(db, ref)
    with db.session() as session:
        try:
            old = ArticleRepository(session).revision(revision_id)
        except NotFound as exc:
            raise UseCaseError(str(exc)) from None
    return word_diff(old.article.body, article.body), side_by_side(old.article.body, article.body)


def inbox(db: Database) -> list[Article]:
    """Drafts waiting for a subeditor: submitted or in subbing, oldest change first."""
    with db.session() as session:
        repo = ArticleRepository(session)
        found = [*repo.summaries(Status.SUBMITTED), *repo.summaries(Status.IN_SUBBING)]
        return [repo.get(s.id) for s in sorted(found, key=lambda s: s.updated_at)]


def presence(
    db: Database, article_id: str, editing: bool = True, target: str | None = None
) -> list[tuple[str, datetime]]:
    """Say we have the article open (when `editing`), and who has it open now."""
    client = open_client(db, target_name(db, target))
    try:
        if editing:
            client.mark_editing(article_id)
        return [
            (str(m["user"]), datetime.fromisoformat(str(m["since"])))
            for m in client.presence(article_id)
        ]
    finally:
        client.close()


def stop_presence(db: Database, article_id: str, target: str | None = None) -> None:
    """Take our "editing now" mark off an article we no longer have open."""
    client = open_client(db, target_name(db, target))
    try:
        client.stop_editing(article_id)
    finally:
        client.close()


def who_is_editing(db: Database, target: str | None = None) -> dict[str, list[str]]:
    """Every live "editing now" mark on the service, by article id (for the inbox)."""
    client = open_client(db, target_name(db, target))
    try:
        marks: dict[str, list[str]] = {}
        for mark in client.all_presence():
            marks.setdefault(str(mark["article_id"]), []).append(str(mark["user"]))
        return marks
    finally:
        client.close()


def sync_user(db: Database, target: str | None = None) -> str:
    """Who we are on the service (known after the first sync), else ""."""
    with db.session() as session:
        return SyncRepository(session, target_name(db, target)).state().user


@dataclass(frozen=True)
class ReviewState:
    """What the review panels show for the open article, and the inbox."""

    comments: list[Comment]
    conflicts: list[SyncConflict]
    inbox: list[Article]
    moves: list[Move]  # what our role may do with the open article now (the domain table)


def review_state(db: Database, article_id: str | None, target: str | None = None) -> ReviewState:
    name = target_name(db, target)
    moves: list[Move] = []
    with db.session() as session:
        sync = SyncRepository(session, name)
        comments = sync.comments(article_id) if article_id else []
        conflicts = sync.conflicts(article_id) if article_id else []
        role = sync.state().role
        article = ArticleRepository(session).find(article_id) if article_id else None
    if article is not None and role in {r.value for r in Role}:
        moves = [
            m
            for m in allowed_moves(Role(role), article.status)
            if m.target not in (Status.PUBLISHED, Status.SCHEDULED)
        ]
    return ReviewState(comments, conflicts, inbox(db), moves)


def last_looked(db: Database, ref: str, target: str | None = None) -> Revision | None:
    """The revision to diff against for "what changed since I last looked": the newest one of
    ours taken before the newest change by someone else (None: nobody else changed it)."""
    article = _resolve(db, ref)
    try:
        me = sync_user(db, target)
    except UseCaseError:
        me = ""
    with db.session() as session:
        revisions = ArticleRepository(session).revisions(article.id)
    ours = {me, ""}
    seen_other = False
    for revision in revisions:  # newest first
        if revision.author not in ours:
            seen_other = True
        elif seen_other:
            return revision
    return None
