"""Related-articles at scale: index build, incremental add, suggestion latency, size and memory.

Generates a synthetic archive (Zipf-distributed vocabulary with English function words at the
head, topics with their own words, ~600-word stories), builds the archive index through the real
code, and prints a table per size.

    .venv/bin/python benchmarks/related_scale.py            # 10,000 and 100,000 stories
    .venv/bin/python benchmarks/related_scale.py --sizes 10000
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import resource
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from workstation.domain.article import Article, Origin, Status
from workstation.related.index import FTS_TABLE, index_article, rebuild_index
from workstation.related.search import ArchiveSearcher
from workstation.related.stopwords import STOP_WORDS
from workstation.store.db import open_database

SECTIONS = ("Policy", "Workforce", "Finance", "Primary care", "Mental health", "Technology",
            "Social care", "Public health")  # fmt: skip
SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ea")]


class Corpus:
    """A reproducible synthetic news vocabulary with topics."""

    def __init__(self, seed: int = 7, vocabulary: int = 60_000, topics: int = 400) -> None:
        self.rng = random.Random(seed)
        words: list[str] = sorted(STOP_WORDS)[:150]
        seen = set(words)
        while len(words) < vocabulary:
            word = "".join(self.rng.choices(SYLLABLES, k=self.rng.choice((2, 2, 3, 3, 3, 4))))
            word += self.rng.choice(("", "", "s", "ing", "ed", "tion", "er"))
            if word not in seen:
                seen.add(word)
                words.append(word)
        self.words = words
        self.cum = list(itertools.accumulate(1.0 / (rank + 2.7) ** 1.07
                                             for rank in range(vocabulary)))  # fmt: skip
        self.topics: list[tuple[list[str], list[float]]] = []
        for _ in range(topics):
            # Topic words are also everyday words elsewhere (as 'pay' or 'beds' are in news).
            topic_words = self.rng.sample(words[150:4_000], 120)
            weights = list(itertools.accumulate(1.0 / (r + 1) ** 0.9 for r in range(120)))
            self.topics.append((topic_words, weights))

    def _text(self, topic: int, n: int, topic_share: float) -> str:
        topic_words, topic_cum = self.topics[topic]
        n_topic = int(n * topic_share)
        tokens = self.rng.choices(self.words, cum_weights=self.cum, k=n - n_topic)
        tokens += self.rng.choices(topic_words, cum_weights=topic_cum, k=n_topic)
        if n <= 40:  # short fields: topic words anywhere; in bodies order matters little
            self.rng.shuffle(tokens)
        return " ".join(tokens)

    def article(self, words: int = 600, draft: bool = False) -> Article:
        rng = self.rng
        topic = rng.randrange(len(self.topics))
        second = rng.randrange(len(self.topics))
        body_parts = [self._text(topic, words * 3 // 4, 0.25), self._text(second, words // 4, 0.2)]
        published = datetime(2016, 1, 1, tzinfo=UTC) + timedelta(days=rng.uniform(0, 3650))
        return Article(
            id=str(uuid.UUID(int=rng.getrandbits(128))),
            headline=self._text(topic, 11, 0.6).capitalize(),
            standfirst=self._text(topic, 28, 0.4).capitalize() + ".",
            body="\n\n".join(body_parts),
            tags=tuple(self.topics[topic][0][:3]),
            section=SECTIONS[topic % len(SECTIONS)],
            status=Status.DRAFT if draft else Status.PUBLISHED,
            origin=Origin.LOCAL if draft else Origin.ARCHIVE,
            created_at=published,
            updated_at=published,
            published_at=None if draft else published,
        )


def _sa_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _row(article: Article) -> tuple[object, ...]:
    return (article.id, article.headline, article.standfirst, "[]", article.section,
            json.dumps(list(article.tags)), None, 1, "[]", article.body, "",
            article.status.value, article.origin.value, _sa_time(article.created_at),
            _sa_time(article.updated_at),
            _sa_time(article.published_at) if article.published_at else None)  # fmt: skip


def insert_articles(conn: sqlite3.Connection, articles: Iterator[Article]) -> None:
    """Bulk insert into the articles table in large transactions (generation, not measured)."""
    sql = ("INSERT INTO articles (id, headline, standfirst, byline, section, tags, audience, "
           "newsletter, related, body, slug, status, origin, created_at, updated_at, "
           "published_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")  # fmt: skip
    while batch := [_row(a) for a in itertools.islice(articles, 5000)]:
        with conn:
            conn.executemany(sql, batch)


def rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(
    size: int, workdir: Path, drafts_count: int = 41, edits: int = 4, reuse: bool = False
) -> dict[str, str]:
    """Build an archive of `size` stories (or reuse a kept one) and measure it: one column."""
    corpus = Corpus()
    path = workdir / f"archive-{size}.sqlite3"
    if reuse and path.exists():
        figures = dict.fromkeys(BUILD_ROWS, "kept")
    else:
        path.unlink(missing_ok=True)
        figures = build(corpus, size, path)
    corpus.rng = random.Random(size + 1)  # drafts unlike any archive story
    return {"articles": f"{size:,}", **figures, **measure(corpus, path, drafts_count, edits)}


BUILD_ROWS = (
    "generate + insert (s)", "index build (s)", "optimize (s)", "incremental add, mean (ms)",
    "incremental add, p95 (ms)", "database (MiB)", "of which index (MiB)",
)  # fmt: skip


def build(corpus: Corpus, size: int, path: Path) -> dict[str, str]:
    """Generate the archive, index it through the real code, add stories one by one."""
    open_database(path).close()  # the real migrations create the schema
    conn = sqlite3.connect(path)  # implicit transactions; `with conn` commits
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    started = time.perf_counter()
    insert_articles(conn, (corpus.article() for _ in range(size)))
    generated = time.perf_counter() - started
    size_before = path.stat().st_size

    started = time.perf_counter()
    with conn:
        rebuild_index(conn, optimize=False)
    built = time.perf_counter() - started
    started = time.perf_counter()
    with conn:
        conn.execute("INSERT INTO archive_fts (archive_fts) VALUES ('optimize')")
    optimize = time.perf_counter() - started
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db_size = path.stat().st_size

    adds = []
    for _ in range(100):
        article = corpus.article()
        started = time.perf_counter()
        with conn:  # one transaction per story, as a save does (synchronous=FULL commit)
            index_article(conn, article)
        adds.append(time.perf_counter() - started)

    conn.close()
    ms = 1000.0
    return {
        "generate + insert (s)": f"{generated:.1f}",
        "index build (s)": f"{built:.1f}",
        "optimize (s)": f"{optimize:.1f}",
        "incremental add, mean (ms)": f"{statistics.mean(adds) * ms:.1f}",
        "incremental add, p95 (ms)": f"{percentile(adds, 0.95) * ms:.1f}",
        "database (MiB)": f"{db_size / 2**20:.0f}",
        "of which index (MiB)": f"{(db_size - size_before) / 2**20:.0f}",
    }


def measure(corpus: Corpus, path: Path, drafts_count: int, edits: int) -> dict[str, str]:
    """Suggestion latency for new 800-word drafts and while typing, and memory."""
    searcher = ArchiveSearcher.open(path)
    drafts = [corpus.article(words=800, draft=True) for _ in range(drafts_count)]
    started = time.perf_counter()
    searcher.suggest(drafts[0])
    cold = time.perf_counter() - started
    started = time.perf_counter()
    searcher.warm()  # the GUI does this on a worker right after opening
    warm = time.perf_counter() - started
    first: list[tuple[float, float]] = []  # a draft seen for the first time: its words are new
    typing: list[tuple[float, float]] = []  # the same draft a few words later, as while writing
    for draft in drafts[1:]:
        for edit in range(edits + 1):
            if edit:
                words = corpus.rng.choices(corpus.words[100:5000], k=12)
                draft = draft.with_changes(body=f"{draft.body} {' '.join(words)}.")
            wall, cpu = time.perf_counter(), time.thread_time()
            found = searcher.suggest(draft, k=5)
            sample = (time.perf_counter() - wall, time.thread_time() - cpu)
            (typing if edit else first).append(sample)
            assert found, "every synthetic draft shares a topic with the archive"
    rss = rss_mib()
    searcher.close()
    peer = yarpp_style(path, drafts[1:])
    ms = 1000.0
    return {
        "first suggestion after opening (ms)": f"{cold * ms:.0f}",
        "warm-up of term statistics, once (ms)": f"{warm * ms:.0f}",
        **latency_rows("new draft", first),
        **latency_rows("while typing", typing),
        **latency_rows("peer: YARPP-style keyword query", peer),
        "process RSS now (MiB)": f"{rss:.0f}",
        "process RSS peak (MiB)": f"{peak_rss_mib():.0f}",
    }


def yarpp_style(path: Path, drafts: list[Article]) -> list[tuple[float, float]]:
    """The peer: how WordPress's YARPP plugin finds related posts (the post's 20 most frequent
    keywords OR-ed into one full-text query, best 5), here over the same FTS5 index."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    samples = []
    for draft in drafts:
        wall, cpu = time.perf_counter(), time.thread_time()
        words = [w for w in re.findall(r"[a-z]{3,}", f"{draft.headline} {draft.body}".lower())
                 if w not in STOP_WORDS]  # fmt: skip
        keywords = [w for w, _n in Counter(words).most_common(20)]
        query = " OR ".join(f'"{w}"' for w in keywords)
        conn.execute(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? "
            f"ORDER BY bm25({FTS_TABLE}) LIMIT 5",
            (query,),
        ).fetchall()
        samples.append((time.perf_counter() - wall, time.thread_time() - cpu))
    conn.close()
    return samples


