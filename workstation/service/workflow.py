"""Workflow moves at the API: the domain table enforced per role, notes, publish on approval."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation.domain.article import Status, now_utc
from workstation.domain.workflow import MOVES, Role, WorkflowError, check_move, reachable
from workstation.service import articles, legal, lifecycle
from workstation.service.auth import Action, Principal
from workstation.service.deps import current_principal, require, site_url, state_of
from workstation.service.models import ArticleRecord
from workstation.service.problems import Problem
from workstation.service.review_models import SiteSettingRecord, WorkflowEventRecord
from workstation.service.review_schemas import (
    EventList,
    EventOut,
    MoveOut,
    SitePolicyIn,
    TransitionIn,
    TransitionOut,
    WorkflowOut,
)
from workstation.service.schemas import ArticleContent

router = APIRouter(prefix="/api/v1", tags=["workflow"])
Caller = Annotated[Principal, Depends(current_principal)]
PUBLISH_ON_APPROVAL = "publish_on_approval"


def role_of(caller: Principal) -> Role:
    return Role(caller.role.value)


def status_of(record: ArticleRecord) -> Status:
    try:
        return Status(record.content.get("status", Status.DRAFT.value))
    except ValueError:
        return Status.DRAFT


def guard_status_change(caller: Principal, old: Status | None, new: Status) -> None:
    """403 when content carries a status the caller could not reach by moves it may make
    (a PUT may not skip the workflow: a writer cannot PUT an article "approved")."""
    source = old or Status.DRAFT
    if source is not new and not reachable(role_of(caller), source, new):
        raise Problem(
            403,
            f"the {caller.role.value} role may not move an article from {source.value} to "
            f"{new.value}",
            kind="forbidden",
        )


REVIEWED_FIELDS = ("headline", "standfirst", "body")
"""What a subeditor approved: a change to any of them after approval needs review again."""
APPROVED_TO_KEEP = (Status.APPROVED, Status.SCHEDULED)


def back_to_review(
    session: Session,
    record: ArticleRecord,
    caller: Principal,
    content: ArticleContent,
    now: datetime,
) -> ArticleContent:
    """A writer's edit of the headline, standfirst or body of an approved (or scheduled)
    story loses the approval: the story goes back to review (submitted), a schedule is
    called off, and the audit trail says why. Subeditors and up approve, so their edits keep
    it. Returns the content to store."""
    old = status_of(record)
    if role_of(caller) is not Role.WRITER or old not in APPROVED_TO_KEEP:
        return content
    if content.status not in APPROVED_TO_KEEP:
        return content
    if all(record.content.get(name) == getattr(content, name) for name in REVIEWED_FIELDS):
        return content
    if old is Status.SCHEDULED and record.state == "scheduled":
        record.publish_at = None
        record.scheduled_version = None
        record.state = "draft" if record.url_path is None else "unpublished"
    elif old is Status.SCHEDULED:
        record.publish_at = None
        record.scheduled_version = None
    lifecycle.audit(
        session,
        record,
        "back-to-review",
        caller.user,
        now,
        note="edited after approval: the approval no longer covers the text",
        version=record.version + 1,
        from_state=old.value,
        to_state=Status.SUBMITTED.value,
    )
    return content.model_copy(update={"status": Status.SUBMITTED})


def publish_on_approval(session: Session) -> bool:
    row = session.get(SiteSettingRecord, PUBLISH_ON_APPROVAL)
    return row is not None and row.value == "true"


def event_out(row: WorkflowEventRecord) -> EventOut:
    return EventOut(
        version=row.version,
        verb=row.verb,
        from_state=Status(row.from_state),
        to_state=Status(row.to_state),
        user=row.user,
        note=row.note,
        created_at=row.created_at,
    )


def last_events(session: Session, article_ids: list[str]) -> dict[str, EventOut]:
    """The newest workflow event of each article (for the sync feed)."""
    if not article_ids:
        return {}
    rows = session.scalars(
        select(WorkflowEventRecord)
        .where(WorkflowEventRecord.article_id.in_(article_ids))
        .order_by(WorkflowEventRecord.id)
    )
    return {row.article_id: event_out(row) for row in rows}


SCHEDULER_USER = "scheduler"


def record_scheduled_publish(session: Session, record: ArticleRecord, now: datetime) -> None:
    """Put a due article's scheduled version live, and say so in its workflow history."""
    source = status_of(record)
    # A story taken down was scheduled with a publisher's note (checked then): the schedule
    # stands for it here.
    action = articles.publish(
        session,
        record,
        record.scheduled_version,
        now,
        note="published on schedule",
        user=SCHEDULER_USER,
    )
    lifecycle.audit(
        session,
        record,
        action,
        SCHEDULER_USER,
        now,
        note="published on schedule",
        version=record.live_version,
        from_state="scheduled",
        to_state=record.state,
    )
    session.add(
        WorkflowEventRecord(
            article_id=record.id,
            version=record.live_version or record.version,
            verb="publish",
            from_state=source.value,
            to_state=Status.PUBLISHED.value,
            user=SCHEDULER_USER,
            note="published on schedule",
            created_at=now,
        )
    )


def _set_status(session: Session, record: ArticleRecord, status: Status, user: str) -> None:
    content = ArticleContent.model_validate({**record.content, "status": status.value})
    articles.update(session, record, content, None, user, now_utc())


