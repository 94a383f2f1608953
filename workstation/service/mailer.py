"""Sending the newsletter's confirmation mail: by SMTP when a host is set, otherwise to a local
outbox file (JSON lines) that `workstation newsletter pending` lists."""

from __future__ import annotations

import json
import logging
import smtplib
import threading
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from workstation.domain.article import now_utc
from workstation.service.config import ServiceConfig
from workstation.service.newsletter import Signup

log = logging.getLogger(__name__)
OUTBOX_NAME = "newsletter-outbox.jsonl"
_lock = threading.Lock()


def outbox_path(config: ServiceConfig) -> Path:
    """The configured outbox, or one beside the SQLite database (or in the working folder)."""
    if config.mail_outbox:
        return Path(config.mail_outbox)
    url = make_url(config.database_url)
    if url.get_backend_name() == "sqlite" and url.database:
        return Path(url.database).parent / OUTBOX_NAME
    return Path.cwd() / OUTBOX_NAME


def confirmation_message(signup: Signup, site_name: str) -> tuple[str, str]:
    subject = f"Confirm your subscription to {site_name}"
    body = (
        f"Please confirm that you want the {site_name} newsletter:\n\n"
        f"{signup.confirm_url}\n\n"
        "If you did not ask for it, ignore this message and nothing more will be sent.\n"
        f"Unsubscribe at any time: {signup.unsubscribe_url}\n"
    )
    return subject, body


def send_confirmation(config: ServiceConfig, signup: Signup) -> None:
    """Mail the confirm link. Logs the subscriber's number, never the address."""
    subject, body = confirmation_message(signup, config.site_name)
    if config.smtp_host:
        # Header lines up to RFC 5322's 998: a long List-Unsubscribe URL stays one readable URL.
        message = EmailMessage(policy=SMTP_POLICY.clone(max_line_length=998))
        message["From"] = config.mail_from
        message["To"] = signup.email
        message["Subject"] = subject
        message["List-Unsubscribe"] = f"<{signup.unsubscribe_url}>"
        message.set_content(body)
        with smtplib.SMTP(config.smtp_host, config.smtp_port, timeout=20) as smtp:
            smtp.send_message(message)
        log.info("newsletter: confirmation for subscriber %d sent by SMTP", signup.subscriber_id)
        return
    entry = {
        "subscriber": signup.subscriber_id,
        "to": signup.email,
        "subject": subject,
        "body": body,
        "confirm_url": signup.confirm_url,
        "created_at": now_utc().isoformat(),
    }
    path = outbox_path(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _lock, path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(entry, ensure_ascii=False) + "\n")
    log.info(
        "newsletter: confirmation for subscriber %d written to the outbox", signup.subscriber_id
    )


def read_outbox(path: Path) -> Iterator[dict[str, Any]]:
    """The outbox's messages, oldest first (lines that do not parse are skipped)."""
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(entry, dict):
            yield entry
