"""Service fixtures: the real service under Uvicorn on a free loopback port, SQLite or PG."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from review_support import Profile
from service_helpers import RunningService, database_url, start_service

from workstation.service.auth import Role
from workstation.service.db import sqlite_url_for


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def service(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningService]:
    url = database_url(request.param, tmp_path_factory.mktemp("service"))
    yield from start_service(url)


@pytest.fixture(scope="module")
def sqlite_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningService]:
    yield from start_service(
        sqlite_url_for(tmp_path_factory.mktemp("service")), media_max_bytes=64 * 1024
    )


@pytest.fixture(scope="module")
def approval_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningService]:
    yield from start_service(
        sqlite_url_for(tmp_path_factory.mktemp("approval")), require_approval=True
    )


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[tuple[RunningService, Profile, Profile]]:
    """Two workstations on their own service: a writer (wendy) and a subeditor (sam)."""
    for running in start_service(sqlite_url_for(tmp_path / "service")):
        writer = Profile(
            "desk-w", tmp_path / "writer", running.url, running.new_token("wendy", Role.WRITER)
        )
        sub = Profile(
            "desk-s", tmp_path / "sub", running.url, running.new_token("sam", Role.SUBEDITOR)
        )
        try:
            yield running, writer, sub
        finally:
            writer.close()
            sub.close()
