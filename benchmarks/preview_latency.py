"""Keystroke-to-preview latency: the patched live preview against a full setHtml reload.

Types bursts of keys into the middle of 800, 5,000 and 50,000-word articles (one show_article
call per key, as the window does), and measures from the last key of each burst until the page
shows it; a 1 ms probe timer records the longest stretch the GUI thread was busy. Prints a table.

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 .venv/bin/python \
        benchmarks/preview_latency.py [--bursts 12] [--keys 5] [--interval 60]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from _common import Probe

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

# PySide6 6.12.0 drops a reference to True on every Signal.emit() and to None on some void
# calls; thousands of them in one run would free True/None. Extra references keep them alive.
_PINS = [True, False, None] * 500_000

SIZES = (800, 5_000, 50_000)
VOCABULARY = (
    "the trust board said it would publish data on workforce race equality and NHS England "
    "plans for integrated care boards with staff surveys showing gaps in pay and progression "
    "while regulators warned that 'progress was too slow' and ministers promised funding"
)


def make_body(words: int, seed: int = 3) -> str:
    """A news-like body: short paragraphs, a subheading now and then, one list, one quote."""
    rng = random.Random(seed)
    vocabulary = VOCABULARY.split()
    parts = ["The Workforce Race Equality Standard (WRES) applies to every trust, officials said."]
    count = 14
    while count < words:
        n = rng.randint(25, 55)
        sentence = " ".join(rng.choice(vocabulary) for _ in range(n))
        parts.append(sentence[0].upper() + sentence[1:] + ".")
        count += n
        if len(parts) % 18 == 0:
            parts.append(f"## Section {len(parts)}")
        if len(parts) % 41 == 0:
            parts.append("- first point\n- second point with *emphasis*")
        if len(parts) % 29 == 0:
            parts.append('> "We will do better," the chief executive said.')
    return "\n\n".join(parts) + "\n"


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


class GuiWork:
    """Thread CPU time spent in the preview's own GUI-thread handlers, longest single call."""

    def __init__(self) -> None:
        self.longest = 0.0

    def wrap(self, owner: type, name: str) -> None:
        original = getattr(owner, name)
        work = self

        def timed(this: Any, *args: Any, **kwargs: Any) -> Any:
            started = time.thread_time()
            try:
                return original(this, *args, **kwargs)
            finally:
                work.longest = max(work.longest, time.thread_time() - started)

        setattr(owner, name, timed)


GUI_WORK = GuiWork()


def instrument() -> None:
    """Time every GUI-thread entry point of both previews (and the task runner's delivery)."""
    from workstation.gui.preview import PreviewPane
    from workstation.gui.tasks import TaskRunner

    for name in ("show_article", "_start_render", "_on_rendered", "_on_patched", "_on_page_ready"):
        GUI_WORK.wrap(PreviewPane, name)
    GUI_WORK.wrap(TaskRunner, "_deliver")
    for name in ("show", "_render", "_rendered", "_loaded"):
        GUI_WORK.wrap(FullReload, name)


def wait_until(app: Any, condition: Callable[[], bool], timeout_s: float = 60.0) -> bool:
    """Run the event loop until `condition` holds (checked every millisecond) or time is up.

    A nested QEventLoop, not processEvents(): in PySide6 6.12 every processEvents() call
    drops a reference to None, and a benchmark makes enough calls to crash the interpreter.
    """
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    if condition():
        return True
    loop = QEventLoop()

    def check() -> None:
        if condition():
            loop.quit()

    poll = QTimer()
    poll.setTimerType(Qt.TimerType.PreciseTimer)
    poll.setInterval(1)
    poll.timeout.connect(check)
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(loop.quit)
    poll.start()
    give_up.start(int(timeout_s * 1000))
    loop.exec()
    poll.stop()
    give_up.stop()
    return condition()


def pump(app: Any, seconds: float) -> None:
    end = time.perf_counter() + seconds
    wait_until(app, lambda: time.perf_counter() >= end, seconds + 1)


