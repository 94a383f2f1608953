"""The live page is the preview: the same story through the preview path (what the window
shows) and through the real service's reader page has the same article element, notice and
footer, related block included; a related story links only where it is live."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup, Tag
from publish_support import make_token, ready_article, running_service, workspace

from workstation.domain.article import Article, now_utc
from workstation.domain.publication import JobState
from workstation.gui import jobs
from workstation.gui.preview_update import render_update
from workstation.render import IncrementalRenderer
from workstation.service.server import BackgroundServer
from workstation.usecases import article_state, publishing
from workstation.usecases.articles import get_article, save_revision
from workstation.usecases.workspace import Workspace


@dataclass
class Desk:
    ws: Workspace
    server: BackgroundServer


@pytest.fixture
def desk(tmp_path: Path, data_home: Path) -> Iterator[Desk]:
    service_dir = tmp_path / "service"
    with running_service(service_dir) as server, workspace(data_home) as ws:
        publishing.add_account(ws.db, "newsroom", server.url, make_token(service_dir))
        # Site texts that differ from both the defaults and the service's own settings.
        ws.save_preferences(
            replace(
                ws.prefs,
                site_name="Clinical Supply Weekly",
                audience_notice="For pharmacy and NHS procurement staff only",
                newsletter_text="The supply bulletin, every weekday at seven.",
                newsletter_link_text="Get the bulletin",
                newsletter_url="https://newsletters.example.org/supply",
            )
        )
        yield Desk(ws, server)


def _publish(desk: Desk, article: Article, at: object = None) -> str:
    job = publishing.publish(desk.ws.db, article.id, at=at)  # type: ignore[arg-type]
    result = publishing.send_and_wait(desk.ws.db, job.id, 30, prefs=desk.ws.prefs)
    assert result.job.state is JobState.DONE, result.job.last_error
    return result.job.live_url


def _story_with_related(desk: Desk) -> tuple[Article, Article, Article]:
    """A live earlier story, a draft that never went out, and a story relating to both."""
    earlier = ready_article(desk.ws, "Wholesalers warn of winter antibiotic gaps")
    _publish(desk, earlier)
    unpublished = ready_article(desk.ws, "Hospital pharmacies pool their stock lists")
    story = ready_article(desk.ws, "Ministers order a review of drug shortages")
    story = story.with_changes(
        related=(earlier.id, unpublished.id),
        body="The review will report in spring.\n\n> 'We cannot wait,' one buyer said.",
    )
    save_revision(desk.ws.db, story, "save")
    return get_article(desk.ws.db, earlier.id), unpublished, story


def _preview(desk: Desk, article_id: str) -> BeautifulSoup:
    """The page exactly as the window's preview renders it (the same job functions)."""
    article = get_article(desk.ws.db, article_id)
    related = jobs.related_links(desk.ws.db, article.related)
    update = render_update(
        IncrementalRenderer(), article, desk.ws.prefs, related, None, 0, 0, full_document=True
    )
    return BeautifulSoup(update.document, "html.parser")


def _live(url: str) -> BeautifulSoup:
    response = httpx.get(url)
    assert response.status_code == 200, response.text
    return BeautifulSoup(response.text, "html.parser")


def _tree(node: Tag) -> list[object]:
    """An element as a comparable tree: tags, attributes and whitespace-normalised text."""
    out: list[object] = []
    for child in node.children:
        if isinstance(child, Tag):
            attrs = {k: " ".join(v) if isinstance(v, list) else v for k, v in child.attrs.items()}
            out.append((child.name, sorted(attrs.items()), _tree(child)))
        elif text := " ".join(str(child).split()):
            out.append(text)
    return out


def _region(page: BeautifulSoup, selector: str) -> list[object]:
    found = page.select_one(selector)
    assert found is not None, selector
    return _tree(_site_neutral(found))


def _site_neutral(node: Tag) -> Tag:
    """The newsletter form posts to the site it is on with that site's anti-forgery token:
    the preview's (the workspace's site URL, no token) and the live page's differ only there."""
    node = BeautifulSoup(str(node), "html.parser")
    for form in node.select("form.newsletter-form"):
        form["action"] = "/" + form["action"].split("/", 3)[3]
        token = form.select_one("input[name=csrf_token]")
        assert token is not None
        token["value"] = ""
    return node


def test_the_live_article_element_notice_and_footer_are_the_previews(desk: Desk) -> None:
    _earlier, unpublished, story = _story_with_related(desk)
    url = _publish(desk, story)
    live, preview = _live(url), _preview(desk, story.id)

    for selector in ("article.article", "[data-region=notice]", "[data-region=footer]"):
        assert _region(live, selector) == _region(preview, selector), selector

    # What a reader sees: both chosen stories, the live one linked to a page that answers,
    # the one never published shown unlinked rather than as a dead link.
    items = live.select(".related-item")
    assert [i.select_one(".related-headline").get_text() for i in items] == [  # type: ignore[union-attr]
        "Wholesalers warn of winter antibiotic gaps",
        "Hospital pharmacies pool their stock lists",
    ]
    link = items[0].select_one("a.related-headline")
    assert link is not None and httpx.get(str(link["href"])).status_code == 200
    assert items[1].select_one("a") is None
    form = live.select_one("form.newsletter-form")
    assert form is not None and form["action"] == desk.server.url + "/newsletter/subscribe"
    assert form.select_one("input[name=csrf_token]")["value"]  # type: ignore[index]
    assert form.select_one("button").get_text() == "Get the bulletin"  # type: ignore[union-attr]
    assert "For pharmacy and NHS procurement staff only" in live.get_text()
    assert unpublished.id not in str(live)


def test_a_scheduled_story_goes_live_with_its_related_block(desk: Desk) -> None:
    _earlier, _unpublished, story = _story_with_related(desk)
    job = publishing.publish(desk.ws.db, story.id, at=now_utc() + timedelta(seconds=2))
    assert publishing.send_and_wait(desk.ws.db, job.id, 30, prefs=desk.ws.prefs).job.state is (
        JobState.DONE
    )
    deadline = time.monotonic() + 30
    while story.id not in article_state.follow_scheduled(desk.ws.db):  # as the window polls
        assert time.monotonic() < deadline, "the scheduled story never went live"
        time.sleep(0.2)
    url = article_state.article_state(desk.ws.db, story.id).live_url
    live = _live(url)
    assert len(live.select(".related-item")) == 2
    assert _region(live, "[data-region=footer]") == _region(
        _preview(desk, story.id), "[data-region=footer]"
    )


def test_a_related_story_taken_down_later_shows_unlinked_not_dead(desk: Desk) -> None:
    earlier, _unpublished, story = _story_with_related(desk)
    url = _publish(desk, story)
    down = publishing.unpublish(desk.ws.db, earlier.id)
    publishing.send_and_wait(desk.ws.db, down.id, 30)
    items = _live(url).select(".related-item")
    assert items[0].select_one("a") is None
    assert items[0].select_one(".related-headline").get_text() == earlier.headline  # type: ignore[union-attr]
