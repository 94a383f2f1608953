"""Related articles: suggestions for a draft, archive search, keeping the archive index current."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from workstation.domain import frontmatter
from workstation.domain.article import Article
from workstation.related.index import (
    index_article,
    indexed_count,
    rebuild_index,
    refresh_index,
    remove_article,
)
from workstation.related.ranking import ArchiveHit, RankingSettings
from workstation.related.search import ArchiveSearcher
from workstation.related.semantic import Embedder, embed_missing, load_embedder, store_vectors
from workstation.store.db import Database
from workstation.usecases.articles import UseCaseError, get_article

__all__ = [
    "ArchiveHit",
    "RelatedFinder",
    "article_from_file",
    "database_path",
    "embed_archive",
    "index_article",
    "load_embedder",
    "rebuild_archive_index",
    "refresh_archive_index",
    "remove_article",
    "save_vectors",
    "search_archive",
    "suggest_related",
]


def database_path(db: Database) -> Path:
    """The file behind the local database (queries read it over their own connection)."""
    name = db.engine.url.database
    if not name or name == ":memory:":
        raise UseCaseError("related articles need a database file")
    return Path(name)


def refresh_archive_index(db: Database) -> tuple[int, int]:
    """Index archive stories saved without the index (and drop stale ones): (indexed, dropped)."""
    with db.session() as session:
        return refresh_index(session)


def rebuild_archive_index(db: Database) -> int:
    """Rebuild the whole index from the articles; returns how many stories it holds."""
    with db.session() as session:
        return rebuild_index(session)


def archive_size(db: Database) -> int:
    with db.session() as session:
        return indexed_count(session)


class RelatedFinder:
    """Suggestions and search over one database, on a read-only connection of its own.

    Opened on first use from whichever thread asks (a pool worker in the GUI); thread-safe.
    WAL lets it read while the database thread writes, so typing never waits for a save.
    """

    def __init__(
        self,
        path: Path,
        settings: RankingSettings | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        self.path = path
        self.settings = settings
        self.embedder = embedder
        self._searcher: ArchiveSearcher | None = None
        self._lock = threading.Lock()

    def _open(self) -> ArchiveSearcher:
        with self._lock:
            if self._searcher is None:
                self._searcher = ArchiveSearcher.open(self.path, self.settings, self.embedder)
            return self._searcher

    def suggest(
        self, article: Article, k: int = 5, exclude: Iterable[str] | None = None
    ) -> list[ArchiveHit]:
        """The k best archive stories for the draft, leaving out itself and its picks."""
        picked = article.related if exclude is None else tuple(exclude)
        return self._open().suggest(article, k=k, exclude=picked)

    def search(self, text: str, limit: int = 20) -> list[ArchiveHit]:
        """Archive stories matching the words typed, best first."""
        return self._open().search(text, limit=limit)

    def use_embedder(self, embedder: Embedder) -> None:
        """Re-rank with this embedding model from now on (the semantic extra)."""
        self.embedder = embedder
        self._open().embedder = embedder

    def missing_vectors(self, limit: int = 64) -> list[tuple[int, bytes]]:
        """Embeddings for up to `limit` stories without one (a worker job; slow)."""
        return self._open().missing_vectors(limit)

    def warm(self) -> int:
        """Read term statistics ahead (seconds on a large archive): run on a worker at start."""
        return self._open().warm()

    def describe(self, article_ids: Iterable[str]) -> list[ArchiveHit]:
        """Headline, date and standfirst of picked stories (those still in the archive)."""
        return self._open().describe(article_ids)

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None

    def __enter__(self) -> RelatedFinder:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def suggest_related(
    db: Database,
    article: Article,
    k: int = 5,
    exclude: Iterable[str] | None = None,
    semantic: bool = False,
) -> list[ArchiveHit]:
    """Ranked suggestions for an article (saved or not), with the index brought up to date.

    `semantic` re-ranks with the embedding model of the semantic extra (embedding any story
    not embedded yet first); UseCaseError when the extra is not installed.
    """
    refresh_archive_index(db)
    embedder = None
    if semantic:
        embedder = semantic_model()
        embed_archive(db, embedder)
    with RelatedFinder(database_path(db), embedder=embedder) as finder:
        return finder.suggest(article, k=k, exclude=exclude)


def semantic_model() -> Embedder:
    """The semantic extra's embedding model, or a UseCaseError saying how to install it."""
    embedder = load_embedder()
    if embedder is None:
        raise UseCaseError(
            "semantic re-ranking needs the semantic extra: pip install 'editorial-workstation"
            "[semantic]'"
        )
    return embedder


def save_vectors(db: Database, model: str, vectors: list[tuple[int, bytes]]) -> int:
    """Store embeddings computed on a worker (a database-thread job)."""
    with db.session() as session:
        return store_vectors(session, model, vectors)


def embed_archive(db: Database, embedder: Embedder, batch: int = 256) -> int:
    """Store an embedding for every archive story that lacks one; returns how many were added."""
    added = 0
    while True:
        with db.session() as session:
            done = embed_missing(session, embedder, batch)
        if not done:
            return added
        added += done


def search_archive(db: Database, text: str, limit: int = 20) -> list[ArchiveHit]:
    """Free-text search over the whole archive."""
    refresh_archive_index(db)
    with RelatedFinder(database_path(db)) as finder:
        return finder.search(text, limit=limit)


def article_from_file(path: Path) -> Article:
    """An article read from a front-matter Markdown file, not saved anywhere."""
    try:
        parsed = frontmatter.parse(frontmatter.decode(path.read_bytes()))
    except frontmatter.FrontMatterError as exc:
        raise UseCaseError(f"{path}: {exc}") from None
    except OSError as exc:
        raise UseCaseError(f"cannot read {path}: {exc.strerror}") from None
    return frontmatter.to_article(parsed)


def article_for(db: Database, id_or_file: str) -> Article:
    """The article an id (or unique prefix) names, or the one in a .md file."""
    path = Path(id_or_file)
    if id_or_file.endswith(".md") or path.is_file():
        return article_from_file(path)
    return get_article(db, id_or_file)
