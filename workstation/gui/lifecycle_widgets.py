"""Dialogs of a story's life after publish: what a republish is, and a takedown's reason."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.lifecycle import RepublishKind


class RepublishDialog(QDialog):
    """Republishing a live story: a silent fix, an update, or a correction with its note.
    A story that was taken down needs a publisher's note whatever the kind."""

    sig_chosen = Signal(str, str)
    """The publisher chose: carries the kind (RepublishKind's word) and the note."""

    def __init__(self, headline: str, taken_down: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("republishDialog")
        self.setWindowTitle(self.tr("Republish a live story"))
        self.taken_down = taken_down
        layout = QVBoxLayout(self)
        question = (
            self.tr("“%s” was taken down. Say why it may go back up, and what this is:")
            if taken_down
            else self.tr("“%s” is live. What is this change?")
        )
        layout.addWidget(QLabel(question % headline, self))
        self.kinds = QButtonGroup(self)
        self.silent = self._choice(
            layout, "republishSilent", self.tr("&Silent fix (a typo: readers are not told)")
        )
        self.update_choice = self._choice(
            layout, "republishUpdate", self.tr("&Update (new facts: the page shows “Updated”)")
        )
        self.correction = self._choice(
            layout,
            "republishCorrection",
            self.tr("&Correction (something was wrong: a dated note says what, for good)"),
        )
        self.update_choice.setChecked(True)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("republishNote")
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(
            self.tr("What was wrong (shown to readers with a correction)")
        )
        self.note_edit.setFixedHeight(80)
        layout.addWidget(self.note_edit)
        self.message = QLabel(self)
        self.message.setObjectName("republishMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Republish"))
        ok.clicked.connect(self._choose)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _choice(self, layout: QVBoxLayout, name: str, text: str) -> QRadioButton:
        button = QRadioButton(text, self)
        button.setObjectName(name)
        self.kinds.addButton(button)
        layout.addWidget(button)
        return button

    def kind(self) -> RepublishKind:
        if self.silent.isChecked():
            return RepublishKind.SILENT
        if self.correction.isChecked():
            return RepublishKind.CORRECTION
        return RepublishKind.UPDATE

    def _choose(self) -> None:
        note = self.note_edit.toPlainText().strip()
        if self.kind() is RepublishKind.CORRECTION and not note:
            self.message.setText(self.tr("A correction needs a note saying what was wrong."))
            return
        if self.taken_down and not note:
            self.message.setText(
                self.tr("This story was taken down: republishing it needs a publisher’s note.")
            )
            return
        self.sig_chosen.emit(self.kind().value, note)
        self.accept()


class TakedownDialog(QDialog):
    """Take a story down: the reason is required and kept in the audit trail."""

    sig_reason = Signal(str)
    """Take it down; carries the reason."""

    def __init__(self, headline: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("takedownDialog")
        self.setWindowTitle(self.tr("Take down"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Take “%s” down? Its page will say it was removed, and it leaves every "
                    "list, feed and search at once."
                )
                % headline,
                self,
            )
        )
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("takedownReason")
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        self.reason_edit.setPlaceholderText(self.tr("Why it is taken down (kept in its history)"))
        self.reason_edit.setFixedHeight(80)
        layout.addWidget(self.reason_edit)
        self.message = QLabel(self)
        self.message.setObjectName("takedownMessage")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Take down"))
        ok.clicked.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _confirm(self) -> None:
        reason = self.reason_edit.toPlainText().strip()
        if not reason:
            self.message.setText(self.tr("Say why the story is taken down."))
            return
        self.sig_reason.emit(reason)
        self.accept()
