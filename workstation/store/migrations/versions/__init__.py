"""store/migrations/versions layer."""
