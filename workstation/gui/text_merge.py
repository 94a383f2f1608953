"""Put new text into an edit the writer may be typing in, as an edit of the part that changed.

A sync merge or a restore brings text that is mostly what the widget shows. Setting it whole
(`setText`, `setPlainText`) would clear the undo history and send the cursor to the start or the
end; replacing only the span that differs keeps both: Ctrl+Z still undoes the writer's own
typing, and the cursor stays on the word it was on (Qt moves it with the edit).
"""

from __future__ import annotations

from itertools import accumulate

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit


def _utf16(text: str) -> int:
    """Length in UTF-16 units, the unit of Qt's text positions."""
    return len(text.encode("utf-16-le")) // 2


def changed_span(old: str, new: str) -> tuple[int, int, str]:
    """(start, end) in `old` and the text replacing it, so that old[:start] + text +
    old[end:] == new; the common start and end are left alone."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    tail = 0
    while tail < limit - start and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return start, len(old) - tail, new[start : len(new) - tail]


def changed_spans(old: str, new: str) -> list[tuple[int, int, str]]:
    """Every (start, end, replacement) turning `old` into `new`, last first (so each applies
    to `old` as it is), one per run of changed lines: edits made in two places leave the text
    between them, and a cursor there, alone."""
    import difflib  # only when something was merged in

    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    old_starts = list(accumulate(map(len, old_lines), initial=0))
    new_starts = list(accumulate(map(len, new_lines), initial=0))
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    spans = []
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        offset = old_starts[i1]
        old_part = old[offset : old_starts[i2]]
        start, end, text = changed_span(old_part, new[new_starts[j1] : new_starts[j2]])
        spans.append((offset + start, offset + end, text))
    return spans


def merge_into_plain_text(edit: QPlainTextEdit, text: str) -> None:
    """Make `edit` show `text` by replacing what differs, as one undoable edit."""
    old = edit.toPlainText()
    if old == text:
        return
    place = edit.textCursor()  # a live copy: Qt moves it along with the edits below
    place.setKeepPositionOnInsert(True)  # text merged in where it stands goes after it
    selected = place.hasSelection()
    cursor = QTextCursor(edit.document())
    cursor.beginEditBlock()
    for start, end, replacement in changed_spans(old, text):
        cursor.setPosition(_utf16(old[:start]))
        cursor.setPosition(_utf16(old[:end]), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
    cursor.endEditBlock()
    place.setKeepPositionOnInsert(False)
    if not selected:
        place.clearSelection()  # the anchor is not kept on insert: no selection appears
    edit.setTextCursor(place)


def merge_into_line(edit: QLineEdit, text: str) -> None:
    """Make `edit` show `text` by replacing the span that differs; the cursor keeps its place."""
    old = edit.text()
    if old == text:
        return  # setText would still send the cursor to the end
    start, end, replacement = changed_span(old, text)
    position = edit.cursorPosition()
    u_start, u_end = _utf16(old[:start]), _utf16(old[:end])
    edit.setSelection(u_start, u_end - u_start)
    edit.insert(replacement)
    if position >= u_end:
        position += _utf16(replacement) - (u_end - u_start)
    elif position > u_start:
        position = u_start + _utf16(replacement)
    edit.setCursorPosition(position)
