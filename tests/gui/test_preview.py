"""The live preview: patched not reloaded, scroll held and synced, sandboxed, crash-proof."""

from __future__ import annotations

import json
from typing import Any

import conftest_preview as fixtures
from conftest_preview import MAIN_WORLD, long_article, run_js, show_and_wait
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QPlainTextEdit

from workstation.domain.article import Article
from workstation.domain.preferences import Preferences
from workstation.gui.preview import PreviewPane

tasks = fixtures.tasks
pane = fixtures.pane
BODY_CHILDREN = "document.querySelector('[data-region=\"body\"]').children"


def _scroll_y(qtbot: Any, pane: PreviewPane) -> float:
    return float(run_js(qtbot, pane, "window.scrollY"))


def test_typing_patches_the_page_and_keeps_the_scroll_position(
    qtbot: Any, pane: PreviewPane
) -> None:
    prefs = Preferences()
    article = long_article()
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(article.body)

    def fed() -> None:
        pane.show_article(article.with_changes(body=editor.toPlainText()), prefs, [])

    editor.textChanged.connect(fed)
    show_and_wait(qtbot, pane, article, prefs)
    assert pane.uses_web_engine
    pane.scroll_to_source_line(61)  # paragraph 31 to the top
    qtbot.waitUntil(lambda: _scroll_y(qtbot, pane) > 500, timeout=10_000)
    before = _scroll_y(qtbot, pane)
    run_js(qtbot, pane, "document.body.setAttribute('data-test-marker', 'same-page')")

    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "A freshly typed paragraph.")

    def has_new_paragraph() -> bool:
        last = run_js(qtbot, pane, f"{BODY_CHILDREN}[{BODY_CHILDREN}.length - 1].textContent")
        return last == "A freshly typed paragraph."

    qtbot.waitUntil(has_new_paragraph, timeout=15_000)
    assert _scroll_y(qtbot, pane) == before
    # Patched, not reloaded: what the test put on the page is still there.
    assert run_js(qtbot, pane, "document.body.getAttribute('data-test-marker')") == "same-page"
    assert run_js(qtbot, pane, f"{BODY_CHILDREN}.length") == 121


def test_every_field_edit_reaches_the_page(qtbot: Any, pane: PreviewPane) -> None:
    prefs = Preferences()
    article = Article(id="a", headline="First headline", body="Body text.\n")
    show_and_wait(qtbot, pane, article, prefs)
    edited = article.with_changes(headline="Second headline", byline=("Ann Example",),
                                  audience="For managers")  # fmt: skip
    show_and_wait(qtbot, pane, edited, prefs)
    assert run_js(qtbot, pane, "document.querySelector('h1.headline').textContent") == (
        "Second headline"
    )
    assert run_js(qtbot, pane, "document.querySelector('.byline').textContent") == "By Ann Example"
    assert run_js(qtbot, pane, "document.querySelector('.audience-notice').textContent") == (
        "For managers"
    )
    assert run_js(qtbot, pane, "document.title").startswith("Second headline")


def test_preview_scroll_reports_the_source_line_and_editor_scroll_does_not_echo(
    qtbot: Any, pane: PreviewPane
) -> None:
    show_and_wait(qtbot, pane, long_article(), Preferences())
    seen: list[int] = []
    pane.sig_source_line_visible.connect(seen.append)
    pane.scroll_to_source_line(81)  # the editor asks: no report back expected for this
    qtbot.waitUntil(lambda: _scroll_y(qtbot, pane) > 300, timeout=10_000)
    top = run_js(qtbot, pane, f"{BODY_CHILDREN}[40].getBoundingClientRect().top")
    assert abs(top) <= 10  # the block from line 81 (paragraph 41) is at the top
    # Now the user scrolls the preview: that is reported, as the line now at the top.
    y = run_js(qtbot, pane, f"{BODY_CHILDREN}[60].getBoundingClientRect().top + window.scrollY")
    with qtbot.waitSignal(pane.sig_source_line_visible, timeout=10_000) as blocker:
        run_js(qtbot, pane, f"window.scrollTo(0, {y})")
    assert blocker.args == [121]  # paragraph 61 starts on line 121
    assert seen == [121]  # and the scroll the editor asked for was not echoed back


def test_page_scripts_are_off_but_the_bridge_runs(qtbot: Any, pane: PreviewPane) -> None:
    show_and_wait(qtbot, pane, Article(id="a", headline="H", body="Text.\n"), Preferences())
    assert run_js(qtbot, pane, "1 + 1") == 2
    assert run_js(qtbot, pane, "1 + 1", world=MAIN_WORLD) in (None, "")


def test_remote_images_are_placeholders_and_never_load(qtbot: Any, pane: PreviewPane) -> None:
    body = "![Chart](https://example.org/chart.png)\n"
    show_and_wait(qtbot, pane, Article(id="a", headline="H", body=body), Preferences())
    src = run_js(qtbot, pane, "document.querySelector('.article-body img').getAttribute('src')")
    assert src.startswith("data:image/svg+xml")
    run_js(
        qtbot,
        pane,
        """
        window.__probe = 'pending';
        var img = new Image();
        img.onload = function () { window.__probe = 'loaded'; };
        img.onerror = function () { window.__probe = 'blocked'; };
        img.src = 'https://example.org/tracker.png';
        document.body.appendChild(img);
    """,
    )
    qtbot.waitUntil(lambda: run_js(qtbot, pane, "window.__probe") != "pending", timeout=10_000)
    assert run_js(qtbot, pane, "window.__probe") == "blocked"


