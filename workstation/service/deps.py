"""Request dependencies shared by the routers: the service state, the caller, site URL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from workstation.service.auth import Action, Principal, authenticate
from workstation.service.config import ServiceConfig
from workstation.service.db import ServiceDatabase
from workstation.service.problems import Problem
from workstation.service.shared_state import (
    FORM_SECRET_KEY,
    SIGNUP_KEY,
    RateLimiter,
    shared_secret,
)

bearer = HTTPBearer(
    auto_error=False,
    bearerFormat="wst_ opaque token",
    description="A token from `workstation tokens create`.",
)


@dataclass
class ServiceState:
    """What the running app holds: its database, configuration and the state every process
    shares through the database (the signup limit, the newsletter form's signing key)."""

    db: ServiceDatabase
    config: ServiceConfig
    signups: RateLimiter
    form_secret: bytes

    @classmethod
    def open(cls, db: ServiceDatabase, config: ServiceConfig) -> ServiceState:
        key = shared_secret(db, SIGNUP_KEY)
        signups = RateLimiter(db, key, config.signup_limit, config.signup_window)
        return cls(db, config, signups, shared_secret(db, FORM_SECRET_KEY))


def state_of(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.service
    return state


def site_url(request: Request) -> str:
    """The configured public URL; unset, the address the server listens on. Never the Host
    header: a client chooses that, and it would end up in feeds, links and mails."""
    configured = state_of(request).config.site_url
    if configured:
        return configured.rstrip("/")
    host, port = request.scope.get("server") or ("127.0.0.1", 80)
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def _unauthorized(detail: str, error: str) -> Problem:
    challenge = (
        f'Bearer realm="workstation", error="{error}"' if error else 'Bearer realm="workstation"'
    )
    return Problem(401, detail, kind="unauthorized", headers={"WWW-Authenticate": challenge})


def current_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    """The caller, from a live bearer token; 401 for none, an unknown or a revoked token."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise _unauthorized("send a token: Authorization: Bearer wst_...", "")
    with state_of(request).db.session() as session:
        principal = authenticate(session, credentials.credentials)
    if principal is None:
        raise _unauthorized("the token is unknown or revoked; sign in again", "invalid_token")
    return principal


def require(principal: Principal, action: Action) -> None:
    """403 unless the caller's role allows `action`."""
    if not principal.may(action):
        what = action.value.replace("_", " ")
        raise Problem(
            403,
            f"the {principal.role.value} role may not {what}",
            kind="forbidden",
            required=action.value,
        )
