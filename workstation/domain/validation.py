"""Is an article ready to publish? Every problem found, not just the first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from workstation.domain.article import Article, slugify
from workstation.domain.audience import section_default
from workstation.domain.media import MEDIA_IMAGE, MediaItem
from workstation.domain.preferences import Preferences

HEADLINE_MAX = 120
STANDFIRST_MAX = 400
SEARCH_HEADLINE_MAX = 110
"""What search results and the page's JSON-LD headline show in full."""


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
        problems.append(
            Problem(
                "standfirst",
                "Write a standfirst: one or two sentences. It is the description search "
                "results and link previews show.",
            )
        )
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


def picture_problems(
    article: Article, hero: MediaItem | None, pictures: Mapping[str, MediaItem]
) -> list[Problem]:
    """Pictures not ready: alt text missing (unless "decorative" was chosen on purpose), or a
    body reference to a picture the library does not have. `pictures` holds those the body uses."""
    problems: list[Problem] = []
    if hero is not None and not hero.alt_settled:
        problems.append(
            Problem("hero", "Write alt text for the hero picture, or mark it decorative.")
        )
    for match in MEDIA_IMAGE.finditer(article.body):
        alt, sha = match.groups()
        item = pictures.get(sha)
        if item is None:
            if "media:" in match.group(0):  # a published URL is on the service already
                problems.append(Problem("body", f"A picture in the body ({sha[:12]}) is missing."))
        elif not alt.strip() and not item.alt_settled:
            name = item.caption or item.filename or sha[:12]
            problems.append(
                Problem("body", f"Write alt text for the picture {name}, or mark it decorative.")
            )
    return problems


def distribution_problems(article: Article, prefs: Preferences) -> list[Problem]:
    """How the story will look outside the site: a publisher may go ahead with a note."""
    problems: list[Problem] = []
    headline = " ".join(article.headline.split())
    if SEARCH_HEADLINE_MAX < len(headline) <= HEADLINE_MAX:
        problems.append(
            Problem(
                "headline",
                f"Search results cut headlines after {SEARCH_HEADLINE_MAX} characters; this "
                f"one has {len(headline)}.",
                overridable=True,
            )
        )
    default = section_default(article, prefs)
    if article.gate is not None and article.gate != default:
        where = f"the {article.section} section" if article.section.strip() else "the site"
        said = "health professionals only" if article.gate else "open to everyone"
        usual = "health professionals only" if default else "open to everyone"
        problems.append(
            Problem(
                "audience",
                f"This story is {said}, but stories in {where} are {usual}.",
                overridable=True,
            )
        )
    return problems
