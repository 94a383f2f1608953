"""A story's life after publish, through the real service and reader site: silent fixes,
updates and corrections (footnote, /corrections and its feed, JSON-LD, Atom), takedowns
(410, gone from every list, feed, sitemap and related block), and the audit trail."""

from __future__ import annotations

import uuid
from typing import Any
from xml.etree import ElementTree

import extruct
import httpx
from bs4 import BeautifulSoup
from service_helpers import RunningService, content, new_article_id

from workstation.service.auth import Role

ATOM = "{http://www.w3.org/2005/Atom}"


def _key() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid.uuid4())}


def _create(client: httpx.Client, **fields: Any) -> str:
    article_id = new_article_id()
    answer = client.put(
        f"/api/v1/articles/{article_id}", json=content(**fields), headers={"If-None-Match": "*"}
    )
    assert answer.status_code == 201, answer.text
    return article_id


def _edit(client: httpx.Client, article_id: str, **fields: Any) -> None:
    current = client.get(f"/api/v1/articles/{article_id}").json()
    answer = client.put(
        f"/api/v1/articles/{article_id}",
        json={**current["content"], **fields},
        headers={"If-Match": current["etag"]},
    )
    assert answer.status_code == 200, answer.text


def _publish(client: httpx.Client, article_id: str, **body: Any) -> httpx.Response:
    return client.post(f"/api/v1/articles/{article_id}/publish", json=body, headers=_key())


def _news_article(html: str, url: str) -> dict[str, Any]:
    data = extruct.extract(html, base_url=url, syntaxes=["json-ld"])["json-ld"]
    return next(item for item in data if item.get("@type") == "NewsArticle")


def test_silent_update_and_correction_show_as_they_should(service: RunningService) -> None:
    with service.client(Role.PUBLISHER) as client:
        article_id = _create(client, headline="Trust fined over missed cancer targets")
        first = _publish(client, article_id)
        assert first.status_code == 200, first.text
        url = first.json()["publication"]["url"]
        page = httpx.get(url)
        assert (
            "Updated"
            not in BeautifulSoup(page.text, "html.parser").select_one(".dateline").get_text()
        )
        published = _news_article(page.text, url)["datePublished"]

        _edit(client, article_id, body="A typo fixed: the trust was fined £2m.")
        assert _publish(client, article_id, kind="silent").status_code == 200
        page = httpx.get(url)
        soup = BeautifulSoup(page.text, "html.parser")
        assert "Updated" not in soup.select_one(".dateline").get_text()
        assert soup.select(".correction") == []
        assert _news_article(page.text, url)["dateModified"] == published

        _edit(client, article_id, body="The trust has appealed against the fine.")
        assert _publish(client, article_id, kind="update").status_code == 200
        page = httpx.get(url)
        assert "Updated" in BeautifulSoup(page.text, "html.parser").select_one(".dateline").text
        updated = _news_article(page.text, url)["dateModified"]
        assert updated > published

        empty = _publish(client, article_id, kind="correction", note="  ")
        assert empty.status_code == 422
        assert empty.headers["content-type"] == "application/problem+json"

        _edit(client, article_id, body="The trust was fined £2m, not £20m.")
        note = "An earlier version of this story said the fine was £20m. It was £2m."
        fixed = _publish(client, article_id, kind="correction", note=note)
        assert fixed.status_code == 200, fixed.text
        page = httpx.get(url)
        footnotes = [
            p.get_text(" ", strip=True)
            for p in BeautifulSoup(page.text, "html.parser").select(".corrections .correction")
        ]
        assert len(footnotes) == 1
        assert footnotes[0].startswith("Correction, ")
        assert "It was £2m." in footnotes[0]
        ld = _news_article(page.text, url)
        assert ld["correction"][0]["@type"] == "CorrectionComment"
        assert "It was £2m." in ld["correction"][0]["text"]
        assert ld["dateModified"] == ld["correction"][0]["datePublished"] > updated

        # A later republish, even a silent one with new text, keeps the correction; a second
        # correction is added under it.
        _edit(client, article_id, body="Body rewritten entirely.")
        assert _publish(client, article_id, kind="silent").status_code == 200
        _edit(client, article_id, body="Body rewritten again.")
        second = _publish(client, article_id, kind="correction", note="The trust is in Leeds.")
        assert second.status_code == 200
        footnotes = [
            p.get_text(" ", strip=True)
            for p in BeautifulSoup(httpx.get(url).text, "html.parser").select(
                ".corrections .correction"
            )
        ]
        assert len(footnotes) == 2
        assert "It was £2m." in footnotes[0] and "Leeds" in footnotes[1]

    listing = httpx.get(f"{service.url}/corrections")
    assert listing.status_code == 200
    entries = BeautifulSoup(listing.text, "html.parser").select(".correction-entry")
    mine = [e for e in entries if e.a and e.a["href"] == url]
    assert [e.select_one(".correction").get_text() for e in mine][1].startswith("Correction, ")
    feed = ElementTree.fromstring(httpx.get(f"{service.url}/corrections.atom").content)
    summaries = [e.findtext(f"{ATOM}summary") for e in feed.iter(f"{ATOM}entry")]
    assert note in summaries and "The trust is in Leeds." in summaries
    main = ElementTree.fromstring(httpx.get(f"{service.url}/feed.atom").content)
    entry = next(
        e for e in main.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}id") == f"urn:uuid:{article_id}"
    )
    assert entry.findtext(f"{ATOM}updated") > entry.findtext(f"{ATOM}published")


