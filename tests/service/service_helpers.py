"""Small helpers shared by the service tests: ids and a ready-to-publish article body."""

from __future__ import annotations

import uuid
from typing import Any


def new_article_id() -> str:
    return str(uuid.uuid4())


def content(
    headline: str = "Every trust board must publish its equality data, regulator says",
    **fields: Any,
) -> dict[str, object]:
    data: dict[str, object] = {
        "headline": headline,
        "standfirst": "Boards will have to show progress on race equality every year.",
        "body": "The regulator said boards must act.\n\nIt added that data would be public.",
        "byline": ["Health correspondent"],
        "section": "Workforce",
        "tags": ["Equality", "Boards"],
    }
    data.update(fields)
    return data
