"""Start-up reads before the window paints: the standard library only.

No SQLAlchemy, no Alembic, no other use case is imported here (nor by what this imports):
the window shows the last article and applies the saved theme while the store opens behind it.
tests/unit/test_startup_paths.py checks that importing this loads no ORM.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workstation.domain.article import Article
    from workstation.domain.preferences import Preferences
    from workstation.paths import DataDir


def peek_last_article(data: DataDir) -> Article | None:
    """The article open when the app closed, read with sqlite3 alone; None when it cannot be
    read quickly (no database yet, an older schema, a damaged row): the normal path then."""
    from workstation.store.quick_read import peek_last_article as peek

    return peek(data.database)


def saved_preferences(data: DataDir) -> Preferences:
    """The preferences file as saved (the defaults when missing or unreadable): JSON only."""
    from workstation.store.preferences_file import load_preferences

    return load_preferences(data.preferences)
