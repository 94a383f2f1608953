"""A story's life after publish, as values: republish kinds, corrections, takedowns, audit."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


class RepublishKind(enum.StrEnum):
    """What a republish of a live story is (sent to the service as these words)."""

    SILENT = "silent"
    """A typo fix: the page shows no "Updated" time and no feed sees a change of substance."""
    UPDATE = "update"
    """New facts: the page shows "Updated" with the time."""
    CORRECTION = "correction"
    """Something was wrong: a dated footnote says what, for good."""


@dataclass(frozen=True)
class Correction:
    """One correction note on a story; corrections are only ever added to, never edited."""

    note: str
    created_at: datetime
    version: int = 0
    user: str = ""


@dataclass(frozen=True)
class PageHistory:
    """What the reader page shows of a story's life: when it was last updated (None: never)
    and its corrections, oldest first."""

    updated_at: datetime | None = None
    corrections: tuple[Correction, ...] = field(default_factory=tuple)

    @property
    def modified_at(self) -> datetime | None:
        """The last change readers are told about (dateModified, Atom updated)."""
        times = [c.created_at for c in self.corrections]
        if self.updated_at is not None:
            times.append(self.updated_at)
        return max(times) if times else None


@dataclass(frozen=True)
class AuditEntry:
    """One line of a story's audit trail: who did what, when, to which revision, and why."""

    action: str
    user: str
    created_at: datetime
    version: int | None = None
    note: str = ""
    from_state: str = ""
    to_state: str = ""
