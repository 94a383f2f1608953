"""What changed in a draft: since a revision, or since I last looked."""

from __future__ import annotations

from workstation.domain.article import Revision
from workstation.domain.diff import Row, Run, side_by_side, word_diff
from workstation.store.db import Database
from workstation.store.repository import ArticleRepository, NotFound
from workstation.usecases.articles import UseCaseError, article_by_ref
from workstation.usecases.review.target import target_in, user_in


def changes_since(db: Database, ref: str, revision_id: int) -> tuple[list[Run], list[Row]]:
    """What changed in the body since that revision: inline runs and side-by-side rows."""
    with db.session() as session:
        article = article_by_ref(session, ref)
        try:
            old = ArticleRepository(session).revision(revision_id)
        except NotFound as exc:
            raise UseCaseError(str(exc)) from None
    return word_diff(old.article.body, article.body), side_by_side(old.article.body, article.body)


def last_looked(db: Database, ref: str, target: str | None = None) -> Revision | None:
    """The revision to diff against for "what changed since I last looked": the newest one of
    ours taken before the newest change by someone else (None: nobody else changed it)."""
    with db.session() as session:
        article = article_by_ref(session, ref)
        try:
            me = user_in(session, target_in(session, target))
        except UseCaseError:
            me = ""
        revisions = ArticleRepository(session).revisions(article.id)
    ours = {me, ""}
    seen_other = False
    for revision in revisions:  # newest first
        if revision.author not in ours:
            seen_other = True
        elif seen_other:
            return revision
    return None
