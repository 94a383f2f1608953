"""Service migration scripts, oldest first."""
