"""The newsletter's pages on the reader site: the signup form's target, confirm, unsubscribe.

The signup form is on every article page (render: the same page as the preview). Posts are
checked against forgery twice: the browser's Origin (or Referer) must be this site, and the
form must carry a token this service signed in the last two days (pages are cached, so the
token is not per visitor). Signups are limited per client address, counted in the database
so that every service process keeps the one limit. Addresses never reach a
log: only subscriber numbers do.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from workstation.domain.newsletter import (
    CONFIRM_PATH,
    CONSENT_TEXT,
    SUBSCRIBE_PATH,
    UNSUBSCRIBE_PATH,
    consent_version,
    normal_email,
)
from workstation.domain.preferences import Preferences
from workstation.service import mailer, newsletter
from workstation.service.deps import site_url, state_of

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
MAX_FORM_BYTES = 4096
DAY = 86_400


def form_token(secret: bytes, day: int | None = None) -> str:
    """`<day>.<signature>`: valid for the day it was made and the next."""
    day = int(time.time() // DAY) if day is None else day
    mac = hmac.new(secret, f"newsletter:{day}".encode(), hashlib.sha256).hexdigest()[:32]
    return f"{day}.{mac}"


def token_ok(secret: bytes, token: str) -> bool:
    day_text, _, _ = token.partition(".")
    if not day_text.isdigit():
        return False
    day = int(day_text)
    today = int(time.time() // DAY)
    return day in (today, today - 1) and hmac.compare_digest(token, form_token(secret, day))


def same_origin(request: Request) -> bool:
    """The post came from a page of this site (Origin, else Referer; neither: refused)."""
    site = urlsplit(site_url(request))
    own = {(site.scheme, site.netloc), (request.url.scheme, request.url.netloc)}
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    source = request.headers.get("origin") or request.headers.get("referer") or ""
    parts = urlsplit(source)
    return (parts.scheme, parts.netloc) in own


def _page(request: Request, status: int, title: str, lines: list[str], **form: Any) -> HTMLResponse:
    from workstation.render import render_site_page

    config = state_of(request).config
    prefs = Preferences(site_name=config.site_name, site_url=site_url(request))
    context = {"action": "", "token": "", "button": "", **form}
    html = render_site_page("message.html", prefs, title, heading=title, lines=lines, **context)
    return HTMLResponse(html, status, headers={"Cache-Control": "no-store"})


async def _form(request: Request) -> dict[str, str]:
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return {}
    fields = parse_qs(body.decode("utf-8", "replace"), max_num_fields=10)
    return {key: values[0] for key, values in fields.items() if values}


@router.post(SUBSCRIBE_PATH)
async def subscribe(request: Request) -> HTMLResponse:
    state = state_of(request)
    if not same_origin(request):
        return _page(request, 403, "Sign-up refused", ["Please sign up from the form on our site."])
    form = await _form(request)
    if not token_ok(state.form_secret, form.get("csrf_token", "")):
        return _page(
            request,
            403,
            "Sign-up refused",
            ["The form has expired: reload the page and try again."],
        )
    client = request.client.host if request.client else "unknown"
    if not await run_in_threadpool(state.signups.allow, client):
        response = _page(request, 429, "Too many sign-ups", ["Please try again in a few minutes."])
        response.headers["Retry-After"] = str(int(state.config.signup_window))
        return response
    email = normal_email(form.get("email", ""))
    if email is None:
        return _page(request, 422, "Check the address", ["That is not an email address."])
    if form.get("consent") != "yes" or form.get("consent_version") != consent_version():
        return _page(
            request, 422, "Consent needed", ["Tick the box to agree to receive the newsletter."]
        )
    await run_in_threadpool(_subscribe, state, email, site_url(request))
    # The same words whether or not the address was on the list already: no one can learn
    # from this page who subscribes.
    return _page(
        request,
        200,
        "Check your inbox",
        ["We have sent you an email with a link: use it to confirm your subscription."],
    )


def _subscribe(state: Any, email: str, site: str) -> newsletter.Signup | None:
    with state.db.session() as session:
        signup = newsletter.subscribe(session, email, CONSENT_TEXT, consent_version(), site)
    if signup is not None:
        mailer.send_confirmation(state.config, signup)
        log.info("newsletter: subscriber %d signed up, awaiting confirmation", signup.subscriber_id)
    return signup


@router.get(CONFIRM_PATH)
def confirm_page(request: Request, token: str = "") -> HTMLResponse:
    return _page(
        request,
        200,
        "Confirm your subscription",
        ["One more step: press the button to start receiving the newsletter."],
        action=CONFIRM_PATH,
        token=token,
        button="Confirm my subscription",
    )


@router.post(CONFIRM_PATH)
async def confirm(request: Request) -> HTMLResponse:
    token = (await _form(request)).get("token", "")
    found = await run_in_threadpool(_confirm, state_of(request), token)
    if found is None:
        return _page(request, 404, "Link not recognised", ["This confirm link is used or unknown."])
    log.info("newsletter: subscriber %d confirmed", found[0])
    return _page(
        request,
        200,
        "You are subscribed",
        ["Thank you. Every newsletter has an unsubscribe link."],
        action=UNSUBSCRIBE_PATH,
        token=found[1],
        button="Unsubscribe",
    )


def _confirm(state: Any, token: str) -> tuple[int, str] | None:
    with state.db.session() as session:
        row = newsletter.confirm(session, token)
        return None if row is None else (row.id, row.unsubscribe_token)


def _unsubscribe(state: Any, token: str) -> bool:
    with state.db.session() as session:
        return newsletter.unsubscribe(session, token)


@router.get(UNSUBSCRIBE_PATH)
def unsubscribe_page(request: Request, token: str = "") -> HTMLResponse:
    return _page(
        request,
        200,
        "Unsubscribe",
        ["Press the button to stop receiving the newsletter."],
        action=UNSUBSCRIBE_PATH,
        token=token,
        button="Unsubscribe",
    )


@router.post(UNSUBSCRIBE_PATH)
async def unsubscribe(request: Request) -> HTMLResponse:
    token = (await _form(request)).get("token", "")
    if not await run_in_threadpool(_unsubscribe, state_of(request), token):
        return _page(request, 404, "Link not recognised", ["This unsubscribe link is unknown."])
    return _page(request, 200, "You have been unsubscribed", ["You will get no more newsletters."])


class RedactTokens(logging.Filter):
    """Access logs (uvicorn's) show the newsletter's links without their tokens."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and any(
            isinstance(a, str) and "token=" in a for a in record.args
        ):
            record.args = tuple(
                _TOKEN.sub(r"\1[redacted]", a) if isinstance(a, str) else a for a in record.args
            )
        return True


_TOKEN = re.compile(r"(token=)[^&\s\"]*")


def redact_access_log() -> None:
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactTokens) for f in access.filters):
        access.addFilter(RedactTokens())
