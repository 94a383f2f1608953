"""Re-render only the changed parts of a long body; the result equals a full render.

The body is cut at blank lines where Python-Markdown cannot join what follows to what came
before (not before indented lines, list items, quotes). Acronyms spelled out anywhere go into
each part's cache key. Where a part could depend on another in ways only Python-Markdown can
judge (footnotes, link and abbreviation definitions, raw HTML blocks, duplicate heading ids),
the whole body is rendered instead.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass

from workstation.render.acronyms import find_acronyms
from workstation.render.body import RenderedBody, failed_body, note_block, render_blocks
from workstation.render.markdown_engine import engine, prepare
from workstation.render.sanitize import sanitize, tag_block

MIN_INCREMENTAL_CHARS = 8_000
"""Below this a full render is a few milliseconds and simpler to trust."""

_NO_SPLIT_BEFORE = re.compile(r"[ \t]|[*+-][ \t]|\d+[.)][ \t]|>|<|\[[^\]]*\]:|\*\[|$")
"""Indented text, list items, quotes and HTML may join what came before; definitions vanish
from the output, so what follows them may join what came before them."""
_FULL_ONLY = re.compile(r"\[\^|^ {0,3}<|^ {0,3}\*?\[[^\]\n]*\]:", re.MULTILINE)
_IDS = re.compile(r'\sid="([^"]*)"')


@dataclass(frozen=True)
class _Part:
    """A rendered part: (relative line, html) blocks, raw-HTML shape checks done."""

    blocks: tuple[tuple[int | None, str], ...]
    ids: tuple[str, ...]


def split_parts(text: str) -> list[tuple[int, str]]:
    """(0-based first line, text) for each independently renderable part of `text`."""
    lines = text.split("\n")
    parts: list[tuple[int, str]] = []
    start = 0
    for index in range(1, len(lines)):
        line = lines[index]
        if lines[index - 1].strip() or not line.strip() or _NO_SPLIT_BEFORE.match(line):
            continue
        parts.append((start, "\n".join(lines[start:index])))
        start = index
    parts.append((start, "\n".join(lines[start:])))
    return parts


def _without_trailing_blank_lines(part: str) -> str:
    """`part` up to the end of its last non-blank line (keeping that line's own spaces)."""
    end = len(part.rstrip(" \t\n"))
    newline = part.find("\n", end)
    return part if newline == -1 else part[:newline]


class IncrementalRenderer:
    """Keeps rendered parts between calls; one per preview (not shared between threads)."""

    def __init__(self, max_parts: int = 20_000) -> None:
        self._cache: OrderedDict[tuple[str, tuple[tuple[str, str], ...]], _Part]
        self._cache = OrderedDict()
        self._max_parts = max_parts
        self.last_was_incremental = False
        self.parts_rendered = 0

    def render(self, markdown_text: str) -> RenderedBody:
        """The same blocks render_blocks() gives, reusing unchanged parts."""
        self.last_was_incremental = False
        self.parts_rendered = 0
        if len(markdown_text) < MIN_INCREMENTAL_CHARS:
            return render_blocks(markdown_text)
        prepared = prepare(markdown_text)
        text = prepared.text
        if ("[^" in text or "<" in text or "]:" in text) and _FULL_ONLY.search(text):
            return render_blocks(markdown_text)
        glossary = find_acronyms(text)
        try:
            blocks = self._render_parts(text, glossary)
        except (RecursionError, ValueError, IndexError, KeyError, AttributeError) as exc:
            return failed_body(text, exc)
        if blocks is None:
            return render_blocks(markdown_text)
        self.last_was_incremental = True
        notes = tuple(note_block(n) for n in prepared.notes)
        return RenderedBody((*notes, *blocks), prepared.notes)

    def _render_parts(self, text: str, glossary: dict[str, str]) -> list[str] | None:
        out: list[str] = []
        seen_ids: set[str] = set()
        keep: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
        for offset, source in split_parts(text):
            part_text = _without_trailing_blank_lines(source)  # they would only spoil the key
            relevant = tuple(sorted((k, v) for k, v in glossary.items() if k in part_text))
            key = (part_text, relevant)
            part = self._cache.get(key)
            if part is None:
                part = self._render_part(part_text, dict(relevant))
                self._cache[key] = part
                self.parts_rendered += 1
            keep.add(key)
            for block_id in part.ids:
                if block_id in seen_ids:
                    return None  # a full render would number the duplicate: let it
                seen_ids.add(block_id)
            for line, html in part.blocks:
                out.append(
                    tag_block(html, None if line is None else line + offset, check_shape=False)
                )
        self._trim(keep)
        return out

    def _render_part(self, text: str, glossary: dict[str, str]) -> _Part:
        blocks: list[tuple[int | None, str]] = []
        ids: list[str] = []
        for block in engine().convert_blocks(text, glossary=glossary):
            cleaned = sanitize(block.html)
            if block.raw:
                cleaned = tag_block(cleaned, None, check_shape=True)
            if cleaned:
                blocks.append((block.line, cleaned))
                ids.extend(_IDS.findall(cleaned))
        return _Part(tuple(blocks), tuple(ids))

    def _trim(self, keep: set[tuple[str, tuple[tuple[str, str], ...]]]) -> None:
        if len(self._cache) <= self._max_parts:
            return
        for key in list(self._cache):
            if len(self._cache) <= self._max_parts // 2:
                break
            if key not in keep:
                del self._cache[key]
