"""Applying the service's version of an article here: as it is, or merged three ways."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy.orm import Session

from workstation.article_writer import write_article, write_with_revision
from workstation.domain.anchors import reanchor
from workstation.domain.article import Article, Status, now_utc
from workstation.domain.merge import merge_content
from workstation.domain.revisions import RevisionReason
from workstation.domain.sync import SyncBase
from workstation.domain.wire import content_of
from workstation.store.db import Database
from workstation.store.outbox import OutboxRepository
from workstation.store.repository import ArticleRepository
from workstation.store.sync_state import SyncRepository
from workstation.sync.client import Remote
from workstation.sync.convert import (
    LIVE_KEY,
    PUBLICATION_KEY,
    apply_content,
    effective_status,
    same_text,
)


@dataclass
class SyncReport:
    """What one round moved, for `workstation sync` and the GUI's status line."""

    target: str
    online: bool = True
    pulled: list[str] = field(default_factory=list)
    pushed: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    moves_sent: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    comments_sent: int = 0
    comments_pulled: int = 0
    error: str = ""
    pictures: list[str] = field(default_factory=list)  # pictures that could not travel, why
    incoming: dict[str, Remote] = field(default_factory=dict)  # held articles, not applied

    def lines(self) -> list[str]:
        state = "online" if self.online else f"offline ({self.error})"
        out = [f"{self.target}: {state}"]
        for label, items in (
            ("pulled", self.pulled),
            ("pushed", self.pushed),
            ("merged", self.merged),
            ("conflicts", self.conflicts),
            ("moves sent", self.moves_sent),
        ):
            out.append(
                f"  {label}: {len(items)}"
                + (f" ({', '.join(i[:8] for i in items[:5])})" if items else "")
            )
        out.append(f"  comments: {self.comments_sent} sent, {self.comments_pulled} pulled")
        out.extend(f"  refused: {line}" for line in self.refused)
        out.extend(f"  picture: {line}" for line in self.pictures)
        if self.online and self.error:
            out.append(f"  error: {self.error}")
        return out


def _with_known_publication(session: Session, target: str, remote: Remote) -> Remote:
    """`remote` with the publication the outbox recorded for the same version, when the remote
    was read before that publish landed (a sync round reading the story while this desk's
    outbox scheduled or published it): publishing changes no version, so the outbox's record
    of it is the later word."""
    known = OutboxRepository(session).publication(remote.id, target)
    if (
        known is None
        or known.remote_version != remote.version
        or known.state not in ("published", "scheduled")
        or remote.publication_state not in ("", "draft")
    ):
        return remote
    live_version = remote.version if known.state == "published" else None
    return replace(remote, publication_state=known.state, live_version=live_version)


def base_content(remote: Remote) -> dict[str, Any]:
    return {**remote.content, PUBLICATION_KEY: remote.publication_state, LIVE_KEY: remote.is_live}


def status_of_base(base: SyncBase) -> Status:
    publication = str(base.content.get(PUBLICATION_KEY, ""))
    return effective_status(base.content, publication, bool(base.content.get(LIVE_KEY)))


def apply_remote(
    session: Session,
    target: str,
    user: str,
    remote: Remote,
    report: SyncReport,
    held: frozenset[str] = frozenset(),
) -> None:
    """Take the service's version: as it is when nothing changed here since the base,
    else merged three ways with base = the last synced version."""
    sync, articles = SyncRepository(session, target), ArticleRepository(session)
    base = sync.base(remote.id)
    if base is not None and base.version >= remote.version:
        return
    remote = _with_known_publication(session, target, remote)
    local = articles.find(remote.id)
    if local is not None and remote.id in held:
        # Open in an editor: the window merges it with what is on screen (`accept_incoming`).
        report.incoming[remote.id] = remote
        return
    status = effective_status(remote.content, remote.publication_state, remote.is_live)
    unchanged_here = local is not None and (
        same_text(content_of(local), remote.content)
        or (base is not None and same_text(content_of(local), base.content))
    )
    if local is None or unchanged_here:
        updated = apply_content(local, remote.id, remote.content, status)
        _store(session, target, local, updated, RevisionReason.SYNCED, remote.author)
        sync.set_base(
            remote.id, remote.version, base_content(remote), remote.author, updated.updated_at
        )
        report.pulled.append(remote.id)
        return
    agreed = base.content if base is not None else remote.content
    merge = merge_content(agreed, content_of(local), remote.content, theirs_wins=("status",))
    merged = apply_content(local, remote.id, merge.content, status)
    theirs = apply_content(local, remote.id, remote.content, status)
    # The service's version is kept as a revision under its author: every change attributed.
    reason = RevisionReason.REMOTE if merge.clean else RevisionReason.CONFLICT_REMOTE
    other = articles.add_revision(theirs, reason, remote.author)
    if not merge.clean:
        mine = articles.add_revision(local, RevisionReason.CONFLICT_LOCAL, user)
        fields = [c.name for c in merge.field_conflicts]
        if merge.body_conflicts:
            fields.insert(0, "body")
        sync.add_conflict(
            remote.id, base.version if base else 0, remote.version, mine.id, other.id, fields
        )
        report.conflicts.append(remote.id)
    _store(session, target, local, merged, RevisionReason.MERGED, user)
    # The merge is a local change on top of the service's version: pushed next.
    sync.set_base(remote.id, remote.version, base_content(remote), remote.author)
    report.merged.append(remote.id)


def _store(
    session: Session,
    target: str,
    before: Article | None,
    after: Article,
    reason: str,
    author: str,
) -> None:
    write_with_revision(session, after, reason, author)
    if before is not None and before.body != after.body:
        sync = SyncRepository(session, target)
        for comment in sync.comments(after.id):
            moved = reanchor(comment.anchor, before.body, after.body)
            if moved != comment.anchor:
                sync.save_comment(replace(comment, anchor=moved))


def accept_incoming(
    db: Database, target: str, user: str, edited: Article, remote: Remote
) -> tuple[Article, SyncReport]:
    """Take the service's version of an article open in an editor: what the editor shows
    (`edited`) is saved as the local copy, then merged three ways like any pull."""
    report = SyncReport(target)
    with db.session() as session:
        write_article(session, edited.with_changes(updated_at=now_utc()))
        apply_remote(session, target, user, remote, report)
        return ArticleRepository(session).get(edited.id), report
