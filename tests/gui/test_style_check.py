"""Style checking in the editor: underlines after typing, jump, fixes as one undo step, spelling."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from fake_host import FakeDocument
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.style import Finding
from workstation.gui.host import Host
from workstation.gui.style_check import StyleChecker, attach_style_checking
from workstation.gui.style_selections import set_selection_layer
from workstation.gui.tasks import TaskRunner
from workstation.paths import DataDir
from workstation.usecases import lint as lint_usecase

WAIT_MS = 10_000


class FakeWindow(QMainWindow):
    """A bare window with a real Host over a fake Document: the checker, built alone."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.tasks = TaskRunner(self)
        self.document = FakeDocument()
        self.editor = self.document.editor
        self.form = SimpleNamespace(
            headline_edit=self.document.headline_edit,
            standfirst_edit=self.document.standfirst_edit,
        )
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.form.headline_edit)
        layout.addWidget(self.form.standfirst_edit)
        layout.addWidget(self.editor)
        self.setCentralWidget(central)
        self.host = Host(self, self.tasks, self.document, DataDir(root))
        self.host.workspace = SimpleNamespace(data=SimpleNamespace(root=root))  # type: ignore[assignment]

    @property
    def docks(self) -> list[QDockWidget]:
        return self.host.docks


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[FakeWindow]:  # type: ignore[no-untyped-def]
    root = tmp_path / "data"
    root.mkdir()
    win = FakeWindow(root)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.tasks.shutdown()


@pytest.fixture
def checker(qtbot, window: FakeWindow) -> StyleChecker:  # type: ignore[no-untyped-def]
    checker = attach_style_checking(window.host)
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=WAIT_MS)
    return checker


def _wavy(editor: QPlainTextEdit) -> list[QTextEdit.ExtraSelection]:
    return [
        s
        for s in editor.extraSelections()
        if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    ]


def _finding(checker: StyleChecker, rule: str) -> Finding:
    return next(f for f in checker.findings if f.rule == rule)


def _wait_for(qtbot, checker: StyleChecker, rule: str) -> Finding:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(f.rule == rule for f in checker.findings), timeout=WAIT_MS)
    return _finding(checker, rule)


def test_panel_is_docked(window: FakeWindow, checker: StyleChecker) -> None:
    assert window.docks and window.docks[0].widget() is checker.panel


def test_underlines_appear_after_typing(
    qtbot,
    window: FakeWindow,  # type: ignore[no-untyped-def]
    checker: StyleChecker,
) -> None:
    qtbot.keyClicks(window.editor, "The the board met.")
    qtbot.waitUntil(lambda: bool(_wavy(window.editor)), timeout=WAIT_MS)
    finding = _finding(checker, "repeated-word")
    selection = next(s for s in _wavy(window.editor) if s.cursor.selectionStart() == finding.start)
    assert selection.cursor.selectedText() == " the"
    assert checker.panel.model.rowCount() == len(checker.findings)


def test_fix_is_one_undo_step(
    qtbot,
    window: FakeWindow,  # type: ignore[no-untyped-def]
    checker: StyleChecker,
) -> None:
    original = "Waiting lists rose 5% in a year."
    window.editor.setPlainText(original)
    finding = _wait_for(qtbot, checker, "per-cent")
    row = checker.findings.index(finding)
    checker.panel.select_row(row)
    assert checker.panel.fix_button.isEnabled()
    qtbot.mouseClick(checker.panel.fix_button, Qt.MouseButton.LeftButton)
    assert window.editor.toPlainText() == "Waiting lists rose 5 per cent in a year."
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == original


def test_fix_of_a_span_after_an_edit_elsewhere(
    qtbot,
    window: FakeWindow,  # type: ignore[no-untyped-def]
    checker: StyleChecker,
) -> None:
    window.editor.setPlainText("First line.\n\nThe nurse's shift ended.")
    finding = _wait_for(qtbot, checker, "straight-quotes")
    cursor = window.editor.textCursor()
    cursor.setPosition(0)
    cursor.insertText("New ")  # the finding's offsets are now stale; its tracked span is not
    assert checker.apply_fix(finding)
    assert window.editor.toPlainText() == "New First line.\n\nThe nurse’s shift ended."
    window.editor.undo()
    assert window.editor.toPlainText() == "New First line.\n\nThe nurse's shift ended."


