"""The audit trail at the API: every move, publish, correction, takedown and override of a
story, with who, when, which version and why (staff only)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from workstation.service import articles, lifecycle
from workstation.service.auth import Action, Principal
from workstation.service.deps import current_principal, require, state_of

router = APIRouter(prefix="/api/v1", tags=["lifecycle"])
Caller = Annotated[Principal, Depends(current_principal)]
_PROBLEM: dict[str, Any] = {"content": {"application/problem+json": {}}}
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "No, unknown or revoked token", **_PROBLEM},
    403: {"description": "Role not allowed", **_PROBLEM},
    404: {"description": "No such article", **_PROBLEM},
    422: {"description": "Invalid request", **_PROBLEM},
}


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
