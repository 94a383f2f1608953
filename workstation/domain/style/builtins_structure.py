"""Built-in rule kinds over structure: acronyms at first use, lengths, sentences, paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from workstation.domain.style.engine import Document, Hit, Options, Rule
from workstation.domain.style.findings import Field

_ACRONYM = re.compile(r"([A-Z](?<![\w&.’'-][A-Z])[A-Z&]*[A-Z])(s|’s|'s)?(?![\w&’'-]|\.\w)")
_ROMAN = re.compile(r"^[IVXLC]+$")
_WORD = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")


class AcronymRule(Rule):
    """Spell out an acronym at first use: 'integrated care board (ICB)', unless everyone knows it
    (vocabulary `acronyms`). Expansions in the vocabulary give a suggestion."""

    kind = "acronyms"
    default_quotes = "lower"

    def __init__(self, spec: Mapping[str, Any], options: Options) -> None:
        super().__init__(spec, options)
        self.known = options.words("acronyms")
        raw = options.vocabulary.get("expansions", {}) or {}
        self.expansions = {str(k): str(v) for k, v in raw.items()}
        self.max_length = int(spec.get("max_length", 7))

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        scanned = doc.fields[where]
        text = scanned.masked
        seen: set[str] = set()
        names: list[tuple[int, str]] | None = None  # (end, initials) of capitalised names
        lower: str | None = None
        for match in _ACRONYM.finditer(text):
            token = match.group(1)
            if (
                token in seen
                or token in self.known
                or len(token) > self.max_length
                or _ROMAN.match(token)
                or token.replace("&", "") == ""
            ):
                continue
            start, end = match.start(1), match.end(1)
            if scanned.in_heading(start, end) or _shouting(text, start, end):
                continue
            seen.add(token)
            if _defined_here(text, start, end + len(match.group(2) or "")):
                continue
            expansion = self.expansions.get(token)
            if names is None or lower is None:
                names, lower = _names(text), text.lower()
            if (expansion and expansion.lower() in lower[:start]) or any(
                end_ <= start and token.replace("&", "") in initials for end_, initials in names
            ):
                continue  # spelled out earlier: the Football Association ... the FA Cup
            suggestions: tuple[str, ...] = ()
            fix = None
            if expansion:
                fix = f"{expansion} ({token}{match.group(2) or ''})"
                if match.group(2) == "s" and not expansion.endswith("s"):
                    fix = f"{expansion}s ({token}s)"
                suggestions = (fix,)
                end = match.end()
            hint = f", e.g. ‘{fix}’" if fix else ""
            yield Hit(start, end, self.format(match=token, example=hint), suggestions, fix, False)


def _shouting(text: str, start: int, end: int) -> bool:
    """Part of a run of capitals (a shouted phrase or a capitalised heading), not an acronym."""
    before = text[max(0, start - 30) : start].split()
    after = text[end : end + 30].split()
    neighbours = before[-1:] + after[:1]
    return sum(1 for w in neighbours if len(w) > 2 and w.isupper()) >= 2 or (
        bool(neighbours)
        and all(w.isupper() and len(w) > 3 for w in neighbours)
        and len(neighbours) == 2
    )


_NAME = re.compile(r"[A-Z][\w’'-]*(?:[ \t]+(?:(?:of|and|for|the|on|in|&)[ \t]+)*[A-Z][\w’'-]*)+")


def _names(text: str) -> list[tuple[int, str]]:
    """Where each run of capitalised words ends, and its capitals ('Care Quality Commission'
    gives 'CQC'): a full name written out earlier defines its acronym."""
    return [
        (m.end(), "".join(w[0] for w in m.group().split() if w[0].isupper()))
        for m in _NAME.finditer(text)
    ]


def _defined_here(text: str, start: int, end: int) -> bool:
    """'Care Quality Commission (CQC)' or 'CQC (Care Quality Commission)'."""
    before = text[max(0, start - 5) : start]
    after = text[end : end + 2]
    if before.endswith(("(", "(the ")) and after.startswith((")", ",", ";")):
        return True
    return after.startswith(" (") and text[end + 2 : end + 3].isalpha()


class LengthRule(Rule):
    """A field's length in characters against `lengths.<field>.min/max` (headline, standfirst)."""

    kind = "length"

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        source = doc.fields[where].source
        text = source.strip()
        if not text:
            return
        lo = int(self.options.get(f"lengths.{where.value}.min", 0))
        hi = int(self.options.get(f"lengths.{where.value}.max", 10_000))
        count = len(text)
        start = len(source) - len(source.lstrip())
        if count > hi:
            yield Hit(
                start + hi,
                start + count,
                self.format(
                    field=where.value,
                    count=str(count),
                    limit=str(hi),
                    problem="long",
                    bound="maximum",
                ),
            )
        elif count < lo:
            yield Hit(
                start,
                start + count,
                self.format(
                    field=where.value,
                    count=str(count),
                    limit=str(lo),
                    problem="short",
                    bound="minimum",
                ),
                severity=None,
            )


