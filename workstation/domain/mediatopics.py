"""IPTC Media Topics for a story, from its section and tags (ninjs `subjects`).

A small, explicit table of words to top-level Media Topics: a health trade title's desks and
tags. A section or tag that names none of them adds no subject; nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Iterable

from workstation.domain.article import Article

MEDTOP_URI = "http://cv.iptc.org/newscodes/mediatopic/"
TOPICS = {
    "07000000": "health",
    "04000000": "economy, business and finance",
    "05000000": "education",
    "09000000": "labour",
    "11000000": "politics",
    "13000000": "science and technology",
    "14000000": "society",
}
WORDS = {
    "07000000": (
        "health", "nhs", "clinical", "nursing", "nurse", "midwife", "midwives", "gp", "gps",
        "hospital", "hospitals", "mental health", "vaccine", "vaccines", "vaccination", "mmr",
        "pharmacy", "pharmacies", "prescribing", "medicine", "medicines", "public health",
        "primary care", "social care", "patients", "icb", "trust", "trusts",
    ),
    "04000000": ("finance", "funding", "deficit", "budget", "budgets", "economy", "contract"),
    "05000000": ("education", "school", "schools", "training"),
    "09000000": ("workforce", "staffing", "recruitment", "retention", "pay", "jobs"),
    "11000000": ("policy", "politics", "government", "legislation", "bill", "regulation"),
    "13000000": ("technology", "digital", "ai", "data", "research", "science"),
    "14000000": ("equality", "inequalities", "inequality", "diversity", "society"),
}  # fmt: skip


def _codes(word: str) -> list[str]:
    key = " ".join(word.casefold().replace("-", " ").split())
    return [code for code, words in WORDS.items() if key in words]


def media_topics(article: Article) -> list[tuple[str, str]]:
    """(code, name) pairs, the section's first, each once."""
    found: list[str] = []
    words: Iterable[str] = (article.section, *article.tags)
    for word in words:
        for code in _codes(word):
            if code not in found:
                found.append(code)
    return [(code, TOPICS[code]) for code in found]
