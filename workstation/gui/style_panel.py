"""The problems panel: house-style and spelling findings in a list; jump, fix, add a word."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.style import Field, Finding, Severity
from workstation.gui.style_selections import finding_colour

_FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsPanel(QWidget):
    """Findings sorted by field and position; click or Enter jumps, Fix applies the fix."""

    sig_jump_requested = Signal(object)
    """The user picked a finding (click or Enter): show its span in the editor."""

    sig_fix_requested = Signal(object)
    """The user asked to apply a finding's fix."""

    sig_fix_all_requested = Signal()
    """The user asked to apply every safe fix at once."""

    sig_add_word_requested = Signal(str)
    """The user asked to add a word to the personal dictionary."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self._findings: list[Finding] = []
        self._words: dict[int, str] = {}
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Severity"), self.tr("Field"), self.tr("Line"), self.tr("Message")]
        )
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAccessibleName(self.tr("House style problems"))
        self.view.clicked.connect(self._jump)
        self.view.activated.connect(self._jump)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.summary = QLabel(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        self.fix_button = QPushButton(self.tr("&Fix"), self)
        self.fix_button.setToolTip(self.tr("Apply the suggested fix (one undo step)"))
        self.fix_button.clicked.connect(self._fix)
        self.fix_all_button = QPushButton(self.tr("Fix all &safe"), self)
        self.fix_all_button.setToolTip(
            self.tr("Apply every fix that needs no judgement (quotes, spelling, dates...)")
        )
        self.fix_all_button.clicked.connect(self.sig_fix_all_requested)
        self.add_word_button = QPushButton(self.tr("&Add to dictionary"), self)
        self.add_word_button.clicked.connect(self._add_word)
        self.summary.setWordWrap(True)  # its own line: a narrow dock never cuts it short
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_word_button)
        buttons.addWidget(self.fix_all_button)
        buttons.addWidget(self.fix_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.set_findings([], {})

    # ---------------------------------------------------------------- public

    @property
    def findings(self) -> list[Finding]:
        return list(self._findings)

    def set_findings(self, findings: list[Finding], words: dict[int, str]) -> None:
        """Show `findings`; `words` maps a spelling finding's index to the misspelled word."""
        current = self.current_finding()
        self._findings = list(findings)
        self._words = dict(words)
        self.model.removeRows(0, self.model.rowCount())
        names = {
            Severity.ERROR: self.tr("Error"),
            Severity.WARNING: self.tr("Warning"),
            Severity.SUGGESTION: self.tr("Suggestion"),
        }
        fields = {
            Field.HEADLINE: self.tr("Headline"),
            Field.STANDFIRST: self.tr("Standfirst"),
            Field.BODY: self.tr("Body"),
        }
        for index, finding in enumerate(self._findings):
            severity = QStandardItem(
                self.tr("Spelling") if finding.kind == "spelling" else names[finding.severity]
            )
            severity.setForeground(QBrush(finding_colour(finding)))
            severity.setData(index, _FINDING_ROLE)
            message = QStandardItem(finding.message)
            message.setToolTip(finding.message)
            row = [
                severity,
                QStandardItem(fields[finding.field]),
                QStandardItem(str(finding.line)),
                message,
            ]
            self.model.appendRow(row)
        self.view.resizeColumnToContents(0)
        self.view.resizeColumnToContents(1)
        self.view.resizeColumnToContents(2)
        self._restore(current)
        self.summary.setText(self._summary())
        self._update_buttons()

    def set_note(self, text: str) -> None:
        """A line above the list (e.g. that spell checking is off, and why)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def current_finding(self) -> Finding | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self._finding_at(index)

    def select_row(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row, 0))

    # ---------------------------------------------------------------- private

    def _finding_at(self, index: QModelIndex) -> Finding | None:
        item = self.model.item(index.row(), 0)
        if item is None:
            return None
        position = item.data(_FINDING_ROLE)
        return self._findings[position] if isinstance(position, int) else None

    def _restore(self, previous: Finding | None) -> None:
        if previous is None:
            return
        for row, finding in enumerate(self._findings):
            if (finding.rule, finding.field, finding.line) == (
                previous.rule,
                previous.field,
                previous.line,
            ):
                self.view.setCurrentIndex(self.model.index(row, 0))
                return

    def _summary(self) -> str:
        counts = {
            s: sum(1 for f in self._findings if f.severity is s and f.kind != "spelling")
            for s in Severity
        }
        spelling = sum(1 for f in self._findings if f.kind == "spelling")
        return self.tr("{0} errors, {1} warnings, {2} suggestions, {3} spelling").format(
            counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.SUGGESTION], spelling
        )

    def _jump(self, index: QModelIndex) -> None:
        finding = self._finding_at(index)
        if finding is not None:
            self.sig_jump_requested.emit(finding)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        finding = self.current_finding()
        self.fix_button.setEnabled(finding is not None and finding.fix is not None)
        self.add_word_button.setEnabled(finding is not None and finding.kind == "spelling")
        self.fix_all_button.setEnabled(any(f.safe and f.fix is not None for f in self._findings))

    def _fix(self) -> None:
        finding = self.current_finding()
        if finding is not None and finding.fix is not None:
            self.sig_fix_requested.emit(finding)

    def _add_word(self) -> None:
        finding = self.current_finding()
        if finding is None or finding.kind != "spelling":
            return
        word = self._words.get(self._findings.index(finding))
        if word:
            self.sig_add_word_requested.emit(word)
