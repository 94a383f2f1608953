"""What every service process must agree on, kept in the database rather than in a process:
the signup rate limit's recent hits and the key that signs the newsletter form."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import IntegrityError

from workstation.domain.article import now_utc
from workstation.service.db import ServiceDatabase
from workstation.service.models import RateHitRecord
from workstation.service.review_models import SiteSettingRecord

FORM_SECRET_KEY = "newsletter_form_secret"
SIGNUP_KEY = "newsletter_signup_hash_key"


class RateLimiter:
    """At most `limit` hits per client in `window` seconds, counted across every process on
    the database. Clients are kept as a keyed hash (no addresses at rest)."""

    def __init__(self, db: ServiceDatabase, key: bytes, limit: int, window: float) -> None:
        self.db = db
        self.key = key
        self.limit = limit
        self.window = timedelta(seconds=window)

    def _bucket(self, client: str) -> str:
        return hmac.new(self.key, client.encode(), hashlib.sha256).hexdigest()

    def allow(self, client: str) -> bool:
        """Count a hit for `client`; False (and not counted) once it is over the limit."""
        bucket, now = self._bucket(client), now_utc()
        with self.db.session() as session:
            if session.bind is not None and session.bind.dialect.name == "postgresql":
                # Two processes counting the same client at once must not both see room left.
                session.execute(
                    text("SELECT pg_advisory_xact_lock(hashtext(:bucket))"), {"bucket": bucket}
                )
            session.execute(
                delete(RateHitRecord).where(
                    RateHitRecord.bucket == bucket, RateHitRecord.at <= now - self.window
                )
            )
            count = session.scalar(
                select(func.count())
                .select_from(RateHitRecord)
                .where(RateHitRecord.bucket == bucket)
            )
            if (count or 0) >= self.limit:
                return False
            session.add(RateHitRecord(bucket=bucket, at=now))
            return True


def shared_secret(db: ServiceDatabase, key: str) -> bytes:
    """A random key made by the first process to ask and read by every other one."""
    with db.session() as session:
        row = session.get(SiteSettingRecord, key)
        if row is not None:
            return bytes.fromhex(row.value)
    try:
        with db.session() as session:
            session.add(SiteSettingRecord(key=key, value=secrets.token_hex(32)))
    except IntegrityError:  # another process made it first: use theirs
        pass
    with db.session() as session:
        row = session.get(SiteSettingRecord, key)
        assert row is not None
        return bytes.fromhex(row.value)
