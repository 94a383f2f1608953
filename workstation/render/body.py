"""The article body as sanitized HTML blocks, each one element tagged with its source line."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from html import escape

from workstation.render.markdown_engine import Block, engine, prepare
from workstation.render.sanitize import sanitize, tag_block

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RenderedBody:
    """Sanitized body HTML as top-level blocks (one element each), plus notes for the writer."""

    blocks: tuple[str, ...]
    notes: tuple[str, ...] = ()

    @property
    def html(self) -> str:
        return "\n".join(self.blocks)


def note_block(text: str) -> str:
    """A visible note about the render itself (not part of the writer's text)."""
    return f'<div class="render-note" role="note">{escape(text)}</div>'


def finish_block(block: Block, line_offset: int = 0) -> str:
    """Sanitize one Markdown block and tag it; '' when nothing is left."""
    cleaned = sanitize(block.html)
    line = None if block.line is None else block.line + line_offset
    return tag_block(cleaned, line, check_shape=block.raw)


def failed_body(text: str, error: BaseException) -> RenderedBody:
    """The text shown as plain preformatted text, with a note that formatting failed."""
    log.warning("markdown render failed: %s", type(error).__name__, exc_info=error)
    note = "The text could not be formatted, so it is shown as plain text."
    return RenderedBody(
        (note_block(note), f'<pre data-source-line="1">{escape(text)}</pre>'), (note,)
    )


def render_blocks(markdown_text: str) -> RenderedBody:
    """The body in full: prepare, convert, sanitize block by block (damage stays in its block)."""
    prepared = prepare(markdown_text)
    try:
        blocks = engine().convert_blocks(prepared.text)
    except (RecursionError, ValueError, IndexError, KeyError, AttributeError) as exc:
        return failed_body(prepared.text, exc)
    html = [finished for b in blocks if (finished := finish_block(b))]
    notes = tuple(note_block(n) for n in prepared.notes)
    return RenderedBody((*notes, *html), prepared.notes)


def render_body(markdown_text: str) -> str:
    """Markdown to a sanitized HTML fragment: the body exactly as the published page has it."""
    return render_blocks(markdown_text).html