def apply_transition(
    session: Session,
    record: ArticleRecord,
    caller: Principal,
    target: Status,
    note: str,
    publish_at: datetime | None = None,
) -> WorkflowEventRecord | None:
    """Make the move (a new version carrying the status), publish or take down when the move
    says so, and record the event. Already in `target`: nothing to do (a retry is harmless)."""
    source = status_of(record)
    if source is target:
        return None
    if role_of(caller) is Role.WRITER and record.created_by != caller.user:
        raise Problem(403, "a writer moves only their own articles", kind="forbidden")
    try:
        move = check_move(role_of(caller), source, target, note)
    except WorkflowError as exc:
        raise Problem(
            403 if exc.forbidden else 409,
            str(exc),
            kind="forbidden" if exc.forbidden else "no-such-move",
            current_state=source.value,
        ) from None
    now = now_utc()
    if target is Status.SCHEDULED and (
        publish_at is None or publish_at.tzinfo is None or publish_at <= now
    ):
        raise Problem(
            422, "to schedule, give a future publish_at with a UTC offset", kind="validation"
        )
    if target in (Status.SCHEDULED, Status.PUBLISHED) or (
        target is Status.APPROVED and publish_on_approval(session)
    ):
        legal.check_signed_off(session, record, None)
    _set_status(session, record, target, caller.user)
    if target is Status.SCHEDULED and publish_at is not None:
        articles.schedule(session, record, record.version, publish_at, now)
    elif target is Status.PUBLISHED:
        articles.publish(session, record, record.version, now, note=note, user=caller.user)
    elif target is Status.WITHDRAWN:
        articles.unpublish(session, record, now)
    event = WorkflowEventRecord(
        article_id=record.id,
        version=record.version,
        verb=move.verb,
        from_state=source.value,
        to_state=target.value,
        user=caller.user,
        note=note.strip(),
        created_at=now,
    )
    session.add(event)
    lifecycle.audit(
        session,
        record,
        f"move:{move.verb}",
        caller.user,
        now,
        note=note,
        from_state=source.value,
        to_state=target.value,
    )
    if target is Status.APPROVED and publish_on_approval(session):
        _set_status(session, record, Status.PUBLISHED, caller.user)
        articles.publish(session, record, record.version, now, user=caller.user)
        lifecycle.audit(
            session,
            record,
            "publish",
            caller.user,
            now,
            note="published on approval (site setting)",
            from_state=Status.APPROVED.value,
            to_state=Status.PUBLISHED.value,
        )
        session.add(
            WorkflowEventRecord(
                article_id=record.id,
                version=record.version,
                verb="publish",
                from_state=Status.APPROVED.value,
                to_state=Status.PUBLISHED.value,
                user=caller.user,
                note="published on approval (site setting)",
                created_at=now,
            )
        )
    session.flush()
    return event


@router.get("/workflow", response_model=WorkflowOut)
def get_workflow(request: Request, caller: Caller) -> WorkflowOut:
    """The workflow table (which role may make which move) and this site's options."""
    require(caller, Action.READ)
    with state_of(request).db.session() as session:
        on_approval = publish_on_approval(session)
    moves = [
        MoveOut(
            verb=m.verb,
            source=m.source,
            target=m.target,
            lowest_role=m.lowest_role.value,
            note_required=m.note_required,
        )
        for m in MOVES
    ]
    return WorkflowOut(
        moves=moves,
        require_approval=state_of(request).config.require_approval,
        publish_on_approval=on_approval,
    )


@router.put("/site/workflow", response_model=WorkflowOut)
def put_site_policy(body: SitePolicyIn, request: Request, caller: Caller) -> WorkflowOut:
    """Set publish-on-approval for this site (admins only)."""
    if role_of(caller) is not Role.ADMIN:
        raise Problem(403, "only an admin may change the site's workflow", kind="forbidden")
    with state_of(request).db.session() as session:
        row = session.get(SiteSettingRecord, PUBLISH_ON_APPROVAL)
        value = "true" if body.publish_on_approval else "false"
        if row is None:
            session.add(SiteSettingRecord(key=PUBLISH_ON_APPROVAL, value=value))
        else:
            row.value = value
    return get_workflow(request, caller)


@router.post("/articles/{article_id}/transition", response_model=TransitionOut)
def transition(
    article_id: UUID, body: TransitionIn, request: Request, caller: Caller
) -> TransitionOut:
    """Move the article in the workflow; 403 when the caller's role may not, 409 when there
    is no such move from its current state."""
    require(caller, Action.READ)
    with state_of(request).db.session() as session:
        record = articles.get(session, str(article_id), lock=True)
        event = apply_transition(session, record, caller, body.to, body.note, body.publish_at)
        out = articles.to_out(record, site_url(request))
        return TransitionOut(article=out, event=event_out(event) if event else None)


@router.get("/articles/{article_id}/workflow", response_model=EventList)
def list_events(article_id: UUID, request: Request, caller: Caller) -> EventList:
    """The article's workflow moves, oldest first, with their notes."""
    require(caller, Action.READ)
    with state_of(request).db.session() as session:
        articles.get(session, str(article_id))
        rows = session.scalars(
            select(WorkflowEventRecord)
            .where(WorkflowEventRecord.article_id == str(article_id))
            .order_by(WorkflowEventRecord.id)
        )
        return EventList(items=[event_out(row) for row in rows])
