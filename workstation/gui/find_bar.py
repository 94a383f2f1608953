"""Find and replace for the body editor: a bar under the editor, like a browser's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from workstation.gui.editor import MarkdownEditor


class FindBar(QWidget):
    """Find next/previous, match case, whole words, replace and replace all (one undo step)."""

    def __init__(self, editor: MarkdownEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.find_edit.setAccessibleName(self.tr("Find text"))
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.replace_edit.setAccessibleName(self.tr("Replacement text"))
        self.case_box = QCheckBox(self.tr("Match &case"), self)
        self.words_box = QCheckBox(self.tr("&Whole words"), self)
        self.status = QLabel(self)
        buttons = [
            (self.tr("&Next"), self.find_next),
            (self.tr("&Previous"), self.find_previous),
            (self.tr("&Replace"), self.replace_one),
            (self.tr("Replace &all"), self.replace_all),
            (self.tr("Close"), self.hide),
        ]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.find_edit)
        layout.addWidget(self.replace_edit)
        layout.addWidget(self.case_box)
        layout.addWidget(self.words_box)
        for text, slot in buttons:
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            layout.addWidget(button)
        layout.addWidget(self.status)
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.textChanged.connect(self._highlight_all)
        self.replace_edit.returnPressed.connect(self.replace_one)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.hide)
        self.hide()

    def open(self, replace: bool = False) -> None:
        selected = self._editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        self.replace_edit.setVisible(True)
        self.show()
        (self.replace_edit if replace and self.find_edit.text() else self.find_edit).setFocus()
        self.find_edit.selectAll()

    def hideEvent(self, event: object) -> None:
        self._editor.set_extra_selections("find", [])
        super().hideEvent(event)  # type: ignore[arg-type]

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case_box.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if self.words_box.isChecked():
            flags |= QTextDocument.FindFlag.FindWholeWords
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _find(self, backward: bool) -> bool:
        needle = self.find_edit.text()
        if not needle:
            return False
        doc = self._editor.document()
        cursor = doc.find(needle, self._editor.textCursor(), self._flags(backward))
        if cursor.isNull():  # wrap around
            start = QTextCursor(doc)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            cursor = doc.find(needle, start, self._flags(backward))
        if cursor.isNull():
            self.status.setText(self.tr("Not found"))
            return False
        self.status.setText("")
        self._editor.setTextCursor(cursor)
        return True

    def replace_one(self) -> None:
        cursor = self._editor.textCursor()
        needle = self.find_edit.text()
        selected = cursor.selectedText()
        same = (
            selected == needle if self.case_box.isChecked() else selected.lower() == needle.lower()
        )
        if cursor.hasSelection() and same:
            cursor.insertText(self.replace_edit.text())
        self.find_next()

    def replace_all(self) -> int:
        needle = self.find_edit.text()
        if not needle:
            return 0
        doc = self._editor.document()
        edit = QTextCursor(doc)
        edit.beginEditBlock()  # one undo step for the lot
        count = 0
        cursor = doc.find(needle, 0, self._flags())
        while not cursor.isNull():
            cursor.insertText(self.replace_edit.text())
            count += 1
            cursor = doc.find(needle, cursor, self._flags())
        edit.endEditBlock()
        self.status.setText(self.tr("%n replaced", "", count))
        return count

    def _highlight_all(self) -> None:
        needle = self.find_edit.text()
        selections: list[QTextEdit.ExtraSelection] = []
        doc = self._editor.document()
        if needle and doc.characterCount() < 2_000_000:
            cursor = doc.find(needle, 0, self._flags())
            while not cursor.isNull() and len(selections) < 1000:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format.setBackground(QColor("#fff3a0"))
                selections.append(selection)
                cursor = doc.find(needle, cursor, self._flags())
        self._editor.set_extra_selections("find", selections)
