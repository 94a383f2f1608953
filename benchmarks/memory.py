"""Steady-state memory against ReText: PSS over the whole process tree (issue 19).

PSS (proportional set size) counts a page shared by n processes as 1/n in each, so summing it
over the app and its helper processes (QtWebEngine's renderer, GPU and zygote processes) does
not count Qt's shared libraries several times, as summing RSS does. Read from
/proc/PID/smaps_rollup.

Ours: `python -m workstation` offscreen on a data dir with the demo archive and an 800-word
article open, the live preview (QtWebEngine) showing it; sampled from 6 s after spawn (the
first paint, the preview and the deferred start-up work are all done by then) every 0.5 s for
2 s. ReText 8 with the same file and its live preview on, twice: with its default preview
(QTextBrowser, no web engine) and with its QtWebEngine preview (PyQt6-WebEngine), which is what
ours shows. Run: python benchmarks/memory.py
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import demo_desk, median, peer_python, sample_body, table

SETTLE_S = 6.0
SAMPLES = 5
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1")


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _tree(root: int) -> list[int]:
    children = _children()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """PSS and RSS (MiB) summed over the process tree, and the process count, at steady state."""
    proc = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    try:
        time.sleep(SETTLE_S)
        samples = []
        for _ in range(SAMPLES):
            pids = _tree(proc.pid)
            samples.append((
                sum(map(_pss_kib, pids)) / 1024, sum(map(_rss_kib, pids)) / 1024, len(pids)
            ))  # fmt: skip
            time.sleep(0.5)
        if proc.poll() is not None:
            raise RuntimeError(f"{command[0]} exited early ({proc.returncode})")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    return {
        "pss": median([s[0] for s in samples]),
        "rss": median([s[1] for s in samples]),
        "processes": max(s[2] for s in samples),
    }


def _retext_env(home: Path, web_engine: bool) -> dict[str, str]:
    config = home / "ReText project"
    config.mkdir(parents=True, exist_ok=True)
    (config / "ReText.conf").write_text(
        "[General]\ndefaultPreviewState=live-preview\n"
        f"useWebEngine={'true' if web_engine else 'false'}\n",
        encoding="utf-8",
    )
    return dict(ENV, XDG_CONFIG_HOME=str(home), HOME=str(home))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        body = sample_body(800)
        data = demo_desk(Path(tmp), "Memory benchmark", body)
        md = Path(tmp) / "article.md"
        md.write_text(body, encoding="utf-8")
        runs = [("ours (QtWebEngine live preview)", measure(
            [sys.executable, "-m", "workstation", "--data-dir", str(data)], ENV
        ))]  # fmt: skip
        for label, name, requirement, web in (
            ("ReText 8, live preview (QTextBrowser)", "retext", "ReText", False),
            ("ReText 8, live preview (QtWebEngine)", "retext-webengine",
             "ReText PyQt6-WebEngine", True),
        ):  # fmt: skip
            python = peer_python(name, requirement)
            if python is None:
                continue
            env = _retext_env(Path(tmp) / name, web)
            runs.append((label, measure([str(python), "-m", "ReText", str(md)], env)))
    rows = [
        [label, f"{r['pss']:.0f}", f"{r['rss']:.0f}", f"{r['processes']:.0f}"] for label, r in runs
    ]
    print(f"Memory {SETTLE_S:.0f} s after spawn, 800-word article open, preview showing (MiB)\n")
    print(table(["app", "PSS (tree)", "RSS (tree, shared counted twice)", "processes"], rows))


if __name__ == "__main__":
    main()
