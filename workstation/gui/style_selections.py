"""Extra selections shared by owner (style findings, find matches...) and wavy-underline formats."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from workstation.domain.style import Finding, Severity

SEVERITY_COLOURS = {
    Severity.ERROR: "#d32f2f",
    Severity.WARNING: "#e68a00",
    Severity.SUGGESTION: "#1e6fd9",
}
SPELLING_COLOUR = "#c2185b"
_LAYERS_ATTR = "_workstation_selection_layers"


def set_selection_layer(
    editor: QPlainTextEdit, owner: str, selections: list[QTextEdit.ExtraSelection]
) -> None:
    """Replace `owner`'s extra selections on `editor`, keeping every other owner's.

    Editors with their own `set_extra_selections(owner, selections)` (the main body editor) are
    used as they are; on any other QPlainTextEdit the layers are kept on the widget itself.
    """
    own = getattr(editor, "set_extra_selections", None)
    if callable(own):
        own(owner, selections)
        return
    layers: dict[str, list[QTextEdit.ExtraSelection]] | None = getattr(editor, _LAYERS_ATTR, None)
    if layers is None:
        layers = {}
        setattr(editor, _LAYERS_ATTR, layers)
    layers[owner] = selections
    merged: list[QTextEdit.ExtraSelection] = []
    for items in layers.values():
        merged.extend(items)
    editor.setExtraSelections(merged)


def finding_colour(finding: Finding) -> QColor:
    """Red for errors, amber for warnings, blue for suggestions; spelling has its own colour."""
    if finding.kind == "spelling":
        return QColor(SPELLING_COLOUR)
    return QColor(SEVERITY_COLOURS[finding.severity])


def wavy_format(colour: QColor) -> QTextCharFormat:
    """The spell-check (wavy) underline in a colour."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(colour)
    return fmt


def utf16_offsets(text: str) -> list[int] | None:
    """Python (code point) offset -> Qt (UTF-16) offset table, or None when they are the same."""
    if text.isascii() or max(text) <= "\uffff":
        return None
    table = [0] * (len(text) + 1)
    position = 0
    for i, ch in enumerate(text):
        table[i] = position
        position += 2 if ord(ch) > 0xFFFF else 1
    table[len(text)] = position
    return table


def span_cursor(
    editor: QPlainTextEdit, start: int, end: int, table: list[int] | None = None
) -> QTextCursor:
    """A cursor selecting [start, end) of the editor's text (code point offsets)."""
    if table is not None:
        start, end = table[start], table[end]
    cursor = QTextCursor(editor.document())
    limit = max(0, editor.document().characterCount() - 1)
    cursor.setPosition(min(start, limit))
    cursor.setPosition(min(end, limit), QTextCursor.MoveMode.KeepAnchor)
    return cursor


def finding_selection(
    editor: QPlainTextEdit, finding: Finding, table: list[int] | None = None
) -> QTextEdit.ExtraSelection:
    """A wavy-underlined extra selection over one finding (an empty span underlines one char)."""
    end = finding.end if finding.end > finding.start else finding.start + 1
    selection = QTextEdit.ExtraSelection()
    selection.cursor = span_cursor(editor, finding.start, end, table)
    selection.format = wavy_format(finding_colour(finding))
    return selection
