"""The outbox worker: sends queued jobs, one Idempotency-Key per job, retrying what is transient."""

from __future__ import annotations

import logging
import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from workstation.article_writer import write_article
from workstation.domain.article import Article, Status, now_utc
from workstation.domain.publication import JobState, OutboxAction, OutboxJob
from workstation.publish.errors import (
    ConflictError,
    NotConfigured,
    PublishError,
    RejectedError,
    SignInRequired,
    TransientError,
)
from workstation.publish.target import PictureUpload, PublishTarget, RemoteState
from workstation.store.db import Database
from workstation.store.outbox import OutboxRepository
from workstation.store.repository import ArticleRepository

log = logging.getLogger(__name__)

TargetFactory = Callable[[str], PublishTarget]
JobCallback = Callable[[OutboxJob], None]
# What the page shows around an article's body (usecases.page_context), sent with publish.
PageFn = Callable[[Article], dict[str, Any]]
# The library pictures an article shows (body and hero), uploaded before the article.
PicturesFn = Callable[[Article], list[PictureUpload]]
_MEDIA_REF = re.compile(r"(?<![\w/])media:([0-9a-f]{64})(?![0-9a-f])")


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with full jitter, never sooner than the server's Retry-After."""

    base: float = 1.0
    cap: float = 300.0
    retry_after_cap: float = 3600.0

    def delay(self, attempt: int, retry_after: float | None, rng: random.Random) -> float:
        ceiling = min(self.cap, self.base * 2 ** max(0, attempt - 1))
        delay = rng.uniform(0, ceiling)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.retry_after_cap))
        return delay