class SentenceLengthRule(Rule):
    """Sentences longer than `sentences.max_words` words."""

    kind = "sentence_length"
    default_tables = False

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        scanned = doc.fields[where]
        limit = int(self.options.get("sentences.max_words", 40))
        for p_start, p_end in scanned.paragraphs:
            if scanned.in_heading(p_start, p_end) or scanned.in_table(p_start, p_end):
                continue
            for s_start, s_end in doc.sentences(where, p_start, p_end):
                count = len(_WORD.findall(scanned.masked, s_start, s_end))
                if count > limit:
                    yield Hit(s_start, s_end, self.format(count=str(count), limit=str(limit)))


class ParagraphLengthRule(Rule):
    """Paragraphs of more than `paragraphs.max_sentences` sentences or `max_words` words."""

    kind = "paragraph_length"
    default_tables = False

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        scanned = doc.fields[where]
        max_sentences = int(self.options.get("paragraphs.max_sentences", 4))
        max_words = int(self.options.get("paragraphs.max_words", 100))
        for p_start, p_end in scanned.paragraphs:
            if scanned.in_heading(p_start, p_end) or scanned.in_table(p_start, p_end):
                continue
            spans = doc.sentences(where, p_start, p_end)
            words = len(_WORD.findall(scanned.masked, p_start, p_end))
            if len(spans) > max_sentences:
                yield Hit(
                    spans[max_sentences][0],
                    spans[-1][1],
                    self.format(count=str(len(spans)), unit="sentences", limit=str(max_sentences)),
                )
            elif words > max_words:
                yield Hit(
                    spans[0][0] if spans else p_start,
                    spans[-1][1] if spans else p_end,
                    self.format(count=str(words), unit="words", limit=str(max_words)),
                )


_SMALL = frozenset(
    (
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "up",
        "via",
        "with",
        "vs",
    )
)


class TitleCaseRule(Rule):
    """Headlines in sentence case: flag Title Case Headlines (names and acronyms aside)."""

    kind = "title_case"

    def __init__(self, spec: Mapping[str, Any], options: Options) -> None:
        super().__init__(spec, options)
        self.share = float(spec.get("share", 0.75))
        self.minimum = int(spec.get("minimum", 3))

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        text = doc.fields[where].masked
        words = [m for m in _WORD.finditer(text)][1:]
        eligible = [
            m
            for m in words
            if len(m.group()) > 3
            and not m.group().isupper()
            and m.group().lower() not in _SMALL
            and m.group()[0].isalpha()
        ]
        capitals = [m for m in eligible if m.group()[0].isupper()]
        if len(capitals) >= self.minimum and len(capitals) >= self.share * len(eligible):
            lowered = [m for m in words if m.group()[0].isupper() and not m.group().isupper()]
            fix = _sentence_case(text, lowered)
            yield Hit(
                0,
                len(text.rstrip()),
                self.format(count=str(len(capitals))),
                (fix.rstrip(),),
                None,
                False,
            )


def _sentence_case(text: str, capitals: list[re.Match[str]]) -> str:
    chars = list(text)
    for m in capitals:
        chars[m.start()] = chars[m.start()].lower()
    return "".join(chars)
