"""Prometheus metrics and the per-request middleware: a request id, a log line, a count and a
latency for each request, plus the scheduler's queue and lag read from the database."""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from workstation.domain.article import now_utc
from workstation.service.db import ServiceDatabase
from workstation.service.logs import request_id
from workstation.service.models import ArticleRecord, IdempotencyRecord

log = logging.getLogger("workstation.request")
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
_GOOD_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1.0, 2.5, 5.0)


class QueueCollector(Collector):
    """Read at each scrape: scheduled articles waiting, how late the oldest due one is, and
    publish requests in flight (the service's side of the workstations' outboxes)."""

    def __init__(self, db: ServiceDatabase) -> None:
        self.db = db

    def collect(self) -> Iterator[GaugeMetricFamily]:
        now = now_utc()
        with self.db.session() as session:
            waiting = session.scalar(
                select(func.count()).where(ArticleRecord.publish_at.is_not(None))
            )
            oldest_due = session.scalar(
                select(func.min(ArticleRecord.publish_at)).where(ArticleRecord.publish_at <= now)
            )
            in_flight = session.scalar(
                select(func.count()).where(IdempotencyRecord.state == "in_flight")
            )
        lag = (now - oldest_due).total_seconds() if oldest_due is not None else 0.0
        yield GaugeMetricFamily(
            "workstation_scheduled_articles", "Articles scheduled, not yet live", waiting or 0
        )
        yield GaugeMetricFamily(
            "workstation_scheduler_lag_seconds", "How late the oldest due article is", lag
        )
        yield GaugeMetricFamily(
            "workstation_publish_in_flight",
            "Publish requests started under an Idempotency-Key, not finished",
            in_flight or 0,
        )


class Metrics:
    """This process's metrics (each process has its own; scrape every one)."""

    def __init__(self, db: ServiceDatabase | None = None) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "workstation_http_requests",
            "HTTP requests answered",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "workstation_http_request_duration_seconds",
            "Time to answer a request",
            ["method", "route"],
            buckets=BUCKETS,
            registry=self.registry,
        )
        if db is not None:
            self.registry.register(QueueCollector(db))

    def render(self) -> bytes:
        return generate_latest(self.registry)


def _route_of(scope: Scope) -> str:
    route = scope.get("route")
    return str(getattr(route, "path", "")) or "unmatched"


class RequestMiddleware:
    """Gives each request an id (the caller's X-Request-ID when it is a sane one), answers
    with it, logs one line and counts the request when it ends."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        rid = sent if _GOOD_ID.fullmatch(sent) else uuid.uuid4().hex
        token = request_id.set(rid)
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            self._record(scope, status, elapsed)
            request_id.reset(token)

    def _record(self, scope: Scope, status: int, elapsed: float) -> None:
        method, route = str(scope.get("method", "")), _route_of(scope)
        self.metrics.requests.labels(method, route, str(status)).inc()
        self.metrics.latency.labels(method, route).observe(elapsed)
        extra: dict[str, Any] = {
            "method": method,
            "route": route,
            "status": status,
            "duration_ms": round(elapsed * 1000, 1),
        }
        log.info("request", extra=extra)
