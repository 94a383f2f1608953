"""Accounts as Settings shows them: the list, where tokens are kept, a connection test."""

from __future__ import annotations

from dataclasses import dataclass

from workstation import secrets
from workstation.store.db import Database
from workstation.store.outbox import OutboxRepository
from workstation.usecases.credentials import CredentialsError, credentials
from workstation.usecases.publishing import (
    PublishingError,
    check_ghost,
    check_token,
    check_wordpress,
)


@dataclass(frozen=True)
class AccountLine:
    name: str
    url: str
    is_default: bool
    kind: str = "service"


@dataclass(frozen=True)
class AccountsOverview:
    accounts: list[AccountLine]
    storage: str
    """Where tokens go, in words."""
    secure: bool
    """A real keyring keeps them (not the unencrypted file, and not nowhere)."""
    available: bool
    """Tokens can be kept at all (a keyring, or the opted-in file)."""


def overview(db: Database) -> AccountsOverview:
    """Every account and where its token lives (reads the keyring's backend: off the GUI)."""
    with db.session() as session:
        accounts = [
            AccountLine(a.name, a.url, a.is_default, a.kind)
            for a in OutboxRepository(session).accounts()
        ]
    where, secure = secrets.storage()
    available = secure or secrets.plaintext_allowed()
    return AccountsOverview(accounts, where, secure, available)


def check_connection(db: Database, name: str) -> str:
    """Ask the service who the stored token belongs to; the answer, in words (network)."""
    try:
        found = credentials(db, name)
    except CredentialsError as exc:
        raise PublishingError(str(exc)) from None
    if found.account.kind == "ghost":
        title = check_ghost(found.account.url, found.token)
        return f"{name}: the Admin API key works for {title or found.account.url} (Ghost)"
    if found.account.kind == "wordpress":
        shown = check_wordpress(found.account.url, found.token)
        return f"{name}: signed in as {shown} at {found.account.url} (WordPress, may publish)"
    user, role = check_token(found.account.url, found.token)
    return f"{name}: signed in as {user} ({role}) at {found.account.url}"
