"""The body editor: a plain-text Markdown editor with highlighting and shared extra selections."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from workstation.gui.highlighter import MarkdownHighlighter


class MarkdownEditor(QPlainTextEdit):
    """QPlainTextEdit tuned for prose; several features can own extra selections side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyEditor")
        self.setAccessibleName(self.tr("Article body (Markdown)"))
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTabChangesFocus(True)  # keyboard users must be able to leave the editor
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        font.setStyleHint(QFont.StyleHint.Serif)
        self.setFont(font)
        self.highlighter = MarkdownHighlighter(self.document())
        self._selections: dict[str, list[QTextEdit.ExtraSelection]] = {}

    def set_extra_selections(self, owner: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Replace `owner`'s selections (find matches, style findings...) leaving others' alone."""
        self._selections[owner] = selections
        merged: list[QTextEdit.ExtraSelection] = []
        for items in self._selections.values():
            merged.extend(items)
        self.setExtraSelections(merged)

    def first_visible_line(self) -> int:
        """The 1-based source line at the top of the viewport (for scroll sync)."""
        return self.firstVisibleBlock().blockNumber() + 1

    def scroll_to_line(self, line: int) -> None:
        """Put the 1-based source line at the top of the viewport without moving the cursor."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            return
        bar = self.verticalScrollBar()
        # QPlainTextEdit scrolls by blocks: the scroll value is the first visible block number
        # (wrapped lines of long paragraphs count once, which is what source sync wants).
        bar.setValue(min(bar.maximum(), block.firstLineNumber()))
