"""The audit trail at the API: every move, publish, correction, takedown and override of a
story, with who, when, which version and why (staff only)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from workstation.domain.article import now_utc
from workstation.service import articles, legal, lifecycle
from workstation.service.auth import Action, Principal, Role
from workstation.service.deps import current_principal, require, state_of
from workstation.service.problems import Problem
from workstation.service.schemas import NO_NUL

router = APIRouter(prefix="/api/v1", tags=["lifecycle"])
Caller = Annotated[Principal, Depends(current_principal)]
_PROBLEM: dict[str, Any] = {"content": {"application/problem+json": {}}}
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "No, unknown or revoked token", **_PROBLEM},
    403: {"description": "Role not allowed", **_PROBLEM},
    404: {"description": "No such article", **_PROBLEM},
    412: {"description": "Stale version", **_PROBLEM},
    422: {"description": "Invalid request", **_PROBLEM},
}
LegalFlag = Literal[
    "defamation",
    "court-reporting",
    "anonymity",
    "health-privacy",
    "suicide-reporting",
    "sponsored",
]


class AuditOut(BaseModel):
    """One line of the audit trail. `action` is a move (`move:<verb>`), `publish`, `update`,
    `silent-fix`, `correction`, `schedule`, `takedown`, `republish-after-takedown`,
    `back-to-review` or `override`."""

    action: str
    user: str
    created_at: datetime
    version: int | None
    note: str
    from_state: str
    to_state: str


class AuditList(BaseModel):
    items: list[AuditOut]


@router.get("/articles/{article_id}/history", response_model=AuditList, responses=_ERRORS)
def article_history(article_id: UUID, request: Request, caller: Caller) -> AuditList:
    """The story's audit trail, oldest first."""
    require(caller, Action.READ)
    with state_of(request).db.session() as session:
        articles.get(session, str(article_id))
        rows = lifecycle.audit_rows(session, str(article_id))
        return AuditList(
            items=[
                AuditOut(
                    action=row.action,
                    user=row.user,
                    created_at=row.created_at,
                    version=row.version,
                    note=row.note,
                    from_state=row.from_state,
                    to_state=row.to_state,
                )
                for row in rows
            ]
        )


class LegalIn(BaseModel):
    """The story's legal and Editors' Code flags (all of them: this replaces the set)."""

    model_config = ConfigDict(extra="forbid")

    flags: list[LegalFlag] = Field(max_length=6)


class SignoffIn(BaseModel):
    """Sign off the current version; `version` (optional) must be it, or 412."""

    model_config = ConfigDict(extra="forbid")

    version: int | None = Field(default=None, ge=1, le=2**31 - 1)
    note: str = Field(default="", max_length=2000, pattern=NO_NUL)


class SignoffOut(BaseModel):
    version: int
    user: str
    note: str
    created_at: datetime


class LegalOut(BaseModel):
    """The flags, the latest sign-off, and whether the current version is covered."""

    flags: list[str]
    signoff: SignoffOut | None
    signed_off: bool
    """True when no flag is set, or the latest sign-off covers the current version."""


class SignersIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    signers: list[Annotated[str, Field(min_length=1, max_length=200, pattern=NO_NUL)]] = Field(
        max_length=100
    )


class SignersOut(BaseModel):
    signers: list[str]


def _legal_out(session: Any, record: Any) -> LegalOut:
    row = legal.latest_signoff(session, record.id)
    flags = list(record.legal_flags or [])
    return LegalOut(
        flags=flags,
        signoff=SignoffOut(
            version=row.version, user=row.user, note=row.note, created_at=row.created_at
        )
        if row is not None
        else None,
        signed_off=not flags or legal.covers(session, record, None),
    )


@router.get("/articles/{article_id}/legal", response_model=LegalOut, responses=_ERRORS)
def get_legal(article_id: UUID, request: Request, caller: Caller) -> LegalOut:
    """The story's legal flags and sign-off."""
    require(caller, Action.READ)
    with state_of(request).db.session() as session:
        return _legal_out(session, articles.get(session, str(article_id)))


@router.put("/articles/{article_id}/legal", response_model=LegalOut, responses=_ERRORS)
def put_legal(article_id: UUID, body: LegalIn, request: Request, caller: Caller) -> LegalOut:
    """Set the flags (the writer of the story, or a subeditor and up). A flagged story cannot
    go live until a legal signer signs off the version that goes."""
    with state_of(request).db.session() as session:
        record = articles.get(session, str(article_id), lock=True)
        own = record.created_by == caller.user
        require(caller, Action.UPDATE_OWN_ARTICLE if own else Action.UPDATE_ANY_ARTICLE)
        flags: list[str] = list(dict.fromkeys(body.flags))
        if flags != list(record.legal_flags or []):
            record.legal_flags = flags or None
            lifecycle.audit(
                session, record, "legal-flags", caller.user, now_utc(), note=", ".join(flags)
            )
        return _legal_out(session, record)


@router.post("/articles/{article_id}/signoff", response_model=LegalOut, responses=_ERRORS)
def sign_off(article_id: UUID, body: SignoffIn, request: Request, caller: Caller) -> LegalOut:
    """A legal signer signs off the current version (403 for anyone else)."""
    require(caller, Action.READ)
    with state_of(request).db.session() as session:
        record = articles.get(session, str(article_id), lock=True)
        if body.version is not None and body.version != record.version:
            raise articles.stale(record, f"the article is at version {record.version}")
        now = now_utc()
        legal.sign_off(session, record, caller.user, body.note, now)
        lifecycle.audit(session, record, "signoff", caller.user, now, note=body.note)
        return _legal_out(session, record)


@router.get("/site/legal", response_model=SignersOut, responses=_ERRORS)
def get_signers(request: Request, caller: Caller) -> SignersOut:
    """Who may sign off flagged stories (the site's legal role)."""
    require(caller, Action.READ)
    with state_of(request).db.session() as session:
        return SignersOut(signers=legal.signers(session))


@router.put("/site/legal", response_model=SignersOut, responses=_ERRORS)
def put_signers(body: SignersIn, request: Request, caller: Caller) -> SignersOut:
    """Name the site's legal signers (admins only)."""
    if caller.role is not Role.ADMIN:
        raise Problem(403, "only an admin may name the legal signers", kind="forbidden")
    with state_of(request).db.session() as session:
        legal.set_signers(session, body.signers)
        return SignersOut(signers=legal.signers(session))
