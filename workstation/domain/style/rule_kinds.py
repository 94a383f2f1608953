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


@dataclass(frozen=True)
class Entry:
    """One word or phrase of a replace/avoid rule: what to put instead, and why."""

    replace: str | None
    suggest: tuple[str, ...]
    message: str | None


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
        return Entry(None if replace is None else str(replace), tuple(str(s) for s in suggest),
                     None if message is None else str(message))
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
        self.entries: list[Entry] = []
        alternatives: list[tuple[str, str]] = []
        for key, value in raw.items():
            self.entries.append(_entry(self.id, value, self.fix_first))
            alternatives.append((str(key), _phrase_pattern(str(key), is_regex)))
        order = sorted(range(len(alternatives)), key=lambda i: -len(alternatives[i][0]))
        body = "|".join(f"(?P<e{i}>{alternatives[i][1]})" for i in order)
        edge_l = spec.get("boundary_before", r"(?<![\w&])")
        edge_r = spec.get("boundary_after", r"(?![\w&])")
        self.pattern = compile_pattern(self.id, f"{edge_l}(?:{body}){edge_r}",
                                       bool(spec.get("ignore_case", True)))

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        scanned = doc.fields[where]
        for match in self.pattern.finditer(scanned.masked):
            name = match.lastgroup
            if name is None:
                continue
            entry = self.entries[int(name[1:])]
            text = match.group()
            fix = match_case(text, entry.replace) if entry.replace is not None else None
            suggestions = tuple(match_case(text, s) for s in entry.suggest)
            message = self.format(entry.message, match=text, replacement=(
                suggestions[0] if suggestions else ""), suggestions=" or ".join(
                f"‘{s}’" for s in suggestions))
            yield Hit(match.start(), match.end(), message, suggestions, fix,
                      self.safe and fix is not None)


class AvoidRule(ReplaceRule):
    """Phrases to avoid (clichés, hype, non-inclusive terms); each says why, none is auto-fixed.

    An entry may still carry `replace:` for the problems panel's Fix button (never `--fix`).
    """

    kind = "avoid"
    default_safe = False
    entries_key = "phrases"
    fix_first = False


class PatternRule(Rule):
    """A regular expression over the masked text; `replace` is an optional fix template."""

    kind = "pattern"

    def __init__(self, spec: Mapping[str, Any], options: Options) -> None:
        super().__init__(spec, options)
        if "pattern" not in spec:
            raise RuleError(f"rule {self.id}: a pattern rule needs 'pattern'")
        self.pattern = compile_pattern(self.id, str(spec["pattern"]),
                                       bool(spec.get("ignore_case", False)))
        self.replace = spec.get("replace")
        suggest = spec.get("suggest", [])
        self.suggest = (suggest,) if isinstance(suggest, str) else tuple(suggest)

    def find(self, doc: Document, where: Field) -> Iterator[Hit]:
        scanned = doc.fields[where]
        for match in self.pattern.finditer(scanned.masked):
            if match.end() == match.start() and self.replace is None:
                continue
            fix = None
            if self.replace is not None:
                fix = match.expand(str(self.replace))
            suggestions = (fix,) if fix else self.suggest
            message = self.format(match=match.group(), replacement=fix or "")
            yield Hit(match.start(), match.end(), message, suggestions, fix,
                      self.safe and fix is not None)
