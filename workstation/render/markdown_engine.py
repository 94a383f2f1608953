"""Markdown to top-level HTML blocks: the extensions a news desk needs, British punctuation."""

from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions.abbr import AbbrExtension
from markdown.util import HTML_PLACEHOLDER, STX

from workstation.render.acronyms import find_acronyms
from workstation.render.source_lines import LINE_ATTR, SourceLineExtension

MAX_BODY_CHARS = 600_000
"""About 100,000 words; longer text is cut (with a visible note) so a render stays bounded."""
MAX_LINES = 8_000
"""Python-Markdown's inline pass is quadratic in siblings (list items, table rows, blocks)."""
MAX_BLOCK_LINES = 1_500
"""Lines in one block (a table, a list) before it is broken in two, for the same reason."""
MAX_LINE_CHARS = 20_000
MAX_QUOTE_DEPTH = 8
MAX_INDENT_COLUMNS = 32
"""Eight levels of list nesting; deeper structure is flattened (with a visible note)."""

BRITISH_QUOTES = {
    # Straight double quotes become the primary pair, which on British titles is single.
    "left-double-quote": "&lsquo;",
    "right-double-quote": "&rsquo;",
}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
MAX_BRACKETS_PER_BLOCK = 400
"""Python-Markdown's link search is quadratic in '[': beyond this they are taken literally."""
MAX_DEFINITIONS = 500
"""Abbreviation and footnote definitions; each costs a pass over the rest of its block."""
_DEFINITION = re.compile(r"^[ ]{0,3}(?:\*\[|\[\^)[^\]\n]*\]:.*$", re.MULTILINE)
_QUOTE_PREFIX = re.compile(rf"^(?:[ ]{{0,3}}>[ ]?){{{MAX_QUOTE_DEPTH + 1},}}", re.MULTILINE)
_DEEP_INDENT = re.compile(rf"^[ \t]{{{MAX_INDENT_COLUMNS + 1},}}", re.MULTILINE)
_QUOTE_MARK = re.compile(r"[ ]{0,3}>[ ]?")


@dataclass(frozen=True)
class Block:
    """One top-level block of the body: its 1-based source line and its (unsanitized) HTML."""

    line: int | None
    html: str
    raw: bool
    """True when raw HTML from the writer is inside (the sanitizer may reshape it)."""


@dataclass(frozen=True)
class Prepared:
    """Text made safe to hand to Python-Markdown, and notes on what was changed."""

    text: str
    notes: tuple[str, ...]


def prepare(text: str) -> Prepared:
    """Normalise newlines, drop control characters, cut size and nesting to safe bounds."""
    notes: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if len(text) > MAX_BODY_CHARS:
        cut = text.rfind("\n", 0, MAX_BODY_CHARS)
        text = text[: cut if cut > 0 else MAX_BODY_CHARS]
        notes.append(
            f"The body is longer than {MAX_BODY_CHARS:,} characters; only the first part is shown."
        )
    if text.count("\n") >= MAX_LINES:
        text = "\n".join(text.split("\n", MAX_LINES)[:MAX_LINES])
        notes.append(f"The body has more than {MAX_LINES:,} lines; only the first part is shown.")
    if text.count("\n") > MAX_BLOCK_LINES:
        text, broken = _break_long_blocks(text)
        if broken:
            notes.append(
                f"Tables and lists longer than {MAX_BLOCK_LINES:,} lines were broken into parts."
            )
    if text.count(">") > MAX_QUOTE_DEPTH and _QUOTE_PREFIX.search(text):
        text = _QUOTE_PREFIX.sub(_flatten_quotes, text)
        notes.append(f"Quotes nested deeper than {MAX_QUOTE_DEPTH} levels were flattened.")
    if (" " * (MAX_INDENT_COLUMNS + 1) in text or "\t" in text) and _DEEP_INDENT.search(text):
        text = _DEEP_INDENT.sub(" " * MAX_INDENT_COLUMNS, text)
        notes.append(f"Lists nested deeper than {MAX_INDENT_COLUMNS // 4} levels were flattened.")
    if text.count("[") > MAX_BRACKETS_PER_BLOCK:
        text, changed = _limit_brackets(text)
        if changed:
            notes.append(
                f"Paragraphs with more than {MAX_BRACKETS_PER_BLOCK} square brackets show them "
                "as typed, without links."
            )
    if len(_DEFINITION.findall(text)) > MAX_DEFINITIONS:
        text = _limit_definitions(text)
        notes.append(f"Only the first {MAX_DEFINITIONS} abbreviations and footnotes are used.")
    if any(len(line) > MAX_LINE_CHARS for line in text.split("\n")):
        text = "\n".join(_wrap_long(line) for line in text.split("\n"))
        notes.append(f"Lines longer than {MAX_LINE_CHARS:,} characters were broken up.")
    return Prepared(text, tuple(notes))


