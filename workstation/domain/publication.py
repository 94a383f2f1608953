"""What the store knows of an article's life on the site: status, live URL, scheduled time."""

from __future__ import annotations

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
