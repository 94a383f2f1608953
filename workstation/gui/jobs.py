"""Jobs the window runs on the database thread.

Use cases are imported inside each job, so the GUI thread never pays for importing
SQLAlchemy and Alembic before the window is painted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workstation.domain.article import (
    Article,
    ArticleSummary,
    Origin,
    RelatedLink,
    Revision,
    Status,
)
from workstation.domain.publication import ArticleState
from workstation.paths import DataDir

if TYPE_CHECKING:
    from pathlib import Path

    from workstation.usecases.workspace import Database, Workspace


@dataclass(frozen=True)
class Opened:
    """What the window needs once the data dir is open."""

    workspace: Workspace
    article: Article | None
    demo_loaded: int


def peek_last_article(data: DataDir) -> Article | None:
    """The last open article read with the standard library only (the fast first paint)."""
    from workstation.usecases.startup import peek_last_article as peek

    return peek(data)


def open_data_dir(data: DataDir) -> Opened:
    """Open and migrate the store, load the demo archive on first run, find the last article."""
    from workstation.usecases.articles import last_open_article
    from workstation.usecases.demo import load_demo_on_first_run
    from workstation.usecases.workspace import open_workspace

    workspace = open_workspace(data)
    demo_loaded = load_demo_on_first_run(workspace.db)
    return Opened(workspace, last_open_article(workspace.db), demo_loaded)


def fetch_list(
    db: Database, status: Status | None, search: str, origin: Origin | None = None
) -> list[ArticleSummary]:
    from workstation.usecases.articles import list_articles

    return list_articles(db, status, search, origin)


def get_article(db: Database, article_id: str) -> Article:
    from workstation.usecases.articles import get_article as get

    return get(db, article_id)


def create_article(db: Database, headline: str) -> Article:
    from workstation.usecases.articles import create_article as create

    return create(db, headline)


def remember_open_article(db: Database, article_id: str) -> None:
    from workstation.usecases.articles import remember_open_article as remember

    remember(db, article_id)


def save_working_copy(db: Database, article: Article) -> Article:
    """Autosave: the user's edits; the status and publication stay as the store has them."""
    from workstation.usecases.article_state import save_edits

    return save_edits(db, article)


def save_revision(db: Database, article: Article, reason: str, author: str = "") -> Revision:
    from workstation.usecases.article_state import save_edits_revision

    return save_edits_revision(db, article, reason, author)


def change_status(db: Database, article: Article, status: Status) -> Article:
    """Save the edits and move the article to `status`, in one transaction."""
    from workstation.usecases.article_state import save_and_move

    return save_and_move(db, article, status)


def article_state(db: Database, article_id: str) -> ArticleState:
    from workstation.usecases.article_state import article_state as state

    return state(db, article_id)


def follow_scheduled(db: Database) -> list[str]:
    """Pool job (network): scheduled stories the site has since put live."""
    from workstation.usecases.article_state import follow_scheduled as follow

    return follow(db)


def list_revisions(db: Database, article_id: str) -> list[Revision]:
    from workstation.usecases.articles import list_revisions as revisions

    return revisions(db, article_id)


def restore_revision(db: Database, revision_id: int) -> Article:
    from workstation.usecases.articles import restore_revision as restore

    return restore(db, revision_id)


def import_files(db: Database, paths: list[object]) -> list[str]:
    from pathlib import Path

    from workstation.usecases.articles import import_files as do_import

    return do_import(db, [Path(str(p)) for p in paths])


def related_links(db: Database, ids: tuple[str, ...]) -> list[RelatedLink]:
    """The related block's entries for the preview, in the chosen order; unknown ids skipped.
    The same links the publish request sends (usecases.page_context)."""
    from workstation.usecases import page_context

    return page_context.related_links(db, ids)[0]


def export_file(db: Database, article: Article, target: Path) -> None:
    """The article as the window holds it, to `target`, its pictures beside it."""
    from workstation.domain.frontmatter import dump
    from workstation.usecases import media

    body, _pictures = media.export_pictures(db, article.body, target)
    target.write_text(dump(article.with_changes(body=body)), encoding="utf-8")
