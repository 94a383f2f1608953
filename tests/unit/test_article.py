"""Domain: slugs, word counts, readiness."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workstation.domain.article import Article, new_id, reading_minutes, slugify, word_count
from workstation.domain.validation import readiness_problems


def test_slug_is_ascii_lowercase_hyphenated() -> None:
    assert slugify("Every trust board must publish its equality data, regulator says") == (
        "every-trust-board-must-publish-its-equality-data-regulator-says"
    )
    assert (
        slugify("Paediatric A&E: 12% more visits") == "paediatric-a-and-e-12-per-cent-more-visits"
    )
    assert slugify("Café ‘quoted’ — naïve") == "cafe-quoted-naive"
    assert slugify("!!!") == "untitled"


@given(st.text(max_size=300))
def test_slug_always_valid(text: str) -> None:
    slug = slugify(text)
    assert 0 < len(slug) <= 80
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in slug)
    assert slug == slug.lower()
    assert not slug.startswith("-") and not slug.endswith("-")
    assert slugify(slug) == slug


def test_word_count_ignores_markdown_and_urls() -> None:
    text = "# Heading\n\nThe **NHS** said [a survey](https://example.org/x) found don’t.\n"
    assert word_count(text) == 8
    assert reading_minutes("") == 0
    assert reading_minutes("word " * 460) == 2


def test_readiness_lists_every_problem() -> None:
    article = Article(id=new_id(), headline="A headline.", related=("x", "x"))
    fields = [p.field for p in readiness_problems(article)]
    assert fields == ["headline", "byline", "standfirst", "section", "body", "related"]


def test_ready_article_has_no_problems() -> None:
    article = Article(
        id=new_id(),
        headline="Every trust must publish equality data, regulator says",
        standfirst="Boards have until April.",
        byline=("Staff reporter",),
        section="Workforce",
        body="Text.",
    )
    assert readiness_problems(article) == []
