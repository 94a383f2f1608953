"""Sync with the service: one round; merging an incoming version into the open article."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import httpx

from workstation.domain.article import Article
from workstation.store.db import Database
from workstation.sync.client import Remote
from workstation.sync.engine import SyncEngine, SyncReport
from workstation.sync.engine import accept_incoming as engine_accept
from workstation.usecases.review.target import connect, target_in, user_in


def sync_once(
    db: Database,
    target: str | None = None,
    transport: httpx.BaseTransport | None = None,
    held: Iterable[str] = (),
    progress: Callable[[str, int], None] | None = None,
) -> SyncReport:
    """One round of sync with the account; offline is reported, not raised. Articles in
    `held` (open in an editor) are not written: their new versions come back as incoming."""
    name, client = connect(db, target, transport)
    try:
        return SyncEngine(db, client, name, held=held, progress=progress).run_once()
    finally:
        client.close()


def accept_incoming(
    db: Database, edited: Article, remote: Remote, target: str | None = None
) -> tuple[Article, SyncReport]:
    """Merge the service's new version into what the editor shows; returns what to show."""
    with db.session() as session:
        name = target_in(session, target)
        user = user_in(session, name)
    return engine_accept(db, name, user, edited, remote)
