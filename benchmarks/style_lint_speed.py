"""Lint time for 800, 5,000 and 50,000 words of news copy (median of several runs).

    .venv/bin/python benchmarks/style_lint_speed.py [--runs N] [--spelling]

The text is the style corpus (clean and flawed articles, markers stripped) repeated to length,
so it has a realistic mix of quotes, numbers, links and mistakes. Target: <= 50 ms at 5,000.
Wall-clock median and minimum, and the median CPU time (less disturbed by other processes).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from style_eval import load_article  # noqa: E402

from workstation.domain.article import word_count  # noqa: E402
from workstation.usecases.lint import (  # noqa: E402
    lint_with_spelling,
    load_house_style,
    load_spelling,
)


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--spelling", action="store_true", help="include spell checking")
    args = parser.parse_args()
    start = time.perf_counter()
    rules = load_house_style(data_root=None)
    load_ms = (time.perf_counter() - start) * 1000
    speller = load_spelling(None, rules).checker if args.spelling else None
    source = corpus_text()
    print(f"rule set: {len(rules.rules)} rules compiled in {load_ms:.0f} ms (once per style)")
    print(f"{'words':>8}{'median ms':>11}{'min ms':>9}{'cpu ms':>9}{'findings':>10}")
    for words in (800, 5_000, 50_000):
        body = text_of(words, source)
        runs = max(3, args.runs if words < 50_000 else args.runs // 2)
        times = []
        cpu = []
        found = 0
        for _ in range(runs):
            t0, c0 = time.perf_counter(), time.process_time()
            found = len(
                lint_with_spelling(
                    rules,
                    speller,
                    "Trusts told to publish equality data",
                    "A standfirst of a usual length for the title.",
                    body,
                )
            )
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        print(
            f"{word_count(body):>8}{statistics.median(times):>11.1f}{min(times):>9.1f}"
            f"{statistics.median(cpu):>9.1f}{found:>10}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