def test_corrections_have_no_way_to_be_edited_away(service: RunningService) -> None:
    """No route edits or deletes a correction: the API document has none, and the page keeps
    it whatever the content later says."""
    doc = httpx.get(f"{service.url}/api/v1/openapi.json").json()
    for path, methods in doc["paths"].items():
        if "correction" in path:
            assert set(methods) <= {"get", "post"}, path


def test_a_takedown_is_gone_everywhere_at_once(service: RunningService) -> None:
    headline = "Surgeon suspended after complaints"
    with service.client(Role.PUBLISHER) as client:
        gone_id = _create(client, headline=headline, section="Workforce", tags=["Surgery"])
        gone_url = _publish(client, gone_id).json()["publication"]["url"]
        _publish(client, gone_id, kind="correction", note="The surgeon works in Hull.")
        other_id = _create(client, headline="Theatre lists grow longer", section="Workforce")
        related = {"related": [{"id": gone_id, "headline": headline, "url": gone_url}]}
        other_url = _publish(client, other_id, page=related).json()["publication"]["url"]
        assert headline in httpx.get(other_url).text  # in its related block, before

    site = service.url
    before = {
        path: httpx.get(site + path).text
        for path in ("/", "/section/workforce", "/tag/surgery", "/feed.atom", "/sitemap.xml")
    }
    assert all(gone_url.removeprefix(site) in text for text in before.values())

    with service.client(Role.SUBEDITOR) as client:
        refused = client.post(
            f"/api/v1/articles/{gone_id}/takedown", json={"reason": "Legal"}, headers=_key()
        )
        assert refused.status_code == 403
    with service.client(Role.PUBLISHER) as client:
        for body in ({}, {"reason": ""}, {"reason": "   "}):
            empty = client.post(f"/api/v1/articles/{gone_id}/takedown", json=body, headers=_key())
            assert empty.status_code == 422, body
            assert empty.headers["content-type"] == "application/problem+json"
        reason = "Legal: the complaint has been withdrawn and the report is contested"
        down = client.post(
            f"/api/v1/articles/{gone_id}/takedown", json={"reason": reason}, headers=_key()
        )
        assert down.status_code == 200, down.text
        publication = down.json()["publication"]
        assert publication["state"] == "unpublished"
        assert publication["taken_down_at"] is not None
        assert down.json()["content"]["status"] == "withdrawn"  # every workstation syncs it

    page = httpx.get(gone_url)
    assert page.status_code == 410
    assert "This article has been removed" in page.text
    assert reason not in page.text
    for path in before:
        answer = httpx.get(site + path)
        assert gone_url.removeprefix(site) not in answer.text, path
        assert headline not in answer.text, path
    assert headline not in httpx.get(other_url).text  # not even unlinked in the related block
    assert "Hull" not in httpx.get(f"{site}/corrections").text
    assert "Hull" not in httpx.get(f"{site}/corrections.atom").text

    with service.client(Role.PUBLISHER) as client:
        unsaid = _publish(client, gone_id)
        assert unsaid.status_code == 422
        assert "publisher's note" in unsaid.json()["detail"]
        back = _publish(client, gone_id, note="Cleared by the lawyers on 7 December")
        assert back.status_code == 200, back.text
        assert back.json()["publication"]["taken_down_at"] is None
        assert back.json()["content"]["status"] == "published"
    assert httpx.get(gone_url).status_code == 200


def _move(client: httpx.Client, article_id: str, to: str) -> httpx.Response:
    return client.post(f"/api/v1/articles/{article_id}/transition", json={"to": to})


