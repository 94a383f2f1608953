"""Presence at the API: advisory "editing now" marks that lapse unless renewed."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Body, Depends, Request, Response
from sqlalchemy import delete, select

from workstation.domain.article import now_utc
from workstation.service import articles
from workstation.service.auth import Action, Principal
from workstation.service.deps import current_principal, require, state_of
from workstation.service.review_models import PresenceRecord
from workstation.service.review_schemas import PresenceIn, PresenceList, PresenceOut

router = APIRouter(prefix="/api/v1", tags=["presence"])
Caller = Annotated[Principal, Depends(current_principal)]


def _out(row: PresenceRecord) -> PresenceOut:
    return PresenceOut(
        article_id=row.article_id, user=row.user, since=row.since, expires_at=row.expires_at
    )


@router.put("/articles/{article_id}/presence", response_model=PresenceOut)
def mark_editing(
    article_id: UUID,
    request: Request,
    caller: Caller,
    body: Annotated[PresenceIn, Body()] = PresenceIn(),  # noqa: B008
) -> PresenceOut:
    """Say "I have this open" for `ttl_seconds`; send again to renew (since stays)."""
    require(caller, Action.READ)
    now = now_utc()
    with state_of(request).db.session() as session:
        articles.get(session, str(article_id))
        row = session.get(PresenceRecord, (str(article_id), caller.user))
        if row is None:
            row = PresenceRecord(article_id=str(article_id), user=caller.user, since=now)
            session.add(row)
        elif row.expires_at <= now:
            row.since = now
        row.expires_at = now + timedelta(seconds=body.ttl_seconds)
        session.flush()
        return _out(row)


@router.delete("/articles/{article_id}/presence", status_code=204)
def stop_editing(article_id: UUID, request: Request, caller: Caller) -> Response:
    require(caller, Action.READ)
    with state_of(request).db.session() as session:
        session.execute(
            delete(PresenceRecord).where(
                PresenceRecord.article_id == str(article_id), PresenceRecord.user == caller.user
            )
        )
    return Response(status_code=204)


@router.get("/articles/{article_id}/presence", response_model=PresenceList)
def who_is_editing(article_id: UUID, request: Request, caller: Caller) -> PresenceList:
    """Everyone with a live mark on the article, earliest first."""
    require(caller, Action.READ)
    now = now_utc()
    with state_of(request).db.session() as session:
        rows = session.scalars(
            select(PresenceRecord)
            .where(PresenceRecord.article_id == str(article_id), PresenceRecord.expires_at > now)
            .order_by(PresenceRecord.since)
        )
        return PresenceList(items=[_out(row) for row in rows])


@router.get("/presence", response_model=PresenceList)
def all_presence(request: Request, caller: Caller) -> PresenceList:
    """Every live mark (for an inbox); lapsed ones are swept on the way."""
    require(caller, Action.READ)
    now = now_utc()
    with state_of(request).db.session() as session:
        session.execute(delete(PresenceRecord).where(PresenceRecord.expires_at <= now))
        rows = session.scalars(select(PresenceRecord).order_by(PresenceRecord.since))
        return PresenceList(items=[_out(row) for row in rows])