class LivePatched:
    """The real PreviewPane."""

    name = "patched (ours)"

    def __init__(self, tasks: Any) -> None:
        from workstation.gui.preview import PreviewPane

        self.widget = PreviewPane(tasks)
        self.done = 0
        self.widget.sig_updated.connect(self._updated)

    def _updated(self, seq: int) -> None:
        self.done = max(self.done, seq)

    def show(self, article: Any, prefs: Any, seq: int) -> None:
        self.widget.show_article(article, prefs, [])

    def scroll_to_middle(self, line: int) -> None:
        self.widget.scroll_to_source_line(line)

    def close(self) -> None:
        self.widget.shutdown()


class FullReload:
    """The baseline: same debounce and merging, full page render, setHtml on every update."""

    name = "setHtml reload"

    def __init__(self, tasks: Any) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWebEngineWidgets import QWebEngineView

        self.tasks = tasks
        self.widget = QWebEngineView()
        self.widget.page().settings().setAttribute(
            self.widget.page().settings().WebAttribute.JavascriptEnabled, False
        )
        self.widget.loadFinished.connect(self._loaded)
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._render)
        self.request: tuple[Any, Any, int] | None = None
        self.in_flight = False
        self.dirty = False
        self.loading_seq = 0
        self.done = 0
        self.last_render_ms = 0.0

    def show(self, article: Any, prefs: Any, seq: int) -> None:
        self.request = (article, prefs, seq)
        self.timer.start(int(min(250, 8 + self.last_render_ms)))

    def _render(self) -> None:
        from workstation.render import render_page

        if self.in_flight:
            self.dirty = True
            return
        assert self.request is not None
        article, prefs, seq = self.request
        self.in_flight = True

        def job() -> tuple[str, int, float]:
            started = time.perf_counter()
            html = render_page(article, prefs, [], for_preview=True)
            return html, seq, (time.perf_counter() - started) * 1000

        self.tasks.submit(job, on_success=self._rendered)

    def _rendered(self, result: tuple[str, int, float]) -> None:
        html, seq, render_ms = result
        self.in_flight = False
        self.last_render_ms = render_ms
        self.loading_seq = seq
        self.widget.setHtml(html)
        if self.dirty:
            self.dirty = False
            self.timer.start(0)

    def _loaded(self, ok: bool) -> None:
        self.done = max(self.done, self.loading_seq)

    def scroll_to_middle(self, line: int) -> None:
        pass  # a reload loses the scroll position anyway

    def close(self) -> None:
        self.widget.close()
        self.widget.deleteLater()


