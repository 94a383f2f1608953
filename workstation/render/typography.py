"""British smart punctuation for plain-text fields (headline, standfirst, byline, related)."""

from __future__ import annotations

import re

_OPENING_CONTEXT = re.compile(r"(^|[\s(\[{\u2018\u2013\u2014-])$")
_DECADE = re.compile(r"'(?=\d\ds\b)")
MAX_SMARTEN_CHARS = 10_000


def smarten(text: str) -> str:
    """Straight quotes to single curly quotes (the primary pair), apostrophes to ’, -- to –,
    --- to — and ... to …, the way the body's Markdown renderer treats them."""
    if not text or len(text) > MAX_SMARTEN_CHARS:
        return text  # a field this long is not a headline; leave it as typed
    text = text.replace("---", "\u2014").replace("--", "\u2013").replace("...", "\u2026")
    text = _DECADE.sub("\u2019", text)
    out: list[str] = []
    for index, char in enumerate(text):
        if char in "\"'":
            before = text[max(0, index - 1) : index]
            opening = (
                bool(_OPENING_CONTEXT.search(before))
                and index + 1 < len(text)
                and (not text[index + 1].isspace())
            )
            out.append("\u2018" if opening else "\u2019")
        else:
            out.append(char)
    return "".join(out)
