"""The reader site: the shared renderer's page at /YYYY/MM/slug, lists, feed, sitemap, caching."""

from __future__ import annotations

import uuid
from xml.etree import ElementTree

import httpx
from bs4 import BeautifulSoup
from service_helpers import RunningService, content, new_article_id

from workstation.service.auth import Role


def publish_new(service: RunningService, **fields: object) -> tuple[str, str]:
    """Create and publish an article; returns its id and live URL."""
    article_id = new_article_id()
    with service.client(Role.PUBLISHER) as client:
        created = client.put(
            f"/api/v1/articles/{article_id}",
            json=content(**fields),  # type: ignore[arg-type]
            headers={"If-None-Match": "*"},
        )
        assert created.status_code == 201, created.text
        published = client.post(
            f"/api/v1/articles/{article_id}/publish",
            json={},
            headers={"Idempotency-Key": str(uuid.uuid4())},
        )
        assert published.status_code == 200, published.text
    return article_id, published.json()["publication"]["url"]


def test_article_page_uses_the_renderer_and_caches(sqlite_service: RunningService) -> None:
    earlier_id, earlier_url = publish_new(
        sqlite_service, headline="Regulator consults on board data"
    )
    _, url = publish_new(
        sqlite_service,
        headline="Boards must publish equality data, says regulator",
        body="The regulator said boards **must** act.",
        related=[earlier_id],
        tags=["Race equality"],
    )
    path = url.removeprefix(sqlite_service.url)
    year, month, slug = path.strip("/").split("/")
    assert len(year) == 4 and len(month) == 2
    assert slug == "boards-must-publish-equality-data-says-regulator"
    with httpx.Client(base_url=sqlite_service.url) as reader:
        page = reader.get(path)
        assert page.status_code == 200
        assert "max-age" in page.headers["cache-control"]
        soup = BeautifulSoup(page.text, "html.parser")
        assert soup.title is not None and "Boards must publish equality data" in soup.title.text
        assert soup.find("strong", string="must") is not None
        assert earlier_url in {a.get("href") for a in soup.find_all("a")}
        cached = reader.get(path, headers={"If-None-Match": page.headers["etag"]})
        assert cached.status_code == 304
        index = reader.get("/")
        assert "Boards must publish equality data" in index.text
        assert reader.get("/section/workforce").status_code == 200
        assert "Boards must publish" in reader.get("/tag/race-equality").text
        assert reader.get("/tag/no-such-tag").status_code == 404


def test_updated_article_keeps_its_url_and_unpublished_is_gone(
    sqlite_service: RunningService,
) -> None:
    article_id, url = publish_new(sqlite_service, headline="Original headline for the URL test")
    path = url.removeprefix(sqlite_service.url)
    with sqlite_service.client(Role.PUBLISHER) as client:
        client.put(
            f"/api/v1/articles/{article_id}",
            json=content("A new headline entirely"),
            headers={"If-Match": '"1"'},
        )
        again = client.post(
            f"/api/v1/articles/{article_id}/publish",
            json={},
            headers={"Idempotency-Key": str(uuid.uuid4())},
        )
        assert again.json()["publication"]["url"] == url
        page = httpx.get(url)
        assert "A new headline entirely" in page.text
        client.post(
            f"/api/v1/articles/{article_id}/unpublish",
            json={},
            headers={"Idempotency-Key": str(uuid.uuid4())},
        )
    assert httpx.get(sqlite_service.url + path).status_code == 410


def test_a_forged_host_header_never_reaches_feeds_or_links(sqlite_service: RunningService) -> None:
    article_id, url = publish_new(sqlite_service, headline="Host test: trusts merge back offices")
    forged = {"Host": "evil.example"}
    assert url.startswith(sqlite_service.url + "/")
    feed = httpx.get(sqlite_service.url + "/feed.atom", headers=forged)
    sitemap = httpx.get(sqlite_service.url + "/sitemap.xml", headers=forged)
    with sqlite_service.client(Role.WRITER) as client:
        api = client.get(f"/api/v1/articles/{article_id}", headers=forged)
    for response in (feed, sitemap, api):
        assert response.status_code == 200
        assert "evil.example" not in response.text
    assert api.json()["publication"]["url"] == url


def test_feed_and_sitemap(sqlite_service: RunningService) -> None:
    _, url = publish_new(sqlite_service, headline="Feed test: ICBs told to cut agency spend")
    feed = httpx.get(sqlite_service.url + "/feed.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    atom = ElementTree.fromstring(feed.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    links = [link.get("href") for link in atom.findall("a:entry/a:link", ns)]
    assert url in links
    sitemap = ElementTree.fromstring(httpx.get(sqlite_service.url + "/sitemap.xml").content)
    locs = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert url in locs
