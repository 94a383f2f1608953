"""The page readers get: anatomy in order, dates, British punctuation, acronyms, related block."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup, Tag

from workstation.domain.article import Article, RelatedLink
from workstation.domain.preferences import Preferences
from workstation.render import format_date, render_page, render_parts

PUBLISHED = datetime(2022, 11, 24, 9, 30, tzinfo=UTC)


def _article(**changes: object) -> Article:
    base = Article(
        id="a1",
        headline="Every trust board must publish its equality data, regulator says",
        standfirst="Trusts will have to show progress on race equality every year.",
        byline=("Health correspondent",),
        body=(
            'The regulator said boards "must do better" on the '
            "Workforce Race Equality Standard (WRES).\n\n"
            "It's the first time the WRES has been mandatory -- a change staff welcomed.\n"
        ),
        published_at=PUBLISHED,
        updated_at=PUBLISHED,
    )
    return base.with_changes(**changes)


RELATED = [
    RelatedLink(
        "r1",
        "Nursing workforce plan launched",
        "The plan sets out training places.",
        datetime(2022, 6, 14, 8, 0, tzinfo=UTC),
        "https://example.org/2022/06/nursing-workforce-plan-launched",
    ),
    RelatedLink("r2", "Board papers show deficit", "", datetime(2022, 2, 3, tzinfo=UTC), ""),
]


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _page(article: Article | None = None, prefs: Preferences | None = None) -> BeautifulSoup:
    return _soup(render_page(article or _article(), prefs or Preferences(), RELATED))


def _must(soup: BeautifulSoup | Tag, selector: str) -> Tag:
    found = soup.select_one(selector)
    assert found is not None, f"{selector} missing"
    return found


def test_anatomy_is_present_in_the_reference_order() -> None:
    soup = _page()
    selectors = [
        ".audience-notice",
        "h1.headline",
        ".byline",
        "time.published",
        ".standfirst",
        ".article-body p",
        ".newsletter",
        ".related",
    ]
    elements = [_must(soup, s) for s in selectors]
    order = {id(el): i for i, el in enumerate(soup.find_all(True))}
    positions = [order[id(el)] for el in elements]
    assert positions == sorted(positions), list(zip(selectors, positions, strict=True))


def test_header_fields_and_title() -> None:
    soup = _page()
    headline = "Every trust board must publish its equality data, regulator says"
    assert _must(soup, "h1.headline").get_text() == headline
    assert _must(soup, "title").get_text() == f"{headline} | Health Policy Weekly (demo)"
    assert _must(soup, ".byline").get_text() == "By Health correspondent"
    assert "Trusts will have to show progress" in _must(soup, ".standfirst").get_text()
    assert _must(soup, 'meta[name="description"]')["content"].startswith("Trusts will")


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (datetime(2022, 11, 24, 9, 30, tzinfo=UTC), "24 November 2022"),
        (datetime(2023, 3, 5, 12, 0, tzinfo=UTC), "5 March 2023"),
        # 23:30 UTC on 30 June is already 1 July in London (BST).
        (datetime(2024, 6, 30, 23, 30, tzinfo=UTC), "1 July 2024"),
    ],
)
def test_date_format_has_no_leading_zero_and_full_month(when: datetime, expected: str) -> None:
    assert format_date(when) == expected
    soup = _page(_article(published_at=when, updated_at=when))
    assert _must(soup, "time.published").get_text() == expected


def test_updated_date_shown_when_changed_after_publication() -> None:
    later = datetime(2022, 11, 25, 10, 0, tzinfo=UTC)
    soup = _page(_article(updated_at=later))
    assert _must(soup, ".updated").get_text(" ", strip=True) == "Updated 25 November 2022"
    assert _page().select_one(".updated") is None


def test_multiple_bylines_are_joined_in_english() -> None:
    soup = _page(_article(byline=("Ann Smith", "Bo Jones", "Staff reporter")))
    assert _must(soup, ".byline").get_text() == "By Ann Smith, Bo Jones and Staff reporter"


def test_british_quotes_apostrophes_and_dashes_from_straight_input() -> None:
    body = _must(_page(), ".article-body")
    text = body.get_text()
    assert "‘must do better’" in text
    assert "It’s the first time" in text
    assert "mandatory – a change" in text
    assert '"' not in text and "'" not in text
    single = _soup(render_page(_article(body="Wait --- then 'quoted' words."), Preferences(), []))
    assert "Wait — then ‘quoted’ words." in _must(single, ".article-body").get_text()


def test_acronym_spelled_out_at_first_use_is_marked_up_everywhere() -> None:
    abbrs = _must(_page(), ".article-body").find_all("abbr")
    assert [a.get_text() for a in abbrs] == ["WRES", "WRES"]
    assert {a["title"] for a in abbrs} == {"Workforce Race Equality Standard"}


def test_explicit_abbreviation_definition_wins() -> None:
    body = "The ICB met.\n\n*[ICB]: integrated care board\n"
    soup = _soup(render_page(_article(body=body), Preferences(), []))
    assert _must(soup, ".article-body abbr")["title"] == "integrated care board"


def test_related_block_links_headline_with_date_and_standfirst() -> None:
    items = _page().select(".related .related-item")
    assert len(items) == 2
    first = _must(items[0], "a.related-headline")
    assert first.get_text() == "Nursing workforce plan launched"
    assert first["href"] == "https://example.org/2022/06/nursing-workforce-plan-launched"
    assert _must(items[0], ".related-date").get_text() == "14 June 2022"
    assert "training places" in _must(items[0], ".related-standfirst").get_text()
    # No URL yet: the headline is shown, not linked; no empty standfirst paragraph.
    assert items[1].select_one("a") is None
    assert items[1].select_one(".related-standfirst") is None


def test_no_related_block_without_related_articles() -> None:
    soup = _soup(render_page(_article(), Preferences(), []))
    assert soup.select_one(".related") is None


@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        (None, "This site is intended for health professionals only"),
        ("For NHS managers", "For NHS managers"),
        ("", None),
    ],
)
def test_audience_notice_default_override_and_none(
    audience: str | None, expected: str | None
) -> None:
    notice = _page(_article(audience=audience)).select_one(".audience-notice")
    assert (notice.get_text() if notice else None) == expected


def test_site_settings_drive_notice_name_and_call_to_action() -> None:
    prefs = Preferences(
        site_name="Care Policy Daily",
        audience_notice="Professionals only",
        newsletter_text="Get the briefing",
        newsletter_link_text="Subscribe",
        newsletter_url="https://news.example/signup",
    )
    soup = _page(prefs=prefs)
    assert _must(soup, ".audience-notice").get_text() == "Professionals only"
    assert _must(soup, ".site-name").get_text() == "Care Policy Daily"
    assert _must(soup, ".newsletter-text").get_text() == "Get the briefing"
    form = _must(soup, "form.newsletter-form")
    assert form["method"] == "post"
    assert form["action"] == prefs.site_url + "/newsletter/subscribe"
    assert _must(form, "button[type=submit]").get_text() == "Subscribe"
    assert _must(form, "input[type=email]")["name"] == "email"


def test_newsletter_switched_off_per_article_and_unsafe_url_dropped() -> None:
    assert _page(_article(newsletter=False)).select_one(".newsletter") is None
    soup = _page(prefs=Preferences(site_url="javascript:alert(1)"))
    assert soup.select_one("form.newsletter-form") is None


def test_page_runs_only_its_own_script_under_a_strict_policy() -> None:
    import base64
    import hashlib

    soup = _page(_article(body="<script>alert(1)</script>\n\nText"))
    scripts = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
    assert len(scripts) == 1 and "alert" not in scripts[0].get_text()
    policy = _must(soup, 'meta[http-equiv="Content-Security-Policy"]')["content"]
    digest = base64.b64encode(hashlib.sha256(scripts[0].get_text().encode()).digest()).decode()
    assert "default-src 'none'" in policy
    assert f"script-src 'sha256-{digest}'" in policy and "unsafe-inline" not in policy


def test_headline_is_escaped_not_interpreted() -> None:
    soup = _page(_article(headline="<img src=x onerror=alert(1)> & more"))
    assert _must(soup, "h1.headline").get_text() == "<img src=x onerror=alert(1)> & more"
    assert soup.select_one("h1 img") is None


def test_preview_replaces_remote_images_and_embeds_with_placeholders() -> None:
    body = (
        "![Chart](https://example.org/chart.png)\n\n"
        '<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>\n'
    )
    article = _article(body=body)
    published = _soup(render_page(article, Preferences(), []))
    assert _must(published, ".article-body img")["src"] == "https://example.org/chart.png"
    assert _must(published, ".article-body iframe")["sandbox"]
    preview = _soup(render_page(article, Preferences(), [], for_preview=True))
    image = _must(preview, ".article-body img")
    assert image["src"].startswith("data:image/svg+xml,")
    assert image["data-remote-src"] == "https://example.org/chart.png"
    assert preview.select_one("iframe") is None
    assert "www.youtube-nocookie.com" in _must(preview, ".embed-placeholder").get_text()
    policy = _must(preview, 'meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "img-src data:" in policy and "https:" not in policy


def test_parts_match_the_full_page() -> None:
    article = _article()
    parts = render_parts(article, Preferences(), RELATED)
    page = _page(article)
    for name, html in parts.regions.items():
        region = _must(page, f'[data-region="{name}"]')
        assert region.decode_contents().strip() == _soup(html).decode().strip(), name
    body = _must(page, '[data-region="body"]')
    assert [str(c) for c in body.find_all(recursive=False)] == [
        str(_soup(b).find()) for b in parts.body
    ]


def test_headline_standfirst_and_related_get_british_punctuation_too() -> None:
    article = _article(headline='Boards "must do better" -- it\'s official',
                       standfirst="Staff's view...")  # fmt: skip
    related = [RelatedLink("r", 'The "plan" that wasn\'t', "", None, "")]
    soup = _soup(render_page(article, Preferences(), related))
    assert _must(soup, "h1.headline").get_text() == "Boards ‘must do better’ – it’s official"
    assert _must(soup, "title").get_text().startswith("Boards ‘must do better’ – it’s official")
    assert _must(soup, ".standfirst").get_text() == "Staff’s view…"
    assert _must(soup, ".related-headline").get_text() == "The ‘plan’ that wasn’t"


def test_other_site_pages_share_the_frame() -> None:
    from workstation.render import render_site_page

    html = render_site_page(
        "list.html", Preferences(site_name="Care Daily"), "Workforce", heading="Workforce",
        items=RELATED,
    )  # fmt: skip
    soup = _soup(html)
    assert _must(soup, "title").get_text() == "Workforce | Care Daily"
    assert _must(soup, ".audience-notice").get_text().startswith("This site is intended")
    assert [a.get_text() for a in soup.select(".related-item .related-headline")] == [
        "Nursing workforce plan launched",
        "Board papers show deficit",
    ]
    assert soup.find("script") is None
