"""The patches the preview sends its page: smallest change, lines kept apart, regions by name."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from workstation.domain.article import Article
from workstation.domain.preferences import Preferences
from workstation.gui.preview_update import render_update, shell_document, split_line
from workstation.render import IncrementalRenderer

BODY = "First.\n\nSecond.\n\nThird.\n"


def _update(article: Article, previous=None, prefs: Preferences | None = None):  # type: ignore[no-untyped-def]
    return render_update(
        IncrementalRenderer(), article, prefs or Preferences(), (), previous, seq=7, epoch=1
    )


def test_first_update_sends_everything() -> None:
    update = _update(Article(id="a", headline="H", body=BODY))
    patch = json.loads(update.payload)
    assert patch["seq"] == 7
    assert patch["title"].startswith("H |")
    assert set(patch["regions"]) >= {"notice", "header", "newsletter", "related"}
    assert patch["body"]["start"] == 0 and patch["body"]["delete"] == 0
    texts = [BeautifulSoup(b, "html.parser").get_text() for b in patch["body"]["insert"]]
    assert texts == ["First.", "Second.", "Third."]


def test_typing_in_one_paragraph_sends_only_that_block() -> None:
    article = Article(id="a", headline="H", body=BODY)
    first = _update(article)
    edited = _update(article.with_changes(body=BODY.replace("Second.", "Second, edited.")),
                     first.shown)  # fmt: skip
    patch = json.loads(edited.payload)
    assert set(patch) == {"seq", "body"}
    assert patch["body"]["start"] == 1 and patch["body"]["delete"] == 1
    assert patch["body"]["expect"] == 3
    [html] = patch["body"]["insert"]
    assert BeautifulSoup(html, "html.parser").get_text() == "Second, edited."


def test_new_lines_above_shift_line_numbers_without_resending_blocks() -> None:
    article = Article(id="a", headline="H", body=BODY)
    first = _update(article)
    shifted = _update(article.with_changes(body="First.\n\n\n\nSecond.\n\nThird.\n"), first.shown)
    patch = json.loads(shifted.payload)
    assert "body" not in patch
    assert patch["lines"] == {"from": 1, "values": [5, 7]}


def test_header_edit_patches_header_region_and_title_only() -> None:
    article = Article(id="a", headline="H", body=BODY)
    first = _update(article)
    patch = json.loads(_update(article.with_changes(headline="New"), first.shown).payload)
    assert set(patch) == {"seq", "title", "regions", "head"}  # og:title and the JSON-LD follow
    assert set(patch["regions"]) == {"header"}


def test_switching_article_resets_scroll_and_font_size_is_sent_on_change() -> None:
    first = _update(Article(id="a", headline="H", body=BODY))
    other = _update(Article(id="b", headline="H", body=BODY), first.shown,
                    Preferences(preview_font_size=20))  # fmt: skip
    patch = json.loads(other.payload)
    assert patch["reset_scroll"] is True and patch["font_size"] == 20


def test_split_line_separates_the_attribute() -> None:
    assert split_line('<p data-source-line="12">x</p>') == ("<p>x</p>", 12)
    assert split_line('<div class="render-note">n</div>') == (
        '<div class="render-note">n</div>',
        None,
    )


def test_shell_is_the_article_page_with_an_empty_body() -> None:
    shell = shell_document(Article(id="a", headline="Hello", body=BODY), Preferences())
    soup = BeautifulSoup(shell, "html.parser")
    body = soup.select_one('[data-region="body"]')
    assert body is not None and not body.find(True)
    assert soup.select_one("h1.headline").get_text() == "Hello"  # type: ignore[union-attr]
