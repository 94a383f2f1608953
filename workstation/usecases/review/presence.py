"""Who has a draft open: our "editing now" mark on the service, and everyone's."""

from __future__ import annotations

from datetime import datetime

from workstation.store.db import Database
from workstation.usecases.review.target import connect


def presence(
    db: Database, article_id: str, editing: bool = True, target: str | None = None
) -> list[tuple[str, datetime]]:
    """Say we have the article open (when `editing`), and who has it open now."""
    _name, client = connect(db, target)
    try:
        if editing:
            client.mark_editing(article_id)
        return [
            (str(m["user"]), datetime.fromisoformat(str(m["since"])))
            for m in client.presence(article_id)
        ]
    finally:
        client.close()


def stop_presence(db: Database, article_id: str, target: str | None = None) -> None:
    """Take our "editing now" mark off an article we no longer have open."""
    _name, client = connect(db, target)
    try:
        client.stop_editing(article_id)
    finally:
        client.close()


def who_is_editing(db: Database, target: str | None = None) -> dict[str, list[str]]:
    """Every live "editing now" mark on the service, by article id (for the inbox)."""
    _name, client = connect(db, target)
    try:
        marks: dict[str, list[str]] = {}
        for mark in client.all_presence():
            marks.setdefault(str(mark["article_id"]), []).append(str(mark["user"]))
        return marks
    finally:
        client.close()
