"""Sync state as values: merge bases, a target's cursors, queued changes, conflicts.

The store (store/sync_state.py) keeps these in its tables; sync and the use cases see only
these values.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any


class QueueKind(enum.StrEnum):
    """What a queued change asks of the service (stored in `sync_queue.kind`)."""

    TRANSITION = "transition"  # a workflow move: {"to": status, "note": text}
    COMMENT = "comment"  # a new comment or reply: {"id", "body", "parent_id", "quote", "start"}
    RESOLVE = "resolve"  # resolve or reopen a comment: {"id", "resolved"}


class QueueState(enum.StrEnum):
    """Where a queued change is (stored in `sync_queue.state`)."""

    PENDING = "pending"  # to send at the next sync
    DONE = "done"  # the service took it
    REFUSED = "refused"  # the service said no; kept, and reported


@dataclass(frozen=True)
class SyncBase:
    """The last version both sides agreed on: the base of the next three-way merge."""

    version: int
    content: dict[str, Any]
    author: str


@dataclass(frozen=True)
class TargetState:
    """Per target: the feed cursors, who we are there, and how the last round went."""

    target: str
    article_cursor: str
    comment_cursor: str
    user: str
    role: str
    last_sync_at: datetime | None
    last_error: str


@dataclass(frozen=True)
class QueuedChange:
    """A change made here to send when online: a workflow move, a comment, a resolve."""

    id: int
    article_id: str
    kind: QueueKind
    payload: dict[str, Any]
    state: QueueState
    last_error: str


@dataclass(frozen=True)
class SyncConflict:
    """Two versions that changed the same text: both kept as revisions until resolved."""

    id: int
    article_id: str
    base_version: int
    remote_version: int
    local_revision_id: int
    remote_revision_id: int
    fields: tuple[str, ...]
    created_at: datetime
    resolved: bool
