"""Start-up fast path: read the last open article with the standard library only.

The window shows it while SQLAlchemy and the migrations load behind it. Anything unusual
(no file, an older schema, a damaged row) returns None and the normal path takes over.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from workstation.domain.article import Article, Origin, Status
from workstation.store.schema_version import HEAD_REVISION

_COLUMNS = (
    "id, headline, standfirst, byline, section, tags, audience, newsletter, related, body, "
    "slug, status, origin, created_at, updated_at, published_at, gate, sponsor"
)


def _when(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


def peek_last_article(database: Path) -> Article | None:
    """The article that was open when the app closed, or None when it cannot be read quickly."""
    if not database.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error:
        return None
    try:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if version is None or version[0] != HEAD_REVISION:
            return None
        key = conn.execute("SELECT value FROM app_state WHERE key = 'last_open_article'").fetchone()
        if key is None:
            return None
        row = conn.execute(f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (key[0],)).fetchone()
        if row is None:
            return None
        (id_, headline, standfirst, byline, section, tags, audience, newsletter, related, body,
         slug, status, origin, created, updated, published, gate, sponsor) = row  # fmt: skip
        return Article(
            id=id_,
            headline=headline,
            standfirst=standfirst,
            byline=tuple(json.loads(byline)),
            section=section,
            tags=tuple(json.loads(tags)),
            audience=audience,
            newsletter=bool(newsletter),
            related=tuple(json.loads(related)),
            body=body,
            slug=slug,
            gate=None if gate is None else bool(gate),
            sponsor=sponsor or "",
            status=Status(status),
            origin=Origin(origin),
            created_at=_when(created) or datetime.now(UTC),
            updated_at=_when(updated) or datetime.now(UTC),
            published_at=_when(published),
        )
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        conn.close()
