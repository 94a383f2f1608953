"""Sync figures: 10,000 drafts from empty, an incremental round with nothing new, and merges.

1. A service (`workstation serve` in its own process, SQLite) holding N drafts (seeded straight
   into its database); a fresh workstation syncs them all in one round (feed pages of 500).
2. The same workstation syncs again with nothing changed (one empty feed page + comments).
3. A round after 100 of the drafts changed on the service.
4. Three-way merge of two 5,000-word versions of one body with 50 word edits each (in
   different paragraphs, and a variant where 10 of them land in the same paragraphs), and the
   word-level diff of one version against the base.

Run: python benchmarks/sync_bench.py [--drafts 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import median, table
from publish_latency import _serve


def _seed(database_url: str, drafts: int) -> str:
    from workstation.domain.article import now_utc
    from workstation.service import articles
    from workstation.service.auth import Role, create_token
    from workstation.service.db import open_service_database
    from workstation.service.schemas import ArticleContent

    sdb = open_service_database(database_url)
    rng = random.Random(5)
    words = [
        "trust",
        "board",
        "regulator",
        "waiting",
        "list",
        "staff",
        "pay",
        "funding",
        "patients",
        "ward",
    ]
    with sdb.session() as session:
        token = create_token(session, "bench-sub", Role.SUBEDITOR)
        for n in range(drafts):
            body = "\n\n".join(
                " ".join(rng.choice(words) for _ in range(60)) for _ in range(8)
            )  # ~480 words
            content = ArticleContent(headline=f"Draft {n}", body=body, section="News")
            articles.create(session, str(uuid.uuid4()), content, "writer", now_utc())
    sdb.close()
    return token


def _touch(database_url: str, count: int) -> None:
    from sqlalchemy import select

    from workstation.domain.article import now_utc
    from workstation.service import articles
    from workstation.service.db import open_service_database
    from workstation.service.models import ArticleRecord
    from workstation.service.schemas import ArticleContent

    sdb = open_service_database(database_url)
    with sdb.session() as session:
        rows = session.scalars(select(ArticleRecord).limit(count)).all()
        for row in rows:
            content = ArticleContent.model_validate(
                {**row.content, "body": row.content["body"] + "\n\nA late line."}
            )
            articles.update(session, row, content, None, "writer", now_utc())
    sdb.close()


def sync_figures(drafts: int, home: Path) -> list[list[object]]:
    from workstation.paths import DataDir
    from workstation.store.repository import ArticleRepository
    from workstation.sync.client import SyncClient
    from workstation.sync.engine import SyncEngine
    from workstation.usecases.workspace import open_workspace

    database_url = f"sqlite:///{home / 'service' / 'service.sqlite3'}"
    (home / "service").mkdir(parents=True)
    token = _seed(database_url, drafts)
    process, url = _serve(database_url)
    rows: list[list[object]] = []
    ws = open_workspace(DataDir(home / "client"))
    client = SyncClient(url, token, timeout=120)
    try:
        engine = SyncEngine(ws.db, client, "bench")
        started = time.perf_counter()
        report = engine.run_once()
        first = time.perf_counter() - started
        with ws.db.session() as session:
            held = ArticleRepository(session).count()
        assert report.online and held == drafts, (report.lines(), held)
        rows.append(
            [
                f"first sync, {drafts:,} drafts from empty",
                f"{first:.2f} s",
                f"{drafts / first:,.0f} drafts/s",
            ]
        )
        idle = []
        for _ in range(5):
            started = time.perf_counter()
            report = engine.run_once()
            idle.append(time.perf_counter() - started)
            assert not report.pulled and not report.pushed
        rows.append(
            ["incremental sync, nothing changed (median of 5)", f"{median(idle) * 1000:.1f} ms", ""]
        )
        _touch(database_url, 100)
        started = time.perf_counter()
        report = engine.run_once()
        hundred = time.perf_counter() - started
        assert len(report.pulled) == 100, report.lines()
        rows.append(
            ["incremental sync, 100 changed on the service", f"{hundred * 1000:.0f} ms", ""]
        )
    finally:
        client.close()
        ws.close()
        process.terminate()
        process.wait(30)
    return rows


def _versions(rng: random.Random, overlap: int) -> tuple[str, str, str]:
    vocab = [f"w{n}" for n in range(2000)]
    paragraphs = [[rng.choice(vocab) for _ in range(50)] for _ in range(100)]  # 5,000 words
    base = "\n\n".join(" ".join(p) for p in paragraphs)
    spots = rng.sample(range(100), 100 - overlap)
    ours_spots = spots[:50]
    theirs_spots = spots[50:] + ours_spots[:overlap]

    def edited(where: list[int], tag: str) -> str:
        copy = [list(p) for p in paragraphs]
        for n, index in enumerate(where):
            copy[index][rng.randrange(50)] = f"{tag}{n}"
        return "\n\n".join(" ".join(p) for p in copy)

    return base, edited(ours_spots, "ours"), edited(theirs_spots, "theirs")


def merge_figures(repeat: int) -> list[list[object]]:
    from workstation.domain.diff import side_by_side, word_diff
    from workstation.domain.merge import merge_text

    rows: list[list[object]] = []
    rng = random.Random(7)
    for overlap in (0, 10):
        base, ours, theirs = _versions(rng, overlap)
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            merged = merge_text(base, ours, theirs)
            times.append(time.perf_counter() - started)
        label = "different paragraphs" if not overlap else f"{overlap} in the same paragraphs"
        rows.append(
            [
                f"merge 2 x 5,000 words, 50 edits each ({label})",
                f"{median(times) * 1000:.1f} ms",
                f"{len(merged.conflicts)} conflicts",
            ]
        )
    base, ours, _theirs = _versions(rng, 0)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        word_diff(base, ours)
        side_by_side(base, ours)
        times.append(time.perf_counter() - started)
    rows.append(
        ["word diff, 5,000 words, inline + side by side", f"{median(times) * 1000:.1f} ms", ""]
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    rows = merge_figures(args.repeat)
    with tempfile.TemporaryDirectory(prefix="sync-bench-") as folder:
        rows = sync_figures(args.drafts, Path(folder)) + rows
    print(table(["what", "time", "note"], rows))


if __name__ == "__main__":
    main()
