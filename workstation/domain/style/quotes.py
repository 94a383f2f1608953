"""Quotation marks in context: which mark opens, closes or is an apostrophe, at what depth.

One reading of a paragraph shared by the straight-quotes and quote-style rules, so the fix of
one is never flagged by the other: straight or curly, single or double, every mark gets its
role (opening, closing, apostrophe) and nesting depth, and so the house character for it.
Runs on masked text (code, URLs and markup masked), so nothing there is ever read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workstation.domain.style.markdown import MASK

OPEN = "open"
CLOSE = "close"
APOSTROPHE = "apostrophe"
UNKNOWN = "unknown"

QUOTE_CHARS = "'\"‘’“”"
SINGLE = "'‘’"
APOSTROPHE_MARK = "’"
_EMPHASIS = "*_~"
_OPENING_PUNCTUATION = "([{—–-/"
_MARKS = re.compile(r"['\"‘’“”]")
# '90s, class of '97, rock 'n' roll, 'em, 'tis: an apostrophe where a quote could open.
_ELISION = re.compile(r"(?:\d\ds\b|\d\d\b(?![.,]?\d|\s*(?:%|per\b))|(?:em|n|tis|twas)\b)")
_MAX_SHOWN = 40
_LOOK_AHEAD = 50
"""How many marks ahead a plural possessive looks for the quotation's end."""
_MAX_READ = 2 * _MAX_SHOWN
"""How much of a quotation is read to show it (a message shows only the first words)."""


@dataclass(frozen=True, slots=True)
class Mark:
    """One quotation mark or apostrophe: where, what it does, and the house character for it."""

    index: int
    char: str
    role: str
    depth: int = 0
    partner: int | None = None
    """The index of the matching closing (for an opening mark) or opening mark."""
    house: str = ""
    """The character the house style wants here ("" when the role is unknown)."""

    @property
    def straight(self) -> bool:
        return self.char in "'\""


def house_pairs(style: str, nested: str | None = None) -> tuple[tuple[str, str], tuple[str, str]]:
    """The first-level and nested pairs for `quotes.body` (single or double) and `quotes.nested`."""
    nested = nested or ("double" if style == "single" else "single")
    outer = ("‘", "’") if style != "double" else ("“", "”")
    inner = ("“", "”") if nested == "double" else ("‘", "’")
    return outer, inner


def _context(masked: str, source: str, i: int, start: int, end: int, step: int) -> str:
    """The character next to `i` (step -1: before, +1: after), skipping Markdown emphasis;
    a space at the paragraph's edge. A masked character reads as a space where it stands for a
    line prefix (block quote, table pipe) and as a letter otherwise (code, a link target)."""
    j = i + step
    while start <= j < end and masked[j] in _EMPHASIS:
        j += step
    if not start <= j < end:
        return " "
    ch = masked[j]
    if ch == MASK:
        return " " if source[j].isspace() or source[j] in ">|" else "x"
    return ch


def _family(ch: str) -> str:
    return "single" if ch in SINGLE else "double"


def _word_inside(masked: str, i: int, start: int, end: int) -> bool:
    before = masked[i - 1] if i > start else " "
    after = masked[i + 1] if i + 1 < end else " "
    return before.isalnum() and after.isalnum()


def quote_marks(
    masked: str,
    source: str,
    p_start: int,
    p_end: int,
    outer: tuple[str, str],
    inner: tuple[str, str],
) -> list[Mark]:
    """Every quotation mark and apostrophe in one paragraph, in order, with its role."""
    candidates = [m.start() for m in _MARKS.finditer(masked, p_start, p_end)]
    roles: dict[int, str] = {}
    depths: dict[int, int] = {}
    partners: dict[int, int] = {}
    stack: list[tuple[str, int]] = []  # (family, index) of open quotations
    for n, i in enumerate(candidates):
        ch = masked[i]
        before = _context(masked, source, i, p_start, p_end, -1)
        after = _context(masked, source, i, p_start, p_end, +1)
        if before in QUOTE_CHARS:
            j = i - 1
            while masked[j] in _EMPHASIS:
                j -= 1
            opening_context = roles.get(j) == OPEN
        else:
            opening_context = before.isspace() or before in _OPENING_PUNCTUATION
        role = _first_reading(masked, i, p_start, p_end, ch, opening_context, after)
        if role == CLOSE:
            family = _family(ch)
            found = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == family), None)
            if family == "single" and (
                found is None
                or found != len(stack) - 1
                or _possessive(masked, source, candidates, n + 1, p_start, p_end)
            ):
                role = APOSTROPHE  # the nurses’ union, not the end of the quotation
            elif found is None:
                role = UNKNOWN
            else:
                opener = stack[found][1]
                del stack[found:]
                depths[i] = depths[opener]
                partners[i], partners[opener] = opener, i
        elif role == OPEN:
            depths[i] = len(stack)
            stack.append((_family(ch), i))
        roles[i] = role
    marks = []
    for i in candidates:
        role, depth = roles[i], depths.get(i, 0)
        pair = outer if depth % 2 == 0 else inner
        house = {OPEN: pair[0], CLOSE: pair[1], APOSTROPHE: APOSTROPHE_MARK}.get(role, "")
        marks.append(Mark(i, masked[i], role, depth, partners.get(i), house))
    return marks


