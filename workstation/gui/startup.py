"""The jobs the window runs on the database thread at start-up and when switching articles."""

from __future__ import annotations

from dataclasses import dataclass

from workstation.domain.article import Article, Origin, RelatedLink, Status
from workstation.paths import DataDir
from workstation.store.db import Database
from workstation.store.repository import ArticleRepository, ArticleSummary
from workstation.usecases.articles import last_open_article, list_articles
from workstation.usecases.demo import load_demo_on_first_run
from workstation.usecases.workspace import Workspace, open_workspace


@dataclass(frozen=True)
class Opened:
    """What the window needs after the data dir is open."""

    workspace: Workspace
    article: Article | None
    demo_loaded: int


def open_data_dir(data: DataDir) -> Opened:
    """Open and migrate the store, load the demo archive on first run, find the last article."""
    workspace = open_workspace(data)
    demo_loaded = load_demo_on_first_run(workspace.db)
    return Opened(workspace, last_open_article(workspace.db), demo_loaded)


def fetch_list(
    db: Database, status: Status | None, search: str, origin: Origin | None = None
) -> list[ArticleSummary]:
    return list_articles(db, status, search, origin)


def related_links(db: Database, ids: tuple[str, ...], site_url: str) -> list[RelatedLink]:
    """The related block's entries for the preview, in the chosen order; unknown ids skipped."""
    links: list[RelatedLink] = []
    with db.session() as session:
        repo = ArticleRepository(session)
        for article_id in ids:
            found = repo.find(article_id)
            if found is None:
                continue
            when = found.published_at
            path = f"/{when:%Y/%m}/{found.effective_slug}" if when else f"/draft/{found.id}"
            links.append(
                RelatedLink(found.id, found.headline, found.standfirst, when, site_url + path)
            )
    return links
