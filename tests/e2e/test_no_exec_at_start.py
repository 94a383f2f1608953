"""Issue 19: once the window has painted, start-up runs no program but QtWebEngine's own.

The app runs under `strace -f -e trace=execve` on Xvfb with keyring left to detect its backend
(no PYTHON_KEYRING_BACKEND), as on a desktop: keyring's macOS probe used to run ldconfig, gcc
and ld three times, some seconds after the window showed. The test waits until start-up is
over (the features attached and publishing set up or refused) before it looks.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

WEBENGINE = "QtWebEngineProcess"
EXEC = re.compile(r"^\d+\s+(\d\d:\d\d:\d\d\.\d+) execve\(\"([^\"]+)\"")


def _strace() -> str:
    path = shutil.which("strace")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("strace is not installed (CI installs it: .ci/run is broken)")
        pytest.skip("strace is not installed (apt-get install strace)")
    return path


def _seconds(clock: str) -> float:
    moment = datetime.strptime(clock, "%H:%M:%S.%f")
    return moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6


def _wait_for_log(logs: Path, pattern: str, app: subprocess.Popen[str]) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and app.poll() is None:
        for path in logs.glob("*.log"):
            found = re.search(pattern, path.read_text(encoding="utf-8", errors="replace"))
            if found:
                return found.group(0)
        time.sleep(0.2)
    pytest.fail(f"no {pattern!r} in the log: start-up did not finish")


def test_no_program_runs_after_the_window_paints(tmp_path: Path, xvfb_display: str) -> None:
    trace = tmp_path / "execve.trace"
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env.update(DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb", WORKSTATION_REPORT_STARTUP="1")
    exe = Path(sys.executable).with_name("workstation")
    app = subprocess.Popen(
        [_strace(), "-f", "-tt", "-e", "trace=execve", "-o", str(trace),
         str(exe), "--data-dir", str(data)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert app.stdout is not None
    try:
        seen: dict[str, float] = {}
        while len(seen) < 2:  # on a fresh data dir "ready" can come first
            line = app.stdout.readline()
            assert line.startswith("startup: "), f"app did not start: {line!r}"
            seen["shown" if "article shown" in line else "ready"] = time.time()
        painted = seen["shown"]
        _wait_for_log(data / "logs", r"publishing (ready|unavailable)[^\n]*", app)
        time.sleep(3)  # anything start-up left for later has had its moment
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(timeout=30)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
    local = time.localtime(painted)
    after = local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec + painted % 1
    execs = [
        (clock, program)
        for found in map(EXEC.match, trace.read_text(encoding="utf-8").splitlines())
        if found
        for clock, program in [found.groups()]
    ]
    assert any(program.endswith("workstation") for _clock, program in execs), "strace saw nothing"
    late = [
        program
        for clock, program in execs
        if _seconds(clock) > after and not program.endswith(WEBENGINE)
    ]
    assert late == []