def test_a_writers_edit_after_approval_goes_back_to_review(service: RunningService) -> None:
    with service.client(Role.WRITER) as writer, service.client(Role.SUBEDITOR) as sub:
        article_id = _create(writer, headline="Ward closures planned")
        assert _move(writer, article_id, "submitted").status_code == 200
        assert _move(sub, article_id, "approved").status_code == 200

        _edit(writer, article_id, tags=["Wards"])  # not the reviewed text: approval stands
        assert writer.get(f"/api/v1/articles/{article_id}").json()["content"]["status"] == (
            "approved"
        )
        _edit(writer, article_id, body="Three wards, not two, will close.")
        after = writer.get(f"/api/v1/articles/{article_id}").json()
        assert after["content"]["status"] == "submitted"
        assert after["content"]["body"] == "Three wards, not two, will close."

        assert _move(sub, article_id, "approved").status_code == 200
        _edit(sub, article_id, headline="Three ward closures planned")  # the sub's own edit
        assert sub.get(f"/api/v1/articles/{article_id}").json()["content"]["status"] == ("approved")
    with service.client(Role.PUBLISHER) as publisher:
        history = publisher.get(f"/api/v1/articles/{article_id}/history").json()["items"]
    back = [item for item in history if item["action"] == "back-to-review"]
    assert len(back) == 1 and back[0]["user"] == "writer-user"
    assert (back[0]["from_state"], back[0]["to_state"]) == ("approved", "submitted")


def test_a_story_taken_down_is_scheduled_back_only_with_a_note(service: RunningService) -> None:
    with service.client(Role.PUBLISHER) as client:
        article_id = _create(client, headline="Clinic closure reported")
        url = _publish(client, article_id).json()["publication"]["url"]
        down = client.post(
            f"/api/v1/articles/{article_id}/takedown", json={"reason": "Legal"}, headers=_key()
        )
        assert down.status_code == 200
        later = "2099-01-01T09:00:00+00:00"
        unsaid = client.post(
            f"/api/v1/articles/{article_id}/schedule", json={"publish_at": later}, headers=_key()
        )
        assert unsaid.status_code == 422
        said = client.post(
            f"/api/v1/articles/{article_id}/publish",
            json={"publish_at": later, "note": "Cleared; back up in the new year"},
            headers=_key(),
        )
        assert said.status_code == 200, said.text
        assert said.json()["publication"]["state"] == "scheduled"
    assert httpx.get(url).status_code == 410


def test_a_flagged_story_goes_live_only_signed_off_by_a_named_signer(
    service: RunningService,
) -> None:
    lena = service.new_token("lena", Role.WRITER)  # the legal role is a name, not a rank
    with service.client(Role.ADMIN) as admin:
        named = admin.put("/api/v1/site/legal", json={"signers": ["lena"]})
        assert named.status_code == 200 and named.json()["signers"] == ["lena"]
    with service.client(Role.PUBLISHER) as refused_admin:
        assert refused_admin.put("/api/v1/site/legal", json={"signers": []}).status_code == 403
    with service.client(Role.PUBLISHER) as client, service.client(token=lena) as lawyer:
        article_id = _create(client, headline="Consultant accused of negligence")
        bad = client.put(f"/api/v1/articles/{article_id}/legal", json={"flags": ["gossip"]})
        assert bad.status_code == 422
        flagged = client.put(f"/api/v1/articles/{article_id}/legal", json={"flags": ["defamation"]})
        assert flagged.status_code == 200 and flagged.json()["signed_off"] is False
        blocked = _publish(client, article_id)
        assert blocked.status_code == 422
        assert "legal sign-off" in blocked.json()["detail"]

        not_signer = client.post(f"/api/v1/articles/{article_id}/signoff", json={})
        assert not_signer.status_code == 403
        signed = lawyer.post(
            f"/api/v1/articles/{article_id}/signoff", json={"note": "Checked the quotes"}
        )
        assert signed.status_code == 200, signed.text
        assert signed.json()["signed_off"] is True
        assert signed.json()["signoff"]["user"] == "lena"

        _edit(client, article_id, tags=["Negligence"])  # not the text: the sign-off holds
        assert client.get(f"/api/v1/articles/{article_id}/legal").json()["signed_off"] is True
        _edit(client, article_id, body="The consultant denies the claims.")  # voids it
        assert client.get(f"/api/v1/articles/{article_id}/legal").json()["signed_off"] is False
        assert _publish(client, article_id).status_code == 422

        assert lawyer.post(f"/api/v1/articles/{article_id}/signoff", json={}).status_code == 200
        live = _publish(client, article_id)
        assert live.status_code == 200, live.text
        assert httpx.get(live.json()["publication"]["url"]).status_code == 200
        trail = client.get(f"/api/v1/articles/{article_id}/history").json()["items"]
        assert [item["action"] for item in trail] == [
            "legal-flags",
            "signoff",
            "signoff",
            "publish",
        ]
