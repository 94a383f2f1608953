"""The rules engine: a compiled rule set run over an article's fields, giving sorted findings."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from workstation.domain.style.findings import Field, Finding, LineIndex, Severity, sort_key
from workstation.domain.style.markdown import Scanned, scan, sentences

QUOTE_POLICIES = ("flag", "skip", "lower")
UNLESS_REACH = 120
"""How far around a hit `unless` patterns are searched (the longest exception phrase)."""


@dataclass(slots=True)
class Hit:
    """What a rule reports before the engine places it: offsets into the field's source."""

    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    fix: str | None = None
    safe: bool = False
    severity: Severity | None = None


_TOKEN = re.compile(r"\w+")


def _lowered_keys(grouped: defaultdict[str, list[int]]) -> defaultdict[str, list[int]]:
    merged: defaultdict[str, list[int]] = defaultdict(list)
    for word, positions in grouped.items():
        merged[word.lower()].extend(positions)
    for positions in merged.values():
        positions.sort()
    return merged


@dataclass
class Document:
    """The three fields, scanned once, shared by every rule in one check (with caches)."""

    fields: dict[Field, Scanned]
    _words: dict[Field, dict[str, list[int]]] = field(default_factory=dict)
    _sentences: dict[tuple[Field, int], list[tuple[int, int]]] = field(default_factory=dict)

    def word_index(self, where: Field) -> dict[str, list[int]]:
        """Lower-cased word -> start offsets, built once per field for the word-list rules."""
        index = self._words.get(where)
        if index is None:
            masked = self.fields[where].masked
            lower = masked.lower()
            if len(lower) != len(masked):  # a few characters grow when lowered: keep offsets
                lower = masked
            grouped: defaultdict[str, list[int]] = defaultdict(list)
            for match in _TOKEN.finditer(lower):
                grouped[match.group()].append(match.start())
            if lower is masked:
                grouped = _lowered_keys(grouped)
            index = self._words[where] = dict(grouped)
        return index

    def sentences(self, where: Field, p_start: int, p_end: int) -> list[tuple[int, int]]:
        """Sentence spans of one paragraph, computed once."""
        key = (where, p_start)
        spans = self._sentences.get(key)
        if spans is None:
            spans = self._sentences[key] = sentences(self.fields[where].masked, p_start, p_end)
        return spans

    @classmethod
    def of(cls, headline: str = "", standfirst: str = "", body: str = "") -> Document:
        return cls(
            {
                Field.HEADLINE: scan(headline, markdown=False),
                Field.STANDFIRST: scan(standfirst, markdown=False),
                Field.BODY: scan(body, markdown=True),
            }
        )


@dataclass
class Options:
    """Named house-style options (`quotes.body`, `numbers.words_below`...) and the vocabulary."""

    values: Mapping[str, Any] = field(default_factory=dict)
    vocabulary: Mapping[str, Any] = field(default_factory=dict)

    def get(self, dotted: str, default: Any = None) -> Any:
        node: Any = self.values
        for part in dotted.split("."):
            if not isinstance(node, Mapping) or part not in node:
                return default
            node = node[part]
        return node

    def words(self, name: str) -> frozenset[str]:
        """A vocabulary list as a set (e.g. the acronyms everyone knows)."""
        return frozenset(str(w) for w in self.vocabulary.get(name, ()) or ())


class RuleError(ValueError):
    """A rule in a house-style file is malformed; the message names the rule and the key."""


