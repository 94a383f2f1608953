"""Who may read a story: the health-professionals-only gate (ABPI Code clause 28 restricts the
promotion of prescription medicines to health professionals).

A story's own `gate` wins; without one, its section's default (Preferences.professional_sections);
otherwise the site's (Preferences.professionals_only).
"""

from __future__ import annotations

from workstation.domain.article import Article
from workstation.domain.preferences import Preferences

DECLARATION = "I am a healthcare professional"
GATE_HEADING = "This content is intended for health professionals only"
GATED_SELECTOR = ".gated-body"
"""The CSS selector of the gated part, named in the page's JSON-LD (hasPart.cssSelector)."""
SPONSORED_LABEL = "Sponsored"


def professional_sections(prefs: Preferences) -> set[str]:
    """The sections whose stories default to professionals only, compared case-blind."""
    return {s.strip().casefold() for s in prefs.professional_sections.split(",") if s.strip()}


def section_default(article: Article, prefs: Preferences) -> bool:
    """The gate a story of this section gets when it says nothing itself."""
    if article.section.strip().casefold() in professional_sections(prefs):
        return True
    return prefs.professionals_only


def is_gated(article: Article, prefs: Preferences) -> bool:
    """Is the body behind the self-declaration?"""
    return section_default(article, prefs) if article.gate is None else article.gate


def public_summary(article: Article, prefs: Preferences) -> str:
    """What a public surface (feed, link card, Open Graph, ninjs) may say of the story: the
    standfirst. Never the body, gated or not: a description is not an extract."""
    return article.standfirst.strip()
