"""The archive index: keeps the FTS5 tables in step with published and archive articles."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from workstation.domain.article import Article, Origin, Status

# All index tables share this prefix (see migration 0002); none of them is an ORM model.
TABLE_PREFIX = "archive_fts"
FTS_TABLE = "archive_fts"
DOCS_TABLE = "archive_fts_docs"
VOCAB_TABLE = "archive_fts_vocab"
VECTORS_TABLE = "archive_fts_vectors"

# Which articles form the archive, as SQL over the `articles` table (alias a).
_QUALIFIES = "(a.origin = 'archive' OR a.status = 'published') AND a.status != 'withdrawn'"
# The same moment SQLAlchemy stores for a UTC datetime, so updated_at strings compare equal.
_SA_TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def raw_connection(target: Any) -> sqlite3.Connection:
    """The sqlite3 connection behind a sqlite3 connection, SQLAlchemy Connection or Session.

    Statements run inside the caller's transaction, so the index changes commit (or roll back)
    together with the article itself.
    """
    if isinstance(target, sqlite3.Connection):
        return target
    if hasattr(target, "get_bind") and hasattr(target, "connection"):  # an ORM Session
        target = target.connection()
    proxied = getattr(target, "connection", None)
    driver = getattr(proxied, "driver_connection", None)
    if isinstance(driver, sqlite3.Connection):
        return driver
    raise TypeError(f"the archive index needs SQLite; got {type(target).__name__}")


def is_archived(article: Article) -> bool:
    """Whether the article belongs in the archive index: published or imported, not withdrawn."""
    if article.status is Status.WITHDRAWN:
        return False
    return article.origin is Origin.ARCHIVE or article.status is Status.PUBLISHED


def tags_text(tags: Iterable[str]) -> str:
    """Tags as the FTS5 tags column holds them (one text, tags separated)."""
    return " ; ".join(tags)


def _timestamp(article: Article) -> float:
    return (article.published_at or article.created_at).timestamp()


def _sa_time(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).strftime(_SA_TIME_FORMAT)


def index_article(target: Any, article: Article) -> bool:
    """Add, replace or drop one article in the index; True when it is in the index afterwards.

    Call it in the same unit of work that saves the article (save, import, publish, withdraw,
    sync); an article that is not (or no longer) archive material is removed.
    """
    conn = raw_connection(target)
    if not is_archived(article):
        remove_article(conn, article.id)
        return False
    facts = (
        article.section,
        json.dumps(list(article.tags), ensure_ascii=False),
        _timestamp(article),
        _sa_time(article.updated_at),
    )
    row = conn.execute(
        f"SELECT doc_id FROM {DOCS_TABLE} WHERE article_id = ?", (article.id,)
    ).fetchone()
    if row is None:
        cursor = conn.execute(
            f"INSERT INTO {DOCS_TABLE} (section, tags, published_ts, indexed_updated_at, "
            "article_id) VALUES (?, ?, ?, ?, ?)",
            (*facts, article.id),
        )
        doc_id = cursor.lastrowid
    else:
        doc_id = row[0]
        conn.execute(
            f"UPDATE {DOCS_TABLE} SET section = ?, tags = ?, published_ts = ?, "
            "indexed_updated_at = ? WHERE doc_id = ?",
            (*facts, doc_id),
        )
        conn.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = ?", (doc_id,))
        conn.execute(f"DELETE FROM {VECTORS_TABLE} WHERE doc_id = ?", (doc_id,))
    conn.execute(
        f"INSERT INTO {FTS_TABLE} (rowid, headline, standfirst, body, tags) VALUES (?, ?, ?, ?, ?)",
        (doc_id, article.headline, article.standfirst, article.body, tags_text(article.tags)),
    )
    return True


def remove_article(target: Any, article_id: str) -> bool:
    """Take one article out of the index (deleted or withdrawn); True when it was there."""
    conn = raw_connection(target)
    row = conn.execute(
        f"SELECT doc_id FROM {DOCS_TABLE} WHERE article_id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return False
    conn.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = ?", row)
    conn.execute(f"DELETE FROM {VECTORS_TABLE} WHERE doc_id = ?", row)
    conn.execute(f"DELETE FROM {DOCS_TABLE} WHERE doc_id = ?", row)
    return True


def _fill(conn: sqlite3.Connection, id_filter: str = "", params: tuple[Any, ...] = ()) -> int:
    """Index, straight from the articles table, archive articles not yet in the index."""
    cursor = conn.execute(
        f"INSERT INTO {DOCS_TABLE} (article_id, section, tags, published_ts, indexed_updated_at) "
        "SELECT a.id, a.section, a.tags, "
        "(julianday(coalesce(a.published_at, a.created_at)) - 2440587.5) * 86400.0, a.updated_at "
        f"FROM articles AS a WHERE {_QUALIFIES} {id_filter} "
        f"AND a.id NOT IN (SELECT article_id FROM {DOCS_TABLE})",
        params,
    )
    added = cursor.rowcount
    conn.execute(
        f"INSERT INTO {FTS_TABLE} (rowid, headline, standfirst, body, tags) "
        "SELECT d.doc_id, a.headline, a.standfirst, a.body, "
        "coalesce((SELECT group_concat(value, ' ; ') FROM json_each(a.tags)), '') "
        f"FROM {DOCS_TABLE} AS d JOIN articles AS a ON a.id = d.article_id "
        f"WHERE d.doc_id NOT IN (SELECT rowid FROM {FTS_TABLE})"
    )
    return added


def rebuild_index(target: Any, optimize: bool = True) -> int:
    """Drop and rebuild the whole index from the articles table; returns the number indexed."""
    conn = raw_connection(target)
    ddl = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
    ).fetchone()
    if ddl is None:
        raise RuntimeError("the archive index tables are missing; migrate the database")
    # Deleting rows one by one from FTS5 re-reads every text; dropping and re-creating is fast.
    conn.execute(f"DELETE FROM {VECTORS_TABLE}")
    conn.execute(f"DELETE FROM {DOCS_TABLE}")
    conn.execute(f"DROP TABLE {FTS_TABLE}")
    conn.execute(ddl[0])
    count = _fill(conn)
    if optimize:
        optimize_index(conn)
    return count


def refresh_index(target: Any) -> tuple[int, int]:
    """Bring the index in step with the articles table: (re)index changed, drop stale.

    A safety net for writes that bypassed `index_article` (older versions, manual edits);
    returns (indexed, dropped): changed articles count in both.
    """
    conn = raw_connection(target)
    stale = [
        row[0]
        for row in conn.execute(
            f"SELECT d.article_id FROM {DOCS_TABLE} AS d LEFT JOIN articles AS a "
            f"ON a.id = d.article_id WHERE a.id IS NULL OR NOT ({_QUALIFIES}) "
            "OR d.indexed_updated_at IS NOT a.updated_at"
        )
    ]
    for article_id in stale:
        remove_article(conn, article_id)
    return _fill(conn), len(stale)


def optimize_index(target: Any) -> None:
    """Merge the FTS5 segments into one (after a bulk import): faster queries afterwards."""
    conn = raw_connection(target)
    conn.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('optimize')")


def indexed_count(target: Any) -> int:
    """How many articles the index holds."""
    conn = raw_connection(target)
    return int(conn.execute(f"SELECT count(*) FROM {DOCS_TABLE}").fetchone()[0])