def run_one(
    app: Any, tasks: Any, kind: type, words: int, args: argparse.Namespace
) -> dict[str, Any]:
    from workstation.domain.article import Article
    from workstation.domain.preferences import Preferences

    prefs = Preferences()
    body = make_body(words)
    article = Article(id=f"bench-{words}", headline="Benchmark article", body=body)
    preview = kind(tasks)
    preview.widget.resize(900, 700)
    preview.widget.show()
    seq = 1
    started = time.perf_counter()
    preview.show(article, prefs, seq)
    if not wait_until(app, lambda: preview.done >= 1, 120):
        raise RuntimeError(f"{kind.name}: first render never arrived")
    first_ms = (time.perf_counter() - started) * 1000
    middle = body.count("\n") // 2
    preview.scroll_to_middle(middle)
    pump(app, 0.3)
    # Type into the middle paragraph, as an editor would.
    cut = body.index("\n\n", len(body) // 2)
    head, tail = body[:cut], body[cut:]
    probe = Probe()
    probe.start()
    latencies: list[float] = []
    stretches: list[float] = []
    work: list[float] = []
    typed = ""
    for _burst in range(args.bursts):
        pump(app, 0.2)  # idle between bursts
        probe.reset()
        GUI_WORK.longest = 0.0
        for _key in range(args.keys):
            typed += random.choice("abcdefghij ")
            seq += 1
            key_time = time.perf_counter()
            preview.show(article.with_changes(body=head + typed + tail), prefs, seq)
            if _key < args.keys - 1:
                pump(app, args.interval / 1000)
        target = seq
        if not wait_until(app, lambda t=target: preview.done >= t, 60):
            raise RuntimeError(f"{kind.name}: update {target} never arrived")
        latencies.append((time.perf_counter() - key_time) * 1000)
        stretches.append(probe.longest * 1000)
        work.append(GUI_WORK.longest * 1000)
    probe.stop()
    preview.close()
    pump(app, 0.2)
    return {
        "first_ms": first_ms,
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "gui_p95": percentile(stretches, 95),
        "gui_max": max(stretches),
        "work_p95": percentile(work, 95),
        "work_max": max(work),
    }


def render_times(words: int, repeats: int = 5) -> tuple[float, float]:
    """Full page render and incremental body render after a one-character edit, median ms."""
    from workstation.domain.article import Article
    from workstation.domain.preferences import Preferences
    from workstation.render import IncrementalRenderer, render_page

    body = make_body(words)
    article = Article(id="r", headline="Benchmark article", body=body)
    full = []
    for _ in range(repeats):
        started = time.perf_counter()
        render_page(article, Preferences(), [])
        full.append((time.perf_counter() - started) * 1000)
    renderer = IncrementalRenderer()
    renderer.render(body)
    cut = body.index("\n\n", len(body) // 2)
    incremental = []
    for i in range(repeats):
        edited = body[:cut] + "x" * (i + 1) + body[cut:]
        started = time.perf_counter()
        renderer.render(edited)
        incremental.append((time.perf_counter() - started) * 1000)
    return statistics.median(full), statistics.median(incremental)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bursts", type=int, default=12, help="typing bursts per size")
    parser.add_argument("--keys", type=int, default=5, help="keys per burst")
    parser.add_argument("--interval", type=int, default=60, help="ms between keys in a burst")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication, Qt

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from workstation.gui.tasks import TaskRunner

    instrument()
    tasks = TaskRunner()
    noise_probe = Probe()
    noise_probe.start()
    pump(app, 1.0)
    noise_ms = noise_probe.longest * 1000
    noise_probe.stop()
    rows = []
    for words in args.sizes:
        full_ms, incremental_ms = render_times(words)
        for kind in (LivePatched, FullReload):
            result = run_one(app, tasks, kind, words, args)
            rows.append((words, kind.name, full_ms, incremental_ms, result))
            print(f"  done: {words} words, {kind.name}", file=sys.stderr)
    tasks.shutdown()

    header = (
        f"{'words':>7} | {'mode':<15} | {'render full':>11} | {'render/key':>10} | "
        f"{'first show':>10} | {'latency p50':>11} | {'latency p95':>11} | "
        f"{'GUI work p95':>12} | {'GUI work max':>12} | {'GUI stall p95':>13} | {'stall max':>9}"
    )
    print(f"bursts={args.bursts} keys/burst={args.keys} interval={args.interval} ms (times in ms)")
    print(header)
    print("-" * len(header))
    for words, name, full_ms, incremental_ms, r in rows:
        per_key = incremental_ms if name.startswith("patched") else full_ms
        print(
            f"{words:>7} | {name:<15} | {full_ms:>11.1f} | {per_key:>10.1f} | "
            f"{r['first_ms']:>10.0f} | {r['p50']:>11.1f} | {r['p95']:>11.1f} | "
            f"{r['work_p95']:>12.1f} | {r['work_max']:>12.1f} | {r['gui_p95']:>13.1f} | "
            f"{r['gui_max']:>9.1f}"
        )
    print(
        "GUI work: CPU time of the longest GUI-thread handler per burst. GUI stall: longest gap"
        " of a 1 ms probe timer per burst (includes GIL waits and machine load;"
        f" idle: {noise_ms:.1f})."
    )
    print("targets: latency p95 <= 100 ms at 5,000 words, <= 400 ms at 50,000; GUI <= 16 ms")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # skip interpreter teardown: the PySide6 refcount bug would abort it
