"""Built-in rule kinds over characters and words: -ise/-ize, quotes, dashes, repeats, per cent."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from workstation.domain.style.engine import Document, Hit, Options, Rule, match_case
from workstation.domain.style.findings import Field
from workstation.domain.style.markdown import MASK, at_sentence_start

_IZE = re.compile(
    r"\b([A-Za-z]{3,}?)(i[zZ]|y[zZ]|I[zZ]|Y[zZ])(e|es|ed|ing|er|ers|ation|ations|"
    r"ational|ationally|ability|able)\b",
    re.IGNORECASE,
)
_ISE = re.compile(
    r"\b([A-Za-z]{3,}?)(is)(e|es|ed|ing|er|ers|ation|ations|ational)\b", re.IGNORECASE
)


class IseIzeRule(Rule):
    """-ise or -ize (option `spelling.suffix`). `keep`/`keep_endings`: -ize words that stay
    (size, prize); `ise_only`: endings of -ise words that never take -ize (advise, surprise)."""

    kind = "ise_ize"
    default_safe = True

    def __init__(self, spec: Mapping[str, Any], options: Options) -> None:
        super().__init__(spec, options)
        self.suffix = str(options.get("spelling.suffix", "ise"))
        self.keep = frozenset(str(w).lower() for w in spec.get("keep", ()) or ())
        self.keep_stems = tuple(str(w).lower() for w in spec.get("keep_endings", ()) or ())
        self.ise_only = tuple(str(w).lower() for w in spec.get("ise_only", ()) or ())
        self.skip_names = bool(spec.get("skip_proper_names", False))

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        text = doc.fields[where].masked
        pattern = _IZE if self.suffix == "ise" else _ISE
        needles = ("iz", "yz") if self.suffix == "ise" else ("is",)
        # Only words with the suffix's letters can match: find them through the word index.
        starts = sorted(
            p
            for w, positions in doc.word_index(where).items()
            if any(n in w for n in needles)
            for p in positions
        )
        for start in starts:
            match = pattern.match(text, start)
            if match is None:
                continue
            word = match.group()
            lower = word.lower()
            if lower in self.keep or lower.endswith(self.keep_stems):
                continue
            if self.skip_names and word[0].isupper() and not at_sentence_start(text, match.start()):
                continue  # a proper name: the World Health Organization
            middle = match.group(2)
            if self.suffix == "ise":
                swapped = "s" if middle[1].islower() else "S"
                new_middle = middle[0] + swapped
            else:
                if (match.group(1) + "ise").lower().endswith(self.ise_only):
                    continue  # advise, comprise, surprise: -ise in every British style
                new_middle = "iz" if middle[0].islower() else "IZ"
            fix = match.group(1) + new_middle + match.group(3)
            yield Hit(
                match.start(),
                match.end(),
                self.format(match=word, replacement=fix),
                (fix,),
                fix,
                self.safe,
            )


_STRAIGHT = re.compile(r"['\"]")


class StraightQuotesRule(Rule):
    """Straight ' and " in prose become curly apostrophes and quotation marks."""

    kind = "straight_quotes"
    default_safe = True

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        text = doc.fields[where].masked
        for match in _STRAIGHT.finditer(text):
            i = match.start()
            ch = match.group()
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            opening = (before.isspace() or before in "([{—–‘“" + MASK) and not after.isspace()
            if ch == "'":
                if opening and (after.isdigit() or text[i + 1 : i + 3].lower() in ("n ", "em")):
                    opening = False  # ’90s, rock ’n’ roll, ’em
                fix = "‘" if opening else "’"
                what = "opening quote" if opening else "apostrophe or closing quote"
            else:
                fix = "“" if opening else "”"
                what = "opening quote" if opening else "closing quote"
            yield Hit(i, i + 1, self.format(replacement=fix, what=what), (fix,), fix, self.safe)


