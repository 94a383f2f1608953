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

bearer = HTTPBearer(
    auto_error=False,
    bearerFormat="wst_ opaque token",
    description="A token from `workstation tokens create`.",
)


@dataclass
class ServiceState:
    """What the running app holds: its database and configuration."""

    db: ServiceDatabase
    config: ServiceConfig


def state_of(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.service
    return state


def site_url(request: Request) -> str:
    configured = state_of(request).config.site_url
    return (configured or str(request.base_url)).rstrip("/")


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
