"""The hostile-input corpus through the renderer: nothing executable, no crash, bounded time."""

from __future__ import annotations

import json
import time

import pytest
from bs4 import BeautifulSoup
from hostile_corpus import CASES

from workstation.domain.article import Article
from workstation.domain.preferences import Preferences
from workstation.render import IncrementalRenderer, render_page
from workstation.render.page_forms import GATE_SCRIPT
from workstation.render.sanitize import ALLOWED_TAGS, EMBED_PREFIXES

HANG_GUARD_S = 15.0
"""Not a performance target (benchmarks/ measures those): a render this slow is a hang."""
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:", "#", "/")
URL_ATTRIBUTES = ("href", "src", "cite", "action", "formaction", "data", "xlink:href", "srcdoc")


def _assert_inert(html: str, *, page: bool) -> None:
    soup = BeautifulSoup(html, "html.parser")
    body = soup.select_one('[data-region="body"]') if page else soup
    assert body is not None
    for element in body.find_all(True):
        assert element.name in ALLOWED_TAGS | {"div", "span"}, element.name
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), (element.name, name)
            assert name != "style", element
            if name in URL_ATTRIBUTES:
                text = "".join(value).strip().lower()
                if element.name == "img" and name == "src" and text.startswith("data:image/svg"):
                    continue  # the preview's own placeholder
                assert not text.startswith(("javascript:", "vbscript:", "data:")), (name, value)
                assert ":" not in text.split("/")[0] or text.startswith(SAFE_SCHEMES), value
        if element.name == "iframe":
            assert element.get("src", "").startswith(EMBED_PREFIXES)
            assert "sandbox" in element.attrs
    if page:
        for tag in ("object", "embed", "base"):
            assert soup.find(tag) is None, tag
        _assert_only_our_scripts_forms_and_links(soup)
        assert len(soup.find_all("style")) == 1 and len(soup.find_all("meta")) >= 3


def _assert_only_our_scripts_forms_and_links(soup: BeautifulSoup) -> None:
    """The page's own parts only: one JSON-LD block that parses, the gate's script (none in
    the preview), the newsletter form posting to the site, the canonical link."""
    preview = "is-preview" in (soup.body.get("class") or [])
    data = [s for s in soup.find_all("script") if s.get("type") == "application/ld+json"]
    assert len(data) == 1 and json.loads(data[0].get_text())["@type"] == "NewsArticle"
    code = [s.get_text() for s in soup.find_all("script") if s.get("type") is None]
    assert code == ([] if preview else [GATE_SCRIPT])
    forms = soup.find_all("form")
    assert len(forms) <= 1 and all("newsletter-form" in f["class"] for f in forms)
    assert all(f["action"].startswith("http://127.0.0.1:8765/newsletter/") for f in forms)
    assert [link["rel"] for link in soup.find_all("link")] == [["canonical"]]


def test_the_corpus_is_big_enough() -> None:
    assert len(CASES) >= 40
    assert len({name for name, _ in CASES}) == len(CASES)


@pytest.mark.parametrize(("name", "body"), CASES, ids=[name for name, _ in CASES])
def test_hostile_body_renders_inert_page(name: str, body: str) -> None:
    article = Article(id="h", headline=f"Hostile case {name}", body=body)
    started = time.perf_counter()
    page = render_page(article, Preferences(), [])
    preview = render_page(article, Preferences(), [], for_preview=True)
    elapsed = time.perf_counter() - started
    assert elapsed < HANG_GUARD_S, f"{name} took {elapsed:.1f} s"
    _assert_inert(page, page=True)
    _assert_inert(preview, page=True)


@pytest.mark.parametrize(("name", "body"), CASES[:60], ids=[name for name, _ in CASES[:60]])
def test_hostile_body_through_the_live_preview_renderer(name: str, body: str) -> None:
    # Padded past the threshold so the part-by-part path is the one exercised.
    text = "Opening paragraph of ordinary copy.\n\n" * 300 + body
    rendered = IncrementalRenderer().render(text)
    _assert_inert(rendered.html, page=False)


def test_hostile_metadata_fields_are_inert_and_bounded() -> None:
    from workstation.domain.article import RelatedLink

    vector = '"><script>alert(1)</script><img src=x onerror=alert(1)>'
    article = Article(
        id="h",
        headline=vector * 3,
        standfirst="x" * 1_000_000,
        byline=(vector, "Name\x00with\x07controls"),
        audience=vector,
        body="Body.",
    )
    related = [RelatedLink("r", vector, vector, None, "javascript:alert(1)")]
    started = time.perf_counter()
    html = render_page(article, Preferences(site_name=vector), related)
    assert time.perf_counter() - started < HANG_GUARD_S
    soup = BeautifulSoup(html, "html.parser")
    _assert_only_our_scripts_forms_and_links(soup)
    assert soup.select_one("h1 img") is None and soup.select_one(".related img") is None
    assert not any(a.get("href", "").startswith("javascript") for a in soup.find_all("a"))
    assert all(not k.startswith("on") for el in soup.find_all(True) for k in el.attrs)
