"""Save a PNG of the live preview showing a demo article, for people to look at.

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 .venv/bin/python \
        scripts/preview_screenshot.py [resources/demo/SOME.md] [-o preview.png]

Uses the demo article given (or the 24 November 2022 trust-boards story, or a built-in sample
when the demo archive is absent); related articles are resolved among the demo files.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
_PINS = [True, False, None] * 100_000  # PySide6 6.12.0 drops references on emit(); see benchmarks

DEFAULT_DEMO = "2022-11-24-trust-boards-equality-data.md"
SAMPLE = """---
headline: Every trust board must publish its equality data, regulator says
standfirst: Boards will have to report pay gaps and progression by ethnicity every year.
byline: [Health correspondent]
published_at: 2022-11-24T09:30:00+00:00
---
Every NHS trust board in England will have to publish workforce equality data each year under
rules announced by the Care Governance Authority (CGA) on 24 November 2022.

"It's not optional any more," the CGA's chief executive said -- boards that miss the deadline
will be named.

## What changes

- pay gaps by ethnicity, disability and sex
- disciplinary rates and progression

> "We welcome the clarity," said a spokesperson for the trusts' body.
"""


def _load(path: Path | None) -> tuple[object, list[object]]:
    from workstation.domain import frontmatter
    from workstation.domain.article import RelatedLink
    from workstation.paths import resource

    demo_dir = resource("demo")
    files = (
        sorted(p for p in demo_dir.iterdir() if p.name.endswith(".md")) if demo_dir.is_dir() else []
    )
    articles = {}
    for node in files:
        try:
            parsed = frontmatter.parse(frontmatter.decode(node.read_bytes()))
        except frontmatter.FrontMatterError:
            continue  # a README or a file being written right now
        articles[node.name] = frontmatter.to_article(parsed)
    if path is not None:
        article = frontmatter.to_article(frontmatter.parse(frontmatter.decode(path.read_bytes())))
    elif DEFAULT_DEMO in articles:
        article = articles[DEFAULT_DEMO]
    else:
        article = frontmatter.to_article(frontmatter.parse(SAMPLE))
    by_id = {a.id: a for a in articles.values()}
    chosen = [by_id[r] for r in article.related if r in by_id]  # type: ignore[attr-defined]
    if not chosen:  # show the block anyway: the three stories published just before this one
        when = article.published_at or datetime.now(UTC)  # type: ignore[attr-defined]
        earlier = [a for a in articles.values() if a.published_at and a.published_at < when]
        chosen = sorted(earlier, key=lambda a: a.published_at, reverse=True)[:3]
    related = [
        RelatedLink(a.id, a.headline, a.standfirst, a.published_at, f"https://example.org/{a.slug}")
        for a in chosen
    ]
    return article, related


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, help="a front-matter Markdown file")
    parser.add_argument("-o", "--output", type=Path, default=Path("preview.png"))
    parser.add_argument("--width", type=int, default=1000)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--max-height", type=int, default=6000)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from workstation.domain.preferences import Preferences
    from workstation.gui.preview import PreviewPane
    from workstation.gui.tasks import TaskRunner

    article, related = _load(args.file)
    tasks = TaskRunner()
    pane = PreviewPane(tasks)
    pane.resize(args.width, args.height)
    pane.show()
    loop = QEventLoop()

    def fit_to_page(height: object) -> None:
        # The whole page in one picture (up to --max-height), then a moment to paint it.
        if isinstance(height, int | float) and height > 0:
            pane.resize(args.width, min(int(height) + 4, args.max_height))
        QTimer.singleShot(700, loop.quit)

    def shown(_seq: int) -> None:
        if pane.web is None:
            QTimer.singleShot(300, loop.quit)
            return
        script = "document.documentElement.scrollHeight"
        pane.web.page.runJavaScript(script, 1, fit_to_page)  # 1: the bridge's world

    pane.sig_updated.connect(shown)
    QTimer.singleShot(60_000, loop.quit)
    pane.show_article(article, Preferences(), related)  # type: ignore[arg-type]
    loop.exec()
    view = pane.web.view if pane.web is not None else pane
    ok = view.grab().save(str(args.output), "PNG")
    pane.shutdown()
    tasks.shutdown()
    print(f"{'wrote' if ok else 'could not write'} {args.output}")
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip interpreter teardown (PySide6 6.12.0 refcount bug)