class OutboxWorker:
    """Sends due jobs from the local outbox. `send_one` for one step; `start` for a thread."""

    def __init__(
        self,
        db: Database,
        targets: TargetFactory,
        *,
        policy: RetryPolicy | None = None,
        rng: random.Random | None = None,
        lease: timedelta = timedelta(minutes=2),
        on_change: JobCallback | None = None,
        page: PageFn | None = None,
        pictures: PicturesFn | None = None,
    ) -> None:
        self._db = db
        self._page = page
        self._pictures = pictures
        self._targets = targets
        self.policy = policy or RetryPolicy()
        self._rng = rng or random.Random()
        self._lease = lease
        self._on_change = on_change
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # one step
    def send_one(self) -> OutboxJob | None:
        """Claim and send the oldest due job; its new state, or None when nothing is due."""
        with self._db.session() as session:
            job = OutboxRepository(session).claim_due(now_utc(), self._lease)
        if job is None:
            return None
        self._process(job)
        with self._db.session() as session:
            done = OutboxRepository(session).job(job.id)
        if done is not None and self._on_change is not None:
            self._on_change(done)
        return done

    def run_until(self, finished: Callable[[], bool], timeout: float) -> bool:
        """Send jobs, waiting for retries as they fall due, until `finished()` or the timeout."""
        deadline = time.monotonic() + timeout
        while not finished():
            if self.send_one() is not None:
                continue
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self._wake.wait(min(remaining, self._seconds_to_next_job()))
            self._wake.clear()
        return True

    def _seconds_to_next_job(self) -> float:
        with self._db.session() as session:
            next_at = OutboxRepository(session).next_due_time()
        if next_at is None:
            return 30.0
        return min(30.0, max(0.01, (next_at - now_utc()).total_seconds()))

    def _process(self, job: OutboxJob) -> None:
        try:
            target = self._targets(job.target)
        except NotConfigured as exc:
            self._finish(job, JobState.SIGN_IN, str(exc))
            return
        try:
            if job.action == OutboxAction.PUBLISH:
                result = self._publish(job, target)
            elif job.action == OutboxAction.UNPUBLISH:
                result = target.unpublish(job.article_id, job.idempotency_key)
            elif job.action == OutboxAction.TAKEDOWN:
                result = target.take_down(job.article_id, job.note, job.idempotency_key)
            else:
                raise RejectedError(f"unknown action {job.action}", 0)
        except TransientError as exc:
            delay = self.policy.delay(job.attempts, exc.retry_after, self._rng)
            log.info("outbox job %d: %s; retry in %.1f s", job.id, exc, delay)
            with self._db.session() as session:
                OutboxRepository(session).retry_later(
                    job.id, now_utc() + timedelta(seconds=delay), str(exc)
                )
        except SignInRequired as exc:
            self._finish(job, JobState.SIGN_IN, str(exc))
        except ConflictError as exc:
            self._finish(job, JobState.CONFLICT, str(exc))
        except PublishError as exc:
            self._finish(job, JobState.FAILED, str(exc))
        else:
            self._succeeded(job, result)
        finally:
            target.close()

    def _publish(self, job: OutboxJob, target: PublishTarget) -> RemoteState:
        with self._db.session() as session:
            if job.revision_id is None:
                raise RejectedError("the job has no revision to publish", 0)
            article = ArticleRepository(session).revision(job.revision_id).article
            known = OutboxRepository(session).publication(job.article_id, job.target)
        sent = self._with_pictures_uploaded(article, target)
        pushed = target.push(sent, known.remote_version if known else None)
        with self._db.session() as session:  # remember the version now: a retry needs it
            OutboxRepository(session).save_publication(
                job.article_id, job.target, remote_version=pushed.version
            )
        page = self._page(article) if self._page is not None else None
        said = {"kind": job.kind, "note": job.note} if job.kind or job.note else {}
        if job.override:
            said["override"] = job.override
        return target.publish(
            job.article_id, pushed.version, job.idempotency_key, job.publish_at, page=page, **said
        )

    def _with_pictures_uploaded(self, article: Article, target: PublishTarget) -> Article:
        """Upload each picture the article shows (those there already are skipped), then the
        article as the target will hold it: `media:` references become the target's URLs.
        A fault midway leaves the job to retry; the pictures sent stay sent."""
        uploads = self._pictures(article) if self._pictures is not None else []
        if not uploads:
            return article
        upload = getattr(target, "upload_media", None)
        if upload is None:
            raise RejectedError(f"{target.name} cannot take pictures", 0)
        urls = {picture.sha256: upload(picture) for picture in uploads}
        body = _MEDIA_REF.sub(lambda m: urls.get(m.group(1), m.group(0)), article.body)
        return article.with_changes(body=body)

    def _finish(self, job: OutboxJob, state: JobState, error: str) -> None:
        log.warning("outbox job %d: %s: %s", job.id, state.value, error)
        with self._db.session() as session:
            OutboxRepository(session).finish(job.id, state, error)

    def _succeeded(self, job: OutboxJob, result: RemoteState) -> None:
        with self._db.session() as session:
            outbox = OutboxRepository(session)
            outbox.finish(job.id, JobState.DONE, live_url=result.url)
            outbox.save_publication(
                job.article_id,
                job.target,
                remote_version=result.version,
                url=result.url,
                state=result.state,
            )
            articles = ArticleRepository(session)
            article = articles.find(job.article_id)
            if article is not None:
                status = {"published": Status.PUBLISHED, "scheduled": Status.SCHEDULED}.get(
                    result.state, Status.WITHDRAWN
                )
                # The site's first-publication time is the page's date: the store keeps it.
                published_at: datetime | None = result.published_at or article.published_at
                if status is Status.PUBLISHED and published_at is None:
                    published_at = now_utc()
                moved = article.with_changes(status=status, published_at=published_at)
                write_article(session, moved)
        log.info("outbox job %d: done %s", job.id, result.url)

    def recover(self) -> int:
        """At start-up: take back jobs a killed run left SENDING. Sending one twice is safe, the
        Idempotency-Key makes the service replay it; waiting out the lease is not needed."""
        with self._db.session() as session:
            count = OutboxRepository(session).reclaim_sending(now_utc())
        if count:
            log.info("outbox: %d job(s) interrupted by an earlier run will be sent again", count)
        return count

    # background thread
    def start(self) -> None:
        """Recover interrupted jobs, then send in a thread until `stop()`."""
        if self._thread is not None:
            return
        self.recover()
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="outbox", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """A job was queued or reopened: look now rather than at the next timer."""
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                if self.send_one() is not None:
                    continue
                wait = self._seconds_to_next_job()
            except Exception:  # keep sending after a database or programming hiccup
                log.exception("outbox worker step failed")
                wait = 5.0
            self._wake.wait(wait)
            self._wake.clear()
