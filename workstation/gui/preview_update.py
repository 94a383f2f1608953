"""What the preview sends its page: the render job and the patch from one state to the next.

Plain data in, plain data out, no Qt: the job runs on a worker thread.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

from workstation.domain.article import Article, RelatedLink
from workstation.domain.preferences import Preferences
from workstation.render import (
    IncrementalRenderer,
    PageParts,
    Pictures,
    render_document,
    render_parts,
)

_LINE_ATTR = re.compile(r'^(<[a-z][a-z0-9]*) data-source-line="(\d+)"')


@dataclass(frozen=True)
class Shown:
    """What the page shows now: title, regions, body blocks (without lines) and their lines."""

    article_id: str
    title: str
    regions: dict[str, str]
    blocks: tuple[str, ...]
    lines: tuple[int | None, ...]
    font_size: int
    head: str = ""


@dataclass(frozen=True)
class Update:
    """A render result: the patch as JSON for the page, and the state it leads to."""

    seq: int
    epoch: int
    payload: str
    shown: Shown
    render_ms: float
    document: str = ""
    """The full HTML document, only for the fallback view that cannot be patched."""


def split_line(block: str) -> tuple[str, int | None]:
    """A block without its data-source-line attribute, and that line."""
    match = _LINE_ATTR.match(block)
    if match is None:
        return block, None
    return match.group(1) + block[match.end() :], int(match.group(2))


def shown_from(article: Article, prefs: Preferences, parts: PageParts) -> Shown:
    stripped = [split_line(b) for b in parts.body]
    return Shown(
        article.id,
        parts.title,
        dict(parts.regions),
        tuple(b for b, _ in stripped),
        tuple(line for _, line in stripped),
        prefs.preview_font_size,
        parts.head,
    )


def diff(old: Shown | None, new: Shown, full_blocks: Sequence[str]) -> dict[str, object]:
    """The smallest patch (common prefix and suffix kept) that turns `old` into `new`."""
    patch: dict[str, object] = {}
    if old is None or old.title != new.title:
        patch["title"] = new.title
    if old is None or old.head != new.head:
        patch["head"] = new.head
    regions = {
        name: html
        for name, html in new.regions.items()
        if old is None or old.regions.get(name) != html
    }
    if regions:
        patch["regions"] = regions
    if old is None or old.font_size != new.font_size:
        patch["font_size"] = new.font_size
    if old is not None and old.article_id != new.article_id:
        patch["reset_scroll"] = True
    before = old.blocks if old is not None else ()
    after = new.blocks
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < limit - prefix
        and before[len(before) - 1 - suffix] == after[len(after) - 1 - suffix]
    ):
        suffix += 1
    removed = len(before) - prefix - suffix
    inserted = list(full_blocks[prefix : len(after) - suffix])
    if removed or inserted:
        patch["body"] = {
            "start": prefix,
            "delete": removed,
            "insert": inserted,
            "expect": len(before),
        }
    old_lines = old.lines if old is not None else ()
    first = 0
    while first < min(len(old_lines), len(new.lines)) and old_lines[first] == new.lines[first]:
        first += 1
    if first < len(new.lines) and new.lines[first:] != old_lines[first:]:
        patch["lines"] = {"from": first, "values": list(new.lines[first:])}
    return patch


def render_update(
    renderer: IncrementalRenderer,
    article: Article,
    prefs: Preferences,
    related: Sequence[RelatedLink],
    previous: Shown | None,
    seq: int,
    epoch: int,
    full_document: bool = False,
    pictures: Pictures | None = None,
) -> Update:
    """Worker job: render the page parts and the patch from `previous` (what the page shows)."""
    started = time.perf_counter()
    body = renderer.render(article.body)
    parts = render_parts(article, prefs, related, for_preview=True, body=body, pictures=pictures)
    shown = shown_from(article, prefs, parts)
    document = ""
    if full_document:
        document = render_document(parts, article, prefs, for_preview=True)
        payload = ""
    else:
        patch = diff(previous, shown, parts.body)
        patch["seq"] = seq
        payload = json.dumps(patch, ensure_ascii=False, separators=(",", ":"))
    render_ms = (time.perf_counter() - started) * 1000
    return Update(seq, epoch, payload, shown, render_ms, document)


def shell_document(article: Article, prefs: Preferences) -> str:
    """The persistent page the preview loads once: the article page with an empty body."""
    from workstation.render import RenderedBody

    parts = render_parts(article, prefs, (), for_preview=True, body=RenderedBody(()))
    return render_document(parts, article, prefs, for_preview=True)
