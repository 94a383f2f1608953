"""Word-level differences between two versions: inline runs and side-by-side paragraph rows."""

from __future__ import annotations

import difflib
import enum
import re
from dataclasses import dataclass

from workstation.domain.merge import PARAGRAPH_BREAK, split_paragraphs

_TOKENS = re.compile(r"\s+|\w+(?:['’]\w+)*|[^\w\s]")


class Change(enum.StrEnum):
    SAME = "same"
    INSERTED = "inserted"
    DELETED = "deleted"


@dataclass(frozen=True)
class Run:
    """A stretch of text that is the same, new, or gone."""

    change: Change
    text: str


def tokenize(text: str) -> list[str]:
    """Words, single punctuation marks and whitespace runs; joined they give `text` back."""
    return _TOKENS.findall(text)


def _merge_runs(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and merged[-1].change is run.change:
            merged[-1] = Run(run.change, merged[-1].text + run.text)
        else:
            merged.append(run)
    return merged


def _token_diff(old: str, new: str) -> list[Run]:
    a, b = tokenize(old), tokenize(new)
    runs: list[Run] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(Run(Change.SAME, "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            runs.append(Run(Change.DELETED, "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            runs.append(Run(Change.INSERTED, "".join(b[j1:j2])))
    return runs


def word_diff(old: str, new: str) -> list[Run]:
    """Inline diff: deleted and inserted runs in reading order (a replacement is both).
    Paragraphs are lined up first and only changed ones compared word by word, so a long
    article costs little more than its changed paragraphs."""
    a, b = split_paragraphs(old), split_paragraphs(new)
    runs: list[Run] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        # The break before this block, on each side that has a paragraph before and in it.
        break_a, break_b = 0 < i1 < i2, 0 < j1 < j2
        if break_a or break_b:
            change = (
                Change.SAME
                if break_a and break_b
                else (Change.DELETED if break_a else Change.INSERTED)
            )
            runs.append(Run(change, PARAGRAPH_BREAK))
        if tag == "equal":
            runs.append(Run(Change.SAME, PARAGRAPH_BREAK.join(a[i1:i2])))
        else:
            runs.extend(_token_diff(PARAGRAPH_BREAK.join(a[i1:i2]), PARAGRAPH_BREAK.join(b[j1:j2])))
    return _merge_runs(runs)


@dataclass(frozen=True)
class Row:
    """One row of the side-by-side view: a paragraph before and after, each with its runs."""

    left: tuple[Run, ...]
    right: tuple[Run, ...]

    @property
    def changed(self) -> bool:
        return any(run.change is not Change.SAME for run in (*self.left, *self.right))


def side_by_side(old: str, new: str) -> list[Row]:
    """Paragraphs lined up; changed paragraphs carry word-level runs on each side."""
    a, b = split_paragraphs(old), split_paragraphs(new)
    rows: list[Row] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(Row((Run(Change.SAME, p),), (Run(Change.SAME, p),)) for p in a[i1:i2])
            continue
        left, right = a[i1:i2], b[j1:j2]
        for index in range(max(len(left), len(right))):
            before = left[index] if index < len(left) else ""
            after = right[index] if index < len(right) else ""
            runs = word_diff(before, after)
            rows.append(
                Row(
                    tuple(r for r in runs if r.change is not Change.INSERTED),
                    tuple(r for r in runs if r.change is not Change.DELETED),
                )
            )
    return rows


def summary(runs: list[Run]) -> tuple[int, int]:
    """(words inserted, words deleted), for a one-line "what changed" label."""
    inserted = sum(len(r.text.split()) for r in runs if r.change is Change.INSERTED)
    deleted = sum(len(r.text.split()) for r in runs if r.change is Change.DELETED)
    return inserted, deleted
