"""Comments between the local mirror and the service: requests out, records in."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from workstation.domain.anchors import Anchor, anchor_for
from workstation.domain.comments import Comment


def comment_from_remote(data: dict[str, Any]) -> Comment:
    """A comment as the service sent it (anchored to its current version)."""
    anchor = Anchor(
        str(data.get("quote", "")),
        int(data.get("start", 0)),
        int(data.get("end", 0)),
        int(data.get("paragraph", 0)),
        bool(data.get("detached", False)),
    )
    return Comment(
        id=str(data["id"]),
        article_id=str(data["article_id"]),
        parent_id=data.get("parent_id"),
        author=str(data.get("author", "")),
        body=str(data.get("body", "")),
        anchor=anchor,
        resolved=bool(data.get("resolved", False)),
        resolved_by=str(data.get("resolved_by", "")),
        pending=False,
        created_at=datetime.fromisoformat(str(data["created_at"])),
    )


def comment_request(payload: dict[str, Any], remote_body: str) -> dict[str, Any]:
    """The PUT body for a comment written here. Its offsets were taken in the local text;
    the service holds `remote_body`, so the quote is found there (nearest the same place)."""
    request: dict[str, Any] = {"body": payload["body"]}
    if payload.get("parent_id"):
        request["parent_id"] = payload["parent_id"]
        return request
    quote, start = str(payload.get("quote", "")), int(payload.get("start", 0))
    if not quote:
        return request
    if remote_body[start : start + len(quote)] != quote:
        found = _nearest(remote_body, quote, start)
        if found is None:
            request["anchor"] = {"quote": "", "start": 0, "end": 0, "paragraph": 0}
            return request
        start = found
    anchor = anchor_for(remote_body, start, start + len(quote))
    request["anchor"] = {
        "quote": anchor.quote,
        "start": anchor.start,
        "end": anchor.end,
        "paragraph": anchor.paragraph,
    }
    return request


def _nearest(text: str, quote: str, around: int) -> int | None:
    best: int | None = None
    index = text.find(quote)
    while index != -1:
        if best is None or abs(index - around) < abs(best - around):
            best = index
        index = text.find(quote, index + 1)
    return best
