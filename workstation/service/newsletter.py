"""Newsletter signups, double opt-in: subscribe (pending, a confirm link mailed), confirm,
unsubscribe, and the confirmed list for the mail tool. Addresses are never logged."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation.domain.article import now_utc
from workstation.domain.newsletter import CONFIRM_PATH, UNSUBSCRIBE_PATH
from workstation.service.models import SubscriberRecord


class SubscriberState(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    UNSUBSCRIBED = "unsubscribed"


@dataclass(frozen=True)
class Signup:
    """A signup that needs a confirmation mail: to whom, and the link (token in it)."""

    subscriber_id: int
    email: str
    confirm_url: str
    unsubscribe_url: str


@dataclass(frozen=True)
class Subscriber:
    """A confirmed reader, as the mail tool gets it."""

    email: str
    confirmed_at: datetime
    consent_version: str
    unsubscribe_url: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def confirm_url(site: str, token: str) -> str:
    return f"{site}{CONFIRM_PATH}?token={token}"


def unsubscribe_url(site: str, token: str) -> str:
    return f"{site}{UNSUBSCRIBE_PATH}?token={token}"


def subscribe(
    session: Session, email: str, consent_text: str, consent_version: str, site: str
) -> Signup | None:
    """Record a signup as pending with a fresh confirm token; None when the address is already
    confirmed (nothing to send, and the reader is told the same either way)."""
    row = session.scalars(select(SubscriberRecord).where(SubscriberRecord.email == email)).first()
    if row is not None and row.state == SubscriberState.CONFIRMED:
        return None
    token = secrets.token_urlsafe(24)
    if row is None:
        row = SubscriberRecord(
            email=email, unsubscribe_token=secrets.token_urlsafe(24), created_at=now_utc()
        )
        session.add(row)
    row.state = SubscriberState.PENDING
    row.consent_text = consent_text
    row.consent_version = consent_version
    row.confirm_hash = _hash(token)
    row.unsubscribed_at = None
    session.flush()
    return Signup(
        row.id, email, confirm_url(site, token), unsubscribe_url(site, row.unsubscribe_token)
    )


def confirm(session: Session, token: str) -> SubscriberRecord | None:
    """Confirm the pending signup holding `token` (used once); None for an unknown token."""
    if not token:
        return None
    row = session.scalars(
        select(SubscriberRecord).where(SubscriberRecord.confirm_hash == _hash(token))
    ).first()
    if row is None:
        return None
    row.state = SubscriberState.CONFIRMED
    row.confirmed_at = now_utc()
    row.confirm_hash = None
    return row


def unsubscribe(session: Session, token: str) -> bool:
    """Take the reader off the list; False for an unknown token."""
    if not token:
        return False
    row = session.scalars(
        select(SubscriberRecord).where(SubscriberRecord.unsubscribe_token == token)
    ).first()
    if row is None:
        return False
    row.state = SubscriberState.UNSUBSCRIBED
    row.unsubscribed_at = now_utc()
    row.confirm_hash = None
    return True


def confirmed(session: Session, site: str) -> list[Subscriber]:
    """Everyone who confirmed and has not left, oldest first: the mail tool's list."""
    rows = session.scalars(
        select(SubscriberRecord)
        .where(SubscriberRecord.state == SubscriberState.CONFIRMED)
        .order_by(SubscriberRecord.confirmed_at, SubscriberRecord.id)
    )
    return [
        Subscriber(
            row.email,
            row.confirmed_at or row.created_at,
            row.consent_version,
            unsubscribe_url(site, row.unsubscribe_token),
        )
        for row in rows
    ]


def pending_ids(session: Session) -> set[int]:
    return set(
        session.scalars(
            select(SubscriberRecord.id).where(SubscriberRecord.state == SubscriberState.PENDING)
        )
    )
