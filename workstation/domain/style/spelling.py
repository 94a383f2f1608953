"""British English spell checking over masked Markdown, from a word list passed in as text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from workstation.domain.style.findings import Field, Finding, LineIndex, Severity
from workstation.domain.style.markdown import Scanned, at_sentence_start, scan

RULE_ID = "spelling"
_PREFIXES = frozenset(
    (
        "pre",
        "post",
        "co",
        "non",
        "re",
        "anti",
        "multi",
        "inter",
        "sub",
        "self",
        "ex",
        "mid",
        "semi",
        "over",
        "under",
        "cross",
        "de",
        "e",
        "micro",
        "mini",
        "neo",
        "pro",
        "tele",
        "ultra",
    )
)
_WORD = re.compile(
    r"(?<![\w@#/\\.-])[A-Za-z][a-z]*(?:['’][a-z]+)*(?:-[A-Za-z][a-z]*)*(?![\w@/]|\.\w)"
)


def parse_word_list(text: str) -> set[str]:
    """One word a line (hunspell-style '/FLAGS' suffixes and '#' comments are ignored)."""
    words: set[str] = set()
    for line in text.splitlines():
        word = line.split("/", 1)[0].strip()
        if word and not word.startswith("#"):
            words.add(word.replace("’", "'"))
    return words


class SpellChecker:
    """Checks words against a dictionary plus a personal list; knows nothing about files."""

    def __init__(
        self,
        words: Iterable[str],
        personal: Iterable[str] = (),
        ignore: Iterable[str] = (),
        check_names: bool = False,
    ) -> None:
        """`ignore`: the house vocabulary; `check_names`: also check words capitalised
        mid-sentence (names: noisy in news, so off by default)."""
        given = words if isinstance(words, set | frozenset) else set(words)
        # Possessives (a third of the British list: "London's") are known through their base
        # word, so they are not kept twice; the lower-case forms share the words already lower
        # case. Measured: the list's 103,494 words took 23 MiB, now about 10.
        self._words = {w for w in given if not (w.endswith("'s") and w[:-2] in given)}
        self._check_names = check_names
        self._lower = {w if w.islower() else w.lower() for w in self._words}
        self._personal = {w.replace("’", "'") for w in personal}
        self._personal_lower = {w.lower() for w in self._personal}
        self._ignore = frozenset(ignore)

    @property
    def empty(self) -> bool:
        """True without a dictionary (the word list was missing): nothing is checked then."""
        return not self._words

    def add(self, word: str) -> None:
        """Accept `word` from now on (the caller saves the personal dictionary)."""
        self._personal.add(word.replace("’", "'"))
        self._personal_lower.add(word.lower().replace("’", "'"))

    def known(self, word: str) -> bool:
        """Whether a word (or each part of a hyphenated one) is spelled right."""
        word = word.replace("’", "'")
        if word in self._ignore or self._known_one(word):
            return True
        if "-" in word:
            parts = [p for p in word.split("-") if p]
            if parts and parts[0].lower() in _PREFIXES:
                parts = parts[1:]
            return all(self._known_one(part) for part in parts)
        return False

    def _known_one(self, word: str) -> bool:
        if word in self._words or word in self._personal:
            return True
        lower = word.lower()
        if lower in self._personal_lower:
            return True
        if word[:1].isupper() and (lower in self._lower or lower in self._words):
            return True  # capitalised at a sentence start, or a known word in a title
        if lower.endswith("'s") and self._known_one(word[:-2]):
            return True
        if lower.endswith("s") and len(word) > 3 and self._listed(word[:-1]):
            return True  # plurals the list leaves out (olds, carers)
        return word.endswith("'") and self._known_one(word[:-1])

    def _listed(self, word: str) -> bool:
        """In the word list as given (its possessives are kept as their base word)."""
        return word in self._words or (word.endswith("'s") and word[:-2] in self._words)

    def suggest(self, word: str, limit: int = 3) -> tuple[str, ...]:
        """Known words one edit away (a swap of neighbours first), capitalised like `word`."""
        lower = word.lower()
        letters = "abcdefghijklmnopqrstuvwxyz"
        splits = [(lower[:i], lower[i:]) for i in range(len(lower) + 1)]
        swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
        others = (
            [a + b[1:] for a, b in splits if b]
            + [a + c + b[1:] for a, b in splits if b for c in letters]
            + [a + c + b for a, b in splits for c in letters]
        )
        found: list[str] = []
        for candidate in swaps + others:
            if (
                candidate != lower
                and candidate not in found
                and (self._listed(candidate) or candidate in self._personal_lower)
            ):
                found.append(candidate)
                if len(found) == limit:
                    break
        if word[:1].isupper():
            found = [w[:1].upper() + w[1:] for w in found]
        return tuple(found)

    def check(
        self, text: str, where: Field = Field.BODY, scanned: Scanned | None = None
    ) -> list[Finding]:
        """Spelling findings for one field's source text (code, URLs and markup skipped)."""
        if self.empty or not text:
            return []
        scanned = scanned or scan(text, markdown=where is Field.BODY)
        lines = LineIndex(text)
        return list(self._findings(scanned, where, lines))

    def _findings(self, scanned: Scanned, where: Field, lines: LineIndex) -> Iterator[Finding]:
        # Each distinct word is looked up once (a 5,000-word story has ~1,000 of them).
        misspelt: dict[str, bool] = {}
        suggested: dict[str, tuple[str, ...]] = {}
        for match in _WORD.finditer(scanned.masked):
            word = match.group()
            wrong = misspelt.get(word)
            if wrong is None:
                wrong = misspelt[word] = len(word) > 1 and not self.known(word)
            if not wrong:
                continue
            start, end = match.span()
            if (
                not self._check_names
                and word[0].isupper()
                and not at_sentence_start(scanned.masked, start)
            ):
                continue
            line, column = lines.position(start)
            end_line, end_column = lines.position(end)
            suggestions = suggested.get(word)
            if suggestions is None:
                suggestions = suggested[word] = self.suggest(word) if len(word) <= 30 else ()
            yield Finding(
                rule=RULE_ID,
                severity=Severity.SUGGESTION,
                field=where,
                start=start,
                end=end,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                message=f"‘{word}’ is not in the British English dictionary",
                kind="spelling",
                in_quote=scanned.in_quote(start, end),
                suggestions=suggestions,
                fix=suggestions[0] if suggestions else None,
            )
