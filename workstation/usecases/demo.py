"""The demo archive: fictional published stories shipped in resources/demo, loaded on first run."""

from __future__ import annotations

from pathlib import Path

from workstation.domain.article import Origin
from workstation.paths import resource
from workstation.store.db import Database
from workstation.store.repository import ArticleRepository
from workstation.usecases.articles import import_parsed, parse_documents

DEMO_LOADED_KEY = "demo_loaded"


def demo_files() -> list[tuple[str, bytes]]:
    """(name, bytes) of every demo article, read the same way from source, wheel or bundle."""
    folder = resource("demo")
    return sorted(
        (entry.name, entry.read_bytes())
        for entry in folder.iterdir()
        if entry.name.endswith(".md") and entry.name != "README.md"
    )


def load_demo(db: Database) -> int:
    """Import (or refresh) the demo archive as published archive items; returns how many."""
    documents = [(Path("demo") / name, data) for name, data in demo_files()]
    ids = import_parsed(db, parse_documents(documents), origin=Origin.ARCHIVE)
    with db.session() as session:
        ArticleRepository(session).set_state(DEMO_LOADED_KEY, "1")
    return len(ids)


def load_demo_on_first_run(db: Database) -> int:
    """Load the demo archive into an empty data dir once; 0 when it was there or was declined."""
    with db.session() as session:
        repo = ArticleRepository(session)
        if repo.get_state(DEMO_LOADED_KEY) is not None or repo.count() > 0:
            return 0
    return load_demo(db)
