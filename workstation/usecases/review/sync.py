"""Sync with the service: one round; merging an incoming version into the open article."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import httpx

from workstation.domain.article import Article
from workstation.store.db import Database
from workstation.sync.client import Remote, SyncClient
from workstation.sync.engine import SyncEngine, SyncReport
from workstation.sync.engine import accept_incoming as engine_accept
from workstation.usecases.review.pictures import ServicePictures
from workstation.usecases.review.target import signed_in, target_in, user_in


def sync_once(
    db: Database,
    target: str | None = None,
    transport: httpx.BaseTransport | None = None,
    held: Iterable[str] = (),
    progress: Callable[[str, int], None] | None = None,
) -> SyncReport:
    """One round of sync with the account; offline is reported, not raised. Articles in
    `held` (open in an editor) are not written: their new versions come back as incoming.
    Pictures travel with the drafts (usecases.review.pictures)."""
    name, url, token = signed_in(db, target)
    client = SyncClient(url, token, transport=transport)
    pictures = ServicePictures(db, name, url, token, transport)
    try:
        engine = SyncEngine(db, client, name, held=held, progress=progress, pictures=pictures)
        return engine.run_once()
    finally:
        pictures.close()
        client.close()


def accept_incoming(
    db: Database, edited: Article, remote: Remote, target: str | None = None
) -> tuple[Article, SyncReport]:
    """Merge the service's new version into what the editor shows; returns what to show."""
    with db.session() as session:
        name = target_in(session, target)
        user = user_in(session, name)
    return engine_accept(db, name, user, edited, remote)
