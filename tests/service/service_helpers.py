"""Shared by the service tests: the running-service handle, its start-up, ids, sample content."""

from __future__ import annotations

import os
import socket
import struct
import subprocess
import sys
import tempfile
import time
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import httpx
import pytest
from sqlalchemy import text

from workstation.service.auth import Role, create_token, revoke_tokens
from workstation.service.config import ServiceConfig
from workstation.service.db import (
    ServiceDatabase,
    make_service_engine,
    open_service_database,
    sqlite_url_for,
)
from workstation.service.server import BackgroundServer

PG_ENV = "WORKSTATION_TEST_PG_URL"


def reset_postgres(url: str) -> None:
    """An empty test database (each module starts clean).

    Everything the test role owns goes, not only today's tables: the database outlives a run, so
    tables of a newer or older schema (another checkout, an interrupted run) must not linger.
    """
    engine = make_service_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP OWNED BY CURRENT_USER CASCADE"))
    finally:
        engine.dispose()


def database_url(backend: str, directory: Path) -> str:
    if backend == "sqlite":
        return sqlite_url_for(directory)
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set: CI must run the PostgreSQL variant")
        pytest.skip(f"set {PG_ENV} to run against PostgreSQL")
    reset_postgres(url)
    return url


@dataclass
class RunningService:
    """A started service, a direct handle on its database, and one token per role."""

    server: BackgroundServer
    db: ServiceDatabase
    tokens: dict[Role, str]

    @property
    def url(self) -> str:
        return self.server.url

    def client(self, role: Role | None = None, token: str | None = None) -> httpx.Client:
        headers = {}
        secret = token or (self.tokens[role] if role else None)
        if secret:
            headers["Authorization"] = f"Bearer {secret}"
        return httpx.Client(base_url=self.url, headers=headers, timeout=20)

    def new_token(self, user: str, role: Role) -> str:
        with self.db.session() as session:
            return create_token(session, user, role)

    def revoke(self, token: str) -> None:
        with self.db.session() as session:
            revoke_tokens(session, token=token)


def start_service(url: str, **options: object) -> Iterator[RunningService]:
    config = ServiceConfig(database_url=url, scheduler_interval=0.1, **options)  # type: ignore[arg-type]
    server = BackgroundServer(config).start()
    db = open_service_database(url)
    try:
        tokens = {}
        with db.session() as session:
            for role in Role:
                tokens[role] = create_token(session, f"{role.value}-user", role)
        yield RunningService(server, db, tokens)
    finally:
        db.close()
        server.stop()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ServeProcess:
    """One `python -m workstation serve` process, its address and its log (stderr)."""

    process: subprocess.Popen[bytes]
    url: str
    log: IO[bytes]

    @classmethod
    def start(cls, database_url: str, workdir: Path, *options: str) -> ServeProcess:
        port = free_port()
        command = [sys.executable, "-m", "workstation", "serve", "--port", str(port)]
        # A file, as a pipe nobody reads fills up and blocks the process; stop() closes it.
        log = tempfile.TemporaryFile()  # noqa: SIM115
        process = subprocess.Popen(
            [*command, "--database-url", database_url, *options],
            stdout=subprocess.DEVNULL,
            stderr=log,
            cwd=workdir,  # where a PostgreSQL service keeps its newsletter outbox
        )
        return cls(process, f"http://127.0.0.1:{port}", log)

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def wait_until_ready(self, timeout: float = 60) -> None:
        """Poll /readyz until it answers 200; fail with the log if the process dies first."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = self.output()
                self.stop()
                pytest.fail(f"{self.url} did not come up: {log[-2000:]}")
            time.sleep(0.05)  # polling against a deadline

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(20)
        self.log.close()


@dataclass
class ServiceProcesses:
    """Several `workstation serve` processes on one database, a handle on it, a token per role."""

    processes: list[ServeProcess]
    db: ServiceDatabase
    tokens: dict[Role, str]

    @property
    def urls(self) -> list[str]:
        return [served.url for served in self.processes]

    def client(self, index: int, role: Role) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.tokens[role]}"}
        url = self.urls[index % len(self.urls)]
        return httpx.Client(base_url=url, headers=headers, timeout=30)


def start_processes(
    url: str, count: int, workdir: Path, *options: str
) -> Iterator[ServiceProcesses]:
    """`count` real service processes on the database at `url`, all started together."""
    db = open_service_database(url)
    processes: list[ServeProcess] = []
    try:
        processes = [ServeProcess.start(url, workdir, *options) for _ in range(count)]
        for served in processes:
            served.wait_until_ready()
        with db.session() as session:
            tokens = {role: create_token(session, f"{role.value}-user", role) for role in Role}
        yield ServiceProcesses(processes, db, tokens)
    finally:
        for served in processes:
            if served.process.poll() is None:
                served.stop()
        db.close()


def new_article_id() -> str:
    return str(uuid.uuid4())


def content(
    headline: str = "Every trust board must publish its equality data, regulator says",
    **fields: Any,
) -> dict[str, object]:
    data: dict[str, object] = {
        "headline": headline,
        "standfirst": "Boards will have to show progress on race equality every year.",
        "body": "The regulator said boards must act.\n\nIt added that data would be public.",
        "byline": ["Health correspondent"],
        "section": "Workforce",
        "tags": ["Equality", "Boards"],
    }
    data.update(fields)
    return data


def tiny_png(seed: int) -> bytes:
    """A valid 1x1 PNG whose pixel depends on `seed`, so every upload is new bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"\x00" + bytes([seed % 256, (seed >> 8) % 256, (seed >> 16) % 256])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
