"""Markdown syntax highlighting for the body editor: headings, emphasis, links, quotes, code."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument


def _format(color: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    """Colours Markdown constructs line by line; fenced code blocks span lines via block state."""

    _IN_FENCE = 1

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._heading = _format("#1f4e8c", bold=True)
        self._code = _format("#8a3b12")
        self._quote = _format("#5b6770", italic=True)
        self._rules: list[tuple[re.Pattern[str], QTextCharFormat]] = [
            (re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"), _format("#000000", bold=True)),
            (re.compile(r"(?<![*\w])\*[^*\n]+\*(?!\*)|(?<![_\w])_[^_\n]+_(?!_)"),
             _format("#333333", italic=True)),
            (re.compile(r"`[^`\n]+`"), self._code),
            (re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)"), _format("#0b6e4f")),
            (re.compile(r"^\s*(?:[-*+]|\d+\.)\s"), _format("#9c27b0", bold=True)),
            (re.compile(r"\[\^[^\]]+\]"), _format("#7b5ea7")),
        ]  # fmt: skip

    def highlightBlock(self, text: str) -> None:
        if text.startswith("```") or text.startswith("~~~"):
            self.setFormat(0, len(text), self._code)
            self.setCurrentBlockState(0 if self.previousBlockState() == self._IN_FENCE else 1)
            return
        if self.previousBlockState() == self._IN_FENCE:
            self.setFormat(0, len(text), self._code)
            self.setCurrentBlockState(self._IN_FENCE)
            return
        self.setCurrentBlockState(0)
        if text.startswith("#"):
            self.setFormat(0, len(text), self._heading)
            return
        if text.startswith(">"):
            self.setFormat(0, len(text), self._quote)
        for pattern, fmt in self._rules:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)
