"""Alembic migrations of the upload service's schema."""
