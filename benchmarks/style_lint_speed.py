"""Lint time for 800, 5,000 and 50,000 words of news copy, beside proselint on the same text.

    .venv/bin/python benchmarks/style_lint_speed.py [--runs N]

The text is the style corpus (clean and flawed articles, markers stripped) repeated to length,
so it has a realistic mix of quotes, numbers, links and mistakes. Ours is timed twice: the house
rules alone, and with spelling (what the editor shows as you type). The peer is proselint (a
prose linter from PyPI, installed into its own virtualenv on first use), linting the same text
with its default checks in its own process. Target (issue 19): <= 30 ms at 5,000 words.
Medians of several runs; CPU time is the work without the noise of other processes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _common import peer_python, table  # noqa: E402
from style_eval import load_article  # noqa: E402

from workstation.domain.article import word_count  # noqa: E402
from workstation.usecases.lint import (  # noqa: E402
    lint_with_spelling,
    load_house_style,
    load_spelling,
)

SIZES = (800, 5_000, 50_000)
TARGET_MS = {5_000: 30.0}
HEADLINE = "Trusts told to publish equality data"
STANDFIRST = "A standfirst of a usual length for the title."

PROSELINT_PROBE = """
import json, statistics, sys, time
from proselint.checks import __register__
from proselint.config import DEFAULT
from proselint.registry import CheckRegistry
from proselint.tools import LintFile
CheckRegistry().register_many(__register__)
out = {}
for path, runs in json.loads(sys.argv[1]):
    text = open(path, encoding="utf-8").read()
    LintFile("warm", text).lint(DEFAULT)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        LintFile("article.md", text).lint(DEFAULT)
        times.append((time.perf_counter() - start) * 1000)
    out[path] = statistics.median(times)
print(json.dumps(out))
"""


def corpus_text() -> str:
    paths = sorted((ROOT / "benchmarks" / "style_corpus").rglob("*.md"))
    return "\n\n".join(
        load_article(p).fields["body"].strip() for p in paths if p.name != "README.md"
    )


def text_of(words: int, source: str) -> str:
    paragraphs = [p for p in source.split("\n\n") if p.strip()]
    out: list[str] = []
    count = 0
    i = 0
    while count < words:
        paragraph = paragraphs[i % len(paragraphs)]
        out.append(paragraph)
        count += word_count(paragraph)
        i += 1
    return "\n\n".join(out)


def timed(job: Callable[[], int], runs: int) -> tuple[float, float, float, int]:
    """(median wall ms, min wall ms, median CPU ms, findings)."""
    wall: list[float] = []
    cpu: list[float] = []
    found = 0
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        found = job()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return statistics.median(wall), min(wall), statistics.median(cpu), found


def proselint_ms(texts: dict[int, str], runs: dict[int, int], tmp: Path) -> dict[int, float]:
    python = peer_python("proselint", "proselint")
    if python is None:
        return {}
    jobs = []
    for words, text in texts.items():
        path = tmp / f"article-{words}.md"
        path.write_text(text, encoding="utf-8")
        jobs.append((str(path), runs[words]))
    result = subprocess.run(
        [str(python), "-c", PROSELINT_PROBE, json.dumps(jobs)],
        capture_output=True, text=True, check=True, timeout=1800,
    )  # fmt: skip
    medians = json.loads(result.stdout)
    return {words: medians[str(tmp / f"article-{words}.md")] for words in texts}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-peer", action="store_true", help="skip proselint")
    args = parser.parse_args()
    start = time.perf_counter()
    rules = load_house_style(data_root=None)
    load_ms = (time.perf_counter() - start) * 1000
    speller = load_spelling(None, rules).checker
    source = corpus_text()
    texts = {words: text_of(words, source) for words in SIZES}
    runs = {words: max(3, args.runs if words < 50_000 else args.runs // 2) for words in SIZES}
    rows = []
    for words, body in texts.items():
        plain = timed(
            lambda b=body: len(lint_with_spelling(rules, None, HEADLINE, STANDFIRST, b)),
            runs[words],
        )
        spelled = timed(
            lambda b=body: len(lint_with_spelling(rules, speller, HEADLINE, STANDFIRST, b)),
            runs[words],
        )
        rows.append((words, body, plain, spelled))
    with tempfile.TemporaryDirectory() as tmp:
        peer = {} if args.no_peer else proselint_ms(texts, runs, Path(tmp))
    print(f"rule set: {len(rules.rules)} rules compiled in {load_ms:.0f} ms (once per style)\n")
    table_rows = []
    for words, body, plain, spelled in rows:
        target = TARGET_MS.get(words)
        table_rows.append([
            f"{word_count(body):,}",
            f"{plain[0]:.1f} / {plain[2]:.1f}",
            f"{spelled[0]:.1f} / {spelled[2]:.1f}",
            f"<= {target:.0f}" if target else "—",
            f"{peer[words]:.1f}" if words in peer else "n/a",
            f"{plain[3]} / {spelled[3]}",
        ])  # fmt: skip
    print(table(
        ["words", "house rules ms (wall / CPU)", "with spelling ms (wall / CPU)", "target",
         "proselint 0.16 ms", "findings (rules / +spelling)"],
        table_rows,
    ))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
