"""Operations routes: liveness (/healthz), readiness (/readyz) and Prometheus metrics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import text

from workstation.service import db as service_db
from workstation.service.deps import state_of
from workstation.service.metrics import CONTENT_TYPE, Metrics
from workstation.service.problems import Problem
from workstation.service.schemas import Health

router = APIRouter(tags=["operations"])
NOT_READY: dict[int | str, dict[str, Any]] = {
    503: {"description": "the database is unreachable or not migrated"}
}


@router.get("/healthz", response_model=Health)
def healthz() -> Health:
    """The process is up and answering (says nothing about the database)."""
    return Health(status="ok")


def _schema_revision(request: Request) -> str | None:
    engine = state_of(request).db.engine
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return service_db.current_revision(engine)


@router.get("/readyz", response_model=Health, responses=NOT_READY)
async def readyz(request: Request) -> Health:
    """Ready for traffic: the database answers and its schema is this release's."""
    try:
        revision = await run_in_threadpool(_schema_revision, request)
    except Exception:
        raise Problem(503, "the database does not answer", kind="not-ready") from None
    if revision != service_db.HEAD_REVISION:
        raise Problem(503, "the database schema is not this release's", kind="not-ready")
    return Health(status="ready")


@router.get("/metrics", response_class=Response, responses={200: {"content": {CONTENT_TYPE: {}}}})
async def metrics(request: Request) -> Response:
    """This process's metrics in Prometheus' text format (each process has its own)."""
    found: Metrics = request.app.state.metrics
    body = await run_in_threadpool(found.render)
    return Response(body, media_type=CONTENT_TYPE)
