"""Shared by the service tests: the running-service handle, its start-up, ids, sample content."""

from __future__ import annotations

import os
import struct
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
