"""The ASGI app: routers, problem handlers, the database and the scheduler, in one lifespan."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

from workstation import __version__
from workstation.domain.article import now_utc
from workstation.service import (
    api,
    articles,
    lifecycle_api,
    media,
    newsletter_site,
    ninjs_api,
    ops,
    reader,
    review_api,
    workflow,
)
from workstation.service.config import ServiceConfig
from workstation.service.db import ServiceDatabase, open_service_database
from workstation.service.deps import ServiceState
from workstation.service.metrics import Metrics, QueueCollector, RequestMiddleware
from workstation.service.openapi import service_openapi
from workstation.service.problems import install_problem_handlers

log = logging.getLogger(__name__)


SCHEDULER_BATCH = 20


def publish_due(db: ServiceDatabase) -> int:
    """Put every scheduled article whose time has come live, a batch per transaction, each
    with a workflow event naming the scheduler; returns how many went live here."""
    now = now_utc()
    published = 0
    while True:
        with db.session() as session:
            due = articles.claim_due(session, now, SCHEDULER_BATCH)
            for record in due:
                workflow.record_scheduled_publish(session, record, now)
        published += len(due)
        if len(due) < SCHEDULER_BATCH:
            return published


async def _scheduler(db: ServiceDatabase, interval: float) -> None:
    while True:
        try:
            count = await run_in_threadpool(publish_due, db)
            if count:
                log.info("scheduler: %d article(s) went live", count)
        except Exception:  # keep the loop alive through a database hiccup
            log.exception("scheduler: run failed; trying again")
        await asyncio.sleep(interval)


def create_app(config: ServiceConfig) -> FastAPI:
    """A new app for `config`. Nothing is opened until the server starts it (lifespan)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = await run_in_threadpool(open_service_database, config.database_url)
        app.state.service = await run_in_threadpool(ServiceState.open, db, config)
        queues = QueueCollector(db)
        metrics.registry.register(queues)
        task = asyncio.create_task(_scheduler(db, config.scheduler_interval))
        try:
            yield
        finally:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task
            metrics.registry.unregister(queues)
            db.close()

    metrics = Metrics()

    app = FastAPI(
        title="Editorial Workstation upload service",
        version=__version__,
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.openapi = lambda: service_openapi(app)  # type: ignore[method-assign]
    app.state.metrics = metrics
    app.add_middleware(RequestMiddleware, metrics=metrics)
    install_problem_handlers(app)
    newsletter_site.redact_access_log()
    app.include_router(ops.router)
    app.include_router(api.router)
    app.include_router(media.router)
    app.include_router(ninjs_api.router)
    app.include_router(newsletter_site.router)
    app.include_router(lifecycle_api.router)
    app.include_router(review_api.router)  # before the reader site's catch-all /{y}/{m}/{slug}
    app.include_router(reader.router)
    return app
