"""Reaching readers (issue 16) on the real service: the reader page's metadata passes the
validators, ninjs passes its schema, and a health-professionals-only story's body appears on
no public surface but its own page (where it is paywall markup, not a cloak)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup
from distribution_support import publish, validate_ninjs
from metadata_check import news_article, open_graph, schema_errors
from service_helpers import RunningService, start_service

from workstation.service.db import sqlite_url_for

SECRET = "Dosing was raised to 40 mg twice daily in the unpublished protocol"
STANDFIRST = "A new anticoagulant protocol is under review at three trusts."


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningService]:
    yield from start_service(sqlite_url_for(tmp_path_factory.mktemp("distribution")))


def test_the_reader_page_passes_the_validators(site: RunningService) -> None:
    _id, url = publish(
        site,
        headline="Regulator sets out new rules for trust board equality data",
        byline=["Amira Shah"],
        section="Workforce",
        tags=["Equality", "NHS"],
    )
    html = httpx.get(url).text
    item = news_article(html, url)
    assert schema_errors(item) == []
    assert item["url"] == url and item["mainEntityOfPage"]["@id"] == url
    assert item["publisher"]["url"] == site.url + "/"
    author = item["author"][0]
    assert author["name"] == "Amira Shah"
    listing = httpx.get(author["url"])  # the author URL is a page of the site
    assert listing.status_code == 200 and "Regulator sets out new rules" in listing.text
    og = open_graph(html, url)
    assert og["og:url"] == [url] and og["article:section"] == ["Workforce"]
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("link[rel=canonical]")["href"] == url  # type: ignore[index]


def test_ninjs_export_passes_the_schema_and_maps_media_topics(site: RunningService) -> None:
    article_id, url = publish(
        site,
        headline="GP practices told to offer same-day appointments",
        section="Primary care",
        tags=["GPs", "Workforce", "Funding"],
    )
    response = httpx.get(f"{site.url}/api/v1/articles/{article_id}/ninjs")
    assert response.status_code == 200
    item = response.json()
    assert validate_ninjs(item) == []
    assert item["uri"] == f"urn:uuid:{article_id}" and item["representationtype"] == "full"
    assert item["headlines"][0]["value"] == "GP practices told to offer same-day appointments"
    assert item["renditions"][0]["href"] == url
    assert "The regulator said boards must act." in item["bodies"][0]["value"]
    assert [s["literal"] for s in item["subjects"]] == [
        "medtop:07000000",
        "medtop:09000000",
        "medtop:04000000",
    ]
    assert item["subjects"][0]["uri"] == "http://cv.iptc.org/newscodes/mediatopic/07000000"
    missing = httpx.get(f"{site.url}/api/v1/articles/{article_id[:-4]}ffff/ninjs")
    assert missing.status_code == 404


def test_the_validator_rejects_a_malformed_ninjs() -> None:
    assert validate_ninjs({"headlines": [{"role": "main"}], "nonsense": 1}) != []


def _public_surfaces(site: RunningService, gated_url: str, ninjs_url: str) -> dict[str, str]:
    """Everything anyone can fetch that names the story, by what it is."""
    page = httpx.get(gated_url).text
    soup = BeautifulSoup(page, "html.parser")
    head = soup.head
    assert head is not None
    item = news_article(page, gated_url)
    surfaces = {
        "json-ld description": item.get("description", ""),
        "json-ld (whole)": str(item),
        "og tags": " ".join(" ".join(v) for v in open_graph(page, gated_url).values()),
        "head (all of it)": str(head),
        "ninjs public export": httpx.get(ninjs_url).text,
    }
    for path in ("/", "/feed.atom", "/sitemap.xml", "/section/prescribing", "/tag/anticoagulants",
                 "/author/clinical-correspondent"):  # fmt: skip
        response = httpx.get(site.url + path)
        assert response.status_code == 200, path
        surfaces[path] = response.text
    return surfaces


def test_no_gated_body_text_on_any_public_surface(site: RunningService) -> None:
    page = {"site": {"professional_sections": "Prescribing"}, "related": []}
    gated_id, gated_url = publish(
        site,
        page=page,
        headline="Anticoagulant protocol under review at three trusts",
        standfirst=STANDFIRST,
        body=f"Opening paragraph for clinicians.\n\n{SECRET}.",
        byline=["Clinical correspondent"],
        section="Prescribing",
        tags=["Anticoagulants"],
    )
    # A story relating to the gated one: its link card is a public surface too.
    _other, other_url = publish(
        site, headline="Trusts share prescribing dashboards", related=[gated_id]
    )
    surfaces = _public_surfaces(site, gated_url, f"{site.url}/api/v1/articles/{gated_id}/ninjs")
    surfaces["link card on another story"] = str(
        BeautifulSoup(httpx.get(other_url).text, "html.parser").select_one(".related")
    )
    leaks = [name for name, text in surfaces.items() if SECRET in text or "40 mg" in text]
    assert leaks == []
    # ...and they do carry the story, by its standfirst: the check looks where it should.
    assert STANDFIRST in surfaces["json-ld description"]
    assert STANDFIRST in surfaces["og tags"] and STANDFIRST in surfaces["/feed.atom"]
    assert STANDFIRST in surfaces["link card on another story"]
    ninjs = httpx.get(f"{site.url}/api/v1/articles/{gated_id}/ninjs").json()
    assert validate_ninjs(ninjs) == []
    assert ninjs["representationtype"] == "partial" and "bodies" not in ninjs
    assert ninjs["descriptions"][0]["value"] == STANDFIRST

    # The page itself: the same for a crawler and a reader; the body behind the declaration,
    # declared as such for search engines.
    html = httpx.get(gated_url, headers={"User-Agent": "Googlebot/2.1"}).text
    assert html == httpx.get(gated_url).text
    item = news_article(html, gated_url)
    assert item["isAccessibleForFree"] is False
    soup = BeautifulSoup(html, "html.parser")
    gated = soup.select(item["hasPart"]["cssSelector"])
    assert len(gated) == 1 and SECRET in gated[0].get_text()
    assert soup.select_one(".gate") is not None


def test_an_open_story_in_an_open_section_is_free(site: RunningService) -> None:
    _id, url = publish(site, headline="Community pharmacy closures slow", section="Pharmacy")
    html = httpx.get(url).text
    assert news_article(html, url)["isAccessibleForFree"] is True
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".gate") is None and soup.select_one(".gated-body") is None


def test_the_cli_exports_ninjs_with_and_without_the_gate(
    workstation_exe: list[str], tmp_path: Path
) -> None:
    import json
    import subprocess

    story = tmp_path / "story.md"
    story.write_text(
        "---\nheadline: Hospital pharmacies pool their stock lists\nsection: Prescribing\n"
        f"standfirst: {STANDFIRST}\ngate: true\nsponsor: Northwind Pharma\ntags: [NHS]\n---\n"
        f"{SECRET}.\n",
        encoding="utf-8",
    )

    def ninjs(*extra: str) -> dict[str, object]:
        result = subprocess.run(
            [*workstation_exe, "--data-dir", str(tmp_path / "data"), "ninjs", str(story), *extra],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return dict(json.loads(result.stdout))

    full, public = ninjs(), ninjs("--public")
    assert validate_ninjs(full) == [] and validate_ninjs(public) == []
    assert SECRET in str(full["bodies"]) and full["representationtype"] == "full"
    assert SECRET not in json.dumps(public) and public["representationtype"] == "partial"
    assert public["infosources"] == [{"name": "Northwind Pharma", "role": "sponsor"}]