def test_headline_fix_and_jump(
    qtbot,
    window: FakeWindow,  # type: ignore[no-untyped-def]
    checker: StyleChecker,
) -> None:
    window.form.headline_edit.setText("Trusts told to publish equality data.")
    finding = _wait_for(qtbot, checker, "headline-full-stop")
    [marker] = [a for a in window.form.headline_edit.actions() if a.isVisible()]
    assert "full stop" in marker.toolTip()
    checker.jump_to(finding)
    assert window.form.headline_edit.selectedText() == "."
    assert checker.apply_fix(finding)
    assert window.form.headline_edit.text() == "Trusts told to publish equality data"
    window.form.headline_edit.undo()
    assert window.form.headline_edit.text() == "Trusts told to publish equality data."


def test_click_jumps_to_the_span(
    qtbot,
    window: FakeWindow,  # type: ignore[no-untyped-def]
    checker: StyleChecker,
) -> None:
    window.editor.setPlainText("One.\n\nThe trust has 3 hospitals.")
    finding = _wait_for(qtbot, checker, "numbers-in-words")
    row = checker.findings.index(finding)
    with qtbot.waitSignal(checker.panel.sig_jump_requested, timeout=WAIT_MS):
        index = checker.panel.model.index(row, 3)
        rect = checker.panel.view.visualRect(index)
        qtbot.mouseClick(
            checker.panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    assert window.editor.textCursor().selectedText() == "3"


def test_stale_results_are_dropped(
    qtbot,
    window: FakeWindow,  # type: ignore[no-untyped-def]
    checker: StyleChecker,
) -> None:
    window.editor.setPlainText("The the board met.")
    checker.check_now()
    window.editor.setPlainText("The board met on 24th May.")
    checker.check_now()
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=WAIT_MS)
    assert {f.rule for f in checker.findings} == {"date-format"}


def test_offsets_after_characters_outside_the_bmp(
    qtbot,
    window: FakeWindow,  # type: ignore[no-untyped-def]
    checker: StyleChecker,
) -> None:
    window.editor.setPlainText("Nurses 👩‍⚕️ said the the pay offer was low.")
    _wait_for(qtbot, checker, "repeated-word")
    qtbot.waitUntil(lambda: bool(_wavy(window.editor)), timeout=WAIT_MS)
    texts = {s.cursor.selectedText() for s in _wavy(window.editor)}
    assert " the" in texts


def test_other_owners_selections_are_kept(
    qtbot,
    window: FakeWindow,  # type: ignore[no-untyped-def]
    checker: StyleChecker,
) -> None:
    mine = QTextEdit.ExtraSelection()
    mine.cursor = window.editor.textCursor()
    set_selection_layer(window.editor, "find", [mine])
    window.editor.setPlainText("The the board met.")
    qtbot.waitUntil(lambda: bool(_wavy(window.editor)), timeout=WAIT_MS)
    assert len(window.editor.extraSelections()) == len(_wavy(window.editor)) + 1


@pytest.mark.skipif(
    not lint_usecase.WORD_LIST_PATHS[0].exists(), reason="the wbritish word list is not installed"
)
def test_spelling_and_personal_dictionary(
    qtbot,
    window: FakeWindow,  # type: ignore[no-untyped-def]
    checker: StyleChecker,
) -> None:
    window.editor.setPlainText("Zorblax recieved funds from the trust.")
    qtbot.waitUntil(lambda: any(f.kind == "spelling" for f in checker.findings), timeout=WAIT_MS)
    words = {
        window.editor.toPlainText()[f.start : f.end]
        for f in checker.findings
        if f.kind == "spelling"
    }
    assert words == {"recieved", "Zorblax"}
    row = next(i for i, f in enumerate(checker.findings) if f.kind == "spelling" and f.start == 0)
    checker.panel.select_row(row)
    qtbot.mouseClick(checker.panel.add_word_button, Qt.MouseButton.LeftButton)
    dictionary = window.host.workspace.data.root / "dictionary.txt"
    qtbot.waitUntil(lambda: dictionary.exists(), timeout=WAIT_MS)
    assert dictionary.read_text(encoding="utf-8") == "Zorblax\n"
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=WAIT_MS)
    assert [f.start for f in checker.findings if f.kind == "spelling"] == [8]


