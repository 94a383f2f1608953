"""A Python-Markdown extension that records the source line of every top-level block."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.util import STX

LINE_ATTR = "data-ew-source-line"
"""Private attribute carried on the tree only; convert_blocks pops it before serializing."""

_LOOKAHEAD = 64


class _Before(Preprocessor):
    """Keeps the lines as they are before raw HTML is stashed (which changes line counts)."""

    def __init__(self, md: Markdown, state: _State) -> None:
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        self.state.before = list(lines)
        return lines


class _After(Preprocessor):
    """Maps each line left after stashing back to a line of the text the writer typed."""

    def __init__(self, md: Markdown, state: _State) -> None:
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        self.state.mapping = _align(self.state.before, lines)
        return lines


def _align(before: list[str], after: list[str]) -> list[int] | None:
    """after-line -> before-line; None when nothing moved (the common case)."""
    if len(before) == len(after) and before == after:
        return None
    mapping: list[int] = []
    j = 0
    for line in after:
        if j < len(before) and line == before[j]:
            mapping.append(j)
            j += 1
            continue
        if STX in line or not line.strip():
            mapping.append(min(j, max(len(before) - 1, 0)))
            continue
        found = -1
        for k in range(j, min(len(before), j + _LOOKAHEAD)):
            if before[k] == line:
                found = k
                break
        if found == -1:
            mapping.append(min(j, max(len(before) - 1, 0)))
        else:
            mapping.append(found)
            j = found + 1
    return mapping


class _State:
    """Per-conversion facts shared by the processors of one Markdown instance."""

    def __init__(self, offset: int = 0) -> None:
        self.offset = offset
        self.before: list[str] = []
        self.mapping: list[int] | None = None
        self.reset()

    def reset(self) -> None:
        self.blocks_ref: list[str] | None = None
        self.starts: dict[int, tuple[int, str]] = {}
        self.tagged = 0
        self.line = 0
        self.total = 0
        self.previous = ""

    def source_line(self, processed_line: int) -> int:
        """1-based line in the original text for a 0-based line of the processed text."""
        mapping = self.mapping
        if mapping is not None and mapping:
            processed_line = mapping[min(processed_line, len(mapping) - 1)]
        return processed_line + 1 + self.offset


class _Marker(BlockProcessor):
    """Runs first at the top level: tags blocks added since the last step, never consumes."""

    def __init__(self, parser: Any, state: _State) -> None:
        super().__init__(parser)
        self.state = state

    def test(self, parent: etree.Element, block: str) -> bool:
        return parent is self.parser.root

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        state = self.state
        if state.blocks_ref is None:
            self._index(blocks)
        tag_new_children(parent, state)
        if blocks is state.blocks_ref:  # not a piece a processor re-parses at the top level
            state.line = self._current_line(blocks)
        return False  # let the real processors handle the block

    def _index(self, blocks: list[str]) -> None:
        state = self.state
        state.blocks_ref = blocks
        line = 0
        for block in blocks:
            if len(block) > 1:  # short strings are shared objects: identity says nothing
                state.starts[id(block)] = (line, block)
            line += block.count("\n") + 2
        state.total = line

    def _current_line(self, blocks: list[str]) -> int:
        """0-based line where the text of blocks[0] starts."""
        state = self.state
        if not blocks:
            return state.line
        first = blocks[0]
        text = first.strip("\n")
        leading = len(first) - len(first.lstrip("\n"))
        line = self._from_original(blocks, leading)
        if line is None and text and state.previous:
            # A processor consumed part of the last block and put the rest back (a head or a
            # tail, maybe without its newlines): find it in what the last block was.
            found = state.previous.find(text)
            if found >= 0:
                previous_start = state.line - _leading(state.previous)
                line = previous_start + state.previous.count("\n", 0, found)
        if line is None:
            line = self._counted_back(blocks, leading)
        state.previous = first
        return max(line, 0)

    def _from_original(self, blocks: list[str], leading: int) -> int | None:
        entry = self.state.starts.get(id(blocks[0]))
        if entry is not None and entry[1] is blocks[0]:
            return entry[0] + leading
        return None

    def _counted_back(self, blocks: list[str], leading: int) -> int:
        back = 0
        for block in blocks[:_LOOKAHEAD]:
            entry = self.state.starts.get(id(block))
            if entry is not None and entry[1] is block:
                return entry[0] - back + leading
            back += block.count("\n") + 2
        if len(blocks) <= _LOOKAHEAD:  # near the end: count back from the last line
            return self.state.total - back + leading
        return self.state.line  # a long run of one-character blocks: keep the last known line


def _leading(block: str) -> int:
    return len(block) - len(block.lstrip("\n"))


def tag_new_children(root: etree.Element, state: _State) -> None:
    """Give children appended since the last call the line of the block that made them."""
    count = len(root)
    if count > state.tagged:
        for child in root[state.tagged :]:
            if LINE_ATTR not in child.attrib:
                child.set(LINE_ATTR, str(state.source_line(state.line)))
    state.tagged = count


class SourceLineExtension(Extension):
    """Tags each top-level block with its 1-based source line (plus `offset`)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"offset": [0, "added to every line number (for rendering a slice)"]}
        super().__init__(**kwargs)
        self.state = _State(int(self.getConfig("offset")))

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(_Before(md, self.state), "ew_lines_before", 25)
        md.preprocessors.register(_After(md, self.state), "ew_lines_after", 5)
        md.parser.blockprocessors.register(_Marker(md.parser, self.state), "ew_lines", 1000)

    def reset(self) -> None:
        self.state.reset()
        self.state.mapping = None

    def set_offset(self, offset: int) -> None:
        """Line numbers of the next conversion start after `offset` lines."""
        self.state.offset = offset

    def finish(self, root: etree.Element) -> None:
        """Tag the blocks made by the last step of the top-level parse."""
        tag_new_children(root, self.state)
