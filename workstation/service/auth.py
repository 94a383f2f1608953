"""Bearer tokens and roles: opaque tokens shown once, stored as SHA-256, checked per action."""

from __future__ import annotations

import enum
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from workstation.domain.article import now_utc
from workstation.service.models import TokenRecord

TOKEN_PREFIX = "wst_"
_TOKEN_BYTES = 32


class Role(enum.StrEnum):
    """What a token may do; each role can do everything the one before it can."""

    WRITER = "writer"
    SUBEDITOR = "subeditor"
    PUBLISHER = "publisher"
    ADMIN = "admin"


class Action(enum.StrEnum):
    """Every thing the API lets a caller do, for the permission table below."""

    READ = "read"
    CREATE_ARTICLE = "create_article"
    UPDATE_OWN_ARTICLE = "update_own_article"
    UPDATE_ANY_ARTICLE = "update_any_article"
    PUBLISH = "publish"
    UNPUBLISH = "unpublish"
    SCHEDULE = "schedule"
    TAKE_DOWN = "take_down"
    UPLOAD_MEDIA = "upload_media"


_WRITER = {Action.READ, Action.CREATE_ARTICLE, Action.UPDATE_OWN_ARTICLE, Action.UPLOAD_MEDIA}
_SUBEDITOR = _WRITER | {Action.UPDATE_ANY_ARTICLE}
_PUBLISHER = _SUBEDITOR | {Action.PUBLISH, Action.UNPUBLISH, Action.SCHEDULE, Action.TAKE_DOWN}
PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.WRITER: frozenset(_WRITER),
    Role.SUBEDITOR: frozenset(_SUBEDITOR),
    Role.PUBLISHER: frozenset(_PUBLISHER),
    Role.ADMIN: frozenset(Action),
}


@dataclass(frozen=True)
class Principal:
    """Who is calling: the token's user and role."""

    user: str
    role: Role

    def may(self, action: Action) -> bool:
        return action in PERMISSIONS[self.role]


@dataclass(frozen=True)
class TokenInfo:
    """A token as listed: never the token, only a short hint of its start."""

    id: int
    user: str
    role: Role
    hint: str
    revoked: bool


def new_token() -> str:
    """A fresh opaque token: the prefix plus 256 random bits, URL-safe."""
    return TOKEN_PREFIX + secrets.token_urlsafe(_TOKEN_BYTES)


def hash_token(token: str) -> str:
    # A plain SHA-256 is enough: tokens carry 256 random bits, so there is nothing to brute-force.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session: Session, user: str, role: Role) -> str:
    """Store a new token for `user` with `role` and return it (the only time it is seen)."""
    if not user.strip():
        raise ValueError("the user name is empty")
    token = new_token()
    session.add(
        TokenRecord(
            user=user.strip(),
            role=role.value,
            token_hash=hash_token(token),
            hint=token[: len(TOKEN_PREFIX) + 4],
            created_at=now_utc(),
        )
    )
    return token


def revoke_tokens(
    session: Session,
    *,
    user: str | None = None,
    token: str | None = None,
    token_id: int | None = None,
) -> int:
    """Revoke by user (all their tokens), by the token itself, or by id; returns how many."""
    query = update(TokenRecord).where(TokenRecord.revoked_at.is_(None))
    if token is not None:
        query = query.where(TokenRecord.token_hash == hash_token(token))
    elif token_id is not None:
        query = query.where(TokenRecord.id == token_id)
    elif user is not None:
        query = query.where(TokenRecord.user == user)
    else:
        raise ValueError("say which tokens to revoke")
    result = session.execute(query.values(revoked_at=now_utc()))
    return int(result.rowcount)  # type: ignore[attr-defined]


def list_tokens(session: Session) -> list[TokenInfo]:
    rows = session.scalars(select(TokenRecord).order_by(TokenRecord.id))
    return [
        TokenInfo(row.id, row.user, Role(row.role), row.hint, row.revoked_at is not None)
        for row in rows
    ]


def authenticate(session: Session, token: str) -> Principal | None:
    """The principal for a live token, or None for an unknown or revoked one."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    digest = hash_token(token)
    row = session.scalars(select(TokenRecord).where(TokenRecord.token_hash == digest)).first()
    if row is None or row.revoked_at is not None:
        return None
    if not hmac.compare_digest(row.token_hash, digest):  # pragma: no cover - belt and braces
        return None
    return Principal(row.user, Role(row.role))
