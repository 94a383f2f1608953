"""Render an article's page (by id or from a front-matter file) as readers will get it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workstation.domain import frontmatter
from workstation.domain.article import Article
from workstation.domain.preferences import Preferences
from workstation.render import render_page
from workstation.store.repository import ArticleRepository, NotFound
from workstation.usecases import page_context
from workstation.usecases.workspace import Workspace


class RenderError(Exception):
    """The article cannot be found or read; the message is for the user."""


@dataclass(frozen=True)
class RenderedArticle:
    """A page and the article it came from, plus related ids that could not be found."""

    article: Article
    html: str
    missing_related: tuple[str, ...] = ()


def load_article(workspace: Workspace, ref: str) -> Article:
    """An article from the store (id or unique prefix) or from a front-matter .md file."""
    path = Path(ref)
    if ref.endswith(".md") or path.is_file():
        try:
            text = frontmatter.decode(path.read_bytes())
            return frontmatter.to_article(frontmatter.parse(text))
        except OSError as exc:
            raise RenderError(f"cannot read {ref}: {exc.strerror}") from None
        except frontmatter.FrontMatterError as exc:
            raise RenderError(f"{ref}: {exc}") from None
    with workspace.db.session() as session:
        repo = ArticleRepository(session)
        try:
            return repo.get(repo.resolve_id(ref))
        except NotFound as exc:
            raise RenderError(str(exc)) from None


def render_article(
    workspace: Workspace, ref: str, prefs: Preferences | None = None
) -> RenderedArticle:
    """The published page of `ref`, with the workspace's site settings and related articles."""
    prefs = prefs or workspace.prefs
    article = load_article(workspace, ref)
    links, missing = page_context.related_links(workspace.db, article.related)
    html = render_page(article, prefs, links)
    return RenderedArticle(article, html, tuple(missing))
