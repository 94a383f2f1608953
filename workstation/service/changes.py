"""The change sequence behind the sync feeds: a number per committing transaction, in commit
order, so a reader paging by cursor can neither skip a change still committing nor repeat one.

Every transaction that changes an article or a comment takes the next number from the one-row
counter as its last step before COMMIT, and stamps it on the rows it changed. On PostgreSQL the
counter's row lock is held until that COMMIT, so the transaction after it gets the next number
only once this one is visible: a reader that sees number n has every number below n too. On
SQLite writers are serialized anyway (BEGIN IMMEDIATE). Clocks play no part.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, event, or_, update
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import get_history

from workstation.service.models import ArticleRecord, ChangeCounterRecord
from workstation.service.problems import Problem
from workstation.service.review_models import CommentRecord

TRACKED = (ArticleRecord, CommentRecord)
_PENDING = "changed_rows"


def _collect(session: Session, _context: Any) -> None:
    """After each flush: remember the tracked rows it created, or whose updated_at it moved."""
    pending: set[Any] = session.info.setdefault(_PENDING, set())
    for row in session.new:
        if isinstance(row, TRACKED):
            pending.add(row)
    for row in session.dirty:
        if isinstance(row, TRACKED) and get_history(row, "updated_at").has_changes():
            pending.add(row)


def _stamp(session: Session) -> None:
    """Before COMMIT: one number for this transaction, on every row it changed."""
    session.flush()
    pending: set[Any] = session.info.pop(_PENDING, set())
    rows = [row for row in pending if row in session]
    if not rows:
        return
    seq = session.execute(
        update(ChangeCounterRecord)
        .where(ChangeCounterRecord.id == 1)
        .values(value=ChangeCounterRecord.value + 1)
        .returning(ChangeCounterRecord.value)
    ).scalar_one()
    for row in rows:
        row.change_seq = seq


def _forget(session: Session, *_args: Any) -> None:
    session.info.pop(_PENDING, None)


def install(sessions: sessionmaker[Session]) -> None:
    """Stamp changes in every session `sessions` makes (the service database's)."""
    event.listen(sessions, "after_flush", _collect)
    event.listen(sessions, "before_commit", _stamp)
    event.listen(sessions, "after_rollback", _forget)


@dataclass(frozen=True)
class Cursor:
    """Where a feed reader is: after change `seq`, and after `row_id` within it. A cursor from
    an older service (a time, or a time and an id) keeps working: `since` is that time, and the
    first page starts from there; the next cursor is a sequence one."""

    seq: int = 0
    row_id: str = ""
    since: datetime | None = None

    def encode(self) -> str:
        return f"c{self.seq}.{self.row_id}"

    @classmethod
    def after(cls, row: ArticleRecord | CommentRecord) -> Cursor:
        return cls(row.change_seq, row.id)

    @classmethod
    def decode(cls, text: str) -> Cursor:
        """A cursor from `next_cursor`, an older service's cursor, or a plain ISO 8601 time."""
        match = _SEQUENCE.fullmatch(text)
        if match:
            return cls(int(match["seq"]), match["row"])
        return cls(since=_legacy_time(text))

    def where(self, table: type[ArticleRecord] | type[CommentRecord]) -> ColumnElement[bool]:
        if self.since is not None:
            return table.updated_at >= self.since  # a re-read is harmless, a skip is not
        return or_(
            table.change_seq > self.seq,
            and_(table.change_seq == self.seq, table.id > self.row_id),
        )


SEQUENCE_PATTERN = r"^c[0-9]{1,18}\.[0-9a-f-]{0,36}$"
_SEQUENCE = re.compile(r"c(?P<seq>[0-9]{1,18})\.(?P<row>[0-9a-f-]{0,36})")


def _legacy_time(text: str) -> datetime:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
            when = datetime.fromisoformat(raw.partition("|")[0])
        except ValueError:
            raise Problem(
                400, "updated_since is neither a cursor nor an ISO 8601 time", kind="bad-cursor"
            ) from None
    if when.tzinfo is None:
        raise Problem(400, "updated_since needs a UTC offset", kind="bad-cursor")
    return when


def page(
    query: Select[Any],
    table: type[ArticleRecord] | type[CommentRecord],
    since: Cursor | None,
) -> Select[Any]:
    """`query` restricted to changes after `since`, in change order."""
    if since is not None:
        query = query.where(since.where(table))
    return query.order_by(table.change_seq, table.id)
