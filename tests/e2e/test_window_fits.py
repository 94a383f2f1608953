"""A first run on a screen smaller than the default window (1280 wide here) fits the screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_the_first_window_fits_a_1280_wide_screen(tmp_path: Path, xvfb_display: str) -> None:
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb",
               WORKSTATION_REPORT_STARTUP="1")  # fmt: skip
    exe = Path(sys.executable).with_name("workstation")
    app = subprocess.Popen(
        [str(exe), "--data-dir", str(tmp_path / "data")], env=env, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert app.stdout is not None
    try:
        assert app.stdout.readline().startswith("startup: ")
        windows = _xdotool(env, "search", "--sync", "--onlyvisible", "--pid", str(app.pid))
        shown = "".join(_xdotool(env, "getwindowgeometry", "--shell", w) for w in windows.split())
    finally:
        app.terminate()
        app.wait(timeout=30)
    widths = [int(line.split("=")[1]) for line in shown.splitlines() if line.startswith("WIDTH=")]
    assert widths and max(widths) <= 1280, shown


def _xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return done.stdout