def _flatten_quotes(match: re.Match[str]) -> str:
    return "> " * MAX_QUOTE_DEPTH if _QUOTE_MARK.match(match.group(0)) else match.group(0)


def _break_long_blocks(text: str) -> tuple[str, bool]:
    lines = text.split("\n")
    out: list[str] = []
    run = 0
    broken = False
    for line in lines:
        if line.strip():
            run += 1
            if run > MAX_BLOCK_LINES:
                out.append("")
                run = 1
                broken = True
        else:
            run = 0
        out.append(line)
    return ("\n".join(out), True) if broken else (text, False)


def _limit_brackets(text: str) -> tuple[str, bool]:
    changed = False
    blocks = text.split("\n\n")
    for index, block in enumerate(blocks):
        if block.count("[") > MAX_BRACKETS_PER_BLOCK:
            blocks[index] = re.sub(r"(?<!\\)\[", r"\\[", block)
            changed = True
    return "\n\n".join(blocks), changed


def _limit_definitions(text: str) -> str:
    count = 0

    def keep_first(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return match.group(0) if count <= MAX_DEFINITIONS else ""

    return _DEFINITION.sub(keep_first, text)


def _wrap_long(line: str) -> str:
    if len(line) <= MAX_LINE_CHARS:
        return line
    parts = [line[i : i + MAX_LINE_CHARS] for i in range(0, len(line), MAX_LINE_CHARS)]
    return "\n".join(parts)


class Engine:
    """One configured Python-Markdown instance; not thread-safe, so one per thread."""

    def __init__(self) -> None:
        self._lines = SourceLineExtension()
        self._abbr = AbbrExtension()
        self.md = Markdown(
            extensions=[
                "tables",
                "footnotes",
                self._abbr,
                "attr_list",
                "toc",
                "smarty",
                self._lines,
            ],
            extension_configs={
                "smarty": {"substitutions": BRITISH_QUOTES},
                "toc": {"permalink": False},
                "tables": {"use_align_attribute": True},
                "footnotes": {"UNIQUE_IDS": False},
            },
            output_format="html",
        )

    def convert_blocks(
        self, text: str, line_offset: int = 0, glossary: dict[str, str] | None = None
    ) -> list[Block]:
        """Prepared text to top-level blocks; `glossary` adds acronyms found elsewhere."""
        md = self.md
        md.reset()
        self._lines.set_offset(line_offset)
        if glossary is None:
            glossary = find_acronyms(text)
        abbrs: dict[str, str] = self._abbr.abbrs  # type: ignore[attr-defined]
        for acronym, expansion in glossary.items():
            abbrs.setdefault(acronym, expansion)
        if not text.strip():
            return []
        lines = text.split("\n")
        for preprocessor in md.preprocessors:
            lines = preprocessor.run(lines)
        root: etree.Element = md.parser.parseDocument(lines).getroot()  # type: ignore[assignment]
        self._lines.finish(root)
        for treeprocessor in md.treeprocessors:
            new_root = treeprocessor.run(root)
            if new_root is not None:
                root = new_root
        blocks = []
        for child in list(root):
            raw_line = child.attrib.pop(LINE_ATTR, None)
            child.tail = None
            html = md.serializer(child)
            raw = self._has_raw_html(html)
            for postprocessor in md.postprocessors:
                html = postprocessor.run(html)
            html = html.strip()
            if html:
                blocks.append(Block(int(raw_line) if raw_line else None, html, raw))
        return blocks

    def _has_raw_html(self, html: str) -> bool:
        """Whether a stash placeholder in `html` holds writer's HTML (smarty stashes entities)."""
        if STX not in html:
            return False
        stash = self.md.htmlStash.rawHtmlBlocks
        for match in _PLACEHOLDER.finditer(html):
            index = int(match.group(1))
            if index < len(stash) and not str(stash[index]).startswith("&"):
                return True
        return False


_PLACEHOLDER = re.compile(HTML_PLACEHOLDER % r"([0-9]+)")
_local = threading.local()


def engine() -> Engine:
    """The calling thread's engine, built on first use (building one takes a few ms)."""
    found: Engine | None = getattr(_local, "engine", None)
    if found is None:
        found = Engine()
        _local.engine = found
    return found
