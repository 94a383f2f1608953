"""Is an article ready to publish? Every problem found, not just the first."""

from __future__ import annotations

from dataclasses import dataclass

from workstation.domain.article import Article, slugify

HEADLINE_MAX = 120
STANDFIRST_MAX = 400


@dataclass(frozen=True)
class Problem:
    """One reason an article is not ready: which field, and what to do about it.

    `overridable` problems (house-style errors) may be published over with a note; the others
    (a missing headline, an empty body) may not.
    """

    field: str
    message: str
    overridable: bool = False


def readiness_problems(article: Article) -> list[Problem]:
    """All problems that stop `article` from being published, in page order."""
    problems: list[Problem] = []
    headline = article.headline.strip()
    if not headline:
        problems.append(Problem("headline", "Write a headline."))
    elif len(headline) > HEADLINE_MAX:
        problems.append(
            Problem("headline", f"Shorten the headline to {HEADLINE_MAX} characters or fewer.")
        )
    if headline.endswith("."):
        problems.append(Problem("headline", "A headline takes no full stop."))
    if not [name for name in article.byline if name.strip()]:
        problems.append(Problem("byline", "Add a byline (a name or a desk, e.g. Staff reporter)."))
    if not article.standfirst.strip():
        problems.append(Problem("standfirst", "Write a standfirst: one or two sentences."))
    elif len(article.standfirst) > STANDFIRST_MAX:
        problems.append(
            Problem("standfirst", f"Cut the standfirst to {STANDFIRST_MAX} characters or fewer.")
        )
    if not article.section.strip():
        problems.append(Problem("section", "Choose a section."))
    if not article.body.strip():
        problems.append(Problem("body", "The body is empty."))
    if article.slug and article.slug != slugify(article.slug):
        problems.append(
            Problem("slug", "The slug may hold only lower-case letters, digits and hyphens.")
        )
    if article.id in article.related:
        problems.append(Problem("related", "An article cannot be related to itself."))
    if len(set(article.related)) != len(article.related):
        problems.append(Problem("related", "A related article is listed twice."))
    return problems
