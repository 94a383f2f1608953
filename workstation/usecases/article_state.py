"""One truth about a story's state: what the store says, read by whoever shows it.

The window never keeps its own idea of an article's status: it reads `article_state` after
the outbox worker, a sync round or another process may have changed it, and it saves the
user's edits with `save_edits`, which never writes the store-owned fields (status,
published_at, origin) from a copy that may be stale.
"""

from __future__ import annotations

import logging

from workstation.article_writer import write_article, write_edits, write_with_revision
from workstation.domain.article import Article, Revision, Status, now_utc
from workstation.domain.publication import ArticleState
from workstation.domain.revisions import status_reason
from workstation.publish.errors import PublishError
from workstation.publish.target import RemoteState
from workstation.store.db import Database
from workstation.store.outbox import last_publish_job, publications_of
from workstation.store.repository import STORE_OWNED, ArticleRepository

log = logging.getLogger(__name__)

REMOTE_STATUS = {
    "published": Status.PUBLISHED,
    "scheduled": Status.SCHEDULED,
    "unpublished": Status.WITHDRAWN,
}


def keep_store_owned(edited: Article, stored: Article) -> Article:
    """`edited`'s text and fields, with the store's status, publication date and origin."""
    return edited.with_changes(**{name: getattr(stored, name) for name in STORE_OWNED})


def article_state(db: Database, article_id: str) -> ArticleState:
    """Status, live URL and schedule of one article as the store has them now."""
    with db.session() as session:
        article = ArticleRepository(session).get(article_id)
        publications = publications_of(session, article_id)
        job = last_publish_job(session, article_id)
    live = next((p.url for p in publications if p.url and p.state == "published"), "")
    publish_at = job.publish_at if job is not None and article.status is Status.SCHEDULED else None
    return ArticleState(
        article.id,
        article.status,
        live_url=live if article.status is Status.PUBLISHED else "",
        publish_at=publish_at,
        published_at=article.published_at,
        last_error=job.last_error if job is not None and job.is_open else "",
    )


def save_edits(db: Database, article: Article) -> Article:
    """The window's autosave: the user's text and fields, never a stale status. Returns what
    was stored (with the store's status, so the window's copy catches up)."""
    from workstation.usecases.articles import LAST_OPEN_KEY

    with db.session() as session:
        stored = write_edits(session, article.with_changes(updated_at=now_utc()))
        ArticleRepository(session).set_state(LAST_OPEN_KEY, stored.id)
    return stored


def save_edits_revision(db: Database, article: Article, reason: str, author: str = "") -> Revision:
    """Ctrl+S and periodic snapshots: save the edits (as `save_edits`) and a revision of them."""
    with db.session() as session:
        stored = write_edits(session, article.with_changes(updated_at=now_utc()))
        return ArticleRepository(session).add_revision(stored, reason, author)


def save_and_move(db: Database, article: Article, status: Status, author: str = "") -> Article:
    """Save the user's edits and move the article to `status`, in one transaction, with a
    revision recording the move."""
    with db.session() as session:
        stored = keep_store_owned(article, ArticleRepository(session).get(article.id))
        moved = stored.with_changes(status=status, updated_at=now_utc())
        write_with_revision(session, moved, status_reason(status), author)
    return moved


def follow_scheduled(db: Database) -> list[str]:
    """Ask each target about the scheduled articles it holds; take those that went live.

    Network: run it off the GUI thread. A target that cannot be reached is tried next time.
    Returns the ids whose state changed.
    """
    from workstation.usecases.publishing import target_factory

    with db.session() as session:
        repo = ArticleRepository(session)
        scheduled = [
            (a.id, p.target)
            for a in repo.summaries(Status.SCHEDULED)
            for p in publications_of(session, a.id)
            if p.state == "scheduled"
        ]
    changed: list[str] = []
    make = target_factory(db, timeout=5.0)
    for article_id, target_name in scheduled:
        try:
            target = make(target_name)
            try:
                remote = target.fetch(article_id)
            finally:
                target.close()
        except PublishError as exc:
            log.info("scheduled %s on %s: not checked (%s)", article_id, target_name, exc)
            continue
        if remote.state == "scheduled":
            continue
        _take_remote(db, article_id, target_name, remote)
        changed.append(article_id)
    return changed


def _take_remote(db: Database, article_id: str, target: str, remote: RemoteState) -> None:
    from workstation.store.outbox import OutboxRepository

    with db.session() as session:
        OutboxRepository(session).save_publication(
            article_id, target, remote_version=remote.version, url=remote.url, state=remote.state
        )
        article = ArticleRepository(session).get(article_id)
        status = REMOTE_STATUS.get(remote.state, article.status)
        published_at = remote.published_at or article.published_at
        if status is Status.PUBLISHED and published_at is None:
            published_at = now_utc()
        moved = article.with_changes(status=status, published_at=published_at)
        write_article(session, moved)
