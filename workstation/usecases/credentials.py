"""An account and its token: the one place a token for an account is looked up.

The token lives in the keyring (workstation.secrets) under `secret_name(account)`, the rest of
the account in the database. Publishing (the outbox's targets), review (the sync client) and
Settings' connection test all go through `credentials` (or `account_in` + `token_of` when the
account is read inside a larger unit of work).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workstation import secrets
from workstation.domain.publication import Account
from workstation.store.db import Database
from workstation.store.outbox import OutboxRepository


class CredentialsError(Exception):
    """The account cannot be used: unknown, keyring unavailable, or no token kept for it."""


class AccountMissing(CredentialsError):
    """No account of that name (never added, or removed since)."""


@dataclass(frozen=True)
class Credentials:
    account: Account
    token: str


def secret_name(account: str) -> str:
    """The keyring entry that holds the token of `account`."""
    return f"account:{account}"


def account_in(session: Session, name: str) -> Account:
    """Within a unit of work: the account called `name` (AccountMissing when there is none)."""
    account = OutboxRepository(session).account(name)
    if account is None:
        raise AccountMissing(f"no account named {name}")
    return account


def chosen_account(session: Session, requested: str | None, none_message: str) -> str:
    """Within a unit of work: the account asked for, else the default one. AccountMissing
    names an unknown account; with no account at all, `none_message` says what to do."""
    outbox = OutboxRepository(session)
    if requested:
        if outbox.account(requested) is None:
            raise AccountMissing(f"no account named {requested} (see `workstation accounts list`)")
        return requested
    for account in outbox.accounts():
        if account.is_default:
            return account.name
    raise AccountMissing(none_message)


def token_of(name: str) -> str:
    """The token kept for account `name`; CredentialsError when none can be read."""
    try:
        token = secrets.get_secret(secret_name(name))
    except secrets.SecretsUnavailable as exc:
        raise CredentialsError(str(exc)) from None
    if not token:
        raise CredentialsError(f"no token for {name} is kept here; sign in again")
    return token


def credentials(db: Database, name: str) -> Credentials:
    """The account called `name` and its token, read at the moment of asking."""
    with db.session() as session:
        account = account_in(session, name)
    return Credentials(account, token_of(name))
