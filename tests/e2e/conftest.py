"""End-to-end fixtures: a real X server (Xvfb) and the real app process on it."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest


def _need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} is not installed (apt-get install xvfb xdotool)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI installs it: a missing tool there is a broken .ci/run
        pytest.skip(message)
    return path


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A private Xvfb server; yields its DISPLAY value."""
    xvfb = _need("Xvfb")
    _need("xdotool")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten", "tcp",
         "-noreset"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        pytest.fail("Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)
