"""Idempotency-Key handling: first request runs, retries replay it, misuse is refused."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workstation.domain.article import now_utc
from workstation.service.db import ServiceDatabase
from workstation.service.models import IdempotencyRecord
from workstation.service.problems import Problem

# A request that died with its process leaves an in-flight key; after the lease it can be retaken.
LEASE = timedelta(seconds=30)
MAX_KEY_LENGTH = 200
KEY_PATTERN = r"^[!-~]([ -~]*[!-~])?$"
"""Printable ASCII, no space at either end (HTTP would strip it): a UUID, as clients send."""
_KEY = re.compile(KEY_PATTERN)


@dataclass(frozen=True)
class Replay:
    """The stored outcome of the first request with this key."""

    status_code: int
    body: dict[str, Any]


def request_fingerprint(method: str, path: str, body: Any) -> str:
    canonical = json.dumps([method, path, body], sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def check_key(key: str | None) -> str:
    if key is None or not key.strip():
        raise Problem(
            428, "this action needs an Idempotency-Key header", kind="idempotency-key-missing"
        )
    if len(key) > MAX_KEY_LENGTH or not _KEY.fullmatch(key):
        raise Problem(
            400, "the Idempotency-Key is too long or not printable", kind="bad-idempotency-key"
        )
    return key


def begin(db: ServiceDatabase, user: str, key: str, fingerprint: str) -> Replay | None:
    """Claim the key (None: go ahead) or return what to replay; 409/422 as problems."""
    now = now_utc()
    try:
        with db.session() as session:
            row = session.get(IdempotencyRecord, (user, key))
            if row is None:
                session.add(
                    IdempotencyRecord(
                        user=user,
                        key=key,
                        request_hash=fingerprint,
                        state="in_flight",
                        created_at=now,
                        lease_until=now + LEASE,
                    )
                )
                return None
            if row.request_hash != fingerprint:
                raise Problem(
                    422,
                    "this Idempotency-Key was used for a different request",
                    kind="idempotency-key-reused",
                )
            if row.state == "done" and row.status_code is not None and row.response is not None:
                return Replay(row.status_code, row.response)
            if row.lease_until > now:
                raise _in_flight()
            row.lease_until = now + LEASE
            return None
    except IntegrityError:  # another request inserted the same key first
        raise _in_flight() from None


def _in_flight() -> Problem:
    return Problem(
        409,
        "a request with this Idempotency-Key is still being processed",
        kind="idempotency-key-in-flight",
        headers={"Retry-After": "1"},
    )


def finish(session: Session, user: str, key: str, status_code: int, body: dict[str, Any]) -> None:
    """Store the outcome in the action's transaction: it exists exactly when the action does."""
    row = session.get(IdempotencyRecord, (user, key))
    if row is None:  # pragma: no cover - begin() created it
        return
    row.state = "done"
    row.status_code = status_code
    row.response = body


def release(db: ServiceDatabase, user: str, key: str) -> None:
    """Forget an in-flight claim whose action failed, so a retry with the key runs again."""
    with db.session() as session:
        row = session.get(IdempotencyRecord, (user, key))
        if row is not None and row.state == "in_flight":
            session.delete(row)