def test_clicked_links_open_in_the_system_browser(
    qtbot: Any, pane: PreviewPane, monkeypatch: Any
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        "workstation.gui.preview_web.QDesktopServices.openUrl",
        lambda url: opened.append(QUrl(url).toString()),
    )
    body = "See [the report](https://example.org/report).\n"
    show_and_wait(qtbot, pane, Article(id="a", headline="H", body=body), Preferences())
    run_js(qtbot, pane, "document.querySelector('.article-body a').click()")
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened == ["https://example.org/report"]
    assert run_js(qtbot, pane, "document.querySelector('h1.headline').textContent") == "H"


def test_render_process_crash_is_reported_and_the_page_comes_back(
    qtbot: Any, pane: PreviewPane, monkeypatch: Any
) -> None:
    article = Article(id="a", headline="Survivor", body="Still here.\n")
    show_and_wait(qtbot, pane, article, Preferences())
    assert pane.web is not None
    problems: list[str] = []
    updates: list[int] = []
    pane.sig_problem.connect(problems.append)
    pane.sig_updated.connect(updates.append)
    # Chromium's own debug URL kills the renderer for real; only this test may navigate there.
    monkeypatch.setattr("workstation.gui.preview_web.ALLOWED_SCHEMES", {"data", "about", "chrome"})
    with qtbot.waitSignal(pane.web.page.renderProcessTerminated, timeout=30_000):
        pane.web.page.load(QUrl("chrome://crash"))
    monkeypatch.undo()
    assert problems and "stopped" in problems[0]
    # The shell reloads by itself and gets the article again.
    qtbot.waitUntil(lambda: bool(updates), timeout=30_000)
    assert run_js(qtbot, pane, "document.querySelector('.article-body p').textContent") == (
        "Still here."
    )


def test_a_burst_of_edits_is_merged_and_the_last_one_shown(
    qtbot: Any, pane: PreviewPane, tasks: Any, monkeypatch: Any
) -> None:
    submitted: list[object] = []
    original = tasks.submit

    def counting_submit(job: Any, *args: Any, **kwargs: Any) -> Any:
        submitted.append(job)
        return original(job, *args, **kwargs)

    monkeypatch.setattr(tasks, "submit", counting_submit)
    article = long_article(40)
    show_and_wait(qtbot, pane, article, Preferences())
    submitted.clear()
    updates: list[int] = []
    pane.sig_updated.connect(updates.append)
    for n in range(1, 31):
        pane.show_article(article.with_changes(headline=f"Headline {n}"), Preferences(), [])
    qtbot.waitUntil(lambda: bool(updates) and updates[-1] == 31, timeout=15_000)
    assert len(submitted) < 30
    assert run_js(qtbot, pane, "document.querySelector('h1.headline').textContent") == (
        "Headline 30"
    )


def test_footnote_links_move_within_the_page_without_reloading(
    qtbot: Any, pane: PreviewPane
) -> None:
    body = "Claim.[^1]\n\n" + "Filler paragraph.\n\n" * 80 + "[^1]: The source.\n"
    show_and_wait(qtbot, pane, Article(id="f", headline="H", body=body), Preferences())
    run_js(qtbot, pane, "document.body.setAttribute('data-test-marker', 'same-page')")
    run_js(qtbot, pane, "document.querySelector('a.footnote-ref').click()")
    qtbot.waitUntil(lambda: _scroll_y(qtbot, pane) > 500, timeout=10_000)
    assert run_js(qtbot, pane, "document.body.getAttribute('data-test-marker')") == "same-page"


def test_the_head_metadata_follows_the_article(qtbot: Any, pane: PreviewPane) -> None:
    """The preview's head says what link cards and search engines will get, as it changes."""
    prefs = Preferences()
    article = Article(id="a", headline="First headline", standfirst="First.", body="Body.\n")
    show_and_wait(qtbot, pane, article, prefs)
    og_title = "document.querySelector('meta[property=\"og:title\"]').content"
    assert run_js(qtbot, pane, og_title) == "First headline"
    edited = article.with_changes(headline="Second headline", standfirst="Second.", gate=True)
    show_and_wait(qtbot, pane, edited, prefs)
    assert run_js(qtbot, pane, og_title) == "Second headline"
    script = "document.querySelectorAll('script[type=\"application/ld+json\"]')"
    assert run_js(qtbot, pane, f"{script}.length") == 1  # replaced, not added to
    data = json.loads(run_js(qtbot, pane, f"{script}[0].textContent"))
    assert data["headline"] == "Second headline" and data["description"] == "Second."
    assert data["isAccessibleForFree"] is False
    assert run_js(qtbot, pane, "document.querySelector('.gate') !== null") is True
    # The preview opens the body for the editor: nothing is hidden behind the gate there.
    assert run_js(qtbot, pane, "getComputedStyle(document.querySelector('#ew-body')).display") != (
        "none"
    )
