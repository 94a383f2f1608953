"""Built-in rule kinds for numbers and dates: one to nine in words, 24 November 2022."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from workstation.domain.style.engine import Document, Hit, Options, Rule
from workstation.domain.style.findings import Field
from workstation.domain.style.markdown import at_sentence_start

WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ABBREVIATIONS = {
    "Jan": "January",
    "Feb": "February",
    "Mar": "March",
    "Apr": "April",
    "Jun": "June",
    "Jul": "July",
    "Aug": "August",
    "Sep": "September",
    "Sept": "September",
    "Oct": "October",
    "Nov": "November",
    "Dec": "December",
}

_CANDIDATE = re.compile(r"(\d(?<![\w£$€#@&+^\[]\d)\d?)(?![\w%°])")
_NEXT_WORD = re.compile(r"[ \t\u00a0]*([^\s]*)")
_PREV_WORD = re.compile(r"([\w’'.&-]+)[ \t\u00a0]*$")
_CHAINED = re.compile(r"\b(\w+)[ \t]+\d{1,3}(?:,[ \t]*\d{1,3})*[ \t]+(?:or|and|to)[ \t]+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:][’”'\")]*\s+|\n\s*)[\x00*_‘“'\"(]*$")


def _number_word(value: int, capital: bool) -> str:
    word = WORDS[value]
    return word.capitalize() if capital else word


ORDINALS = (
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)
_ORDINAL = re.compile(r"([1-9])(?<![\w£$€#@&+^\[.,][1-9])(st|nd|rd|th)\b")


class NumbersRule(Rule):
    """Numbers below `numbers.words_below` in words, except with units, money, times and
    per cent, in dates, in names such as 'type 2 diabetes' and 'band 5', and in tables."""

    kind = "numbers"
    default_safe = True
    default_tables = False

    def __init__(self, spec: Mapping[str, Any], options: Options) -> None:
        super().__init__(spec, options)
        self.below = min(int(options.get("numbers.words_below", 10)), len(WORDS))
        self.units = frozenset(str(u).lower() for u in spec.get("units", ()) or ())
        self.after_words = frozenset(str(w).lower() for w in spec.get("after_words", ()) or ())
        self.months = frozenset(m.lower() for m in MONTHS) | frozenset(
            a.lower() for a in ABBREVIATIONS
        )

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        text = doc.fields[where].masked
        for match in _CANDIDATE.finditer(text):
            digits = match.group(1)
            value = int(digits)
            if value < 1 or value >= self.below or digits.startswith("0"):
                continue
            start, end = match.span()
            if self._exempt(text, start, end):
                continue
            line_start = text.rfind("\n", 0, start) + 1
            capital = bool(_SENTENCE_START.search(text, line_start, start))
            fix = _number_word(value, capital)
            yield Hit(
                start, end, self.format(match=digits, replacement=fix), (fix,), fix, self.safe
            )
        for match in _ORDINAL.finditer(text):
            value = int(match.group(1))
            following = _NEXT_WORD.match(text, match.end())
            nxt = following.group(1).lower().strip(".,;:") if following else ""
            before = _PREV_WORD.search(text, max(0, match.start() - 20), match.start())
            prev = before.group(1).lower().rstrip(".") if before else ""
            if value >= self.below or nxt in self.months or nxt == "of" or prev in self.months:
                continue  # a date: the date rule says what to do
            start, end = match.span()
            capital = at_sentence_start(text, start)
            fix = ORDINALS[value].capitalize() if capital else ORDINALS[value]
            yield Hit(
                start,
                end,
                self.format(match=match.group(), replacement=fix),
                (fix,),
                fix,
                self.safe,
            )

    def _exempt(self, text: str, start: int, end: int) -> bool:
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        after2 = text[end + 1] if end + 1 < len(text) else " "
        if before in ".,:/–-'’\u2011" or (before == "(" and after == ")"):
            return True
        if after in ".,:/–\u2011-" and after2.isdigit():
            return True  # 2.5, 5:30, 1,000, 24/7, 3-4
        if after in "x×" or (after == "-" and not after2.isalpha()):
            return True
        following = _NEXT_WORD.match(text, end)
        nxt = following.group(1).lower().rstrip(".,;:!?)’”'\"") if following else ""
        if nxt in self.units or nxt in self.months or nxt.startswith(("%", "°", "º")):
            return True
        if (
            following
            and nxt in ("and", "or", "to")
            and _next_is_big_number(text, following.end(), self.below)
        ):
            return True
        window = text[max(0, start - 40) : start]
        chained = _CHAINED.search(window)
        if chained and chained.group(1).lower() in self.after_words:
            return True  # stage 1 or 2, type 1 and 2
        previous = _PREV_WORD.search(window)
        if previous:
            word = previous.group(1)
            lower = word.lower().rstrip(".")
            if lower in self.after_words or lower in self.months:
                return True
            if word[:1].isupper() and not _SENTENCE_START.search(window, 0, previous.start()):
                return True  # part of a name: Channel 4, Radio 4, Tier 2
        return False


_BIG = re.compile(r"[ \t]*(?:£|\$|€)?(\d[\d,]*)")


def _next_is_big_number(text: str, pos: int, below: int) -> bool:
    match = _BIG.match(text, pos)
    return match is not None and int(match.group(1).replace(",", "") or 0) >= below


_MONTH = "|".join(MONTHS)
_ABBR = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
_ANY_MONTH = rf"(?:{_MONTH}|(?:{_ABBR})\b\.?)"
_DATE_PATTERNS = (
    (
        "ordinal",
        re.compile(
            rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)(?:\s+of)?\s+(?P<month>{_ANY_MONTH})"
            rf"(?:,?\s+(?P<year>\d{{4}}))?(?!\w)"
        ),
    ),
    (
        "us_order",
        re.compile(
            rf"\b(?P<month>{_ANY_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\w,.:/-]\d)(?!\w)"
            rf"(?:,?\s+(?P<year>\d{{4}})\b)?"
        ),
    ),
    (
        "abbreviated",
        re.compile(
            rf"\b(?P<day>[0-3]?\d)\s+(?P<month>(?:{_ABBR})\b\.?)(?:,?\s+(?P<year>\d{{4}})\b)?"
        ),
    ),
    ("month_year", re.compile(rf"\b(?P<month>(?:{_ABBR})\b\.?),?\s+(?P<year>\d{{4}})\b")),
    ("abbreviated", re.compile(rf"\b(?P<month>(?:{_ABBR})\.)(?=\s+(?:and|to|or|\d))")),
    (
        "abbreviated",
        re.compile(  # only the month is the finding ("in Jan." -> "in January")
            rf"\b(?:in|by|from|until|since|before|after) (?P<month>(?:{_ABBR})\b\.?)"
        ),
    ),
    ("comma", re.compile(rf"\b(?P<day>[0-3]?\d)\s+(?P<month>{_MONTH}),\s+(?P<year>\d{{4}})\b")),
    ("comma", re.compile(rf"\b(?P<month>{_MONTH}),\s+(?P<year>\d{{4}})\b")),
    ("numeric", re.compile(r"(?P<numeric>\d(?<![\w/.]\d)\d?/\d{1,2}/(?:\d{4}|\d{2}))(?![\w/])")),
)


class DateRule(Rule):
    """Dates as 24 November 2022: no ordinals, full month names, day before month, no comma."""

    kind = "dates"
    default_safe = True
    default_tables = False

    def __init__(self, spec: Mapping[str, Any], options: Options) -> None:
        super().__init__(spec, options)
        messages = spec.get("messages", {}) or {}
        self.messages = {str(k): str(v) for k, v in messages.items()}

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        text = doc.fields[where].masked
        taken: list[tuple[int, int]] = []
        for name, match in date_matches(text, doc.word_index(where)):
            groups = match.groupdict()
            only_month = not groups.get("day") and not groups.get("year")
            start, end = match.span("month" if only_month and "month" in groups else 0)
            if any(s < end and start < e for s, e in taken):
                continue
            if name == "us_order" and text[max(0, start - 3) : start].lower() == "in ":
                continue  # 'in May 12 trusts...' counts trusts
            if groups.get("numeric"):
                taken.append((start, end))
                yield Hit(start, end, self.format(self.messages.get(name), match=match.group()))
                continue
            day = int(groups["day"]) if groups.get("day") else None
            if day is not None and not 1 <= day <= 31:
                continue
            month = groups["month"].rstrip(".")
            month = ABBREVIATIONS.get(month, month)
            fix = " ".join(str(part) for part in (day, month, groups.get("year")) if part)
            found = text[start:end]
            if found.endswith(".") and _ends_sentence(text, end):
                fix += "."  # 'due in Jan.' ends the sentence too
            if fix == found:
                continue
            taken.append((start, end))
            yield Hit(
                start,
                end,
                self.format(self.messages.get(name), match=found, replacement=fix),
                (fix,),
                fix,
                self.safe,
            )


_MONTH_KEYS = tuple(m.lower() for m in MONTHS) + tuple(a.lower() for a in ABBREVIATIONS)
_WINDOW_BEFORE, _WINDOW_AFTER = 20, 40


def date_matches(
    text: str,
    index: dict[str, list[int]] | None = None,
) -> Iterator[tuple[str, re.Match[str]]]:
    """Every date pattern's matches, pattern by pattern. With the field's word index, the month
    patterns only search windows around month names (the same matches, found faster)."""
    windows = [(0, len(text))]
    if index is not None:
        anchors = sorted(p for key in _MONTH_KEYS for p in index.get(key, ()))
        windows = _windows(text, anchors)
    for name, pattern in _DATE_PATTERNS:
        if name == "numeric":
            for match in pattern.finditer(text):
                yield name, match
            continue
        for lo, hi in windows:
            for match in pattern.finditer(text, lo, hi):
                yield name, match


def _windows(text: str, anchors: list[int]) -> list[tuple[int, int]]:
    """Merged spans around each anchor, widened to white space so no word is cut."""
    spans: list[tuple[int, int]] = []
    for anchor in anchors:
        lo = max(0, anchor - _WINDOW_BEFORE)
        lo = max(text.rfind(" ", 0, lo), text.rfind("\n", 0, lo)) + 1
        hi = min(len(text), anchor + _WINDOW_AFTER)
        ends = [i for i in (text.find(" ", hi), text.find("\n", hi)) if i != -1]
        hi = min(ends) if ends else len(text)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    return spans


def _ends_sentence(text: str, end: int) -> bool:
    rest = text[end : end + 3]
    return not rest.strip() or rest[:1] == "\n" or (rest[:1] == " " and rest[1:2].isupper())
