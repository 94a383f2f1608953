"""Helpers for the publishing tests: a real service in a thread, a workspace, a ready article."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workstation.domain.article import Article
from workstation.paths import DataDir
from workstation.service.auth import Role, create_token
from workstation.service.config import ServiceConfig
from workstation.service.db import open_service_database, sqlite_url_for
from workstation.service.server import BackgroundServer
from workstation.usecases.articles import create_article
from workstation.usecases.workspace import Workspace, open_workspace


@contextmanager
def running_service(folder: Path, port: int = 0) -> Iterator[BackgroundServer]:
    """A service on loopback with a SQLite file in `folder`; always stopped afterwards."""
    config = ServiceConfig(database_url=sqlite_url_for(folder), scheduler_interval=0.1)
    server = BackgroundServer(config, port=port).start()
    try:
        yield server
    finally:
        server.stop()


def make_token(folder: Path, role: Role = Role.PUBLISHER, user: str = "desk") -> str:
    db = open_service_database(sqlite_url_for(folder))
    try:
        with db.session() as session:
            return create_token(session, user, role)
    finally:
        db.close()


@contextmanager
def workspace(home: Path) -> Iterator[Workspace]:
    ws = open_workspace(DataDir(home))
    try:
        yield ws
    finally:
        ws.close()


def ready_article(ws: Workspace, headline: str = "Trusts must publish equality data") -> Article:
    return create_article(
        ws.db,
        headline,
        standfirst="Boards will have to show progress on race equality every year.",
        byline=["Health correspondent"],
        body="The regulator said boards must act.",
        section="Workforce",
    )