class Rule:
    """One check. Subclasses compile their patterns in `__init__` and yield Hits in `find`."""

    kind = ""
    default_quotes = "flag"
    default_tables = True
    default_safe = False

    def __init__(self, spec: Mapping[str, Any], options: Options) -> None:
        self.spec = spec
        self.id = str(spec["id"])
        self.options = options
        try:
            self.severity = Severity(spec.get("severity", "warning"))
        except ValueError:
            raise RuleError(
                f"rule {self.id}: severity must be error, warning or suggestion"
            ) from None
        fields = spec.get("fields", ["headline", "standfirst", "body"])
        try:
            self.fields = tuple(Field(f) for f in fields)
        except ValueError:
            raise RuleError(f"rule {self.id}: fields must be headline, standfirst, body") from None
        self.quotes = str(spec.get("quotes", self.default_quotes))
        if self.quotes not in QUOTE_POLICIES:
            raise RuleError(f"rule {self.id}: quotes must be one of {', '.join(QUOTE_POLICIES)}")
        self.tables = bool(spec.get("tables", self.default_tables))
        self.headings = bool(spec.get("headings", True))
        requires = spec.get("requires") or ()
        self.requires = (requires,) if isinstance(requires, str) else tuple(map(str, requires))
        self.message = str(spec.get("message", ""))
        self.safe = bool(spec.get("safe", self.default_safe))
        self.source = str(spec.get("source", ""))
        self.unless = tuple(
            _compile(self.id, p, spec.get("ignore_case", True))
            for p in spec.get("unless", ()) or ()
        )

    def find(self, doc: Document, where: Field) -> Iterable[Hit]:
        raise NotImplementedError

    def excluded(self, text: str, start: int, end: int) -> bool:
        """Whether [start, end) lies inside a match of an `unless` pattern (searched nearby)."""
        lo, hi = max(0, start - UNLESS_REACH), min(len(text), end + UNLESS_REACH)
        return any(
            m.start() <= start and end <= m.end()
            for p in self.unless
            for m in p.finditer(text, lo, hi)
        )

    def format(self, template: str | None = None, **values: str) -> str:
        text = template if template is not None else self.message
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return text


def _compile(rule_id: str, pattern: str, ignore_case: bool = True) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE if ignore_case else 0)
    except re.error as exc:
        raise RuleError(f"rule {rule_id}: bad pattern {pattern!r}: {exc}") from None


compile_pattern = _compile


@dataclass
class RuleSet:
    """Compiled rules plus options; build with `loader.build_rule_set`, reuse for every check."""

    rules: list[Rule]
    options: Options
    specs: dict[str, Mapping[str, Any]] = field(default_factory=dict)

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def check(
        self,
        headline: str = "",
        standfirst: str = "",
        body: str = "",
        only: Iterable[str] | None = None,
    ) -> list[Finding]:
        """Every finding for the three fields, headline first, then by position."""
        return self.check_document(Document.of(headline, standfirst, body), only)

    def check_document(self, doc: Document, only: Iterable[str] | None = None) -> list[Finding]:
        """`check` for fields already scanned (the spell checker reads the same scans)."""
        wanted = set(only) if only is not None else None
        findings: list[Finding] = []
        for where, scanned in doc.fields.items():
            if not scanned.source:
                continue
            lines = LineIndex(scanned.source)
            for rule in self.rules:
                if where not in rule.fields or (wanted is not None and rule.id not in wanted):
                    continue
                if rule.requires and not any(r in scanned.masked for r in rule.requires):
                    continue  # cheap: none of the text the rule needs is there
                findings.extend(_place(rule, where, scanned, lines, rule.find(doc, where)))
        findings.sort(key=sort_key)
        return findings


def _place(
    rule: Rule, where: Field, scanned: Scanned, lines: LineIndex, hits: Iterable[Hit]
) -> Iterator[Finding]:
    for hit in hits:
        if not rule.tables and scanned.in_table(hit.start, hit.end):
            continue
        if not rule.headings and scanned.in_heading(hit.start, hit.end):
            continue
        if rule.unless and rule.excluded(scanned.source, hit.start, hit.end):
            continue
        quoted = scanned.in_quote(hit.start, hit.end)
        severity = hit.severity or rule.severity
        fix, safe = hit.fix, hit.safe
        if quoted and rule.quotes == "skip":
            continue
        if quoted and rule.quotes == "lower":
            severity, fix, safe = Severity.SUGGESTION, None, False
        line, column = lines.position(hit.start)
        end_line, end_column = lines.position(hit.end)
        yield Finding(
            rule=rule.id,
            severity=severity,
            field=where,
            start=hit.start,
            end=hit.end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            message=hit.message,
            suggestions=hit.suggestions,
            fix=fix,
            safe=safe,
            kind=rule.kind,
            in_quote=quoted,
        )


def match_case(original: str, replacement: str) -> str:
    """Keep a capital at the start of the text being replaced (sentence starts stay capitalised)."""
    if not original or not replacement:
        return replacement
    if original[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement
