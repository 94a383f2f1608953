"""The local media library: pictures decoded, cleaned and stored by SHA-256 (no Qt, no ORM)."""
