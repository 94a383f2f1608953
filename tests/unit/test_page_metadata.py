"""The page head's metadata (issue 16), read as crawlers read it: extruct parses the page, the
schema.org vocabulary checks the NewsArticle, the Open Graph and Twitter tags say what a link
card shows. The preview's head is the published page's."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from metadata_check import news_article, open_graph, schema_errors

from workstation.domain.article import Article
from workstation.domain.preferences import Preferences
from workstation.domain.validation import distribution_problems
from workstation.render import render_page

PREFS = Preferences(site_name="Health Policy Weekly", site_url="https://hpw.example")
WHEN = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
SECRET = "The unpublished dosing schedule was 40 mg twice daily."


def _story(**changes: object) -> Article:
    article = Article(
        id="8f1c1b9e-4d0c-4a8e-9d6e-0f2b6f1d2c3a",
        headline="Retire-and-return scheme brings back 300 midwives",
        standfirst="Trusts say the scheme eased rota gaps in six months.",
        body=f"Opening paragraph.\n\n{SECRET}",
        byline=("Amira Shah", "Tom Reed"),
        section="Workforce",
        tags=("Midwives", "Retention"),
        published_at=WHEN,
        updated_at=datetime(2026, 3, 4, 8, 0, tzinfo=UTC),
    )
    return article.with_changes(**changes)


def _head(html: str) -> dict[str, list[str]]:
    soup = BeautifulSoup(html, "html.parser")
    head = {}
    for tag in soup.head.select("[data-meta]"):  # type: ignore[union-attr]
        key = tag.get("property") or tag.get("name") or tag.get("rel") or tag.name
        head.setdefault(str(key), []).append(str(tag.get("content") or tag.get("href") or tag))
    return head


def test_the_vocabulary_check_can_fail() -> None:
    assert schema_errors({"@type": "NewsArticle", "headline": "x"}) == []
    assert schema_errors({"@type": "NewsArtikel"}) == ["$: unknown type NewsArtikel"]
    assert schema_errors({"@type": "Person", "articleSection": "x"}) == [
        "$: articleSection is not a property of Person"
    ]
    assert schema_errors({"@type": "NewsArticle", "hedline": "x"}) == [
        "$: unknown property hedline"
    ]


def test_the_news_article_is_schema_org_and_says_what_the_page_says() -> None:
    url = "https://hpw.example/2026/03/retire-and-return"
    html = render_page(_story(), PREFS, [], canonical=url)
    item = news_article(html, url)
    assert schema_errors(item) == []
    assert item["@type"] == "NewsArticle" and item["headline"] == _story().headline
    assert item["datePublished"] == WHEN.isoformat()
    assert item["dateModified"] == "2026-03-04T08:00:00+00:00"
    assert [(a["name"], a["url"]) for a in item["author"]] == [
        ("Amira Shah", "https://hpw.example/author/amira-shah"),
        ("Tom Reed", "https://hpw.example/author/tom-reed"),
    ]
    assert item["publisher"] == {
        "@type": "Organization",
        "name": "Health Policy Weekly",
        "url": "https://hpw.example/",
    }
    assert item["articleSection"] == "Workforce" and item["keywords"] == "Midwives, Retention"
    assert item["isAccessibleForFree"] is True and "hasPart" not in item
    assert item["mainEntityOfPage"]["@id"] == url and "image" not in item  # no hero yet (#13)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("link[rel=canonical]")["href"] == url  # type: ignore[index]


def test_open_graph_and_twitter_describe_the_story_by_its_standfirst() -> None:
    url = "https://hpw.example/2026/03/retire-and-return"
    html = render_page(_story(), PREFS, [], canonical=url)
    og = open_graph(html, url)
    assert og["og:type"] == ["article"] and og["og:url"] == [url]
    assert og["og:title"] == [_story().headline]
    assert og["og:description"] == [_story().standfirst]
    assert og["article:published_time"] == [WHEN.isoformat()]
    assert og["article:section"] == ["Workforce"]
    assert og["article:tag"] == ["Midwives", "Retention"]
    assert og["article:author"] == [
        "https://hpw.example/author/amira-shah",
        "https://hpw.example/author/tom-reed",
    ]
    head = _head(html)
    assert head["twitter:card"] == ["summary"]
    assert head["twitter:description"] == [_story().standfirst]
    assert head["description"] == [_story().standfirst]


def test_a_long_headline_is_cut_for_search_at_a_word() -> None:
    headline = "Ministers " + "promise a review of the way community pharmacies are paid " * 2
    item = news_article(render_page(_story(headline=headline), PREFS, []), "https://hpw.example")
    assert len(item["headline"]) <= 110 and item["headline"].endswith("…")
    assert headline.startswith(item["headline"][:-1])


def test_a_gated_story_is_paywall_markup_not_a_cloak() -> None:
    html = render_page(_story(gate=True), PREFS, [])
    item = news_article(html, "https://hpw.example")
    assert schema_errors(item) == []
    assert item["isAccessibleForFree"] is False
    part = item["hasPart"]
    assert part["@type"] == "WebPageElement" and part["isAccessibleForFree"] is False
    soup = BeautifulSoup(html, "html.parser")
    gated = soup.select(part["cssSelector"])
    assert len(gated) == 1 and SECRET in gated[0].get_text()  # the same page for everyone
    assert soup.select_one(".gate .gate-confirm").get_text() == "I am a healthcare professional"  # type: ignore[union-attr]
    head = " ".join(v for values in _head(html).values() for v in values)
    assert SECRET not in head and "40 mg" not in head


def test_the_section_default_gates_a_story_that_says_nothing() -> None:
    prefs = Preferences(site_url="https://hpw.example", professional_sections="Prescribing")
    gated = news_article(render_page(_story(section="Prescribing"), prefs, []), "https://x")
    assert gated["isAccessibleForFree"] is False
    opened = _story(section="Prescribing", gate=False)
    assert news_article(render_page(opened, prefs, []), "https://x")["isAccessibleForFree"]
    site_wide = Preferences(site_url="https://hpw.example", professionals_only=True)
    assert not news_article(render_page(_story(), site_wide, []), "https://x")[
        "isAccessibleForFree"
    ]


def test_a_sponsored_story_is_labelled_and_names_its_sponsor() -> None:
    html = render_page(_story(sponsor="Northwind Pharma"), PREFS, [])
    soup = BeautifulSoup(html, "html.parser")
    label = soup.select_one("[data-region=header] .sponsored-label")
    assert label is not None and label.get_text() == "Sponsored by Northwind Pharma"
    item = news_article(html, "https://hpw.example")
    assert item["sponsor"] == {"@type": "Organization", "name": "Northwind Pharma"}
    assert schema_errors(item) == []


def test_the_preview_shows_the_published_head() -> None:
    story = _story(gate=True, sponsor="Northwind Pharma")
    assert _head(render_page(story, PREFS, [], for_preview=True)) == _head(
        render_page(story, PREFS, [])
    )


@pytest.mark.parametrize(
    ("changes", "prefs", "fields"),
    [
        ({}, PREFS, []),
        ({"headline": "x" * 111}, PREFS, ["headline"]),
        ({"headline": "x" * 121}, PREFS, []),  # that one is readiness's: too long to publish
        ({"gate": False, "section": "Prescribing"},
         Preferences(professional_sections="prescribing"), ["audience"]),
        ({"gate": True}, PREFS, ["audience"]),
        ({"gate": True}, Preferences(professionals_only=True), []),
        ({"gate": None, "section": "Prescribing"},
         Preferences(professional_sections="Prescribing"), []),
    ],
)  # fmt: skip
def test_checklist_warnings_for_search_and_audience(
    changes: dict[str, object], prefs: Preferences, fields: list[str]
) -> None:
    problems = distribution_problems(_story(**changes), prefs)
    assert [p.field for p in problems] == fields
    assert all(p.overridable for p in problems)
