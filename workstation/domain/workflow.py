"""The review workflow: which role may move an article from which state to which, in one table."""

from __future__ import annotations

import enum
from collections import deque
from dataclasses import dataclass

from workstation.domain.article import Status


class Role(enum.StrEnum):
    """Newsroom roles, lowest first; each may do everything the ones before it may."""

    WRITER = "writer"
    SUBEDITOR = "subeditor"
    PUBLISHER = "publisher"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    @classmethod
    def named(cls, name: str | None) -> Role:
        """The role `name` stands for. An empty or unknown name (an account not yet synced, a
        role from a newer service) is the lowest role: never more than the service granted."""
        try:
            return cls(name or cls.WRITER.value)
        except ValueError:
            return cls.WRITER


@dataclass(frozen=True)
class Move:
    """One allowed move: its verb (for buttons and the CLI), the states and the lowest role."""

    verb: str
    source: Status
    target: Status
    lowest_role: Role
    note_required: bool = False


S = Status
# The one table. The service enforces it; the GUI and CLI show what it allows.
MOVES: tuple[Move, ...] = (
    Move("submit", S.DRAFT, S.SUBMITTED, Role.WRITER),
    Move("submit", S.RETURNED, S.SUBMITTED, Role.WRITER),
    Move("recall", S.SUBMITTED, S.DRAFT, Role.WRITER),
    Move("take", S.SUBMITTED, S.IN_SUBBING, Role.SUBEDITOR),
    Move("return", S.SUBMITTED, S.RETURNED, Role.SUBEDITOR, note_required=True),
    Move("return", S.IN_SUBBING, S.RETURNED, Role.SUBEDITOR, note_required=True),
    Move("approve", S.SUBMITTED, S.APPROVED, Role.SUBEDITOR),
    Move("approve", S.IN_SUBBING, S.APPROVED, Role.SUBEDITOR),
    Move("reopen", S.APPROVED, S.IN_SUBBING, Role.SUBEDITOR),
    Move("schedule", S.APPROVED, S.SCHEDULED, Role.PUBLISHER),
    Move("unschedule", S.SCHEDULED, S.APPROVED, Role.PUBLISHER),
    Move("publish", S.APPROVED, S.PUBLISHED, Role.PUBLISHER),
    Move("publish", S.SCHEDULED, S.PUBLISHED, Role.PUBLISHER),
    Move("withdraw", S.PUBLISHED, S.WITHDRAWN, Role.PUBLISHER),
    Move("correct", S.PUBLISHED, S.IN_SUBBING, Role.SUBEDITOR),
    Move("republish", S.WITHDRAWN, S.PUBLISHED, Role.PUBLISHER),
    Move("redraft", S.WITHDRAWN, S.DRAFT, Role.SUBEDITOR),
)

VERBS: tuple[str, ...] = tuple(dict.fromkeys(move.verb for move in MOVES))


@dataclass(frozen=True)
class SitePolicy:
    """Per-site workflow options: approval needed before going live, and publish on approval."""

    require_approval: bool = False
    publish_on_approval: bool = False


class WorkflowError(ValueError):
    """A move the table does not have, or one the role may not make."""

    def __init__(self, message: str, *, forbidden: bool = False) -> None:
        super().__init__(message)
        self.forbidden = forbidden


def find_move(source: Status, target: Status) -> Move | None:
    for move in MOVES:
        if move.source is source and move.target is target:
            return move
    return None


def move_for_verb(source: Status, verb: str) -> Move | None:
    for move in MOVES:
        if move.source is source and move.verb == verb:
            return move
    return None


def may(role: Role, move: Move) -> bool:
    return role.rank >= move.lowest_role.rank


def allowed_moves(role: Role, source: Status) -> list[Move]:
    """The moves `role` may make from `source`, in table order (what the GUI offers)."""
    return [move for move in MOVES if move.source is source and may(role, move)]


def check_move(role: Role, source: Status, target: Status, note: str = "") -> Move:
    """The move from `source` to `target`, or WorkflowError (forbidden=True: the role's fault)."""
    move = find_move(source, target)
    if move is None:
        raise WorkflowError(f"there is no move from {source.value} to {target.value}")
    if not may(role, move):
        raise WorkflowError(
            f"the {role.value} role may not {move.verb} ({source.value} to {target.value})",
            forbidden=True,
        )
    if move.note_required and not note.strip():
        raise WorkflowError(f"to {move.verb} an article, say why in a note")
    return move


def reachable(role: Role, source: Status, target: Status) -> bool:
    """Whether `role` could get from `source` to `target` by a chain of moves it may make
    (how the service judges a status carried in content rather than by a move)."""
    if source is target:
        return True
    seen = {source}
    queue = deque([source])
    while queue:
        state = queue.popleft()
        for move in allowed_moves(role, state):
            if move.target is target:
                return True
            if move.target not in seen:
                seen.add(move.target)
                queue.append(move.target)
    return False


def is_inbox_state(status: Status) -> bool:
    """Whether a subeditor's inbox lists an article in this state."""
    return status in (Status.SUBMITTED, Status.IN_SUBBING)
