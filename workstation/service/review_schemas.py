"""JSON shapes of the review API: workflow moves, comments, presence and the sync feed."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from workstation.domain.article import Status
from workstation.service.schemas import MAX_BODY, MAX_VERSION, ArticleOut, JsonInt, JsonTime

UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"


class MoveOut(BaseModel):
    verb: str
    source: Status
    target: Status
    lowest_role: str
    note_required: bool


class WorkflowOut(BaseModel):
    """The workflow table and this site's options, for clients to show."""

    moves: list[MoveOut]
    require_approval: bool
    publish_on_approval: bool


class SitePolicyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    publish_on_approval: StrictBool


class TransitionIn(BaseModel):
    """Move the article to `to`; `note` goes to the writer (required to return)."""

    model_config = ConfigDict(extra="forbid")

    to: Status
    note: str = Field(default="", max_length=5000)
    publish_at: JsonTime | None = None  # needed to move to "scheduled"


class EventOut(BaseModel):
    version: int
    verb: str
    from_state: Status
    to_state: Status
    user: str
    note: str
    created_at: datetime


class TransitionOut(BaseModel):
    article: ArticleOut
    event: EventOut | None


class EventList(BaseModel):
    items: list[EventOut]


class AnchorIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    quote: str = Field(max_length=5000)
    start: JsonInt = Field(ge=0, le=MAX_BODY)
    end: JsonInt = Field(ge=0, le=MAX_BODY)
    paragraph: JsonInt = Field(default=0, ge=0, le=MAX_BODY)


class CommentIn(BaseModel):
    """A new comment (with an anchor) or a reply (with `parent_id`); `version` is the article
    version the anchor's offsets refer to (default: the current one)."""

    model_config = ConfigDict(extra="forbid")

    body: str = Field(min_length=1, max_length=20_000)
    parent_id: str | None = Field(default=None, pattern=UUID_PATTERN)
    anchor: AnchorIn | None = None
    version: JsonInt | None = Field(default=None, ge=1, le=MAX_VERSION)


class ResolveIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    resolved: StrictBool = True


class CommentOut(BaseModel):
    id: str
    article_id: str
    parent_id: str | None
    author: str
    body: str
    quote: str
    start: int
    end: int
    paragraph: int
    detached: bool
    anchor_version: int
    resolved: bool
    resolved_by: str
    created_at: datetime
    updated_at: datetime


class CommentList(BaseModel):
    items: list[CommentOut]
    next_cursor: str | None = None


class PresenceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ttl_seconds: JsonInt = Field(default=90, ge=5, le=600)


class PresenceOut(BaseModel):
    article_id: str
    user: str
    since: datetime
    expires_at: datetime


class PresenceList(BaseModel):
    items: list[PresenceOut]


class FeedItem(BaseModel):
    """An article as sync needs it: content, version, who wrote that version, last move."""

    article: ArticleOut
    author: str
    last_event: EventOut | None


class Feed(BaseModel):
    items: list[FeedItem]
    next_cursor: str | None
    sequence_cursor: bool = Field(
        default=True,
        description="next_cursor is a place in the commit-ordered change sequence: the next "
        "page starts from it as it is (older services' cursors were times, re-read with a "
        "margin, as changes could commit out of order)",
    )
