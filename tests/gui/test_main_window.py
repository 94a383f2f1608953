"""The main window: typing reaches the database, revisions, find/replace, layout remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workstation.gui.main_window import MainWindow
from workstation.store.db import open_database
from workstation.store.repository import ArticleRepository


def _stored_body(window: MainWindow) -> str:
    db = open_database(window.data.database)
    try:
        with db.session() as session:
            repo = ArticleRepository(session)
            article = window.current_article()
            assert article is not None
            return repo.get(article.id).body
    finally:
        db.close()


def test_opens_last_article(window: MainWindow) -> None:
    assert window.form.headline_edit.text() == "Draft for testing"
    assert window.editor.toPlainText() == "Existing paragraph.\n"


def test_typing_is_autosaved(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, "Typed by the test.")
    qtbot.waitUntil(lambda: "Typed by the test." in _stored_body(window), timeout=5000)


def test_metadata_edits_are_autosaved(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.form.headline_edit.clear()
    qtbot.keyClicks(window.form.headline_edit, "New headline here")
    qtbot.keyClicks(window.form.byline_edit, "Ann Example, Staff reporter")

    def stored_headline() -> tuple[str, tuple[str, ...]]:
        db = open_database(window.data.database)
        try:
            with db.session() as session:
                article = window.current_article()
                assert article is not None
                stored = ArticleRepository(session).get(article.id)
                return stored.headline, stored.byline
        finally:
            db.close()

    qtbot.waitUntil(
        lambda: stored_headline() == ("New headline here", ("Ann Example", "Staff reporter")),
        timeout=5000,
    )


def test_save_revision_and_restore(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.autosaver.sig_revision_saved, timeout=5000) as first:
        window.save_action.trigger()
    window.editor.selectAll()
    qtbot.keyClicks(window.editor, "Replaced text")
    qtbot.waitUntil(lambda: _stored_body(window) == "Replaced text", timeout=5000)
    from workstation.usecases.articles import restore_revision

    assert window.workspace is not None
    with qtbot.waitSignal(window.sig_article_shown, timeout=5000):
        window.tasks.submit_db(
            restore_revision, window.workspace.db, first.args[0].id,
            on_success=window.show_article,
        )  # fmt: skip
    assert window.editor.toPlainText() == "Existing paragraph.\n"
    qtbot.waitUntil(lambda: _stored_body(window) == "Existing paragraph.\n", timeout=5000)


def test_find_and_replace_all_is_one_undo_step(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.editor.setPlainText("organization and organization\n")
    window.find_bar.open(replace=True)
    window.find_bar.find_edit.setText("organization")
    window.find_bar.replace_edit.setText("organisation")
    assert window.find_bar.replace_all() == 2
    assert window.editor.toPlainText() == "organisation and organisation\n"
    window.editor.undo()
    assert window.editor.toPlainText() == "organization and organization\n"


def test_word_count_shown(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.editor.setPlainText("one two three four five")
    qtbot.waitUntil(lambda: window.count_label.text().startswith("5 words"), timeout=3000)


def test_splitter_sizes_remembered(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    # Docks arrive after first paint and take width from the splitter: let them land first.
    qtbot.waitUntil(lambda: bool(window.features), timeout=30_000)
    window.resize(780, 560)  # inside the offscreen screen, or restoreGeometry clamps it
    window.splitter.setSizes([150, 350, 250])
    wanted = window.splitter.sizes()
    window.close()
    again = MainWindow(window.data)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: bool(again.features), timeout=30_000)
    assert again.splitter.sizes() == wanted
    again.close()


def test_list_filters_by_status_and_search(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 1, timeout=5000)
    window.list_panel.search_edit.setText("nothing matches this")
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 0, timeout=5000)
    window.list_panel.search_edit.setText("testing")
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 1, timeout=5000)
    published = window.list_panel.status_box.findData("published")
    window.list_panel.status_box.setCurrentIndex(published)
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 0, timeout=5000)


def test_tab_leaves_the_editor(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.editor.setFocus()
    before = window.editor.toPlainText()
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.toPlainText() == before


def test_status_change_saves_text_and_takes_a_revision(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from workstation.domain.article import Status

    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, "Last words.")
    window.set_status(Status.SUBMITTED)
    qtbot.waitUntil(lambda: window.status_label.text() == "Submitted", timeout=5000)
    db = open_database(window.data.database)
    try:
        with db.session() as session:
            repo = ArticleRepository(session)
            article = window.current_article()
            assert article is not None
            stored = repo.get(article.id)
            assert stored.status is Status.SUBMITTED
            assert stored.body.endswith("Last words.")
            newest = repo.revisions(article.id)[0]
            assert newest.reason == "status:submitted"
            assert newest.article.body.endswith("Last words.")
    finally:
        db.close()


def test_a_burst_of_typing_is_saved_exactly_once(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The debounce fires once per pause: one save for the burst, none after it (issue 19)."""
    saves: list[object] = []
    window.autosaver.sig_saved.connect(saves.append)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    for key in " one burst":
        qtbot.keyClick(window.editor, key)
    qtbot.waitUntil(lambda: "one burst" in _stored_body(window), timeout=5000)
    qtbot.wait(2 * 1000 + 200)  # past both debounce timers (pause and the 1 s cap) twice over
    assert len(saves) == 1
    assert "one burst" in saves[0].body  # type: ignore[attr-defined]


def test_steady_typing_is_saved_at_least_each_second(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Typing without a pause still saves (the 1 s cap), and the end of it is saved once."""
    saves: list[object] = []
    window.autosaver.sig_saved.connect(saves.append)
    window.autosaver.set_timing(900, 5)  # a pause longer than the gaps between keys
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    typed = " steady typing goes on and on"
    for key in typed:
        qtbot.keyClick(window.editor, key)
        qtbot.wait(100)
    during = len(saves)
    qtbot.waitUntil(lambda: typed in _stored_body(window), timeout=5000)
    qtbot.wait(2 * 1000 + 200)
    assert during >= 1  # saved while the keys kept coming
    assert len(saves) < len(typed) // 3  # not a save per key
    assert typed in saves[-1].body  # type: ignore[attr-defined]
    assert len([s for s in saves if typed in s.body]) == 1  # type: ignore[attr-defined]


def test_readers_and_sponsor_chosen_in_the_form_are_saved(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: a person picks who may read the story and names a sponsor, by keyboard."""
    form = window.form
    form.gate_box.setFocus()
    qtbot.keyClick(form.gate_box, Qt.Key.Key_Down)  # "Health professionals only"
    qtbot.keyClicks(form.sponsor_edit, "Example Pharma Ltd")

    def stored() -> tuple[bool | None, str]:
        db = open_database(window.data.database)
        try:
            with db.session() as session:
                article = window.current_article()
                assert article is not None
                found = ArticleRepository(session).get(article.id)
                return found.gate, found.sponsor
        finally:
            db.close()

    qtbot.waitUntil(lambda: stored() == (True, "Example Pharma Ltd"), timeout=5000)
    assert form.gate_box.currentText() == "Health professionals only"
