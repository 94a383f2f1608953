"""A reader in headless Chromium (Debian's, driven by Playwright: no browser download) on the
real reader site: the health-professionals gate, remembered across visits, and the newsletter
signup through the page's own form, confirmed from the link in the outbox."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from distribution_support import publish
from service_helpers import RunningService, start_service
from sqlalchemy import select

from workstation.service.db import sqlite_url_for
from workstation.service.mailer import OUTBOX_NAME
from workstation.service.models import SubscriberRecord

pytestmark = pytest.mark.slow
SECRET = "Dosing was raised to 40 mg twice daily in the unpublished protocol."
EMAIL = "ward.pharmacist@example.org"


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs Debian's chromium")
        pytest.skip("install Debian's chromium to run the browser tests")
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningService, Path]]:
    folder = tmp_path_factory.mktemp("browser")
    for running in start_service(sqlite_url_for(folder)):
        yield running, folder


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            yield chromium
        finally:
            chromium.close()


def test_the_gate_asks_once_and_the_browser_remembers(
    site: tuple[RunningService, Path], browser: object
) -> None:
    service, _folder = site
    _id, url = publish(
        service,
        page={"site": {"professional_sections": "Prescribing"}, "related": []},
        headline="Anticoagulant protocol under review",
        section="Prescribing",
        body=f"Opening paragraph for clinicians.\n\n{SECRET}",
    )
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    assert page.locator(".gate").is_visible()
    assert not page.get_by_text(SECRET).is_visible()
    page.get_by_role("link", name="I am a healthcare professional").click()
    assert page.get_by_text(SECRET).is_visible()
    assert not page.locator(".gate").is_visible()

    page.goto(url)  # a later visit: the declaration is remembered in this browser
    assert page.get_by_text(SECRET).is_visible() and not page.locator(".gate").is_visible()
    refused = [e for e in errors if "Content Security Policy" in e or "Refused" in e]
    assert refused == []  # the policy let the page's one script run

    fresh = browser.new_context().new_page()  # type: ignore[attr-defined]
    fresh.goto(url)  # another browser has not declared anything
    assert fresh.locator(".gate").is_visible() and not fresh.get_by_text(SECRET).is_visible()
    context.close()


def test_a_reader_signs_up_through_the_page_and_confirms(
    site: tuple[RunningService, Path], browser: object
) -> None:
    service, folder = site
    _id, url = publish(service, headline="Nursing plan: two years on")
    page = browser.new_context().new_page()  # type: ignore[attr-defined]
    page.goto(url)
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Yes, email me the daily newsletter", exact=False).check()
    page.get_by_role("button", name="Sign up to our daily newsletter").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Check your inbox"

    mails = [json.loads(line) for line in (folder / OUTBOX_NAME).read_text().splitlines()]
    assert [m["to"] for m in mails] == [EMAIL]
    page.goto(mails[0]["confirm_url"])
    page.get_by_role("button", name="Confirm my subscription").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "You are subscribed"
    with service.db.session() as session:
        row = session.scalars(select(SubscriberRecord).where(SubscriberRecord.email == EMAIL)).one()
        assert row.state == "confirmed" and row.confirmed_at is not None
