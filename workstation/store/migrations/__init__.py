"""store/migrations layer."""
