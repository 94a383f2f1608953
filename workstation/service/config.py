"""How a service instance is set up: database, public URL, limits and timings."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class ServiceConfig:
    """Settings of one service instance; `site_url` empty means "the URL the request came to"."""

    database_url: str
    site_url: str = ""
    site_name: str = "Health Policy Weekly"
    media_max_bytes: int = 10 * MIB
    scheduler_interval: float = 1.0
    page_max_age: int = 60
    # When set, only content whose workflow status is "approved" (or already live) may go live,
    # whoever asks: a subeditor approves, a publisher publishes.
    require_approval: bool = False
    # Newsletter mail: with no SMTP host the confirmation mails go to a local outbox file
    # (`workstation newsletter pending` lists them); empty means beside the SQLite database.
    mail_outbox: str = ""
    smtp_host: str = ""
    smtp_port: int = 25
    mail_from: str = "newsletter@localhost"
    # Signups per client address within the window (seconds), then 429.
    signup_limit: int = 5
    signup_window: float = 600.0
