"""Alembic environment: run against the connection the app hands over (never a config URL)."""

from __future__ import annotations

from alembic import context

from workstation.store.media import MediaRow  # noqa: F401  (its tables in the metadata)
from workstation.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the app always passes a connection
    raise RuntimeError("run migrations through workstation.store.db.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables instead
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
