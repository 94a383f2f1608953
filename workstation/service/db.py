"""The service's database: engine (SQLite or PostgreSQL), its own migrations, sessions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text

from workstation.service import changes
from workstation.store import db as store_db

HEAD_REVISION = "s0008_lifecycle"
VERSION_TABLE = "service_alembic_version"
DATABASE_FILE = "service.sqlite3"


class ServiceDbError(RuntimeError):
    """The service database cannot be used; the message says why (never a password)."""


def sqlite_url_for(service_dir: Path) -> str:
    """The default database: a SQLite file in the service dir."""
    return f"sqlite:///{service_dir / DATABASE_FILE}"


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's begin event issue BEGIN IMMEDIATE: writers then queue on busy_timeout
    # instead of failing when a read transaction upgrades to a write.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_service_engine(url: str) -> Engine:
    """An engine for `url`: SQLite (serialized writers, WAL) or PostgreSQL via psycopg."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if url.startswith(("postgresql+psycopg://", "postgresql://")):
        url = url.replace("postgresql://", "postgresql+psycopg://", 1)
        return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)
    raise ServiceDbError("the database URL must start with sqlite:/// or postgresql+psycopg://")


def current_revision(engine: Engine) -> str | None:
    """The service schema revision, or None for an empty database."""
    return store_db.current_revision(engine, VERSION_TABLE)


MIGRATION_LOCK = 0x5753_0017
"""PostgreSQL advisory lock key: service processes starting together migrate one at a time."""


def upgrade(engine: Engine) -> None:
    """Apply the service migrations up to head (skipped when already current)."""
    if engine.dialect.name != "postgresql":
        store_db.upgrade(engine, HEAD_REVISION, "workstation.service:migrations", VERSION_TABLE)
        return
    with engine.connect() as lock:
        lock.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
        try:
            store_db.upgrade(engine, HEAD_REVISION, "workstation.service:migrations", VERSION_TABLE)
        finally:
            lock.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})


def _mask(text: str) -> str:
    """Drop any password a database URL in `text` may carry."""
    return re.sub(r"(://[^:/@\s]+):[^@\s]*@", r"\1:***@", text)


class ServiceDatabase(store_db.Database):
    """The service's engine and sessions: the local store's unit-of-work wrapper, with every
    change to an article or comment stamped with the change sequence the sync feeds page by."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        changes.install(self.session_factory)


def open_service_database(url: str) -> ServiceDatabase:
    """Open and migrate the service database at `url` (creating a SQLite file's folder)."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = make_service_engine(url)
    try:
        upgrade(engine)
    except ServiceDbError:
        raise
    except Exception as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0] if str(exc) else ""
        raise ServiceDbError(f"cannot open the service database: {_mask(reason)}") from None
    return ServiceDatabase(engine)
