"""The newsletter signup on the real service: double opt-in through the outbox, the CLI's
pending and export, unsubscribe, CSRF and rate limits, and no address in any log."""

from __future__ import annotations

import csv
import io
import json
import logging
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from bs4 import BeautifulSoup
from distribution_support import publish
from service_helpers import RunningService, start_service
from sqlalchemy import select

from workstation.domain.newsletter import CONSENT_TEXT, consent_version
from workstation.service.db import sqlite_url_for
from workstation.service.mailer import OUTBOX_NAME
from workstation.service.models import SubscriberRecord

LIMIT = 4


@dataclass
class Site:
    service: RunningService
    folder: Path
    article_url: str

    @property
    def outbox(self) -> Path:
        return self.folder / OUTBOX_NAME  # beside the database: where `pending` looks

    def form(self) -> dict[str, str]:
        """The signup form's fields as the article page has them."""
        soup = BeautifulSoup(httpx.get(self.article_url).text, "html.parser")
        form = soup.select_one("form.newsletter-form")
        assert form is not None
        return {str(i["name"]): str(i.get("value", "")) for i in form.select("input[type=hidden]")}

    def sign_up(
        self, email: str, *, headers: dict[str, str] | None = None, **fields: str
    ) -> httpx.Response:
        data = {**self.form(), "email": email, "consent": "yes", **fields}
        sent = {"Origin": self.service.url} if headers is None else headers
        return httpx.post(f"{self.service.url}/newsletter/subscribe", data=data, headers=sent)

    def state_of(self, email: str) -> SubscriberRecord | None:
        with self.service.db.session() as session:
            return session.scalars(
                select(SubscriberRecord).where(SubscriberRecord.email == email)
            ).first()


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    folder = tmp_path / "service"
    for running in start_service(sqlite_url_for(folder), signup_limit=LIMIT):
        _id, url = publish(running, headline="Nursing plan: two years on")
        yield Site(running, folder, url)