class QuoteStyleRule(Rule):
    """Curly quotes of the house kind: `quotes.body`/`quotes.headline` single or double."""

    kind = "quote_style"
    default_safe = True

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        scanned = doc.fields[where]
        key = "quotes.headline" if where is Field.HEADLINE else "quotes.body"
        style = str(self.options.get(key, "single"))
        nested = str(self.options.get("quotes.nested", "double" if style == "single" else "single"))
        outer = ("‘", "’") if style == "single" else ("“", "”")
        inner = ("“", "”") if nested == "double" else ("‘", "’")
        if outer == inner:
            inner = outer
        text = scanned.masked
        for p_start, p_end in scanned.paragraphs:
            yield from self._paragraph(text, p_start, p_end, outer, inner)

    def _paragraph(
        self, text: str, p_start: int, p_end: int, outer: tuple[str, str], inner: tuple[str, str]
    ) -> Iterator[Hit]:
        stack: list[tuple[str, int]] = []
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in "‘’“”":
                continue
            after = text[i + 1] if i + 1 < p_end else " "
            if ch == "’" and (after.isalnum() or not stack or stack[-1][0] != "‘"):
                continue  # an apostrophe
            if ch in "‘“":
                stack.append((ch, i))
                continue
            want_open = "‘" if ch == "’" else "“"
            if not stack or stack[-1][0] != want_open:
                continue
            opener, start = stack.pop()
            expected = outer if not stack else inner
            if opener != expected[0]:
                fix = expected[0] + text[start + 1 : i] + expected[1]
                clean = MASK not in fix and not any(c in fix[1:-1] for c in "‘“”")
                level = "quotation" if not stack else "quotation inside a quotation"
                yield Hit(
                    start,
                    i + 1,
                    self.format(replacement=expected[0] + "…" + expected[1], what=level),
                    (fix,) if clean else (),
                    fix if clean else None,
                    self.safe and clean,
                )
        for opener, start in stack[:1]:
            if opener != outer[0]:
                yield Hit(
                    start,
                    start + 1,
                    self.format(replacement=outer[0] + "…" + outer[1], what="quotation"),
                    (outer[0],),
                    outer[0],
                    self.safe,
                )


_DASHES = {
    "spaced_en": (
        re.compile(
            r"[ \t]*—[ \t]*|[ \t]*--[ \t]*(?!-)"
            r"|(?<=[\w,.’”)])[ \t]+-[ \t]+(?=[\w‘“(£$])"
        ),
        " – ",
    ),
    "em": (
        re.compile(
            r"[ \t]+[–—][ \t]+|[ \t]*--[ \t]*(?!-)|(?<=\w)[ \t]+-[ \t]+(?=\w)"
            r"|[ \t]+—|—[ \t]+"
        ),
        "—",
    ),
}


class DashRule(Rule):
    """Dashes as the house sets them (`dashes.style`): a spaced en dash by default."""

    kind = "dashes"
    default_safe = True

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        style = str(self.options.get("dashes.style", "spaced_en"))
        pattern, house = _DASHES.get(style, _DASHES["spaced_en"])
        text = doc.fields[where].masked
        if not any(mark in text for mark in ("—", "–", "--", " -", "- ")):
            return  # no dash of any kind: nothing to check
        for match in pattern.finditer(text):
            found = match.group()
            if found == house:
                continue
            start, end = match.span()
            if end >= len(text) or text[end] == "\n" or start == 0 or text[start - 1] == "\n":
                fix = house.strip()  # at a line edge: keep no stray space
            else:
                fix = house
            yield Hit(
                start,
                end,
                self.format(match=found.strip(), replacement=fix.strip()),
                (fix,),
                fix,
                self.safe,
            )


_REPEAT = re.compile(r"\b(\w+)((?:[ \t]+|[ \t]*\n[ \t]*)(?:[*_]{0,2}))(\1)\b", re.IGNORECASE)


class RepeatedWordRule(Rule):
    """The same word twice in a row ('the the'), except pairs that are English (`allow`)."""

    kind = "repeated_words"
    default_safe = True

    def __init__(self, spec: Mapping[str, Any], options: Options) -> None:
        super().__init__(spec, options)
        self.allow = frozenset(str(w).lower() for w in spec.get("allow", ()) or ())

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        text = doc.fields[where].masked
        for match in _REPEAT.finditer(text):
            word = match.group(1)
            if word.lower() in self.allow or word.isdigit():
                continue
            start, end = match.start(2), match.end(3)
            yield Hit(start, end, self.format(match=word), ("",), "", self.safe)


_PERCENT_SIGN = re.compile(r"(?<=\d)[ \t]?%")
_PER_CENT_WORDS = re.compile(r"(?<=\d)[ \t]+per[ \t]+cent\b")
_PERCENT_WORD = re.compile(r"\b(?:percent|per-cent|per\s+centum)\b", re.IGNORECASE)


class PercentRule(Rule):
    """`percent.form`: 'words' (10 per cent) or 'symbol' (10%); 'percent' is always wrong."""

    kind = "percent"
    default_safe = True
    default_tables = False

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        form = str(self.options.get("percent.form", "words"))
        text = doc.fields[where].masked
        house = " per cent" if form == "words" else "%"
        for match in _PERCENT_WORD.finditer(text):
            fix = match_case(match.group(), "per cent") if form == "words" else "%"
            start = match.start()
            if fix == "%":
                while start > 0 and text[start - 1] in " \t":
                    start -= 1
            yield Hit(
                start,
                match.end(),
                self.format(match=match.group(), replacement=fix.strip()),
                (fix,),
                fix,
                self.safe,
            )
        other = _PERCENT_SIGN if form == "words" else _PER_CENT_WORDS
        for match in other.finditer(text):
            yield Hit(
                match.start(),
                match.end(),
                self.format(match=match.group().strip(), replacement=house.strip()),
                (house,),
                house,
                self.safe,
            )
