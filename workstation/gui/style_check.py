"""House style as you type: check off the GUI thread on a pause, underline, list, jump and fix."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QStyle, QToolTip, QWidget

from workstation.domain.style import Field, Finding, SpellChecker, apply_fixes
from workstation.gui.host import Host
from workstation.gui.style_menu import suggestion_menu
from workstation.gui.style_panel import ProblemsPanel
from workstation.gui.style_selections import (
    finding_selection,
    set_selection_layer,
    span_cursor,
    utf16_offsets,
)
from workstation.gui.tasks import Generation, TaskRunner
from workstation.usecases.lint import (
    WORD_LIST_ENV,
    WORD_LIST_PACKAGE,
    LintError,
    SpellingSetup,
    add_to_personal_dictionary,
    lint_with_spelling,
    load_house_style,
    load_spelling,
)

SELECTION_OWNER = "style"
DEFAULT_PAUSE_MS = 600
TextWidget = QLineEdit | QPlainTextEdit


@dataclass(frozen=True)
class CheckResult:
    """A finished check: which request it answers, the texts it read, what it found."""

    generation: int
    texts: dict[Field, str]
    findings: list[Finding] = field(default_factory=list)
    error: str = ""


def check_job(
    data_root: Path | None,
    speller: SpellChecker | None,
    headline: str,
    standfirst: str,
    body: str,
    generation: int,
) -> CheckResult:
    """Worker: plain text in, plain findings out (never touches a widget)."""
    texts = {Field.HEADLINE: headline, Field.STANDFIRST: standfirst, Field.BODY: body}
    try:
        rules = load_house_style(data_root=data_root)
    except LintError as exc:
        try:
            rules = load_house_style(data_root=None)  # the site file is broken: use the default
        except LintError:
            return CheckResult(generation, texts, [], str(exc))
        findings = lint_with_spelling(rules, speller, headline, standfirst, body)
        return CheckResult(generation, texts, findings, str(exc))
    return CheckResult(
        generation, texts, lint_with_spelling(rules, speller, headline, standfirst, body)
    )


def spelling_job(data_root: Path | None) -> SpellingSetup:
    """Worker: read the word list and the personal dictionary."""
    try:
        return load_spelling(data_root, load_house_style(data_root=data_root))
    except LintError:
        return load_spelling(data_root, None)


def _select(line: QLineEdit, finding: Finding) -> None:
    """Select a finding's span in a line edit (which counts UTF-16 units, as Qt does)."""
    table = utf16_offsets(line.text())
    start, end = (
        (table[finding.start], table[finding.end]) if table else (finding.start, finding.end)
    )
    line.setSelection(start, end - start)


def _text(widget: TextWidget) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


