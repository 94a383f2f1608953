"""Helpers shared by the benchmark scripts: timing statistics, tables, peers' virtualenvs."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

PEERS_DIR = Path(
    os.environ.get("WORKSTATION_PEERS_DIR", Path.home() / ".cache" / "workstation-peers")
)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (pct in 0..100)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table, so the figures can go straight into notes."""
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in cells
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def compile_ours() -> None:
    """Write our modules' bytecode, as a wheel install or the first run does (the peer's pip
    install compiled its own). Without it, under PYTHONDONTWRITEBYTECODE=1 (set on this
    machine), every launch of an editable install compiles our sources again (~30 ms)."""
    import compileall

    import workstation

    compileall.compile_dir(str(Path(workstation.__file__).parent), quiet=1)


def peer_python(name: str, requirement: str) -> Path | None:
    """A virtualenv with a peer application installed from PyPI (created on first use);
    `requirement` may name several packages, separated by spaces."""
    venv = PEERS_DIR / name
    python = venv / "bin" / "python"
    if python.exists():
        return python
    print(f"installing peer {requirement} into {venv} ...", file=sys.stderr)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", *requirement.split()], check=True
        )
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"peer {requirement} unavailable: {exc}", file=sys.stderr)
        return None
    return python


def sample_body(words: int) -> str:
    """Fictional news-like Markdown of about `words` words, in short paragraphs."""
    sentence = (
        "The fictional Northmere integrated care board said its workforce plan would add "
        "community nurses across the region by the end of the year, a spokesperson said. "
    )
    per = len(sentence.split())
    paragraphs = []
    for i in range(max(1, words // (per * 2))):
        paragraphs.append(f"Paragraph {i + 1}. " + sentence * 2)
    return "\n\n".join(paragraphs) + "\n"


def demo_desk(root: Path, headline: str, body: str) -> Path:
    """A data dir with the demo archive and an article of `body` open: what a launch shows."""
    from workstation.store.db import open_database
    from workstation.usecases.articles import create_article, remember_open_article
    from workstation.usecases.demo import load_demo

    data = root / "data"
    db = open_database(data / "workstation.sqlite3")
    load_demo(db)
    remember_open_article(db, create_article(db, headline, body=body).id)
    db.close()
    return data


class Probe:
    """A 1 ms timer; the longest gap between its ticks is the longest busy GUI-thread stretch."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
