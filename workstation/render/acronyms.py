"""Acronyms spelled out at first use, `Workforce Race Equality Standard (WRES)`, as a glossary."""

from __future__ import annotations

import re

_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9]{1,9})\)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*")
_STOPWORDS = frozenset({"of", "and", "for", "the", "on", "in", "to", "at", "&", "a"})
_LOOKBACK_CHARS = 160
MAX_ACRONYMS = 200


def find_acronyms(text: str) -> dict[str, str]:
    """{acronym: expansion} for every `Words Of The Thing (WOTT)` whose initials match.

    Only letters count as initials; small joining words may be skipped (of, and, for, the).
    The first spelling-out wins, so a later, different expansion does not override it.
    """
    found: dict[str, str] = {}
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        if acronym in found:
            continue
        letters = [ch for ch in acronym.lower() if ch.isalpha()]
        if len(letters) < 2:
            continue
        window = text[max(0, match.start() - _LOOKBACK_CHARS) : match.start()]
        if "\n\n" in window:
            window = window.rsplit("\n\n", 1)[1]
        words = _WORD.findall(window)
        expansion = _match_initials(words, letters)
        if expansion:
            found[acronym] = expansion
            if len(found) >= MAX_ACRONYMS:
                break
    return found


def _match_initials(words: list[str], letters: list[str]) -> str:
    """The shortest tail of `words` whose initials spell `letters`, joined by spaces; or ''."""
    need = len(letters) - 1
    picked: list[str] = []
    for word in reversed(words[-(2 * len(letters) + 2) :]):
        if need < 0:
            break
        initial = word[0].lower()
        if initial == letters[need]:
            picked.append(word)
            need -= 1
        elif word.lower() in _STOPWORDS and picked:
            picked.append(word)
        else:
            return ""
    if need >= 0:
        return ""
    return " ".join(reversed(picked))