def test_missing_word_list_says_so(
    qtbot,
    window: FakeWindow,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lint_usecase, "WORD_LIST_PATHS", ())
    monkeypatch.delenv(lint_usecase.WORD_LIST_ENV, raising=False)
    checker = attach_style_checking(window.host)
    qtbot.waitUntil(lambda: checker.panel.note.isVisibleTo(checker.panel), timeout=WAIT_MS)
    assert "wbritish" in checker.panel.note.text()


def test_fix_all_safe_is_one_undo_step(
    qtbot,
    window: FakeWindow,  # type: ignore[no-untyped-def]
    checker: StyleChecker,
) -> None:
    original = "The nurse's shift -- and the doctor's -- ran 5% over.\n\nThe the end."
    window.editor.setPlainText(original)
    _wait_for(qtbot, checker, "repeated-word")
    qtbot.waitUntil(checker.panel.fix_all_button.isEnabled, timeout=WAIT_MS)
    qtbot.mouseClick(checker.panel.fix_all_button, Qt.MouseButton.LeftButton)
    assert window.editor.toPlainText() == (
        "The nurse’s shift – and the doctor’s – ran 5 per cent over.\n\nThe end."
    )
    window.editor.undo()
    assert window.editor.toPlainText() == original


def test_context_menu_offers_the_suggestions(
    qtbot,
    window: FakeWindow,  # type: ignore[no-untyped-def]
    checker: StyleChecker,
) -> None:
    window.editor.setPlainText("The cancer center opened.")
    _wait_for(qtbot, checker, "british-spelling")
    assert checker.suggestion_menu(0) is None  # no finding there: the editor's own menu
    menu = checker.suggestion_menu(window.editor.toPlainText().index("center") + 2)
    assert menu is not None
    action = next(a for a in menu.actions() if a.text() == "centre")
    action.trigger()
    assert window.editor.toPlainText() == "The cancer centre opened."
    menu.deleteLater()


def test_enter_in_the_panel_jumps(
    qtbot,
    window: FakeWindow,  # type: ignore[no-untyped-def]
    checker: StyleChecker,
) -> None:
    window.editor.setPlainText("Line.\n\nIt took 6 months.")
    finding = _wait_for(qtbot, checker, "numbers-in-words")
    checker.panel.select_row(checker.findings.index(finding))
    checker.panel.view.setFocus()
    with qtbot.waitSignal(checker.panel.sig_jump_requested, timeout=WAIT_MS):
        qtbot.keyClick(checker.panel.view, Qt.Key.Key_Return)
    assert window.editor.textCursor().selectedText() == "6"


def test_fix_all_safe_gives_house_quotes_and_leaves_no_quote_finding(
    qtbot,
    window: FakeWindow,  # type: ignore[no-untyped-def]
    checker: StyleChecker,
) -> None:
    window.form.headline_edit.setText('Minister says "no" to the nurses\' pay deal')
    window.editor.setPlainText(
        '"We planned one winter at a time," she said. \'The nurses\' union says the "wish '
        "list\" is not a plan,' said Tom Renwick, who started in the '90s.\n\n"
        "She said: “They told me ‘wait’ again.” *\"Never,\"* he replied (and 'no').\n\n"
        'Code stays: `don\'t "touch"`.'
    )
    _wait_for(qtbot, checker, "quote-style")
    qtbot.waitUntil(checker.panel.fix_all_button.isEnabled, timeout=WAIT_MS)
    with qtbot.waitSignal(checker.sig_checked, timeout=WAIT_MS):
        qtbot.mouseClick(checker.panel.fix_all_button, Qt.MouseButton.LeftButton)
    assert window.form.headline_edit.text() == "Minister says ‘no’ to the nurses’ pay deal"
    assert window.editor.toPlainText() == (
        "‘We planned one winter at a time,’ she said. ‘The nurses’ union says the “wish "
        "list” is not a plan,’ said Tom Renwick, who started in the ’90s.\n\n"
        "She said: ‘They told me “wait” again.’ *‘Never,’* he replied (and ‘no’).\n\n"
        'Code stays: `don\'t "touch"`.'
    )
    quotes = [f for f in checker.findings if f.kind in ("straight_quotes", "quote_style")]
    assert quotes == []
    assert not checker.panel.fix_all_button.isEnabled()  # a second press would change nothing
