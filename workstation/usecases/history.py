"""A story's audit trail as the service keeps it: every move, publish, correction, takedown
and override, with who, when, which version and why."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import httpx

from workstation.domain.lifecycle import AuditEntry
from workstation.http_client import problem_detail, service_client
from workstation.store.db import Database
from workstation.store.repository import ArticleRepository, NotFound
from workstation.usecases.credentials import (
    AccountMissing,
    CredentialsError,
    chosen_account,
    credentials,
)


class HistoryError(Exception):
    """The trail cannot be read; the message is for the user."""


@contextmanager
def remote_story(
    db: Database, article_ref: str, target: str | None = None, *, timeout: float = 15.0
) -> Iterator[tuple[str, httpx.Client]]:
    """(article id, a client of the account's service) for a story's lifecycle calls."""
    with db.session() as session:
        articles = ArticleRepository(session)
        try:
            article_id = articles.resolve_id(article_ref)
            name = chosen_account(session, target, "no account: the service keeps this")
        except NotFound as exc:
            raise HistoryError(str(exc)) from None
        except AccountMissing as exc:
            raise HistoryError(str(exc)) from None
    try:
        found = credentials(db, name)
    except CredentialsError as exc:
        raise HistoryError(str(exc)) from None
    with service_client(found.account.url, found.token, timeout=timeout) as client:
        try:
            yield article_id, client
        except httpx.TransportError as exc:
            raise HistoryError(f"cannot reach {found.account.url}: {type(exc).__name__}") from None


def answer(response: httpx.Response) -> dict[str, Any]:
    """The JSON of a 2xx answer; HistoryError with the service's words otherwise."""
    if response.status_code >= 300:
        raise HistoryError(f"HTTP {response.status_code}: {problem_detail(response)}")
    data: dict[str, Any] = response.json()
    return data


def article_history(
    db: Database, article_ref: str, target: str | None = None, *, timeout: float = 15.0
) -> list[AuditEntry]:
    """The story's audit trail, oldest first, from the service (network: run off the GUI
    thread)."""
    with remote_story(db, article_ref, target, timeout=timeout) as (article_id, client):
        response = client.get(f"/api/v1/articles/{article_id}/history")
    if response.status_code == 404:
        return []  # never sent to the service: no history there yet
    return [_entry(item) for item in answer(response).get("items", [])]


def _entry(item: dict[str, Any]) -> AuditEntry:
    return AuditEntry(
        action=str(item.get("action", "")),
        user=str(item.get("user", "")),
        created_at=datetime.fromisoformat(str(item["created_at"])),
        version=item.get("version"),
        note=str(item.get("note") or ""),
        from_state=str(item.get("from_state") or ""),
        to_state=str(item.get("to_state") or ""),
    )


def entry_as_json(entry: AuditEntry) -> dict[str, Any]:
    return {
        "action": entry.action,
        "user": entry.user,
        "created_at": entry.created_at.isoformat(),
        "version": entry.version,
        "note": entry.note,
        "from_state": entry.from_state,
        "to_state": entry.to_state,
    }