def latency_rows(label: str, samples: list[tuple[float, float]]) -> dict[str, str]:
    """p50/p95 of wall time (what the editor waits) and CPU time (the work, without the noise
    of other processes on a shared machine)."""
    wall = [sample[0] * 1000.0 for sample in samples]
    cpu = [sample[1] * 1000.0 for sample in samples]
    return {
        f"suggest, {label}: p50 / p95 wall (ms)":
            f"{percentile(wall, 0.5):.1f} / {percentile(wall, 0.95):.1f}",
        f"suggest, {label}: p50 / p95 CPU (ms)":
            f"{percentile(cpu, 0.5):.1f} / {percentile(cpu, 0.95):.1f}",
    }  # fmt: skip


def print_table(results: list[dict[str, str]]) -> None:
    keys = list(results[0])
    width = max(len(k) for k in keys)
    for key in keys:
        print(f"{key:<{width}}  " + "  ".join(f"{r[key]:>13}" for r in results))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--drafts", type=int, default=41, help="800-word drafts to suggest for")
    parser.add_argument("--edits", type=int, default=4, help="typing edits per draft")
    parser.add_argument("--keep", metavar="DIR", help="build the databases here and keep them")
    parser.add_argument(
        "--reuse", action="store_true",
        help="with --keep: measure the databases kept there, without rebuilding",
    )  # fmt: skip
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="related-scale-") as tmp:
        workdir = Path(args.keep) if args.keep else Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        results = []
        for size in args.sizes:
            results.append(run(size, workdir, args.drafts, args.edits, args.reuse))
            print(f"# {size:,} done", flush=True)
        print(f"\nrelated_scale on {os.cpu_count()} CPUs, SQLite {sqlite3.sqlite_version}\n")
        print_table(results)
        print(
            "\ntargets: suggest p95 <= 15 ms at 100,000 stories (issue 19; <= 20 ms in issue 12), "
            "incremental add <= 5 ms (issue 12)"
        )


if __name__ == "__main__":
    main()
