"""The newsletter's words that are stored with each signup: the consent wording and its version.

The version is derived from the wording, so a changed wording is a new version by itself and a
stored signup always says which words the reader agreed to.
"""

from __future__ import annotations

import hashlib
import re

CONSENT_TEXT = (
    "Yes, email me the daily newsletter. I can unsubscribe at any time with the link in every "
    "email; my address is used for nothing else."
)
SUBSCRIBE_PATH = "/newsletter/subscribe"
CONFIRM_PATH = "/newsletter/confirm"
UNSUBSCRIBE_PATH = "/newsletter/unsubscribe"
MAX_EMAIL = 254
_EMAIL = re.compile(r"^[^@\s<>\"',;]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def consent_version(text: str = CONSENT_TEXT) -> str:
    """`v-` and the first 12 hex digits of the wording's SHA-256."""
    return "v-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def normal_email(text: str) -> str | None:
    """The address, trimmed and with its domain in lower case; None when it is not one."""
    text = text.strip()
    if len(text) > MAX_EMAIL or not _EMAIL.match(text):
        return None
    local, _, domain = text.rpartition("@")
    return f"{local}@{domain.lower()}"
