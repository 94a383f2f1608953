"""Three-way merge of articles: the body by paragraphs (merge3), metadata field by field."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import merge3

PARAGRAPH_BREAK = "\n\n"


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs as the merge sees them; `join_paragraphs` gives the text back exactly."""
    return text.split(PARAGRAPH_BREAK) if text else []


def join_paragraphs(paragraphs: Sequence[str]) -> str:
    return PARAGRAPH_BREAK.join(paragraphs)


@dataclass(frozen=True)
class Conflict:
    """Paragraphs both sides changed differently: the base and each side's version of them."""

    base: tuple[str, ...]
    ours: tuple[str, ...]
    theirs: tuple[str, ...]
    at: int  # index of the region's first paragraph in the merged text


@dataclass(frozen=True)
class TextMerge:
    """A merged body: conflicts take `theirs` in `text`, and are listed to be resolved."""

    text: str
    conflicts: tuple[Conflict, ...]

    @property
    def clean(self) -> bool:
        return not self.conflicts


Edit = tuple[int, int, list[str]]


def _edits(base: Sequence[str], side: Sequence[str]) -> list[Edit]:
    matcher = difflib.SequenceMatcher(None, base, side, autojunk=False)
    return [(i1, i2, list(side[j1:j2])) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            if tag != "equal"]  # fmt: skip


def _overlap(a: Edit, b: Edit) -> bool:
    (a1, a2, _), (b1, b2, _) = a, b
    if a1 == a2 and b1 == b2:
        return a1 == b1  # two insertions at one place: which goes first is a human's call
    if a1 == a2:
        return b1 < a1 < b2
    if b1 == b2:
        return a1 < b1 < a2
    return a1 < b2 and b1 < a2


def _resolve_region(
    base: Sequence[str], ours: Sequence[str], theirs: Sequence[str]
) -> list[str] | None:
    """merge3 calls changes to neighbouring paragraphs one conflict (no unchanged paragraph
    between them); apply both when they touch different paragraphs, else None."""
    ours_edits, theirs_edits = _edits(base, ours), _edits(base, theirs)
    for mine in ours_edits:
        for other in theirs_edits:
            if (mine[0], mine[1]) == (other[0], other[1]) and mine[2] == other[2]:
                continue
            if _overlap(mine, other):
                return None
    merged_edits: dict[tuple[int, int], list[str]] = {}
    for start, end, new in [*ours_edits, *theirs_edits]:
        merged_edits[(start, end)] = new
    result: list[str] = []
    position = 0
    for (start, end), new in sorted(merged_edits.items()):
        result.extend(base[position:start])
        result.extend(new)
        position = max(position, end)
    result.extend(base[position:])
    return result


def merge_text(base: str, ours: str, theirs: str) -> TextMerge:
    """Merge two edits of `base`. Where both changed the same paragraphs differently, the
    merged text keeps `theirs` (what the service holds) and the conflict records both."""
    if ours in (theirs, base):
        return TextMerge(theirs, ())
    if theirs == base:
        return TextMerge(ours, ())
    merger = merge3.Merge3(split_paragraphs(base), split_paragraphs(ours), split_paragraphs(theirs))
    out: list[str] = []
    conflicts: list[Conflict] = []
    groups: Iterable[tuple[Any, ...]] = merger.merge_groups()
    for group in groups:
        if group[0] == "conflict":
            _, base_part, ours_part, theirs_part = group
            resolved = _resolve_region(base_part, ours_part, theirs_part)
            if resolved is None:
                conflicts.append(
                    Conflict(tuple(base_part), tuple(ours_part), tuple(theirs_part), len(out))
                )
                out.extend(theirs_part)
            else:
                out.extend(resolved)
        else:
            out.extend(group[1])
    return TextMerge(join_paragraphs(out), tuple(conflicts))


@dataclass(frozen=True)
class FieldConflict:
    name: str
    base: Any
    ours: Any
    theirs: Any


@dataclass(frozen=True)
class ContentMerge:
    """A merged content dict (field name to value), with every conflict found on the way."""

    content: dict[str, Any]
    body_conflicts: tuple[Conflict, ...]
    field_conflicts: tuple[FieldConflict, ...]

    @property
    def clean(self) -> bool:
        return not self.body_conflicts and not self.field_conflicts


def merge_content(
    base: Mapping[str, Any],
    ours: Mapping[str, Any],
    theirs: Mapping[str, Any],
    *,
    body_field: str = "body",
    theirs_wins: Sequence[str] = (),
) -> ContentMerge:
    """Field by field: a field one side changed takes that side; both changed it differently
    is a conflict that keeps `theirs`. `theirs_wins` fields always take theirs (no conflict)."""
    merged: dict[str, Any] = {}
    field_conflicts: list[FieldConflict] = []
    body_conflicts: tuple[Conflict, ...] = ()
    for name in dict.fromkeys([*theirs, *ours]):
        b, o, t = base.get(name), ours.get(name), theirs.get(name)
        if name in theirs_wins:
            merged[name] = t
        elif name == body_field:
            text = merge_text(str(b or ""), str(o or ""), str(t or ""))
            merged[name], body_conflicts = text.text, text.conflicts
        elif o in (t, b):
            merged[name] = t
        elif t == b:
            merged[name] = o
        else:
            merged[name] = t
            field_conflicts.append(FieldConflict(name, b, o, t))
    return ContentMerge(merged, body_conflicts, tuple(field_conflicts))
