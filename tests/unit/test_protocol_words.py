"""The protocol words (revision reasons, sync queue kinds and states, outbox job states and
actions) are enums in the domain whose values are the very strings stored before: old rows read
the same, new rows are written the same."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workstation.domain.article import Article, Status, new_id
from workstation.domain.publication import JobState, OutboxAction
from workstation.domain.revisions import (
    ReasonKind,
    RevisionReason,
    moved_reason,
    parse_reason,
    restored_reason,
    status_reason,
)
from workstation.domain.sync import QueueKind, QueueState
from workstation.store.db import open_database
from workstation.store.outbox import OutboxRepository
from workstation.store.repository import ArticleRepository
from workstation.store.sync_state import SyncRepository

# The words as the code wrote them as literals before the enums (issue 18): never change one.
STORED_BEFORE = {
    RevisionReason: {
        "created", "manual", "periodic", "imported", "import-update", "before-restore",
        "publish", "synced", "merged", "remote", "conflict-local", "conflict-remote",
        "conflict-resolved",
    },
    ReasonKind: {"status", "moved", "restored"},
    QueueKind: {"transition", "comment", "resolve"},
    QueueState: {"pending", "done", "refused"},
    JobState: {"pending", "sending", "done", "failed", "conflict", "sign_in", "cancelled"},
    OutboxAction: {"publish", "unpublish", "takedown"},
}  # fmt: skip


@pytest.mark.parametrize("enum_type", list(STORED_BEFORE), ids=lambda e: e.__name__)
def test_every_word_is_the_string_stored_before(enum_type: type) -> None:
    assert {member.value for member in enum_type} == STORED_BEFORE[enum_type]


def test_parametrised_reasons_are_built_and_read_back() -> None:
    assert status_reason(Status.IN_SUBBING) == "status:in_subbing"
    assert moved_reason(Status.APPROVED) == "moved:approved"
    assert restored_reason(42) == "restored:42"
    for status in Status:  # the reason column is VARCHAR(20)
        assert len(status_reason(status)) <= 20 and len(moved_reason(status)) <= 20
        parsed = parse_reason(status_reason(status))
        assert (parsed.word, parsed.argument, parsed.status) == (
            ReasonKind.STATUS,
            status.value,
            status,
        )
    assert parse_reason("restored:42").argument == "42"
    assert parse_reason("restored:42").status is None
    assert parse_reason("conflict-local").word is RevisionReason.CONFLICT_LOCAL
    assert parse_reason("a caller's own").word is None
    assert parse_reason("later:thing").word is None


def test_the_store_writes_and_reads_the_same_strings(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite3"
    db = open_database(path)
    article = Article(id=new_id(), headline="H")
    with db.session() as session:
        ArticleRepository(session).write_row(article)
        ArticleRepository(session).add_revision(article, status_reason(Status.SUBMITTED))
        sync = SyncRepository(session, "desk")
        change = sync.enqueue(article.id, QueueKind.TRANSITION, {"to": "submitted"})
        outbox = OutboxRepository(session)
        job = outbox.enqueue(article.id, None, OutboxAction.UNPUBLISH, "desk", "key-1")
    with db.session() as session:
        sync = SyncRepository(session, "desk")
        [pending] = sync.pending()
        assert pending.kind is QueueKind.TRANSITION and pending.state is QueueState.PENDING
        sync.finish(change, QueueState.REFUSED, "no")
        found = OutboxRepository(session).job(job.id)
        assert found is not None and found.state is JobState.PENDING
        OutboxRepository(session).finish(job.id, JobState.SIGN_IN)
    db.close()
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT kind, state FROM sync_queue").fetchall() == [
            ("transition", "refused")
        ]
        assert raw.execute("SELECT action, state FROM outbox_jobs").fetchall() == [
            ("unpublish", "sign_in")
        ]
        assert raw.execute("SELECT reason FROM revisions").fetchall() == [("status:submitted",)]
    finally:
        raw.close()
