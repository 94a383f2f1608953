"""Why a revision was taken: the words stored in `revisions.reason`, one enum for them all.

Most reasons are a fixed word (`RevisionReason`). Three carry an argument after a colon
(`ReasonKind`): "status:submitted" (a person moved the article here), "moved:approved" (sync
recorded a move made on the service), "restored:42" (revision 42 was made the working copy).
Build those with `status_reason`, `moved_reason` and `restored_reason`; read any reason back
with `parse_reason`. The stored strings are exactly the enum values, so old rows read the same.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from workstation.domain.article import Status


class RevisionReason(enum.StrEnum):
    """A reason that is one fixed word."""

    CREATED = "created"  # a new draft (window, CLI)
    MANUAL = "manual"  # File › Save revision, Ctrl+S
    PERIODIC = "periodic"  # the timed snapshot while editing
    IMPORTED = "imported"  # a new article from a front-matter file
    IMPORT_UPDATE = "import-update"  # a file with the id of an existing article
    BEFORE_RESTORE = "before-restore"  # the text a restore replaced
    PUBLISH = "publish"  # what one-click publishing sent
    SYNCED = "synced"  # the service's version taken as it is
    MERGED = "merged"  # a three-way merge of ours and the service's
    REMOTE = "remote"  # the service's version, kept under its author beside a merge
    CONFLICT_LOCAL = "conflict-local"  # our side of a conflict
    CONFLICT_REMOTE = "conflict-remote"  # the service's side of a conflict
    CONFLICT_RESOLVED = "conflict-resolved"  # the text a conflict was resolved with


class ReasonKind(enum.StrEnum):
    """A reason that carries an argument: "<kind>:<argument>"."""

    STATUS = "status"  # status:<Status value>, a move made here by a person
    MOVED = "moved"  # moved:<Status value>, the service's answer to a queued move
    RESTORED = "restored"  # restored:<revision id>


SEPARATOR = ":"


def status_reason(status: Status) -> str:
    """The reason "status:<status>": a person moved the article to `status` here."""
    return f"{ReasonKind.STATUS}{SEPARATOR}{status.value}"


def moved_reason(status: Status) -> str:
    """The reason "moved:<status>": sync recorded the service's move to `status`."""
    return f"{ReasonKind.MOVED}{SEPARATOR}{status.value}"


def restored_reason(revision_id: int) -> str:
    """The reason "restored:<id>": revision `revision_id` became the working copy again."""
    return f"{ReasonKind.RESTORED}{SEPARATOR}{revision_id}"


@dataclass(frozen=True)
class ParsedReason:
    """A stored reason read back: its word (None for a word this version does not know,
    such as a caller's own), and the argument of a parametrised one ("" otherwise)."""

    text: str
    word: RevisionReason | ReasonKind | None
    argument: str = ""

    @property
    def status(self) -> Status | None:
        """The status of a "status:" or "moved:" reason, else None."""
        if self.word in (ReasonKind.STATUS, ReasonKind.MOVED):
            try:
                return Status(self.argument)
            except ValueError:
                return None
        return None


def parse_reason(text: str) -> ParsedReason:
    """The stored `text` as a fixed word, a kind with its argument, or unknown."""
    kind, colon, argument = text.partition(SEPARATOR)
    if colon:
        try:
            return ParsedReason(text, ReasonKind(kind), argument)
        except ValueError:
            return ParsedReason(text, None)
    try:
        return ParsedReason(text, RevisionReason(text))
    except ValueError:
        return ParsedReason(text, None)
