"""The newest local migration id, importable without SQLAlchemy (start-up reads it)."""

# A test checks this equals Alembic's head, so start-up can skip Alembic when current.
HEAD_REVISION = "0007_lifecycle"
