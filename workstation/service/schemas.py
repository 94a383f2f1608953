"""The API's JSON shapes (pydantic), which also make the OpenAPI document."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, model_validator

from workstation.domain.article import Status

PublicationState = Literal["draft", "scheduled", "published", "unpublished"]


def _json_int(value: Any) -> Any:
    """JSON's integers as the document says: 3 and 3.0, never "3" or true."""
    if isinstance(value, bool | str):
        raise ValueError("must be a JSON integer")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _json_time(value: Any) -> Any:
    if not isinstance(value, str | datetime):
        raise ValueError("must be an RFC 3339 time such as 2030-01-01T09:00:00+00:00")
    return value


JsonTime = Annotated[datetime, BeforeValidator(_json_time)]
"""A time in a request: a string (pydantic would also take a number as a Unix time)."""
JsonInt = Annotated[int, BeforeValidator(_json_int)]
MAX_VERSION = 2**31 - 1
"""Versions are 32-bit in the database: a larger one is a 422, not an overflow."""
MAX_BODY = 1_000_000
"""An integer field of a request: no quoted numbers, no booleans (pydantic's lax mode takes
both, which the OpenAPI document does not allow)."""


class ArticleContent(BaseModel):
    """The editable fields of an article, as the client sends them."""

    model_config = ConfigDict(extra="forbid")

    headline: str = Field(min_length=1, max_length=300)
    standfirst: str = Field(default="", max_length=2000)
    body: str = Field(default="", max_length=MAX_BODY)
    byline: list[str] = Field(default_factory=list, max_length=20)
    section: str = Field(default="", max_length=200)
    tags: list[str] = Field(default_factory=list, max_length=50)
    audience: str | None = Field(default=None, max_length=500)
    newsletter: StrictBool = True
    related: list[str] = Field(default_factory=list, max_length=20)
    slug: str = Field(default="", max_length=200, pattern=r"^[a-z0-9-]*$")
    status: Status = Status.DRAFT
    gate: StrictBool | None = None
    sponsor: str = Field(default="", max_length=200)


class Publication(BaseModel):
    """Where the article stands on the reader site."""

    state: PublicationState
    live_version: int | None = None
    url: str | None = None
    first_published_at: datetime | None = None
    publish_at: JsonTime | None = None
    taken_down_at: datetime | None = None
    takedown_reason: str = ""


class ArticleOut(BaseModel):
    """An article with its version (also its ETag) and publication."""

    id: str
    version: int
    etag: str
    content: ArticleContent
    publication: Publication
    created_by: str
    created_at: datetime
    updated_at: datetime


class ArticleSummary(BaseModel):
    id: str
    version: int
    headline: str
    state: PublicationState
    url: str | None
    updated_at: datetime


class ArticleList(BaseModel):
    """One page of changes; pass `next_cursor` as updated_since to get the next."""

    items: list[ArticleSummary]
    next_cursor: str | None


class RevisionOut(BaseModel):
    version: int
    author: str
    created_at: datetime
    content: ArticleContent


class RevisionList(BaseModel):
    items: list[RevisionOut]


class PageLink(BaseModel):
    """A related article as the publisher's preview showed it; `url` empty when not live."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(max_length=36)
    headline: str = Field(max_length=300)
    standfirst: str = Field(default="", max_length=2000)
    published_at: datetime | None = None
    url: str = Field(default="", max_length=2000)


class PageSite(BaseModel):
    """The site texts around the article: notice, newsletter call to action, site name."""

    model_config = ConfigDict(extra="forbid")

    site_name: str = Field(default="", max_length=200)
    audience_notice: str = Field(default="", max_length=500)
    newsletter_text: str = Field(default="", max_length=1000)
    newsletter_link_text: str = Field(default="", max_length=200)
    newsletter_url: str = Field(default="", max_length=2000)
    professionals_only: bool = False
    professional_sections: str = Field(default="", max_length=2000)


SHA256_PATTERN = r"^[0-9a-f]{64}$"


class PagePicture(BaseModel):
    """A picture the page shows (uploaded to /api/v1/media first), with its words and size."""

    model_config = ConfigDict(extra="forbid")

    sha256: str = Field(pattern=SHA256_PATTERN)
    width: int = Field(ge=1, le=100_000)
    height: int = Field(ge=1, le=100_000)
    alt: str = Field(default="", max_length=1000)
    decorative: bool = False
    caption: str = Field(default="", max_length=2000)
    credit: str = Field(default="", max_length=500)
    focal_x: float = Field(default=0.5, ge=0, le=1)
    focal_y: float = Field(default=0.5, ge=0, le=1)


class PageContext(BaseModel):
    """What the publisher's preview showed around the body, so the live page is the same."""

    model_config = ConfigDict(extra="forbid")

    related: list[PageLink] = Field(default_factory=list, max_length=20)
    site: PageSite | None = None
    pictures: list[PagePicture] = Field(default_factory=list, max_length=100)
    hero: str | None = Field(default=None, pattern=SHA256_PATTERN)


RepublishKindWord = Literal["silent", "update", "correction"]
NO_NUL = r"^[^\x00]*$"
"""Text stored in a TEXT column: PostgreSQL refuses NUL there, so the document does too."""


class PublishRequest(BaseModel):
    """Publish now (or schedule when publish_at is in the future); `version` pins what goes live.
    Republishing a live story says what it is (`kind`): a silent fix, an update (the page shows
    "Updated"), or a correction, whose `note` (required) says what was wrong and is shown for
    good. Without `kind` a republish counts as an update. Republishing a story that was taken
    down needs a publisher's `note`."""

    model_config = ConfigDict(extra="forbid")

    version: JsonInt | None = Field(default=None, ge=1, le=MAX_VERSION)
    publish_at: JsonTime | None = None
    page: PageContext | None = None
    kind: RepublishKindWord | None = None
    note: str = Field(default="", max_length=2000, pattern=NO_NUL)
    override: str = Field(
        default="",
        max_length=5000,
        pattern=NO_NUL,
        description="why this publish goes over house-style errors or the checklist (audit)",
    )

    @model_validator(mode="after")
    def _correction_says_what(self) -> PublishRequest:
        if self.kind == "correction" and not self.note.strip():
            raise ValueError("a correction needs a note saying what was wrong")
        return self


class ScheduleRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    publish_at: JsonTime
    version: JsonInt | None = Field(default=None, ge=1, le=MAX_VERSION)
    page: PageContext | None = None


class UnpublishRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(default="", max_length=500)


class TakedownRequest(BaseModel):
    """Take a story down: its page answers 410 Gone and it leaves every list at once."""

    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=2000, pattern=r"^[^\x00]*[^\x00\s][^\x00]*$")


class MediaOut(BaseModel):
    sha256: str
    url: str
    content_type: str
    filename: str
    size: int
    alt: str
    caption: str
    credit: str
    created_at: datetime


class WhoAmI(BaseModel):
    user: str
    role: str


class Health(BaseModel):
    """A liveness or readiness answer."""

    status: str
