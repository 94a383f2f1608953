"""A review comment on a draft: anchored to quoted words of the body, or a reply."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from workstation.domain.anchors import Anchor


@dataclass(frozen=True)
class Comment:
    """A comment as last seen on the service, or written here and not yet sent (`pending`)."""

    id: str
    article_id: str
    parent_id: str | None
    author: str
    body: str
    anchor: Anchor
    resolved: bool
    resolved_by: str
    pending: bool
    created_at: datetime