def _first_reading(
    masked: str, i: int, start: int, end: int, ch: str, opening_context: bool, after: str
) -> str:
    """The mark's role from its neighbours alone (before the quotations are paired)."""
    if ch in SINGLE and _word_inside(masked, i, start, end):
        return APOSTROPHE  # don't, nurse’s
    if ch in "'’‘" and opening_context and _ELISION.match(masked, i + 1):
        return APOSTROPHE  # ’90s, ’em
    if ch in "‘“":
        return OPEN
    if ch == "”":
        return CLOSE
    if opening_context and not after.isspace():
        return OPEN if ch != "’" else APOSTROPHE
    if not opening_context:
        return CLOSE
    return UNKNOWN  # a mark standing alone between spaces


def _possessive(
    masked: str, source: str, candidates: list[int], n: int, start: int, end: int
) -> bool:
    """Whether a single mark after an s that could close the quotation is rather a plural
    possessive (‘The nurses’ union is right,’ she said): it is when the next single mark that
    is not inside a word would close the quotation too (`candidates[n - 1]` is the mark)."""
    i = candidates[n - 1]
    if masked[i - 1 : i] not in ("s", "S"):
        return False
    if not _context(masked, source, i, start, end, +1).isspace():
        return False
    for j in candidates[n : n + _LOOK_AHEAD]:
        ch = masked[j]
        if ch not in SINGLE or _word_inside(masked, j, start, end):
            continue
        if ch == "‘":
            return False
        before = _context(masked, source, j, start, end, -1)
        return not (before.isspace() or before in _OPENING_PUNCTUATION or before in "‘“")
    return False


def shown(text: str) -> str:
    """A quotation or word as a message shows it: one line, no emphasis marks, kept short."""
    text = " ".join(text.replace(MASK, " ").split()).strip(_EMPHASIS + " ").rstrip(",;:")
    if len(text) > _MAX_SHOWN:
        text = text[: _MAX_SHOWN - 1].rstrip() + "…"
    return text


def _as_house(source: str, lo: int, hi: int, houses: dict[int, str]) -> str:
    """source[lo:hi] with each quotation mark as the house writes it."""
    pieces: list[str] = []
    last = lo
    for match in _MARKS.finditer(source, lo, hi):
        k = match.start()
        pieces.append(source[last:k])
        pieces.append(houses.get(k) or source[k])
        last = k + 1
    pieces.append(source[last:hi])
    return "".join(pieces)


def quoted_text(mark: Mark, source: str, p_end: int, houses: dict[int, str]) -> str:
    """The words of the quotation a mark opens or closes (to the paragraph end when open),
    with the quotation marks inside it as the house writes them."""
    if mark.role == OPEN:
        start, end = mark.index + 1, mark.partner if mark.partner is not None else p_end
    elif mark.role == CLOSE and mark.partner is not None:
        start, end = mark.partner + 1, mark.index
    else:
        return ""
    return shown(_as_house(source, start, min(end, start + _MAX_READ), houses))


_WORD_CHARS = re.compile(r"[\w'’‘]")


def word_around(source: str, i: int, start: int, end: int, houses: dict[int, str]) -> str:
    """The word an apostrophe is part of, with its marks as the house writes them."""
    lo, hi = i, i + 1
    start, end = max(start, i - _MAX_SHOWN), min(end, i + _MAX_SHOWN)
    while lo > start and _WORD_CHARS.match(source[lo - 1]):
        lo -= 1
    while hi < end and _WORD_CHARS.match(source[hi]):
        hi += 1
    return shown(_as_house(source, lo, hi, houses))
