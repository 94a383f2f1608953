"""Article jobs: create, save the working copy, revisions, import and export, list and show."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from workstation.article_writer import write_article, write_with_revision
from workstation.domain import frontmatter
from workstation.domain.article import (
    Article,
    ArticleSummary,
    Origin,
    Revision,
    Status,
    new_id,
    now_utc,
    slugify,
)
from workstation.domain.revisions import RevisionReason, restored_reason, status_reason
from workstation.store.db import Database
from workstation.store.repository import ArticleRepository, NotFound

LAST_OPEN_KEY = "last_open_article"


class UseCaseError(Exception):
    """A request that cannot be carried out; the message is for the user."""


@dataclass(frozen=True)
class ImportProblem:
    """Why one file of an import cannot be taken."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ImportFailed(UseCaseError):
    """One or more files could not be imported; nothing of that import was written."""

    def __init__(self, problems: Sequence[ImportProblem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = tuple(problems)


def create_article(
    db: Database,
    headline: str,
    standfirst: str = "",
    byline: Sequence[str] = (),
    body: str = "",
    section: str = "",
) -> Article:
    """A new local draft, saved with a first revision."""
    if not headline.strip():
        raise UseCaseError("a headline is needed")
    article = Article(
        id=new_id(),
        headline=headline.strip(),
        standfirst=standfirst,
        byline=tuple(name for name in byline if name.strip()),
        body=body,
        section=section,
    )
    with db.session() as session:
        write_with_revision(session, article, RevisionReason.CREATED)
    return article


def get_article(db: Database, article_id: str) -> Article:
    """The article with this id or unique id prefix."""
    with db.session() as session:
        return article_by_ref(session, article_id)


def article_by_ref(session: Session, ref: str) -> Article:
    """Within a use case's unit of work: the article with this id or unique id prefix
    (UseCaseError, with the store's words, when there is none or the prefix is ambiguous)."""
    repo = ArticleRepository(session)
    try:
        return repo.get(repo.resolve_id(ref))
    except NotFound as exc:
        raise UseCaseError(str(exc)) from None


def list_articles(
    db: Database, status: Status | None = None, search: str = "", origin: Origin | None = None
) -> list[ArticleSummary]:
    with db.session() as session:
        return ArticleRepository(session).summaries(status, search, origin)


def save_working_copy(db: Database, article: Article) -> Article:
    """Store what the editor shows now (autosave); no revision. Returns what was stored."""
    stored = article.with_changes(updated_at=now_utc())
    with db.session() as session:
        write_article(session, stored)
        ArticleRepository(session).set_state(LAST_OPEN_KEY, stored.id)
    return stored


def save_revision(db: Database, article: Article, reason: str, author: str = "") -> Revision:
    """Store the working copy and an immutable snapshot of it, in one transaction."""
    stored = article.with_changes(updated_at=now_utc())
    with db.session() as session:
        return write_with_revision(session, stored, reason, author)


def change_status(db: Database, article_id: str, status: Status, author: str = "") -> Article:
    """Move an article to another status, with a revision recording the move."""
    with db.session() as session:
        repo = ArticleRepository(session)
        article = repo.get(article_id).with_changes(status=status, updated_at=now_utc())
        write_with_revision(session, article, status_reason(status), author)
    return article


def list_revisions(db: Database, article_id: str) -> list[Revision]:
    with db.session() as session:
        return ArticleRepository(session).revisions(article_id)


def restore_revision(db: Database, revision_id: int, author: str = "") -> Article:
    """Make an earlier snapshot the working copy again; the current text is kept as a revision."""
    with db.session() as session:
        repo = ArticleRepository(session)
        revision = repo.revision(revision_id)
        current = repo.get(revision.article_id)
        repo.add_revision(current, RevisionReason.BEFORE_RESTORE, author)
        restored = revision.article.with_changes(
            status=current.status, published_at=current.published_at, updated_at=now_utc()
        )
        write_with_revision(session, restored, restored_reason(revision_id), author)
    return restored


def last_open_article(db: Database) -> Article | None:
    """The article open when the app last closed, else the newest local one, else the newest."""
    with db.session() as session:
        repo = ArticleRepository(session)
        last = repo.get_state(LAST_OPEN_KEY)
        if last:
            found = repo.find(last)
            if found is not None:
                return found
        summaries = repo.summaries(origin=Origin.LOCAL) or repo.summaries()
        return repo.get(summaries[0].id) if summaries else None


def remember_open_article(db: Database, article_id: str) -> None:
    with db.session() as session:
        ArticleRepository(session).set_state(LAST_OPEN_KEY, article_id)


def read_article_files(paths: Sequence[Path]) -> list[tuple[Path, frontmatter.Parsed]]:
    """Read and check every file; raise ImportFailed listing every bad one."""
    documents: list[tuple[Path, bytes]] = []
    problems: list[ImportProblem] = []
    for path in paths:
        try:
            documents.append((path, path.read_bytes()))
        except OSError as exc:
            problems.append(ImportProblem(path, exc.strerror or str(exc)))
    if problems:
        raise ImportFailed(problems)
    return parse_documents(documents)


def parse_documents(
    documents: Sequence[tuple[Path, bytes]],
) -> list[tuple[Path, frontmatter.Parsed]]:
    """Check every (name, bytes) document; raise ImportFailed listing every bad one."""
    parsed: list[tuple[Path, frontmatter.Parsed]] = []
    problems: list[ImportProblem] = []
    for name, data in documents:
        try:
            parsed.append((name, frontmatter.parse(frontmatter.decode(data))))
        except frontmatter.FrontMatterError as exc:
            problems.append(ImportProblem(name, str(exc)))
    if problems:
        raise ImportFailed(problems)
    return parsed


def import_files(db: Database, paths: Sequence[Path], origin: Origin = Origin.LOCAL) -> list[str]:
    """Import front-matter Markdown files, all or nothing. An existing id updates that article.
    Pictures beside a file (an export's `<name>-pictures/`) go into the media library."""
    from workstation.usecases import media

    parsed = read_article_files(paths)
    try:
        with_pictures = [
            (path, dataclasses.replace(item, body=media.import_pictures(db, path, item.body)))
            for path, item in parsed
        ]
    except media.MediaError as exc:
        raise ImportFailed([ImportProblem(parsed[0][0], str(exc))]) from None
    return import_parsed(db, with_pictures, origin)


def import_parsed(
    db: Database, parsed: Sequence[tuple[Path, frontmatter.Parsed]], origin: Origin = Origin.LOCAL
) -> list[str]:
    """Store checked documents in one transaction; an existing id updates that article."""
    ids_in_call = [p.fields["id"] for _, p in parsed if "id" in p.fields]
    if len(set(ids_in_call)) != len(ids_in_call):
        raise ImportFailed([ImportProblem(parsed[0][0], "two files in this import share one id")])
    ids: list[str] = []
    with db.session() as session:
        repo = ArticleRepository(session)
        for _path, item in parsed:
            existing = repo.find(item.fields["id"]) if "id" in item.fields else None
            article = frontmatter.to_article(item, existing)
            if existing is None:
                article = article.with_changes(origin=origin)
            if not article.slug:
                article = article.with_changes(slug=slugify(article.headline))
            write_with_revision(
                session,
                article,
                RevisionReason.IMPORTED if existing is None else RevisionReason.IMPORT_UPDATE,
            )
            ids.append(article.id)
    return ids


def export_article(db: Database, article_id: str) -> str:
    """The article as front-matter Markdown."""
    return frontmatter.dump(get_article(db, article_id))


def summary_as_json(summary: ArticleSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "headline": summary.headline,
        "status": summary.status.value,
        "origin": summary.origin.value,
        "section": summary.section,
        "updated_at": summary.updated_at.isoformat(),
    }
