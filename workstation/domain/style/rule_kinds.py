"""Data-driven rule kinds: replace (with a fix), avoid (explain, maybe suggest), pattern (regex)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from workstation.domain.style.engine import (
    Document,
    Hit,
    Options,
    Rule,
    RuleError,
    compile_pattern,
    match_case,
)
from workstation.domain.style.findings import Field
from workstation.domain.style.markdown import at_sentence_start

_FIRST_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Entry:
    """One word or phrase of a replace/avoid rule: what to put instead, and why."""

    replace: str | None
    suggest: tuple[str, ...]
    message: str | None


def _named(candidates: list[tuple[int, str]]) -> str:
    """One alternation of the entries' patterns, longest first, each in a group named e<i>."""
    ordered = sorted(candidates, key=lambda c: -len(c[1]))
    return "|".join(f"(?P<e{i}>{pattern})" for i, pattern in ordered)


def _phrase_pattern(key: str, is_regex: bool) -> str:
    if is_regex:
        return key
    out = []
    for ch in key:
        if ch == " ":
            out.append(r"\s+")
        elif ch in "'’":
            out.append("['’]")
        elif ch == "-":
            out.append("[-‑]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _entry(rule_id: str, value: Any, fix_first: bool) -> Entry:
    if value is None:
        return Entry(None, (), None)
    if isinstance(value, str):
        return Entry(value if fix_first else None, (value,), None)
    if isinstance(value, list):
        items = tuple(str(v) for v in value)
        return Entry(items[0] if fix_first and items else None, items, None)
    if isinstance(value, Mapping):
        replace = value.get("replace")
        suggest = value.get("suggest", [replace] if replace is not None else [])
        if isinstance(suggest, str):
            suggest = [suggest]
        message = value.get("message")
        return Entry(
            None if replace is None else str(replace),
            tuple(str(s) for s in suggest),
            None if message is None else str(message),
        )
    raise RuleError(f"rule {rule_id}: an entry must be text, a list or a mapping")


class ReplaceRule(Rule):
    """Words or phrases with a house form: `words: {center: centre, ...}`; the first is the fix."""

    kind = "replace"
    default_safe = True
    entries_key = "words"
    fix_first = True

    def __init__(self, spec: Mapping[str, Any], options: Options) -> None:
        super().__init__(spec, options)
        raw = spec.get(self.entries_key)
        if isinstance(raw, list):
            raw = {str(k): None for k in raw}
        if not isinstance(raw, Mapping) or not raw:
            raise RuleError(f"rule {self.id}: '{self.entries_key}' must list words or phrases")
        is_regex = bool(spec.get("regex", False))
        ignore_case = bool(spec.get("ignore_case", True))
        edge_l = spec.get("boundary_before", r"(?<![\w&])")
        edge_r = spec.get("boundary_after", r"(?![\w&])")
        self.entries: list[Entry] = []
        # Keys starting with a word are found through the field's word index: one alternation
        # per first word, tried where that word occurs (fast); the rest (and regex keys)
        # through one alternation over the whole text.
        by_word: dict[str, list[tuple[int, str]]] = {}
        rest: list[tuple[int, str, str]] = []
        for i, (key, value) in enumerate(raw.items()):
            key = str(key)
            self.entries.append(_entry(self.id, value, self.fix_first))
            pattern = _phrase_pattern(key, is_regex)
            first = _FIRST_WORD.match(key)
            if first and not is_regex:
                by_word.setdefault(first.group().lower(), []).append((i, pattern))
            else:
                rest.append((i, key, pattern))
        self.by_first_word: dict[str, re.Pattern[str]] = {
            word: compile_pattern(self.id, f"(?:{_named(candidates)}){edge_r}", ignore_case)
            for word, candidates in by_word.items()
        }
        self.skip_names = bool(spec.get("skip_proper_names", False))
        self.pattern: re.Pattern[str] | None = None
        if rest:
            body = _named([(i, p) for i, _key, p in rest])
            self.pattern = compile_pattern(self.id, f"{edge_l}(?:{body}){edge_r}", ignore_case)

    def _matches(self, doc: Document, where: Field) -> Iterator[tuple[int, int, int]]:
        text = doc.fields[where].masked
        found: list[tuple[int, int, int]] = []
        index = doc.word_index(where)
        for word, compiled in self.by_first_word.items():
            for pos in index.get(word, ()):
                if pos and text[pos - 1] == "&":
                    continue
                match = compiled.match(text, pos)
                if match and match.lastgroup is not None:
                    found.append((pos, match.end(), int(match.lastgroup[1:])))
        if self.pattern is not None:
            for match in self.pattern.finditer(text):
                if match.lastgroup is not None:
                    found.append((match.start(), match.end(), int(match.lastgroup[1:])))
        found.sort()
        last_end = -1
        for start, end, entry in found:
            if start >= last_end:
                last_end = end
                yield start, end, entry

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        text = doc.fields[where].masked
        for start, end, index in self._matches(doc, where):
            entry = self.entries[index]
            found = text[start:end]
            if self.skip_names and found[:1].isupper() and not at_sentence_start(text, start):
                continue  # Kennedy Center, the Centers for Disease Control: a proper name
            fix = match_case(found, entry.replace) if entry.replace is not None else None
            suggestions = tuple(match_case(found, s) for s in entry.suggest)
            message = self.format(
                entry.message,
                match=found,
                replacement=(suggestions[0] if suggestions else ""),
                suggestions=" or ".join(f"‘{s}’" for s in suggestions),
            )
            yield Hit(start, end, message, suggestions, fix, self.safe and fix is not None)


class AvoidRule(ReplaceRule):
    """Phrases to avoid (clichés, hype, non-inclusive terms); each says why, none is auto-fixed.

    An entry may still carry `replace:` for the problems panel's Fix button (never `--fix`).
    """

    kind = "avoid"
    default_safe = False
    entries_key = "phrases"
    fix_first = False


class PatternRule(Rule):
    """A regular expression over the masked text; `replace` is an optional fix template, and
    `case: lower` makes the fix the match (or its group named 'lower') in lower case, and
    `map: {says: said}` replaces the group named 'word' by its mapped form."""

    kind = "pattern"

    def __init__(self, spec: Mapping[str, Any], options: Options) -> None:
        super().__init__(spec, options)
        if "pattern" not in spec:
            raise RuleError(f"rule {self.id}: a pattern rule needs 'pattern'")
        self.pattern = compile_pattern(
            self.id, str(spec["pattern"]), bool(spec.get("ignore_case", False))
        )
        self.replace = spec.get("replace")
        raw_map = spec.get("map") or {}
        self.map = {str(k).lower(): str(v) for k, v in raw_map.items()}
        self.case = str(spec.get("case", ""))
        if self.case not in ("", "lower"):
            raise RuleError(f"rule {self.id}: case must be 'lower'")
        suggest = spec.get("suggest", [])
        self.suggest = (suggest,) if isinstance(suggest, str) else tuple(suggest)

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        scanned = doc.fields[where]
        for match in self.pattern.finditer(scanned.masked):
            if match.end() == match.start() and self.replace is None and not self.case:
                continue
            fix = None
            start, end = match.span()
            if self.replace is not None:
                fix = match.expand(str(self.replace))
            elif self.map and "word" in self.pattern.groupindex:
                # Only the mapped word is the finding ('says' in "‘…,’ she says").
                start, end = match.span("word")
                new = self.map.get(match.group("word").lower())
                fix = None if new is None else match_case(match.group("word"), new)
            elif self.case == "lower" and "lower" in self.pattern.groupindex:
                s, e = match.start("lower") - match.start(), match.end("lower") - match.start()
                fix = match.group()[:s] + match.group()[s:e].lower() + match.group()[e:]
            elif self.case == "lower":
                fix = match.group().lower()
            suggestions = (fix,) if fix else self.suggest
            message = self.format(match=match.group(), replacement=fix or "")
            yield Hit(start, end, message, suggestions, fix, self.safe and fix is not None)
