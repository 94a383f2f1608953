"""Helpers for the review tests: workstation profiles (data dir + account) and a network switch."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from workstation.cli import run
from workstation.paths import DataDir
from workstation.store.db import Database
from workstation.sync.client import SyncClient
from workstation.sync.engine import SyncEngine, SyncReport
from workstation.usecases.publishing import add_account
from workstation.usecases.workspace import Workspace, open_workspace


class Network(httpx.BaseTransport):
    """A real HTTP transport with an off switch: off, every request fails to connect."""

    def __init__(self) -> None:
        self.online = True
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self.online:
            raise httpx.ConnectError("network down (test)", request=request)
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


@dataclass
class Profile:
    """One workstation: its own data dir and database, an account on the shared service."""

    name: str
    home: Path
    url: str
    token: str
    workspace: Workspace = field(init=False)
    network: Network = field(default_factory=Network)

    def __post_init__(self) -> None:
        self.workspace = open_workspace(DataDir(self.home))
        add_account(self.db, self.name, self.url, self.token, make_default=True, check=False)

    @property
    def db(self) -> Database:
        return self.workspace.db

    def cli(self, *args: str) -> tuple[int, str]:
        """Run a CLI command on this profile in-process; (exit code, stdout + stderr)."""
        out, err = io.StringIO(), io.StringIO()
        code = run(["--data-dir", str(self.home), *args], stdout=out, stderr=err)
        return code, out.getvalue() + err.getvalue()

    def sync(self, progress: Callable[[str, int], None] | None = None) -> SyncReport:
        client = SyncClient(self.url, self.token, transport=self.network)
        try:
            return SyncEngine(self.db, client, self.name, progress=progress).run_once()
        finally:
            client.close()

    def close(self) -> None:
        self.workspace.close()
        self.network.close()