class StyleChecker(QObject):
    """Owns the problems panel and the style underlines of the body and standfirst editors."""

    sig_checked = Signal(object)
    """A check finished and is shown: the list of findings (house style and spelling)."""

    def __init__(
        self,
        tasks: TaskRunner,
        body: QPlainTextEdit,
        headline: TextWidget,
        standfirst: TextWidget,
        data_root: Callable[[], Path | None],
        pause_ms: int = DEFAULT_PAUSE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._widgets: dict[Field, TextWidget] = {
            Field.HEADLINE: headline,
            Field.STANDFIRST: standfirst,
            Field.BODY: body,
        }
        self._data_root = data_root
        self._generation = Generation()
        self._speller: SpellChecker | None = None
        self._speller_root: Path | None = None
        self._speller_requested = False
        self._pause_ms = pause_ms
        self._checked: dict[Field, str] = {}
        self._tracked: dict[Finding, tuple[QTextCursor, str]] = {}
        self._findings: list[Finding] = []
        self._spelling_note = ""
        self.panel = ProblemsPanel()
        self.panel.sig_jump_requested.connect(self.jump_to)
        self.panel.sig_fix_requested.connect(self.apply_fix)
        self.panel.sig_add_word_requested.connect(self.add_word)
        self.panel.sig_fix_all_requested.connect(self.apply_all_safe)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(pause_ms)
        self._timer.timeout.connect(self.check_now)
        for widget in self._widgets.values():
            widget.textChanged.connect(self.schedule)
        body.viewport().installEventFilter(self)
        self._headline_action: QAction | None = None
        if isinstance(headline, QLineEdit):
            # A line edit cannot underline: a warning icon at its end says there is a problem.
            icon = headline.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self._headline_action = headline.addAction(
                icon, QLineEdit.ActionPosition.TrailingPosition
            )
            self._headline_action.setVisible(False)
            self._headline_action.setText(self.tr("Headline house style problems"))
            self._headline_action.triggered.connect(self._jump_to_headline)
        self._body_viewport = body.viewport()

    # ---------------------------------------------------------------- public

    @property
    def findings(self) -> list[Finding]:
        """The findings on show (from the last check that is still current)."""
        return list(self._findings)

    def start(self) -> None:
        """Load the word lists in the background, and check what is there now."""
        self.check_now()

    def schedule(self) -> None:
        """Text changed: drop any check in flight and check again after a typing pause
        (a longer pause for a longer text, so typing in a long story stays smooth)."""
        self._generation.next()
        size = len(self._checked.get(Field.BODY, ""))
        self._timer.start(self._pause_ms + min(1000, size // 100))

    def check_now(self) -> None:
        """Submit a check of the current texts (the worker gets copies, never widgets)."""
        self._timer.stop()
        root = self._data_root()
        if root != self._speller_root or not self._speller_requested:
            # First check, or the workspace (and its personal dictionary) has changed.
            self._speller_root, self._speller_requested = root, True
            self._tasks.submit(spelling_job, root, on_success=self._spelling_loaded)
        generation = self._generation.next()
        texts = {where: _text(widget) for where, widget in self._widgets.items()}
        self._tasks.submit(
            check_job,
            root,
            self._speller,
            texts[Field.HEADLINE],
            texts[Field.STANDFIRST],
            texts[Field.BODY],
            generation,
            on_success=self._checked_in,
        )

    def jump_to(self, finding: Finding) -> None:
        """Select the finding's span in its editor and give that editor the focus."""
        widget = self._widgets[finding.field]
        if isinstance(widget, QLineEdit):
            if widget.text() == self._checked.get(finding.field):
                _select(widget, finding)
            widget.setFocus()
            return
        tracked = self._tracked.get(finding)
        if tracked is not None:
            widget.setTextCursor(tracked[0])
            widget.ensureCursorVisible()
        widget.setFocus()

    def apply_fix(self, finding: Finding, replacement: str | None = None) -> bool:
        """Apply a finding's fix (or another of its suggestions) as one undo step; False when
        the text moved on since the check (a new check is scheduled)."""
        fix = finding.fix if replacement is None else replacement
        if fix is None:
            return False
        widget = self._widgets[finding.field]
        if isinstance(widget, QLineEdit):
            if widget.text() != self._checked.get(finding.field):
                self.schedule()
                return False
            _select(widget, finding)
            widget.insert(fix)
        else:
            tracked = self._tracked.get(finding)
            if tracked is None or tracked[0].selectedText() != tracked[1]:
                self.schedule()
                return False
            cursor = tracked[0]
            cursor.beginEditBlock()
            cursor.insertText(fix)
            cursor.endEditBlock()
        self._show([f for f in self._findings if f != finding], keep_tracking=True)
        return True

    def apply_all_safe(self) -> int:
        """Apply every safe fix, one undo step per field; return how many were applied."""
        applied: set[Finding] = set()
        for where, widget in self._widgets.items():
            safe = [f for f in self._findings if f.field is where and f.safe and f.fix is not None]
            if not safe:
                continue
            if isinstance(widget, QLineEdit):
                if widget.text() == self._checked.get(where):
                    text, _count = apply_fixes(widget.text(), safe)
                    widget.selectAll()
                    widget.insert(text)  # one undo step
                    applied.update(safe)
                continue
            spans = []
            for finding in safe:
                tracked = self._tracked.get(finding)
                if tracked is not None and tracked[0].selectedText() == tracked[1]:
                    spans.append((tracked[0].selectionStart(), tracked[0].selectionEnd(), finding))
            spans.sort(key=lambda s: (s[0], s[1]))
            chosen: list[tuple[int, int, Finding]] = []
            for span in spans:
                if not chosen or span[0] >= chosen[-1][1]:
                    chosen.append(span)
            cursor = QTextCursor(widget.document())
            cursor.beginEditBlock()
            for start, end, finding in reversed(chosen):
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(finding.fix or "")
                applied.add(finding)
            cursor.endEditBlock()
        if applied:
            self._show([f for f in self._findings if f not in applied], keep_tracking=True)
            self.schedule()
        return len(applied)

    def add_word(self, word: str) -> None:
        """Accept a word from now on and save it in the personal dictionary."""
        if self._speller is not None:
            self._speller.add(word)
        root = self._data_root()
        if root is not None:
            self._tasks.submit(add_to_personal_dictionary, root, word, durable=True)
        self._show(
            [f for f in self._findings if not (f.kind == "spelling" and self._word_of(f) == word)],
            True,
        )
        self.schedule()

    # ---------------------------------------------------------------- Qt

    def findings_at(self, position: int) -> list[Finding]:
        """Body findings whose (tracked) span covers a document position."""
        return [
            f
            for f, (cursor, _) in self._tracked.items()
            if f.field is Field.BODY
            and cursor.selectionStart()
            <= position
            < max(cursor.selectionEnd(), cursor.selectionStart() + 1)
        ]

    def suggestion_menu(self, position: int) -> QMenu | None:
        """The editor's standard menu with the suggestions for findings at `position` on top,
        or None when there is no finding there (the editor's own menu is left alone)."""
        found = self.findings_at(position)
        body = self._widgets[Field.BODY]
        if not found or not isinstance(body, QPlainTextEdit):
            return None
        menu = suggestion_menu(body, found, self._word_of)
        menu.triggered.connect(self._menu_triggered)
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is not self._body_viewport:
            return super().eventFilter(watched, event)
        body = self._widgets[Field.BODY]
        assert isinstance(body, QPlainTextEdit)
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            found = self.findings_at(body.cursorForPosition(event.pos()).position())
            if found:
                QToolTip.showText(event.globalPos(), "\n".join(f.message for f in found[:3]), body)
                return True
        elif event.type() == QEvent.Type.ContextMenu:
            assert isinstance(event, QContextMenuEvent)
            menu = self.suggestion_menu(body.cursorForPosition(event.pos()).position())
            if menu is not None:
                menu.exec(event.globalPos())
                menu.deleteLater()
                return True
        return super().eventFilter(watched, event)

    def _jump_to_headline(self) -> None:
        first = next((f for f in self._findings if f.field is Field.HEADLINE), None)
        if first is not None:
            self.jump_to(first)

    def _menu_triggered(self, action: QAction) -> None:
        data = action.data()
        if not isinstance(data, tuple):
            return  # one of the editor's own actions
        finding, suggestion = data
        if suggestion is None:
            self.add_word(self._word_of(finding))
        else:
            self.apply_fix(finding, suggestion)

    # ---------------------------------------------------------------- private

    def _spelling_loaded(self, setup: SpellingSetup) -> None:
        self._speller = setup.checker
        if setup.checker.empty:
            self._spelling_note = self.tr(
                "Spell checking is off: no British English word list was found. Install the "
                "‘{0}’ package, or set {1} to a word list file."
            ).format(WORD_LIST_PACKAGE, WORD_LIST_ENV)
        self.check_now()

    def _checked_in(self, result: CheckResult) -> None:
        if not self._generation.is_current(result.generation):
            return  # the text changed while checking: a newer check is on its way
        self._checked = result.texts
        style_note = (
            self.tr("The site house style cannot be used ({0}); checking with the default.").format(
                result.error
            )
            if result.error
            else ""
        )
        self.panel.set_note("\n".join(n for n in (style_note, self._spelling_note) if n))
        self._show(result.findings, keep_tracking=False)
        self.sig_checked.emit(list(result.findings))

    def _word_of(self, finding: Finding) -> str:
        return self._checked.get(finding.field, "")[finding.start : finding.end]

    def _show(self, findings: list[Finding], keep_tracking: bool) -> None:
        self._findings = findings
        if not keep_tracking:
            self._tracked = {}
        for where in (Field.STANDFIRST, Field.BODY):
            widget = self._widgets[where]
            if not isinstance(widget, QPlainTextEdit):
                continue
            mine = [f for f in findings if f.field is where]
            if keep_tracking:
                selections = []
                for finding in mine:
                    tracked = self._tracked.get(finding)
                    if tracked is not None:
                        selection = finding_selection(widget, finding)
                        selection.cursor = tracked[0]
                        selections.append(selection)
            else:
                text = self._checked.get(where, "")
                table = utf16_offsets(text)
                selections = [finding_selection(widget, f, table) for f in mine]
                for finding in mine:
                    original = text[finding.start : finding.end].replace("\n", "\u2029")
                    self._tracked[finding] = (
                        span_cursor(widget, finding.start, finding.end, table),
                        original,
                    )
            set_selection_layer(widget, SELECTION_OWNER, selections)
        if self._headline_action is not None:
            notes = [f.message for f in findings if f.field is Field.HEADLINE]
            self._headline_action.setToolTip("\n".join(notes))
            self._headline_action.setVisible(bool(notes))
        words = {i: self._word_of(f) for i, f in enumerate(findings) if f.kind == "spelling"}
        self.panel.set_findings(findings, words)


def attach_style_checking(host: Host) -> StyleChecker:
    """Check the open article's headline, standfirst and body as the user types; the
    Problems panel is a dock of the host."""

    def data_root() -> Path | None:
        return host.workspace.data.root if host.workspace is not None else None

    document = host.document
    checker = StyleChecker(
        host.tasks,
        document.editor,
        document.headline_edit,
        document.standfirst_edit,
        data_root,
        parent=host,
    )
    panel: QWidget = checker.panel
    host.add_dock(panel, checker.tr("Problems"))
    checker.start()
    return checker
