"""The user's preferences as one typed value; files and QSettings are only adapters."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Preferences:
    """Site settings used by the page, and editor settings used by the window."""

    site_name: str = "Health Policy Weekly (demo)"
    audience_notice: str = "This site is intended for health professionals only"
    newsletter_text: str = "Want news like this straight to your inbox?"
    newsletter_link_text: str = "Sign up to our daily newsletter"
    newsletter_url: str = "https://example.org/newsletter"
    site_url: str = "http://127.0.0.1:8765"
    professionals_only: bool = False
    """The site's default audience gate: True puts every story behind the self-declaration."""
    professional_sections: str = ""
    """Sections whose stories default to health professionals only, comma-separated."""
    author_name: str = ""
    preview_font_size: int = 16
    autosave_pause_ms: int = 500
    revision_interval_minutes: int = 5
    related_max: int = 5
    default_publish_target: str = ""
    theme: str = "system"
    allow_plaintext_secrets: bool = False
    """The documented opt-in: without a keyring, keep tokens in an unencrypted file (0600)."""
    time_zone: str = "Europe/London"
    """The newsroom's zone: schedule times are entered and shown in it."""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> tuple[Preferences, list[str]]:
        """Known keys of the right type are taken; the rest is reported, never fatal."""
        defaults = cls()
        values: dict[str, Any] = {}
        problems: list[str] = []
        for f in dataclasses.fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            expected = type(getattr(defaults, f.name))
            if type(value) is not expected:
                problems.append(f"preference '{f.name}' should be {expected.__name__}; ignored")
                continue
            values[f.name] = value
        for key in data:
            if key not in {f.name for f in dataclasses.fields(cls)}:
                problems.append(f"unknown preference '{key}' ignored")
        return cls(**values), problems

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)
