"""The account review talks to, who we are there, and a client for it."""

from __future__ import annotations

import httpx
from sqlalchemy.orm import Session

from workstation.store.db import Database
from workstation.store.sync_state import SyncRepository
from workstation.sync.client import SyncClient
from workstation.usecases.articles import UseCaseError
from workstation.usecases.credentials import (
    AccountMissing,
    CredentialsError,
    account_in,
    chosen_account,
    token_of,
)


def target_in(session: Session, requested: str | None = None) -> str:
    """Within a unit of work: the account to sync with, the one asked for, else the default."""
    try:
        return chosen_account(
            session, requested, "no account to sync with: add one with `workstation accounts add`"
        )
    except AccountMissing as exc:
        raise UseCaseError(str(exc)) from None


def target_name(db: Database, requested: str | None = None) -> str:
    """The account to sync with: the one asked for, else the default account."""
    with db.session() as session:
        return target_in(session, requested)


def signed_in(db: Database, requested: str | None = None) -> tuple[str, str, str]:
    """The account (asked for, else the default): its name, its URL and its token."""
    try:
        with db.session() as session:
            name = target_in(session, requested)
            account = account_in(session, name)
        token = token_of(name)
    except CredentialsError as exc:
        raise UseCaseError(str(exc)) from None
    return name, account.url, token


def connect(
    db: Database, requested: str | None = None, transport: httpx.BaseTransport | None = None
) -> tuple[str, SyncClient]:
    """The account (asked for, else the default) and a client signed in with its token."""
    name, url, token = signed_in(db, requested)
    return name, SyncClient(url, token, transport=transport)


def user_in(session: Session, target: str) -> str:
    """Within a unit of work: who we are on `target` (known after the first sync), else ""."""
    return SyncRepository(session, target).state().user


def sync_user(db: Database, target: str | None = None) -> str:
    """Who we are on the service (known after the first sync), else ""."""
    with db.session() as session:
        return user_in(session, target_in(session, target))
