"""Archive import: a folder of front-matter Markdown files or a WordPress export, indexed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from workstation.article_writer import write_article
from workstation.domain import frontmatter
from workstation.domain.article import Article, Origin, Status, slugify
from workstation.related.index import indexed_count, optimize_index
from workstation.related.wxr import WxrError, looks_like_wxr, read_wxr
from workstation.store.db import Database
from workstation.store.repository import ArticleRepository
from workstation.usecases.articles import UseCaseError, read_article_files

BATCH = 500  # stories per transaction: big enough to be quick, small enough to stay responsive
OPTIMIZE_AFTER = 200  # merging FTS5 segments pays off after a bulk import


@dataclass(frozen=True)
class ArchiveImport:
    """What an archive import did."""

    added: int
    updated: int
    skipped: int
    indexed_total: int
    ids: tuple[str, ...]


def markdown_files(folder: Path) -> list[Path]:
    """Front-matter Markdown files in a folder and its subfolders, in name order."""
    return sorted(p for p in folder.rglob("*.md") if p.is_file() and p.name != "README.md")


def archive_articles_from_markdown(paths: list[Path]) -> list[Article]:
    """Parse every file (all or nothing) into archive articles: published unless they say so."""
    articles = []
    for _path, parsed in read_article_files(paths):
        article = frontmatter.to_article(parsed)
        if "status" not in parsed.fields:
            article = article.with_changes(status=Status.PUBLISHED)
        if article.published_at is None and article.status is Status.PUBLISHED:
            article = article.with_changes(published_at=article.updated_at)
        articles.append(article.with_changes(origin=Origin.ARCHIVE))
    return articles


def save_archive_articles(db: Database, articles: Iterable[Article]) -> tuple[int, int, list[str]]:
    """Insert or update archive stories and their index entries, in batches of transactions.

    An existing article keeps its related picks (an export seldom carries them).
    """
    added = updated = 0
    ids: list[str] = []
    batch: list[Article] = []

    def flush() -> None:
        nonlocal added, updated
        with db.session() as session:
            repo = ArticleRepository(session)
            for article in batch:
                existing = repo.find(article.id)
                if existing is None:
                    added += 1
                else:
                    updated += 1
                    if not article.related and existing.related:
                        article = article.with_changes(related=existing.related)
                if not article.slug:
                    article = article.with_changes(slug=slugify(article.headline))
                write_article(session, article)
        batch.clear()

    for article in articles:
        batch.append(article)
        ids.append(article.id)
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    return added, updated, ids


def import_archive(db: Database, path: Path) -> ArchiveImport:
    """Import a folder of Markdown files, one Markdown file, or a WordPress export (WXR)."""
    skipped = 0
    if path.is_dir():
        files = markdown_files(path)
        if not files:
            raise UseCaseError(f"no .md files in {path}")
        articles = archive_articles_from_markdown(files)
    elif not path.exists():
        raise UseCaseError(f"{path} does not exist")
    elif path.suffix.lower() == ".xml" or looks_like_wxr(path):
        try:
            result = read_wxr(path)
        except WxrError as exc:
            raise UseCaseError(f"{path}: {exc}") from None
        except OSError as exc:
            raise UseCaseError(f"cannot read {path}: {exc.strerror}") from None
        articles, skipped = result.articles, result.skipped
    else:
        articles = archive_articles_from_markdown([path])
    added, updated, ids = save_archive_articles(db, articles)
    with db.session() as session:
        if added + updated >= OPTIMIZE_AFTER:
            optimize_index(session)
        total = indexed_count(session)
    return ArchiveImport(added, updated, skipped, total, tuple(ids))


def import_from_site(db: Database, account_name: str) -> ArchiveImport:
    """Pull the published posts of a WordPress account's site into the archive (for related
    articles). Posts this workstation published are its own stories already: left out."""
    from workstation.publish.errors import PublishError
    from workstation.publish.wordpress import META_ARTICLE, WordPressTarget
    from workstation.related.wxr import article_from_post
    from workstation.usecases.publishing import target_factory

    try:
        target = target_factory(db)(account_name)
    except PublishError as exc:
        raise UseCaseError(str(exc)) from None
    try:
        if not isinstance(target, WordPressTarget):
            raise UseCaseError(f"{account_name} is not a WordPress site: nothing to pull from")
        articles, skipped = [], 0
        with db.session() as session:
            repo = ArticleRepository(session)
            for post in target.published_posts():
                ours = str((post.get("meta") or {}).get(META_ARTICLE) or "")
                article = article_from_post(post, target.site_url)
                if article is None or (ours and repo.find(ours) is not None):
                    skipped += 1
                    continue
                articles.append(article)
    except PublishError as exc:
        raise UseCaseError(f"cannot read the posts of {account_name}: {exc}") from None
    finally:
        target.close()
    added, updated, ids = save_archive_articles(db, articles)
    with db.session() as session:
        if added + updated >= OPTIMIZE_AFTER:
            optimize_index(session)
        total = indexed_count(session)
    return ArchiveImport(added, updated, skipped, total, tuple(ids))
