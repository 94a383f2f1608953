"""Opening the local database: engine, SQLite pragmas, migrations to head, sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from workstation.store.schema_version import HEAD_REVISION


class StoreError(RuntimeError):
    """The local database cannot be used; the message says why."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
    dbapi_connection.isolation_level = None  # the driver emits no BEGIN: `make_engine` does


def _begin_immediate(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets WAL, synchronous=FULL and foreign keys on.

    On SQLite every unit of work starts with BEGIN IMMEDIATE. Python's sqlite3 would begin a
    transaction only at the first write, so a unit of work that reads a row and then writes it
    (the window's save keeping the store's status, the outbox recording a publish) read outside
    any transaction, and the last writer silently put back what another thread or process had
    just committed (a published story read back as a draft). Now the read and the write are one
    transaction and units of work take turns (waiting up to the 5 s busy timeout; each is a
    few milliseconds).
    """
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin_immediate)
    return engine


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def current_revision(engine: Engine, version_table: str = "alembic_version") -> str | None:
    """The Alembic revision the database is at, or None when it is empty."""
    with engine.connect() as conn:
        try:
            row = conn.exec_driver_sql(f"SELECT version_num FROM {version_table}").first()
        except Exception:  # no table yet: an empty database
            conn.rollback()
            return None
    return row[0] if row else None


def upgrade(
    engine: Engine,
    head: str = HEAD_REVISION,
    script_location: str = "workstation.store:migrations",
    version_table: str = "alembic_version",
) -> None:
    """Apply migrations up to head (a no-op, without importing Alembic, when already there).

    The local store's by default; the upload service passes its own chain and version table.
    """
    if current_revision(engine, version_table) == head:
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", script_location)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@contextmanager
def _translate_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open the database {path}: {exc}") from None
    except Exception as exc:
        cause = getattr(exc, "orig", None)
        if isinstance(cause, sqlite3.DatabaseError):
            raise StoreError(f"cannot open the database {path}: {cause}") from None
        raise


class Database:
    """A database: its engine and a session factory (the local store's, or the service's)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def session_factory(self) -> sessionmaker[Session]:
        """Where this database's sessions come from (for session events)."""
        return self._sessions

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short unit of work: committed at the end, rolled back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path) -> Database:
    """Open (creating and migrating as needed) the SQLite database at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(sqlite_url(path))
    with _translate_errors(path):
        upgrade(engine)
    return Database(engine)