def _cli(exe: list[str], site: Site, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*exe, "newsletter", *args, "--service-dir", str(site.folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _heading(response: httpx.Response) -> str:
    h1 = BeautifulSoup(response.text, "html.parser").select_one("h1")
    return h1.get_text() if h1 else ""


def test_double_opt_in_pending_confirm_export_unsubscribe(
    site: Site, workstation_exe: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    email = "Nurse.Reader@Example.ORG"
    stored = "Nurse.Reader@example.org"
    answer = site.sign_up(email)
    assert answer.status_code == 200 and _heading(answer) == "Check your inbox"
    row = site.state_of(stored)
    assert row is not None and row.state == "pending"
    assert (row.consent_text, row.consent_version) == (CONSENT_TEXT, consent_version())

    mails = [json.loads(line) for line in site.outbox.read_text().splitlines()]
    assert [m["to"] for m in mails] == [stored]
    link = mails[0]["confirm_url"]
    assert link.startswith(site.service.url + "/newsletter/confirm?token=")
    assert link in mails[0]["body"]
    pending = _cli(workstation_exe, site, "pending")
    assert pending.returncode == 0, pending.stderr
    assert [line.split("\t")[1:] for line in pending.stdout.splitlines()] == [[stored, link]]

    # Confirm: the link's page asks; its button posts (a mail scanner's GET changes nothing).
    page = httpx.get(link)
    assert site.state_of(stored).state == "pending"  # type: ignore[union-attr]
    form = BeautifulSoup(page.text, "html.parser").select_one("form.message-form")
    assert form is not None
    token = form.select_one("input[name=token]")["value"]  # type: ignore[index]
    done = httpx.post(site.service.url + str(form["action"]), data={"token": token})
    assert done.status_code == 200 and _heading(done) == "You are subscribed"
    assert site.state_of(stored).state == "confirmed"  # type: ignore[union-attr]
    again = httpx.post(site.service.url + str(form["action"]), data={"token": token})
    assert again.status_code == 404  # a confirm link works once
    assert _cli(workstation_exe, site, "pending").stdout == ""

    export = _cli(workstation_exe, site, "export", "--site-url", site.service.url)
    assert export.returncode == 0, export.stderr
    rows = list(csv.DictReader(io.StringIO(export.stdout)))
    assert [(r["email"], r["consent_version"]) for r in rows] == [(stored, consent_version())]
    unsubscribe = rows[0]["unsubscribe_url"]
    assert unsubscribe.startswith(site.service.url + "/newsletter/unsubscribe?token=")

    leave = BeautifulSoup(httpx.get(unsubscribe).text, "html.parser").select_one("form")
    assert leave is not None
    gone = httpx.post(
        site.service.url + str(leave["action"]),
        data={"token": leave.select_one("input[name=token]")["value"]},  # type: ignore[index]
    )
    assert gone.status_code == 200 and _heading(gone) == "You have been unsubscribed"
    assert site.state_of(stored).state == "unsubscribed"  # type: ignore[union-attr]
    assert list(csv.DictReader(io.StringIO(_cli(workstation_exe, site, "export").stdout))) == []

    # Addresses and tokens never reach the service's logs (the test's own HTTP client logs
    # what it asked for: left out); what happened does, by subscriber number. The access log
    # (uvicorn's, off in tests) goes through the same check.
    access = logging.getLogger("uvicorn.access")  # uvicorn's own handler; it does not propagate
    level = access.level
    access.addHandler(caplog.handler)
    access.setLevel(logging.INFO)
    try:
        path = "/" + link.split("/", 3)[3]
        access.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5", "GET", path, "1.1", 200)
    finally:
        access.removeHandler(caplog.handler)
        access.setLevel(level)
    service_records = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    assert any(r.name == "uvicorn.access" for r in service_records)
    logged = "\n".join(r.getMessage() for r in service_records)
    assert f"subscriber {row.id} confirmed" in logged
    for secret in (email, stored, "Nurse.Reader", "example.org", token, link.split("=")[1]):
        assert secret.lower() not in logged.lower(), secret


def test_an_address_already_confirmed_gets_the_same_answer_and_no_mail(site: Site) -> None:
    assert site.sign_up("ward.manager@example.org").status_code == 200
    link = json.loads(site.outbox.read_text().splitlines()[0])["confirm_url"]
    httpx.post(site.service.url + "/newsletter/confirm", data={"token": link.split("=", 1)[1]})
    again = site.sign_up("ward.manager@example.org")
    assert again.status_code == 200 and _heading(again) == "Check your inbox"
    assert len(site.outbox.read_text().splitlines()) == 1


@pytest.mark.parametrize(
    ("headers", "fields"),
    [
        ({}, {}),  # neither Origin nor Referer
        ({"Origin": "https://evil.example"}, {}),
        ({"Referer": "https://evil.example/page"}, {}),
        ({"Origin": "SITE", "Sec-Fetch-Site": "cross-site"}, {}),
        ({"Origin": "SITE"}, {"csrf_token": "20000.0123456789abcdef0123456789abcdef"}),
        ({"Origin": "SITE"}, {"csrf_token": ""}),
    ],
    ids=["no-origin", "foreign-origin", "foreign-referer", "cross-site", "forged", "no-token"],
)
def test_forged_signups_are_refused(
    site: Site, headers: dict[str, str], fields: dict[str, str]
) -> None:
    sent = {k: v.replace("SITE", site.service.url) for k, v in headers.items()}
    refused = site.sign_up("forged@example.org", headers=sent, **fields)
    assert refused.status_code == 403
    assert site.state_of("forged@example.org") is None and not site.outbox.exists()


@pytest.mark.parametrize(
    ("email", "fields", "status"),
    [
        ("not-an-address", {}, 422),
        ("reader@example.org", {"consent": ""}, 422),
        ("reader@example.org", {"consent_version": "v-000000000000"}, 422),
    ],
    ids=["bad-address", "no-consent", "old-consent-wording"],
)
def test_a_signup_needs_an_address_and_consent(
    site: Site, email: str, fields: dict[str, str], status: int
) -> None:
    assert site.sign_up(email, **fields).status_code == status
    assert site.state_of("reader@example.org") is None


def test_signups_are_rate_limited_per_client(site: Site) -> None:
    answers = [site.sign_up(f"reader{n}@example.org").status_code for n in range(LIMIT + 2)]
    assert answers == [200] * LIMIT + [429, 429]
    too_many = site.sign_up("late@example.org")
    assert too_many.status_code == 429 and int(too_many.headers["Retry-After"]) > 0
    assert site.state_of("late@example.org") is None


def test_with_a_mail_server_the_confirmation_goes_by_smtp(tmp_path: Path) -> None:
    """A real SMTP server on a loopback port (aiosmtpd) gets the mail; no outbox is written."""
    import socket

    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    received: list[Any] = []

    class Keep(Message):  # type: ignore[misc]
        def handle_message(self, message: Any) -> None:
            received.append(message)

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    smtp = Controller(Keep(), hostname="127.0.0.1", port=port)
    smtp.start()
    folder = tmp_path / "service"
    try:
        for running in start_service(
            sqlite_url_for(folder), smtp_host="127.0.0.1", smtp_port=port,
            mail_from="desk@hpw.example",
        ):  # fmt: skip
            _id, url = publish(running, headline="Nursing plan: two years on")
            site = Site(running, folder, url)
            assert site.sign_up("matron@example.org").status_code == 200
    finally:
        smtp.stop()
    assert [(m["To"], m["From"]) for m in received] == [("matron@example.org", "desk@hpw.example")]
    body = received[0].get_payload()
    assert "/newsletter/confirm?token=" in body and "/newsletter/unsubscribe?token=" in body
    assert received[0]["List-Unsubscribe"].startswith("<http://127.0.0.1:")
    assert not (folder / OUTBOX_NAME).exists()
