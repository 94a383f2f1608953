"""Library pictures on the page: figure, picture/srcset in WebP and JPEG, sizes, caption, credit."""

from __future__ import annotations

from bs4 import BeautifulSoup

from workstation.domain.article import Article
from workstation.domain.media import MediaItem, crop_box, markdown_for
from workstation.domain.preferences import Preferences
from workstation.render import Pictures, render_page

SHA = "a" * 64
HERO = "b" * 64
ITEM = MediaItem(SHA, "jpg", 2000, 1500, 1, "ward.jpg", "Six beds in a bright ward",
                 caption="The new ward", credit="Jo Bloggs/Agency")  # fmt: skip
HERO_ITEM = MediaItem(HERO, "jpg", 800, 600, 1, "front.jpg", "The hospital front",
                      caption="The hospital", credit="Trust handout")  # fmt: skip


def url_for(sha: str, variant: str, ext: str) -> str:
    return f"https://site.example/media/{sha}-{variant}.{ext}"


def page(body: str, pictures: Pictures | None, for_preview: bool = False) -> BeautifulSoup:
    article = Article(id="x", headline="Ward reopens", standfirst="It is back.", body=body)
    html = render_page(article, Preferences(), (), pictures=pictures, for_preview=for_preview)
    return BeautifulSoup(html, "html.parser")


def test_a_library_picture_becomes_a_figure_with_webp_and_jpeg_srcsets() -> None:
    body = "First paragraph.\n\n" + markdown_for(ITEM) + "\n\nLast."
    soup = page(body, Pictures({SHA: ITEM}, url_for))
    figure = soup.select_one(".article-body figure.picture")
    assert figure is not None
    source = figure.select_one("picture > source")
    assert source is not None and source["type"] == "image/webp"
    assert source["srcset"].split(", ") == [
        f"https://site.example/media/{SHA}-{w}.webp {w}w" for w in (480, 960, 1600, 2000)
    ]
    img = figure.select_one("picture > img")
    assert img is not None
    assert (img["width"], img["height"]) == ("2000", "1500")
    assert img["loading"] == "lazy"
    assert img["alt"] == "Six beds in a bright ward"
    assert img["src"].endswith("-1600.jpg") and "960w" in img["srcset"]
    caption = figure.select_one("figcaption")
    assert caption is not None and caption.get_text(" ", strip=True) == (
        "The new ward Jo Bloggs/Agency"
    )
    assert "media:" not in str(soup.select_one(".article-body"))


def test_the_hero_comes_first_eager_and_gives_the_og_image() -> None:
    soup = page("Text.", Pictures({}, url_for, hero=HERO_ITEM))
    first = soup.select_one(".article-body > *")
    assert first is not None and "hero" in first["class"]
    img = first.select_one("img")
    assert img is not None and "loading" not in img.attrs and img["fetchpriority"] == "high"
    og = soup.select_one('meta[property="og:image"]')
    assert og is not None and og["content"] == f"https://site.example/media/{HERO}-16x9-50-50.jpg"


def test_decorative_pictures_have_empty_alt_and_unknown_ones_never_dangle() -> None:
    decorative = MediaItem(SHA, "jpg", 300, 200, 1, decorative=True, alt="ignored")
    soup = page(f"![](media:{SHA})\n\n![Lost](media:{'c' * 64})", Pictures({SHA: decorative},
                                                                            url_for))  # fmt: skip
    img = soup.select_one("figure img")
    assert img is not None and img["alt"] == ""
    assert soup.select_one(".missing-picture").get_text() == "Lost"
    assert "media:" not in str(soup.select_one(".article-body"))


def test_media_urls_only_as_picture_sources() -> None:
    soup = page(f'[click](media:{SHA}) and <img src="media:{SHA}x">', None)
    body = str(soup.select_one(".article-body"))
    assert "media:" not in body


def test_preview_allows_its_own_picture_scheme_only() -> None:
    soup = page("Text.", None, for_preview=True)
    csp = soup.select_one('meta[http-equiv="Content-Security-Policy"]')
    assert csp is not None and "img-src data: ew-media:" in csp["content"]


def test_crops_keep_the_focal_point_and_are_large_enough() -> None:
    for ratio in ((1, 1), (4, 3), (16, 9)):
        left, top, right, bottom = crop_box(2000, 1500, ratio, (0.9, 0.1))
        assert (right - left) * (bottom - top) >= 50_000
        assert abs((right - left) / (bottom - top) - ratio[0] / ratio[1]) < 0.01
        assert left <= 1800 <= right and top <= 150 <= bottom
        assert right <= 2000 and bottom <= 1500


def test_a_published_url_brought_back_by_sync_is_the_same_picture() -> None:
    from workstation.domain.media import references_in

    url = f"https://site.example/media/{SHA}.jpg"
    body = f'![Six beds]({url} "The new ward")\n\nSee media:{HERO} and xmedia:{"c" * 64}.'
    assert references_in(body) == [SHA, HERO]
    soup = page(f"![Six beds]({url})", Pictures({SHA: ITEM}, url_for))
    figure = soup.select_one(".article-body figure.picture")
    assert figure is not None and figure["data-media"] == SHA
