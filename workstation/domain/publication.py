"""Publishing as values: an article's state on the site, accounts, outbox jobs, publications.

The store (store/outbox.py) keeps these in its tables and hands these values out; the use cases,
the GUI and the CLI only ever see the values.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from workstation.domain.article import Status


@dataclass(frozen=True)
class ArticleState:
    """The store's word on an article's publication, whoever changed it last (window, CLI,
    the outbox worker, a sync round, another process)."""

    article_id: str
    status: Status
    live_url: str = ""
    publish_at: datetime | None = None
    published_at: datetime | None = None
    last_error: str = ""

    @property
    def is_live(self) -> bool:
        return self.status is Status.PUBLISHED


class JobState(enum.StrEnum):
    """Where an outbox job is (stored as these words). Only PENDING and SENDING jobs are still
    to be sent."""

    PENDING = "pending"
    SENDING = "sending"
    DONE = "done"
    FAILED = "failed"
    CONFLICT = "conflict"
    SIGN_IN = "sign_in"
    CANCELLED = "cancelled"


OPEN_STATES = (JobState.PENDING, JobState.SENDING)


class OutboxAction(enum.StrEnum):
    """What an outbox job does (stored in `outbox_jobs.action`; the column stays a plain
    string so a job with a word this version does not know fails as a job, not as a read)."""

    PUBLISH = "publish"
    UNPUBLISH = "unpublish"
    TAKEDOWN = "takedown"
    """Take the story down for good; the job's `note` is the reason."""


@dataclass(frozen=True)
class Account:
    """A publish target. Its token is in the keyring (workstation.secrets), never here."""

    name: str
    kind: str
    url: str
    is_default: bool


@dataclass(frozen=True)
class OutboxJob:
    """One publish or unpublish to send, with the one Idempotency-Key all its attempts use."""

    id: int
    article_id: str
    revision_id: int | None
    action: str
    target: str
    idempotency_key: str
    publish_at: datetime | None
    state: JobState
    attempts: int
    next_attempt_at: datetime
    last_error: str
    live_url: str
    created_at: datetime
    updated_at: datetime
    kind: str = ""
    """What a republish of a live story is: silent, update or correction ("" not said)."""
    note: str = ""
    """The correction's note, or the publisher's note to republish a story taken down."""
    override: str = ""
    """Why the publish went over house-style errors or the checklist."""

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


@dataclass(frozen=True)
class Publication:
    """What a target holds of an article: its version there (for If-Match) and live URL."""

    article_id: str
    target: str
    remote_version: int | None
    url: str
    state: str
