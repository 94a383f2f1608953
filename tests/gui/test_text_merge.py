"""Text merged into the edit the writer types in: undo and the cursor survive (issue 9's merge)."""

from __future__ import annotations

from journeys import press, type_into
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from workstation.gui.text_merge import changed_spans, merge_into_line, merge_into_plain_text

STORY = "The regulator said so.\n\nUnions welcomed it. More"


def _editor(qtbot: QtBot, text: str) -> QPlainTextEdit:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(text)
    editor.show()
    editor.setFocus()
    return editor


def _cursor_at(editor: QPlainTextEdit, position: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(position)
    editor.setTextCursor(cursor)


def test_the_cursor_stays_on_its_word_through_a_change_elsewhere(qtbot: QtBot) -> None:
    editor = _editor(qtbot, STORY)
    _cursor_at(editor, STORY.index("said"))
    merged = STORY.replace("The regulator", "The health regulator")
    merge_into_plain_text(editor, merged)
    assert editor.toPlainText() == merged
    assert editor.textCursor().position() == merged.index("said")
    type_into(editor, "X")
    assert "regulator Xsaid" in editor.toPlainText()


def test_text_merged_in_at_the_cursor_goes_after_it(qtbot: QtBot) -> None:
    editor = _editor(qtbot, STORY)
    press(editor, "Ctrl+End")
    merge_into_plain_text(editor, STORY + "\n\nAdded by the sub.")
    type_into(editor, " typed")
    assert editor.toPlainText() == STORY + " typed\n\nAdded by the sub."


def test_two_changes_leave_the_paragraph_between_them_and_its_cursor_alone(
    qtbot: QtBot,
) -> None:
    story = "A.\n\nB is here.\n\nC."
    editor = _editor(qtbot, story)
    _cursor_at(editor, story.index("here"))
    merged = "A and more.\n\nB is here.\n\nC, later."
    merge_into_plain_text(editor, merged)
    assert editor.toPlainText() == merged
    assert editor.textCursor().position() == merged.index("here")
    assert [span[2] for span in changed_spans(story, merged)] == [", later", " and more"]


def test_undo_still_takes_back_the_writers_own_typing_after_a_merge(qtbot: QtBot) -> None:
    editor = _editor(qtbot, STORY)
    press(editor, "Ctrl+End")
    type_into(editor, " words")
    merge_into_plain_text(editor, editor.toPlainText().replace("regulator", "health regulator"))
    press(editor, "Ctrl+Z")  # the merge, one step
    assert editor.toPlainText() == STORY + " words"
    press(editor, "Ctrl+Z")  # then what the writer typed
    assert editor.toPlainText() == STORY


def test_positions_count_as_qt_counts_them_past_characters_outside_the_bmp(
    qtbot: QtBot,
) -> None:
    story = "Cheers 🎉 from the board.\n\nIt said yes."
    editor = _editor(qtbot, story)
    press(editor, "Ctrl+End")
    merged = story.replace("board", "whole board")
    merge_into_plain_text(editor, merged)
    assert editor.toPlainText() == merged
    type_into(editor, "!")
    assert editor.toPlainText() == merged + "!"


def test_a_line_keeps_its_cursor_and_its_undo(qtbot: QtBot) -> None:
    line = QLineEdit()
    qtbot.addWidget(line)
    line.show()
    line.setFocus()
    type_into(line, "Trusts told to publish data")
    line.setCursorPosition(len("Trusts told"))
    merge_into_line(line, "Trusts told to publish data")  # unchanged: the cursor stays
    assert line.cursorPosition() == len("Trusts told")
    merge_into_line(line, "NHS trusts told to publish data")
    assert line.text() == "NHS trusts told to publish data"
    assert line.cursorPosition() == len("NHS trusts told")
    merge_into_line(line, "NHS trusts told to publish equality data")
    assert line.cursorPosition() == len("NHS trusts told")
    type_into(line, " again")
    assert line.text() == "NHS trusts told again to publish equality data"
