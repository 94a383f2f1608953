"""Cold start to the first painted window with the last article open, against ReText.

Ours: `python -m workstation` on a data dir whose last open article has 800 words, offscreen,
timed from process spawn to the app's "article shown" line (printed on the event-loop turn after
the window showed the article). ReText: the same 800-word file, timed from spawn to its first
event-loop turn. Median of 5 runs each. Run: python benchmarks/startup.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import median, peer_python, sample_body, table

RUNS = 5
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1")

RETEXT_PROBE = """
import sys, time
from PyQt6.QtCore import QTimer
from PyQt6.QtWidgets import QApplication
original_exec = QApplication.exec
def exec_and_report(self=None):
    def first_turn():
        print("ready", flush=True)
        QApplication.quit()
    QTimer.singleShot(0, first_turn)
    return original_exec()
QApplication.exec = exec_and_report
sys.argv = ["retext", sys.argv[1]]
from ReText.__main__ import main
main()
"""


def time_until(command: list[str], marker: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    assert proc.stdout is not None
    elapsed = float("nan")
    for line in proc.stdout:
        if line.startswith(marker):
            elapsed = time.perf_counter() - start
            break
    proc.wait(timeout=60)
    return elapsed


def ours(data: Path) -> list[float]:
    env = dict(ENV, WORKSTATION_REPORT_STARTUP="quit")
    command = [sys.executable, "-m", "workstation", "--data-dir", str(data)]
    return [time_until(command, "startup: article shown", env) for _ in range(RUNS)]


def retext(markdown_file: Path) -> list[float] | None:
    python = peer_python("retext", "ReText")
    if python is None:
        return None
    return [
        time_until([str(python), "-c", RETEXT_PROBE, str(markdown_file)], "ready", ENV)
        for _ in range(RUNS)
    ]


def main() -> None:
    from workstation.store.db import open_database
    from workstation.usecases.articles import create_article, remember_open_article
    from workstation.usecases.demo import load_demo

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        body = sample_body(800)
        db = open_database(data / "workstation.sqlite3")
        load_demo(db)
        article = create_article(db, "Benchmark article of 800 words", body=body)
        remember_open_article(db, article.id)
        db.close()
        md = Path(tmp) / "article.md"
        md.write_text(body, encoding="utf-8")
        ours(data)  # warm the OS file cache once, as a second launch would be
        our_times = ours(data)
        peer_times = retext(md)
    rows = [
        [
            "Editorial Workstation (python -m workstation)",
            f"{median(our_times):.3f}",
            f"{min(our_times):.3f}",
            f"{max(our_times):.3f}",
        ]
    ]
    if peer_times:
        rows.append(
            [
                "ReText 8 (peer, same file)",
                f"{median(peer_times):.3f}",
                f"{min(peer_times):.3f}",
                f"{max(peer_times):.3f}",
            ]
        )
    print(f"Cold start to first painted window with an 800-word article, median of {RUNS} (s)\n")
    print(table(["app", "median", "min", "max"], rows))


if __name__ == "__main__":
    main()
