"""The Ghost Admin API double (tests/ghost/ghost_double.py) under Uvicorn on loopback."""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "service"))  # fault_proxy
from ghost_double import GhostDouble  # noqa: E402


@pytest.fixture
def ghost() -> Iterator[GhostDouble]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    double = GhostDouble(f"http://127.0.0.1:{port}")
    server = uvicorn.Server(uvicorn.Config(double.app, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "the Ghost double did not start"
    assert httpx.get(f"{double.site_url}/ghost/api/admin/site/").status_code == 401
    yield double
    server.should_exit = True
    thread.join(10)
