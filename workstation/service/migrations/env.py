"""Alembic environment of the service: a handed-over connection, its own version table."""

from __future__ import annotations

from alembic import context

from workstation.service.models import ServiceBase

VERSION_TABLE = "service_alembic_version"

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the service always passes a connection
    raise RuntimeError("run migrations through workstation.service.db.upgrade()")

context.configure(
    connection=connection,
    target_metadata=ServiceBase.metadata,
    version_table=VERSION_TABLE,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
