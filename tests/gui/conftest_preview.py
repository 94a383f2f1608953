"""Preview fixtures (imported by the preview tests): a task runner, a shown pane, page helpers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from workstation.domain.article import Article
from workstation.gui.preview import PreviewPane
from workstation.gui.tasks import TaskRunner

APP_WORLD = 1  # QWebEngineScript.ApplicationWorld: where the bridge (and only it) runs scripts
MAIN_WORLD = 0


def long_article(paragraphs: int = 120) -> Article:
    """An article far taller than the view, each paragraph on its own source line."""
    body = "\n\n".join(
        f"Paragraph {n} says the trust board met and agreed the plan for the year." for n in
        range(1, paragraphs + 1)
    )  # fmt: skip
    return Article(id="long", headline="A long story for scrolling", body=body + "\n")


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def pane(qtbot: Any, tasks: TaskRunner) -> Iterator[PreviewPane]:
    widget = PreviewPane(tasks)
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    yield widget
    widget.shutdown()  # the page goes before the profile, before the app: no crash at exit


def run_js(qtbot: Any, pane: PreviewPane, script: str, world: int = APP_WORLD) -> Any:
    """Run `script` in the page and return its result (waiting on the callback, not a clock)."""
    assert pane.web is not None
    box: list[Any] = []
    pane.web.page.runJavaScript(script, world, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def show_and_wait(qtbot: Any, pane: PreviewPane, article: Article, prefs: Any, related=()) -> None:  # type: ignore[no-untyped-def]
    """show_article, then wait until the page has it."""
    with qtbot.waitSignal(pane.sig_updated, timeout=20_000):
        pane.show_article(article, prefs, related)
