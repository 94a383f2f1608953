"""Comment anchors: a quoted range of the body, carried through later edits of the text."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from workstation.domain.merge import PARAGRAPH_BREAK


@dataclass(frozen=True)
class Anchor:
    """A range [start, end) of the body, the text it quoted and its paragraph (0-based).
    `detached` means the quoted text is gone; the comment stays, shown without a range."""

    quote: str
    start: int
    end: int
    paragraph: int
    detached: bool = False


def paragraph_of(text: str, offset: int) -> int:
    return text.count(PARAGRAPH_BREAK, 0, max(0, offset))


def anchor_for(text: str, start: int, end: int) -> Anchor:
    """An anchor on text[start:end] (clamped to the text)."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return Anchor(text[start:end], start, end, paragraph_of(text, start))


def _map_offset(
    opcodes: Sequence[tuple[str, int, int, int, int]], offset: int, *, is_end: bool = False
) -> int:
    for tag, i1, i2, j1, j2 in opcodes:
        if i1 <= offset < i2 or (offset == i2 and tag == "equal" and i1 < i2):
            if tag == "equal":
                return j1 + (offset - i1)
            return j2 if is_end else j1
    return opcodes[-1][4] if opcodes else offset


def _nearest(text: str, quote: str, around: int) -> int | None:
    best: int | None = None
    index = text.find(quote)
    while index != -1:
        if best is None or abs(index - around) < abs(best - around):
            best = index
        index = text.find(quote, index + 1)
    return best


def reanchor(anchor: Anchor, old_text: str, new_text: str) -> Anchor:
    """Where the anchor is in `new_text`: the quote where it moved to, else the occurrence
    nearest the mapped position, else the mapped range if it still has text, else detached."""
    if anchor.detached or old_text == new_text:
        return anchor
    if not anchor.quote:
        return replace(anchor, detached=True)
    matcher = difflib.SequenceMatcher(None, old_text, new_text, autojunk=False)
    opcodes = matcher.get_opcodes()
    start = _map_offset(opcodes, anchor.start)
    end = max(start, _map_offset(opcodes, anchor.end, is_end=True))
    if new_text[start:end] == anchor.quote:
        return Anchor(anchor.quote, start, end, paragraph_of(new_text, start))
    found = _nearest(new_text, anchor.quote, start)
    if found is not None:
        stop = found + len(anchor.quote)
        return Anchor(anchor.quote, found, stop, paragraph_of(new_text, found))
    if end > start and new_text[start:end].strip():
        # The quoted words were edited, not removed: follow them and quote what is there now.
        return Anchor(new_text[start:end], start, end, paragraph_of(new_text, start))
    return replace(anchor, detached=True)
