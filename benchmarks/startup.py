"""Start-up and quit against ReText, alternating runs pair by pair (issue 19).

Ours: `python -m workstation` on a data dir whose last open article has 800 words, offscreen.
Timed from process spawn to the "article shown" line (first paint: the event-loop turn after the
window showed the article; the document is editable from then on: the editor takes keys, and what
is typed before the store has opened is saved once it has, as tests/e2e/test_kill_during_typing.py
proves by typing at that moment), to "startup: ready" (everything loaded: the store open and
migrated, house style, related, publishing and review panels attached), and to the process's
exit after the window closes itself at ready, as a person's close would (so the quit is timed
too). Our bytecode is compiled first (compile_ours), as after any install. ReText: the same
800-word file, timed from spawn to its first event-loop turn (painted and editable), then it
quits; spawn to exit likewise.
Each pair runs ours then the peer's, alternating which goes first, so a change of load hits
both. Median of 7 pairs. Run: python benchmarks/startup.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import compile_ours, demo_desk, median, peer_python, sample_body, table

RUNS = 7
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


def timings(command: list[str], markers: dict[str, str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawn to each marker line, and to the process's exit ("exit")."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    assert proc.stdout is not None
    found = dict.fromkeys(markers, float("nan"))
    for line in proc.stdout:
        for name, marker in markers.items():
            if line.startswith(marker) and found[name] != found[name]:  # first time (not NaN)
                found[name] = time.perf_counter() - start
    proc.wait(timeout=60)
    found["exit"] = time.perf_counter() - start
    return found


def ours(data: Path) -> dict[str, float]:
    env = dict(ENV, WORKSTATION_REPORT_STARTUP="close")
    command = [sys.executable, "-m", "workstation", "--data-dir", str(data)]
    got = timings(command, {"paint": "startup: article shown", "loaded": "startup: ready"}, env)
    got["editable"] = got["paint"]
    got["quit"] = got["exit"] - got["loaded"]
    return got


def retext(python: Path, markdown_file: Path) -> dict[str, float]:
    got = timings([str(python), "-c", RETEXT_PROBE, str(markdown_file)], {"paint": "ready"}, ENV)
    got["editable"] = got["loaded"] = got["paint"]
    got["quit"] = got["exit"] - got["paint"]
    return got


def main() -> None:
    compile_ours()
    with tempfile.TemporaryDirectory() as tmp:
        body = sample_body(800)
        data = demo_desk(Path(tmp), "Benchmark article of 800 words", body)
        md = Path(tmp) / "article.md"
        md.write_text(body, encoding="utf-8")
        ours(data)  # warm the OS file cache once, as a second launch would be
        python = peer_python("retext", "ReText")
        mine: list[dict[str, float]] = []
        theirs: list[dict[str, float]] = []
        for pair in range(RUNS):
            if python is not None and pair % 2:
                theirs.append(retext(python, md))
            mine.append(ours(data))
            if python is not None and not pair % 2:
                theirs.append(retext(python, md))
    rows = []
    for name, label, target in (
        ("paint", "first paint", "<= ReText"),
        ("editable", "editable document", "<= ReText"),
        ("loaded", "everything loaded", "none set"),
        ("exit", "spawn to exit", "none set"),
        ("quit", "quit (ready to exit)", "<= 0.200"),
    ):
        our = median([run[name] for run in mine])
        row = [label, f"{our:.3f}", f"{min(run[name] for run in mine):.3f}", target]
        if theirs:
            peer = median([run[name] for run in theirs])
            row += [f"{peer:.3f}", f"{our / peer:.2f}"]
        else:
            row += ["n/a", "n/a"]
        rows.append(row)
    first = sum(a["paint"] < b["paint"] for a, b in zip(mine, theirs, strict=False))
    print(f"Start-up and quit with an 800-word article, median of {RUNS} alternating pairs (s)\n")
    print(table(["measure", "ours", "ours min", "target", "ReText 8", "ratio"], rows))
    if theirs:
        print(f"\nours painted first in {first} of {len(theirs)} pairs")
    print(
        "editable: the editor takes keys (ours at first paint; typed text is kept until the "
        "store opens). everything loaded: ours with the store and all panels; ReText has no "
        "more to load after its first turn."
    )


if __name__ == "__main__":
    main()
