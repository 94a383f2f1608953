"""What a style check reports: findings with source offsets, severities, fields and fixes."""

from __future__ import annotations

import enum
from bisect import bisect_right
from dataclasses import dataclass


class Severity(enum.StrEnum):
    """How much a finding matters: errors block publishing, the rest advise."""

    ERROR = "error"
    WARNING = "warning"
    SUGGESTION = "suggestion"

    @property
    def rank(self) -> int:
        """0 for errors, 2 for suggestions: sort key, most serious first."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.SUGGESTION: 2}


class Field(enum.StrEnum):
    """The part of the article a finding is in."""

    HEADLINE = "headline"
    STANDFIRST = "standfirst"
    BODY = "body"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: where it is (0-based offsets into the field's source), why, and a fix.

    `fix` is the replacement text for source[start:end], or None when only a person can
    decide; `safe` says the fix can be applied without reading it (used by `lint --fix`).
    """

    rule: str
    severity: Severity
    field: Field
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    suggestions: tuple[str, ...] = ()
    fix: str | None = None
    safe: bool = False
    kind: str = ""
    in_quote: bool = False

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (the CLI's --json output)."""
        return {
            "rule": self.rule,
            "kind": self.kind,
            "severity": self.severity.value,
            "field": self.field.value,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "fix": self.fix,
            "safe": self.safe,
        }


class LineIndex:
    """Offsets to 1-based (line, column) for one text, by bisecting the line starts once built."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of a 0-based offset."""
        index = bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1


def sort_key(finding: Finding) -> tuple[int, int, int, str]:
    """Field order (headline, standfirst, body), then position, then rule id."""
    return (_FIELD_ORDER[finding.field], finding.start, finding.end, finding.rule)


_FIELD_ORDER = {Field.HEADLINE: 0, Field.STANDFIRST: 1, Field.BODY: 2}


def apply_fixes(text: str, findings: list[Finding], safe_only: bool = True) -> tuple[str, int]:
    """Apply non-overlapping fixes (from the end backwards) to `text`; return it and the count.

    Overlapping fixes are skipped, not merged: a second run of the checker finds what is left.
    """
    chosen: list[Finding] = []
    candidates = [f for f in findings if f.fix is not None and (f.safe or not safe_only)]
    candidates.sort(key=lambda f: (f.start, f.end))
    last_end = -1
    for finding in candidates:
        if finding.start < last_end or finding.end > len(text):
            continue
        chosen.append(finding)
        last_end = max(finding.end, finding.start + 1)
    for finding in reversed(chosen):
        assert finding.fix is not None
        text = text[: finding.start] + finding.fix + text[finding.end :]
    return text, len(chosen)
