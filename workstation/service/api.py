"""The /api/v1 article routes: conditional PUT, reads with ETags, changes, revisions, actions."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Body, Depends, Header, Query, Request, Response
from fastapi import Path as FastPath
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workstation.domain.article import Status, now_utc
from workstation.service import articles, idempotency, legal, lifecycle
from workstation.service.auth import Action, Principal
from workstation.service.changes import Cursor
from workstation.service.deps import current_principal, require, site_url, state_of
from workstation.service.models import ArticleRecord
from workstation.service.problems import Problem
from workstation.service.schemas import (
    MAX_VERSION,
    ArticleContent,
    ArticleList,
    ArticleOut,
    PublishRequest,
    RevisionList,
    RevisionOut,
    ScheduleRequest,
    TakedownRequest,
    UnpublishRequest,
    WhoAmI,
)
from workstation.service.workflow import back_to_review, guard_status_change, status_of

router = APIRouter(prefix="/api/v1", tags=["articles"])
Caller = Annotated[Principal, Depends(current_principal)]
PROBLEM: dict[str, Any] = {"content": {"application/problem+json": {}}}
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": text, **PROBLEM}
    for code, text in {
        401: "No, unknown or revoked token",
        403: "Role not allowed",
        404: "No such article",
        409: "Same key in flight",
        412: "Stale version",
        422: "Invalid request or reused key",
        428: "Precondition header missing",
    }.items()
}


@router.get("/whoami", response_model=WhoAmI)
def whoami(caller: Caller) -> WhoAmI:
    """Who the token belongs to (clients use it to check a token)."""
    return WhoAmI(user=caller.user, role=caller.role.value)


@router.put("/articles/{article_id}", response_model=ArticleOut, responses=_ERRORS, status_code=200)
def put_article(
    article_id: UUID,
    content: ArticleContent,
    request: Request,
    response: Response,
    caller: Caller,
    if_match: Annotated[str | None, Header()] = None,
    if_none_match: Annotated[str | None, Header()] = None,
) -> ArticleOut:
    """Create with `If-None-Match: *`, or update with `If-Match: "<version>"`."""
    require(caller, Action.CREATE_ARTICLE)
    article = str(article_id)
    db, site, now = state_of(request).db, site_url(request), now_utc()
    if if_match is None and if_none_match is None:
        raise Problem(
            428,
            'send If-None-Match: * to create, or If-Match: "<version>" to update',
            kind="precondition-required",
        )
    if if_none_match is not None and if_none_match.strip() != "*":
        raise Problem(400, "If-None-Match on PUT must be *", kind="bad-precondition")
    if if_none_match is not None and if_match is None:
        guard_status_change(caller, None, content.status)
        try:
            with db.session() as session:
                existing = articles.find(session, article)
                if existing is not None:
                    raise articles.stale(existing, "the article exists already")
                out = articles.to_out(
                    articles.create(session, article, content, caller.user, now), site
                )
        except IntegrityError:  # created by a concurrent request
            with db.session() as session:
                current = articles.get(session, article)
            raise articles.stale(current, "the article exists already") from None
        response.status_code = 201
        response.headers["Location"] = f"/api/v1/articles/{article}"
    else:
        expected = articles.parse_if_match(if_match or "")
        with db.session() as session:
            record = articles.find(session, article, lock=True)
            if record is None:
                raise Problem(
                    412,
                    "there is no such article to update; create it with If-None-Match: *",
                    kind="no-such-article",
                )
            if record.created_by != caller.user:
                require(caller, Action.UPDATE_ANY_ARTICLE)
            else:
                require(caller, Action.UPDATE_OWN_ARTICLE)
            guard_status_change(caller, status_of(record), content.status)
            content = back_to_review(session, record, caller, content, now)
            out = articles.to_out(
                articles.update(session, record, content, expected, caller.user, now), site
            )
    response.headers["ETag"] = out.etag
    return out


@router.get("/articles/{article_id}", response_model=ArticleOut, responses=_ERRORS)
def get_article(
    article_id: UUID,
    request: Request,
    caller: Caller,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    """The article; 304 when If-None-Match names its current ETag."""
    require(caller, Action.READ)
    with state_of(request).db.session() as session:
        out = articles.to_out(articles.get(session, str(article_id)), site_url(request))
    return _with_etag(request, out.model_dump(mode="json"), out.etag)


def _with_etag(request: Request, data: Any, etag: str | None = None) -> Response:
    """A JSON read with an ETag (the version, or a digest of the body); 304 when it matches."""
    body = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    etag = etag or '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    wanted = {t.strip() for t in request.headers.get("if-none-match", "").split(",")}
    if etag in wanted or "*" in wanted:
        return Response(status_code=304, headers={"ETag": etag})
    return Response(body, media_type="application/json", headers={"ETag": etag})


@router.get("/articles", response_model=ArticleList, responses=_ERRORS)
def list_articles(
    request: Request,
    caller: Caller,
    updated_since: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=articles.MAX_PAGE)] = 100,
) -> Response:
    """Articles changed after `updated_since` (a time or the previous page's `next_cursor`)."""
    require(caller, Action.READ)
    since = Cursor.decode(updated_since) if updated_since is not None else None
    site = site_url(request)
    with state_of(request).db.session() as session:
        rows, cursor = articles.list_changes(session, since, limit)
        items = [articles.to_summary(row, site) for row in rows]
    page = ArticleList(items=items, next_cursor=cursor or updated_since)
    return _with_etag(request, page.model_dump(mode="json"))


@router.get("/articles/{article_id}/revisions", response_model=RevisionList, responses=_ERRORS)
def list_revisions(article_id: UUID, request: Request, caller: Caller) -> Response:
    """Every version of the article, newest first."""
    require(caller, Action.READ)
    with state_of(request).db.session() as session:
        articles.get(session, str(article_id))
        listing = RevisionList(items=articles.revisions(session, str(article_id)))
    return _with_etag(request, listing.model_dump(mode="json"))


@router.get(
    "/articles/{article_id}/revisions/{version}", response_model=RevisionOut, responses=_ERRORS
)
def get_revision(
    article_id: UUID,
    version: Annotated[int, FastPath(ge=1, le=MAX_VERSION)],
    request: Request,
    caller: Caller,
) -> Response:
    require(caller, Action.READ)
    with state_of(request).db.session() as session:
        articles.get(session, str(article_id))
        for revision in articles.revisions(session, str(article_id)):
            if revision.version == version:
                return _with_etag(request, revision.model_dump(mode="json"), f'"{version}"')
    raise Problem(404, f"no version {version} of this article", kind="no-such-revision")


URL_RACE_ATTEMPTS = articles.URL_PROBES + 3
ActionFn = Callable[[Session, ArticleRecord, datetime], None]


def _run_action(
    request: Request,
    caller: Caller,
    article_id: UUID,
    key: str | None,
    body: dict[str, Any],
    action: ActionFn,
) -> Response:
    """Run an action once per Idempotency-Key; store its outcome with it, atomically."""
    key = idempotency.check_key(key)
    db = state_of(request).db
    fingerprint = idempotency.request_fingerprint("POST", request.url.path, body)
    replay = idempotency.begin(db, caller.user, key, fingerprint)
    if replay is not None:
        headers = {"Idempotent-Replayed": "true", "ETag": str(replay.body.get("etag", ""))}
        return JSONResponse(replay.body, status_code=replay.status_code, headers=headers)
    try:
        for attempt in range(1, URL_RACE_ATTEMPTS + 1):
            try:
                with db.session() as session:
                    record = articles.get(session, str(article_id), lock=True)
                    action(session, record, now_utc())
                    out = articles.to_out(record, site_url(request)).model_dump(mode="json")
                    idempotency.finish(session, caller.user, key, 200, out)
                break
            except IntegrityError:
                # Two first publishes raced for one URL; the next try sees the winner's and
                # takes the next free one.
                if attempt == URL_RACE_ATTEMPTS:
                    raise
    except BaseException:
        idempotency.release(db, caller.user, key)
        raise
    return JSONResponse(out, headers={"ETag": out["etag"]})


def _aware(when: datetime) -> datetime:
    if when.tzinfo is None:
        raise Problem(422, "publish_at needs a UTC offset", kind="validation")
    return when


KeyHeader = Annotated[str | None, Header(alias="Idempotency-Key")]


@router.post("/articles/{article_id}/publish", response_model=ArticleOut, responses=_ERRORS)
def publish_article(
    article_id: UUID,
    request: Request,
    caller: Caller,
    body: Annotated[PublishRequest, Body()] = PublishRequest(),  # noqa: B008
    idempotency_key: KeyHeader = None,
) -> Response:
    """Put a version live now, or at `publish_at` when that is in the future."""
    require(caller, Action.PUBLISH)
    at = _aware(body.publish_at) if body.publish_at else None
    return _go_live(request, caller, article_id, idempotency_key, body, at)


@router.post("/articles/{article_id}/schedule", response_model=ArticleOut, responses=_ERRORS)
def schedule_article(
    article_id: UUID,
    body: ScheduleRequest,
    request: Request,
    caller: Caller,
    idempotency_key: KeyHeader = None,
) -> Response:
    """Go live at `publish_at` (at once if that has passed); the service does it by itself."""
    require(caller, Action.SCHEDULE)
    at = _aware(body.publish_at)
    return _go_live(request, caller, article_id, idempotency_key, body, at)


def _go_live(
    request: Request,
    caller: Caller,
    article_id: UUID,
    idempotency_key: str | None,
    body: PublishRequest | ScheduleRequest,
    at: datetime | None,
) -> Response:
    """Publish `body.version` now, or schedule it when `at` is in the future (approval
    checked). The page context goes with it; a retry may carry a fresher one, so the
    idempotency fingerprint leaves it out."""
    approval = state_of(request).config.require_approval
    version = body.version
    page = body.page.model_dump(mode="json") if body.page is not None else None
    kind = getattr(body, "kind", None)
    note = getattr(body, "note", "")
    override = getattr(body, "override", "")

    def act(session: Session, record: ArticleRecord, now: datetime) -> None:
        if approval:
            articles.check_approved(session, record, version)
        if page is not None:
            record.page = page
        source = record.state
        legal.check_signed_off(session, record, version)
        if at is not None and at > now:
            lifecycle.check_republish(record, kind, note)  # the scheduler will not ask
            articles.schedule(session, record, version, at, now)
            action = "schedule"
        else:
            action = articles.publish(
                session, record, version, now, kind=kind, note=note, user=caller.user
            )
            if action == "republish-after-takedown" and status_of(record) is Status.WITHDRAWN:
                content = ArticleContent.model_validate(
                    {**record.content, "status": Status.PUBLISHED.value}
                )
                articles.update(session, record, content, None, caller.user, now)
        lifecycle.audit(
            session,
            record,
            action,
            caller.user,
            now,
            note=note,
            version=record.scheduled_version or record.live_version,
            from_state=source,
            to_state=record.state,
        )
        if override.strip():
            lifecycle.audit(session, record, "override", caller.user, now, note=override)

    fingerprinted = body.model_dump(mode="json", exclude={"page"})
    for name, default in (("kind", None), ("note", ""), ("override", "")):  # as before
        if fingerprinted.get(name, default) == default:
            fingerprinted.pop(name, None)
    return _run_action(request, caller, article_id, idempotency_key, fingerprinted, act)


@router.post("/articles/{article_id}/unpublish", response_model=ArticleOut, responses=_ERRORS)
def unpublish_article(
    article_id: UUID,
    request: Request,
    caller: Caller,
    body: Annotated[UnpublishRequest, Body()] = UnpublishRequest(),  # noqa: B008
    idempotency_key: KeyHeader = None,
) -> Response:
    """Take the article off the site (its URL then answers 410 Gone)."""
    require(caller, Action.UNPUBLISH)

    def act(session: Session, record: ArticleRecord, now: datetime) -> None:
        articles.unpublish(session, record, now)

    return _run_action(
        request, caller, article_id, idempotency_key, body.model_dump(mode="json"), act
    )


@router.post("/articles/{article_id}/takedown", response_model=ArticleOut, responses=_ERRORS)
def take_down_article(
    article_id: UUID,
    body: TakedownRequest,
    request: Request,
    caller: Caller,
    idempotency_key: KeyHeader = None,
) -> Response:
    """Take the story down (publishers only; `reason` required): its page answers 410 Gone and
    it leaves every list, feed, sitemap and related block at once. Republishing it needs a
    publisher's note."""
    require(caller, Action.TAKE_DOWN)

    def act(session: Session, record: ArticleRecord, now: datetime) -> None:
        source = record.state
        lifecycle.take_down(session, record, body.reason, now)
        if status_of(record) is not Status.WITHDRAWN:  # every workstation syncs the status
            content = ArticleContent.model_validate(
                {**record.content, "status": Status.WITHDRAWN.value}
            )
            articles.update(session, record, content, None, caller.user, now)
        lifecycle.audit(
            session,
            record,
            "takedown",
            caller.user,
            now,
            note=body.reason,
            from_state=source,
            to_state=record.state,
        )

    return _run_action(
        request, caller, article_id, idempotency_key, body.model_dump(mode="json"), act
    )
