"""A consistent copy of a SQLite service database (articles, revisions, media: all one file),
taken while the service runs. PostgreSQL is backed up with pg_dump (docs/operations.md)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url


class BackupError(RuntimeError):
    """The backup cannot be made; the message says why."""


def backup_sqlite(database_url: str, target: Path) -> int:
    """Copy the SQLite database at `database_url` to `target` with SQLite's online backup (a
    snapshot even while writers run); returns the bytes written."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise BackupError("this is not a SQLite database: back PostgreSQL up with pg_dump")
    source_path = Path(url.database)
    if not source_path.is_file():
        raise BackupError(f"there is no service database at {source_path}")
    if target.exists():
        raise BackupError(f"{target} exists already: give a new file")
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        with copy:
            source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target.stat().st_size
